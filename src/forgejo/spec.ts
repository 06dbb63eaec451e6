// What a Forgejo target line becomes (see ./store.ts).

/** A Forgejo or Gitea Actions secret (on the run's Forgejo instance). */
export type ForgejoTargetSpec =
  | { type: 'forgejo-repo'; owner: string; repo: string; secret: string }
  | { type: 'forgejo-org'; org: string; secret: string }
  /** The credential's own user: `user` is checked against it before anything is minted. */
  | { type: 'forgejo-user'; user: string; secret: string };
