// Which secret names every Forgejo and Gitea release with Actions secrets accepts. The servers differ, so this
// is the strictest of their rules: a name that passes here is never refused after a token was minted.
//  - all: letters, digits and underscores, not starting with a digit (case-insensitive; stored upper-case);
//  - Forgejo refuses names starting with FORGEJO_, GITEA_ or GITHUB_; Gitea those starting with GITEA_ or
//    GITHUB_, and the name CI;
//  - Forgejo releases before its rule moved into the secret model anchored only FORGEJO_, so they refuse
//    GITEA_ and GITHUB_ anywhere in the name (MY_GITHUB_TOKEN).

const SHAPE = /^[A-Za-z_][A-Za-z0-9_]*$/;
const RESERVED_PREFIX = /^FORGEJO_/i;
const RESERVED_ANYWHERE = /GITEA_|GITHUB_/i;

export function isForgejoSecretName(name: string): boolean {
  return (
    SHAPE.test(name) &&
    !RESERVED_PREFIX.test(name) &&
    !RESERVED_ANYWHERE.test(name) &&
    name.toUpperCase() !== 'CI'
  );
}

/** Why a name fails isForgejoSecretName, for the parser's message. */
export const FORGEJO_SECRET_NAME_RULE =
  'letters, digits and underscores, not starting with a digit, not starting with FORGEJO_, not containing ' +
  'GITEA_ or GITHUB_, and not CI';
