// The token kind and its Fly scope (app, org, …) from the action's inputs.
import { InputError } from '../errors.js';
import type { FlyScope, TokenKind } from '../spec.js';
import type { GetInput } from './common.js';

export interface KindAndScope {
  kind: TokenKind;
  scope: FlyScope;
  /** "deploy token for app my-app": for logs and summaries. */
  label: string;
}

export function readKindAndScope(get: GetInput): KindAndScope {
  const app = get('app').trim();
  if (!app)
    throw new InputError(
      'app is required. Expected the name of the Fly app whose deploy token is rotated, e.g. "my-app".',
    );
  if (!/^[a-z0-9][a-z0-9-]*$/i.test(app))
    throw new InputError(`app "${app}" is not a Fly app name. Expected letters, digits and dashes.`);
  return { kind: 'deploy', scope: { app }, label: `deploy token for app ${app}` };
}
