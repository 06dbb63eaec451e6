// Finds a command target's program before anything is minted, the way the spawn will: a name with a slash is a
// path (relative to the working directory), any other name is looked up in the PATH the program will run with.
// A typo then fails the run while the old token is still the only one.
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import path from 'node:path';

const WINDOWS = process.platform === 'win32';
// What spawn searches when the environment has no PATH at all: the same two folders on Linux (glibc's execvp,
// /bin first) and macOS (libuv's own search, /usr/bin first).
const DEFAULT_PATH = '/usr/bin:/bin';

export type Lookup =
  | { found: string }
  /** `reason`: "not found on PATH (…)", "is not executable": completes a sentence that names the program. */
  | { reason: string };

/** The PATH entry of `env`; Windows spells the name in any case. */
export function searchPath(env: NodeJS.ProcessEnv): string | undefined {
  if (!WINDOWS) return env.PATH;
  const key = Object.keys(env).find((k) => k.toUpperCase() === 'PATH');
  return key === undefined ? undefined : env[key];
}

/** Whether `file` is a regular file this process may execute (or, when not, why not). */
async function check(file: string): Promise<'ok' | 'missing' | 'not-executable'> {
  try {
    if (!(await stat(file)).isFile()) return 'missing';
  } catch {
    return 'missing';
  }
  try {
    await access(file, constants.X_OK);
    return 'ok';
  } catch {
    return 'not-executable';
  }
}

/** Names to try for one PATH entry: Windows runs `vault.exe` for `vault` (spawn without a shell runs no .cmd). */
function candidates(dir: string, program: string): string[] {
  const file = path.join(dir, program);
  return WINDOWS && path.extname(program) === '' ? [`${file}.exe`, `${file}.com`, file] : [file];
}

/** Resolves `program` as execvp would, against the PATH of `env` and the directory `cwd`. */
export async function findProgram(program: string, env: NodeJS.ProcessEnv, cwd: string): Promise<Lookup> {
  const hasDir = program.includes('/') || (WINDOWS && program.includes('\\'));
  if (hasDir) {
    const state = await check(path.resolve(cwd, program));
    if (state === 'ok') return { found: path.resolve(cwd, program) };
    return { reason: state === 'missing' ? 'does not exist' : 'is not executable' };
  }
  const searched = searchPath(env) ?? DEFAULT_PATH;
  let blocked: string | undefined;
  for (const entry of searched.split(path.delimiter)) {
    // An empty PATH entry means the working directory, as it does for execvp.
    const dir = path.resolve(cwd, entry === '' ? '.' : entry);
    for (const file of candidates(dir, program)) {
      const state = await check(file);
      if (state === 'ok') return { found: file };
      // execvp goes on past a file it may not run; it reports EACCES only when nothing later runs.
      if (state === 'not-executable') blocked ??= file;
    }
  }
  if (blocked) return { reason: `is not executable (${blocked})` };
  return { reason: `is not found on PATH (${searched})` };
}
