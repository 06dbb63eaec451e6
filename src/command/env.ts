// A command target runs someone else's program. It gets the token it is meant to store on standard input, and
// none of the credentials this tool holds: a program that logs its environment, or is compromised, must not
// leak the Fly credential that mints tokens or the forge tokens that write every other secret.

/**
 * Variables that carry a credential of this tool itself or of the runner; a command target never sees them.
 * The stores' credential variables (GITLAB_TOKEN…) come from their descriptors (../stores.ts) with each run.
 */
export const CREDENTIAL_VARIABLES: readonly string[] = [
  'FLY_API_TOKEN',
  // The bot's GitHub App key, as docs/bot.md names its secret.
  'FLY_ROTATOR_APP_PRIVATE_KEY',
  // The runner's own tokens: the cache and artifact service, and the OIDC token endpoint.
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
];

/** The runner passes every input of an action as INPUT_<NAME>, and the action's inputs hold credentials. */
export const CREDENTIAL_PREFIXES: readonly string[] = ['INPUT_'];

/**
 * The environment a command target runs with: `parent` without the credentials above and `also` (the run's
 * stores' credential variables).
 */
export function childEnvironment(parent: NodeJS.ProcessEnv, also: readonly string[] = []): NodeJS.ProcessEnv {
  const names = new Set([...CREDENTIAL_VARIABLES, ...also].map((n) => n.toUpperCase()));
  // Windows treats variable names case-insensitively, so `github_token` is the same variable there.
  const isCredential = (name: string) => {
    const upper = name.toUpperCase();
    return names.has(upper) || CREDENTIAL_PREFIXES.some((p) => upper.startsWith(p));
  };
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(parent)) {
    if (value !== undefined && !isCredential(name)) env[name] = value;
  }
  return env;
}
