// A command target runs someone else's program. It gets the token it is meant to store on standard input, and
// none of the credentials this tool holds: a program that logs its environment, or is compromised, must not
// leak the Fly credential that mints tokens or the forge tokens that write every other secret.

/** Variables that carry a credential of this tool; a command target never sees them. */
export const CREDENTIAL_VARIABLES: readonly string[] = [
  'FLY_API_TOKEN',
  'GITHUB_TOKEN',
  'GH_TOKEN',
  'GITLAB_TOKEN',
  'FORGEJO_TOKEN',
  'FLY_ROTATOR_APP_PRIVATE_KEY',
  // The runner's own tokens: the cache and artifact service, and the OIDC token endpoint.
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
];

/** The runner passes every input of an action as INPUT_<NAME>, and the action's inputs hold credentials. */
export const CREDENTIAL_PREFIXES: readonly string[] = ['INPUT_'];

function isCredential(name: string): boolean {
  // Windows treats variable names case-insensitively, so `github_token` is the same variable there.
  const upper = name.toUpperCase();
  return CREDENTIAL_VARIABLES.includes(upper) || CREDENTIAL_PREFIXES.some((p) => upper.startsWith(p));
}

/** The environment a command target runs with: `parent` without the credentials above. */
export function childEnvironment(parent: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(parent)) {
    if (value !== undefined && !isCredential(name)) env[name] = value;
  }
  return env;
}
