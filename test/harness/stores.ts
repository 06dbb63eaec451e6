// The stores beyond GitHub for end-to-end runs, the fault suite, the demo and `npm run emulators`: the GitLab
// and Forgejo emulators, each with one project or repository and a token that may write its secrets, and a
// command target's program (a tiny secret store that keeps what it reads on standard input in a file).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ForgejoEmulator, startForgejoEmulator } from '../emulators/forgejo/index.js';
import { type GitLabEmulator, startGitLabEmulator } from '../emulators/gitlab/index.js';

/** A personal access token with scope api and the Maintainer role on the project. */
export const GITLAB_TOKEN = 'glpat-emulator0maintainer0token';
/** A Forgejo access token with write:repository, of the repository's owner. */
export const FORGEJO_TOKEN = 'forgejo0emulator0token0with0repo0scope0001';

export interface Stores {
  gl: GitLabEmulator;
  fj: ForgejoEmulator;
  /** Inputs that point the action at both emulators with the tokens above. */
  inputs: Record<string, string>;
  close(): Promise<void>;
}

/** `path`: the GitLab project and the Forgejo repository (`owner/name`), both writable by the tokens above. */
export async function startStores(path = 'acme/web'): Promise<Stores> {
  const [gl, fj] = await Promise.all([startGitLabEmulator(), startForgejoEmulator()]);
  gl.addProject(path);
  gl.addToken(GITLAB_TOKEN, { scopes: ['api'], roles: { [path]: 'maintainer' } });
  const owner = path.split('/')[0];
  fj.addUser(owner);
  fj.addRepo(path);
  fj.addToken(FORGEJO_TOKEN, { user: owner, scopes: ['write:repository'] });
  return {
    gl,
    fj,
    inputs: {
      'gitlab-url': gl.url,
      'gitlab-token': GITLAB_TOKEN,
      'forgejo-url': fj.url,
      'forgejo-token': FORGEJO_TOKEN,
    },
    close: async () => void (await Promise.all([gl.close(), fj.close()])),
  };
}

/**
 * Writes the command target's program into `dir` and returns its path. Run as `node PROGRAM FILE [fail|hang]`:
 * it writes its standard input to FILE and says how many characters it stored; `fail` exits 1 without storing,
 * `hang` never exits.
 */
export function writeStoreProgram(dir: string): string {
  const program = join(dir, 'store.mjs');
  writeFileSync(
    program,
    `import { writeFileSync } from 'node:fs';
let v = '';
process.stdin.on('data', (d) => (v += d)).on('end', () => {
  if (process.argv[3] === 'fail') { console.error('vault: permission denied'); process.exit(1); }
  if (process.argv[3] === 'hang') { setInterval(() => {}, 1000); return; }
  writeFileSync(process.argv[2], v);
  console.log('stored', v.length, 'characters');
});
`,
  );
  return program;
}
