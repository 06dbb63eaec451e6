// Token kinds for one app. All start as a server deploy token; machine-exec and ssh narrow it locally the
// way flyctl does (MACAROON.md §6), so they can do at most what a deploy token of that app can.
import type { NotBefore } from '../../core/spec.js';
import type { FlyClient } from '../client.js';
import { machineExec, ssh } from '../macaroon/index.js';
import { AppKindIssuer } from './base.js';

/** deploy: manage one app (deploy, machines, secrets, certificates). */
export class DeployTokenIssuer extends AppKindIssuer {}

export interface CommandList {
  /** Commands allowed exactly, as argv. */
  commands?: string[][];
  /** Commands allowed as argv prefixes. */
  prefixes?: string[][];
}

/**
 * machine-exec: run the listed commands on the app's machines, and read the app. An empty list allows every
 * command (flyctl's `{args: [], exact: false}`); the inputs ask for that explicitly.
 */
export class MachineExecTokenIssuer extends AppKindIssuer {
  constructor(
    fly: FlyClient,
    appName: string,
    private readonly allowed: CommandList,
    notBefore?: NotBefore,
  ) {
    super(fly, appName, notBefore);
  }

  protected override narrow(header: string): string {
    return machineExec(header, { commands: this.allowed.commands, prefixes: this.allowed.prefixes });
  }
}

/** ssh: read the app, and issue SSH certificates / add WireGuard peers to reach its machines. */
export class SshTokenIssuer extends AppKindIssuer {
  protected override narrow(header: string): string {
    return ssh(header);
  }
}
