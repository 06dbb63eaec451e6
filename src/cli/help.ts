// `fly-token-rotator --help`: what the CLI does, its flags, examples and exit codes.
import { STORE_INPUTS } from '../stores.js';

export const EXIT = { ok: 0, failed: 1, usage: 2, unexpected: 3 } as const;

/** Each store's inputs as flags, in a column as the lines around them: `  --gitlab-url URL          or env …`. */
const STORE_FLAGS = STORE_INPUTS.flatMap((i) => {
  if (!i.help) return [];
  const flag = `  --${i.name}${i.file ? '-file' : ''} ${i.help.value}`;
  return [`${flag.length < 28 ? flag.padEnd(28) : `${flag}   `}${i.help.text}\n`];
}).join('');

export const HELP = `fly-token-rotator: mint short-lived Fly.io tokens, store them in secrets, revoke the old ones.
Secrets of GitHub, GitLab and Forgejo/Gitea, and any store a command can write.

Usage:
  fly-token-rotator --config FILE [--mode MODE] [--only NAME] [--json]
  fly-token-rotator --app APP --repository OWNER/REPO [flags]

Credentials (flags win over the environment):
  --fly-api-token TOKEN     or env FLY_API_TOKEN: a Fly auth token that may mint (personal access token)
${STORE_FLAGS}
Run:
  --config FILE             YAML config with many rotations (JSON Schema: schema/config.schema.json in the package)
  --only NAME[,NAME]        rotate only these rotations of the config
  --mode MODE               rotate (default), revoke, revoke-all, status, plan
  --dry-run                 print what would happen; create, write and revoke nothing
  --token-ids ID[,ID]       mode revoke: the tokens to revoke
  --force                   mode revoke: also revoke the token a secret holds now
  --json                    print one JSON document on stdout (progress still goes to stderr)
  --timeout 55              bound the whole run (seconds, or 5m); it fails naming the step that waited
  --held VALUE              or env FLY_TOKEN_ROTATOR_HELD (better: not in the process list): the values the
                            targets hold, one value for one target or NAME=value lines; proof by use
  --revoke-previous after-use   rotate leaves the previous token valid; status revokes it once held shows
                            every target holds the newest
  --help, --version         print this text or the version, and run nothing (no arguments: this text)

A flag that would have no effect (--only without --config, --force outside mode revoke, …) is refused.

One rotation without a config (the action's inputs, as flags):
  --token-type KIND         deploy (default), org, readonly, machine-exec, ssh, wireguard, litefs-cloud
  --app APP  --org ORG  --cluster NAME  --commands CMD (repeatable)  --command-prefixes CMD (repeatable)
  --target LINE             repeatable: repo:OWNER/REPO, env:OWNER/REPO/ENV, org:ORG visibility=…, … [secret=NAME]
                            gitlab:GROUP/PROJECT, forgejo:OWNER/REPO, command:PROGRAM ARG…
  --command-timeout 30s     how long a command target may run
  --repository OWNER/REPO --secret-name NAME   the simple form: one repository secret
  --expiry 7d  --token-name NAME  --keep-previous N  --not-before TIME  --warn-before 2d  --request-timeout 10

Examples:
  # Everything in the bot's config, eight rotations at a time:
  FLY_API_TOKEN=… GITHUB_TOKEN=… fly-token-rotator --config fly-tokens.yml
  # Check the file and list its rotations as a matrix, with no credentials and no API call:
  fly-token-rotator --config fly-tokens.yml --mode plan --json
  # One app into a repository and its production environment:
  fly-token-rotator --app my-app --target repo:me/my-app --target "env:me/my-app/production secret=FLY_DEPLOY"
  # One app into a GitLab project's variable and a Vault secret (the command reads the token on stdin):
  fly-token-rotator --app my-app --target gitlab:me/my-app --target "command:vault kv put -mount=secret fly token=-"
  # Revoke two tokens by id:
  fly-token-rotator --app my-app --repository me/my-app --mode revoke --token-ids tok_1,tok_2

Exit codes:
  0  everything asked for succeeded
  1  a rotation (or status check) failed; the output lists exactly which
  2  bad flags, inputs or config file; nothing was minted, written or revoked
  3  unexpected error (a bug: please report it)
`;
