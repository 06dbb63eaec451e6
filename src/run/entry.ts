// The one path a request takes, whatever door it came through (the action, the CLI): mask the credentials
// among the inputs before anything can print them, read and check the RunSpec, warn about doubtful inputs, then
// run its mode and close what the run opened. The doors supply only their I/O: how inputs are read, where lines
// and the report go, how a failure ends the process.
import type { GetInput } from '../core/input.js';
import type { Log } from '../core/interfaces.js';
import { printableLog } from '../core/printable.js';
import type { RunSpec } from '../core/spec.js';
import { inputWarnings } from '../inputs/read.js';
import { planReport } from './modes/plan.js';
import type { RotationOutcome, RunReport } from './report.js';
import { maskCredentials } from './scrub.js';
import type { Env } from './services.js';

export interface Request {
  /** The inputs by the action's names (the CLI maps its flags and environment onto them). */
  get: GetInput;
  env: Env;
  /** Registers a secret: the door never prints it (the runner masks it; the CLI cuts it out). */
  mask(value: string): void;
  /** Where lines go, raw: the entry makes every line printable before it gets here. */
  sink: Pick<Log, 'info' | 'warning' | 'group'>;
  /** Inputs → a validated RunSpec, touching no API (the door's own checks first, e.g. the CLI's flags). */
  read(get: GetInput): Promise<RunSpec>;
  /** What the door noticed about its inputs before they were read (a key on the command line). */
  warnings?: readonly string[];
  /** The GitHub API URL of the runner's context (the action's); loaded only by a mode that calls an API. */
  apiUrl?(): Promise<string | undefined>;
  /** Called as each rotation finishes, with how many there are (the CLI's progress lines). */
  onDone?(outcome: RotationOutcome, total: number): void;
}

/** Runs a request from start to end; throws an InputError for inputs that were refused (nothing touched). */
export async function runRequest(request: Request): Promise<{ spec: RunSpec; report: RunReport }> {
  maskCredentials(request.get, request.mask);
  // Messages quote remote text (token names, API errors): printed raw, it could start a workflow command.
  const log = printableLog({ ...request.sink, mask: request.mask });
  for (const warning of request.warnings ?? []) log.warning(warning);
  const spec = await request.read(request.get);
  for (const warning of inputWarnings(spec)) log.warning(warning);
  // Mode plan touches no API: it builds no client and needs no credential, so nothing else is loaded for it.
  if (spec.mode === 'plan') return { spec, report: planReport(spec) };
  return { spec, report: await runMode(spec, log, request) };
}

/**
 * Builds the clients and runs the mode. Loaded only once the inputs are valid: a run refused for its inputs, or
 * a plan, never loads the clients or the modes.
 */
async function runMode(spec: RunSpec, log: Log, request: Request): Promise<RunReport> {
  const [{ createServices, execute }, apiUrl] = await Promise.all([import('./index.js'), request.apiUrl?.()]);
  const services = await createServices(spec, request.env, log, apiUrl);
  const onDone = request.onDone && ((o: RotationOutcome) => request.onDone?.(o, spec.rotations.length));
  return execute(spec, services, log, undefined, onDone).finally(() => services.close?.());
}
