// The command target: a program given the token on standard input (see ./writer.ts for its contract).
export { describeArgv, parseCommandLine } from './argv.js';
export { CREDENTIAL_PREFIXES, CREDENTIAL_VARIABLES, childEnvironment } from './env.js';
export { OUTPUT_CAP_BYTES } from './output.js';
export {
  CommandTarget,
  CommandWriter,
  type CommandWriterOptions,
  DEFAULT_COMMAND_TIMEOUT_MS,
  DEFAULT_KILL_GRACE_MS,
} from './writer.js';
