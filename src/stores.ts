// The registry of secret stores: the one place that names them. Everything else reaches a store through its
// descriptor (./core/store.ts). Adding a store is one folder with a store.ts and one line here (see
// docs/development.md, "Adding a store").
import { commandStore } from './command/store.js';
import type { TargetSpec } from './core/spec.js';
import type { StoreDescriptor, StoreInput, TargetKind } from './core/store.js';
import { forgejoStore } from './forgejo/store.js';
import { githubStore } from './github/store.js';
import { gitlabStore } from './gitlab/store.js';

/** In the order help lists their line kinds. GitHub's first: a bare OWNER/REPO is a GitHub repository. */
export const STORES: readonly StoreDescriptor[] = [
  githubStore,
  gitlabStore,
  forgejoStore,
  commandStore,
] as StoreDescriptor[];

/** The store a bare `repository` input (or GITHUB_REPOSITORY) writes to, and the kind it is parsed as. */
export const SIMPLE_TARGET: TargetKind = githubStore.kinds.repo as TargetKind;

/** The store a target belongs to; a spec no store owns is a bug. */
export function storeOf(target: TargetSpec): StoreDescriptor {
  const store = STORES.find((s) => s.owns(target));
  if (!store) throw new Error(`no store owns targets of type ${target.type}`);
  return store;
}

/** Every line kind, lower case, with its store. A Map: a plain object would find `constructor:` on its prototype. */
export const LINE_KINDS: ReadonlyMap<string, { store: StoreDescriptor; kind: TargetKind }> = new Map(
  STORES.flatMap((store) =>
    Object.entries(store.kinds).map(([name, kind]) => [name, { store, kind }] as const),
  ),
);

/** Every kind's line format, for help and errors. */
export const TARGET_FORMATS: readonly string[] = STORES.flatMap((s) =>
  Object.values(s.kinds).flatMap((k) => (k.format ? [k.format] : [])),
);

/** Every store's inputs. */
export const STORE_INPUTS: readonly StoreInput[] = STORES.flatMap((s) => s.inputs);

/** Environment variables that hold a store's credential (the CLI's and the stores' own). */
export const STORE_SECRET_VARIABLES: readonly string[] = STORES.flatMap((s) => [
  ...s.inputs.flatMap((i) => (i.secret && i.env ? [i.env] : [])),
  ...(s.secretVariables ?? []),
]);
