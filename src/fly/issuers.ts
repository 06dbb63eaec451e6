// The TokenIssuer for a validated rotation: one class per token kind (see ./kinds).
import type { TokenIssuer } from '../core/interfaces.js';
import type { RotationSpec } from '../core/spec.js';
import type { FlyClient } from './client.js';
import { DeployTokenIssuer, MachineExecTokenIssuer, SshTokenIssuer } from './kinds/app.js';
import {
  LitefsCloudTokenIssuer,
  OrgTokenIssuer,
  ReadonlyTokenIssuer,
  WireguardTokenIssuer,
} from './kinds/org.js';

export {
  DeployTokenIssuer,
  LitefsCloudTokenIssuer,
  MachineExecTokenIssuer,
  OrgTokenIssuer,
  ReadonlyTokenIssuer,
  SshTokenIssuer,
  WireguardTokenIssuer,
};

export function tokenIssuer(rotation: RotationSpec, fly: FlyClient): TokenIssuer {
  const { app, org, cluster, notBefore } = rotation.scope;
  switch (rotation.kind) {
    case 'deploy':
      return new DeployTokenIssuer(fly, app!, notBefore);
    case 'machine-exec': {
      const { commands, commandPrefixes, allCommands } = rotation.scope;
      // Every command is only ever an explicit choice (commands: '*'); the inputs refuse an empty list.
      if (!allCommands && !commands?.length && !commandPrefixes?.length)
        throw new Error('machine-exec needs a command list, or allCommands to allow every command.');
      const allowed = allCommands ? {} : { commands, prefixes: commandPrefixes };
      return new MachineExecTokenIssuer(fly, app!, allowed, notBefore);
    }
    case 'ssh':
      return new SshTokenIssuer(fly, app!, notBefore);
    case 'org':
      return new OrgTokenIssuer(fly, org!, notBefore);
    case 'readonly':
      return new ReadonlyTokenIssuer(fly, org!, notBefore);
    case 'wireguard':
      return new WireguardTokenIssuer(fly, org!, notBefore);
    case 'litefs-cloud':
      return new LitefsCloudTokenIssuer(fly, org!, cluster!, notBefore);
  }
}
