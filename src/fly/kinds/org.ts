// Token kinds for one organization. org and litefs-cloud are Fly's own profiles; readonly and wireguard
// narrow a server org token locally the way flyctl does (MACAROON.md §6).
import type { NotBefore } from '../../core/spec.js';
import type { FlyClient } from '../client.js';
import { readonly, wireguard } from '../macaroon/index.js';
import { OrgKindIssuer } from './base.js';

/** org: everything in one organization (every app, machines, new apps). */
export class OrgTokenIssuer extends OrgKindIssuer {
  protected readonly profile = 'deploy_organization';
}

/** readonly: read everything in one organization, change nothing. */
export class ReadonlyTokenIssuer extends OrgKindIssuer {
  protected readonly profile = 'deploy_organization';

  protected override narrow(header: string): string {
    return readonly(header);
  }
}

/** wireguard: manage the organization's WireGuard peers, read the rest; no app access beyond reading. */
export class WireguardTokenIssuer extends OrgKindIssuer {
  protected readonly profile = 'deploy_organization';

  protected override narrow(header: string): string {
    return wireguard(header);
  }
}

/** litefs-cloud: one LiteFS Cloud cluster of the organization, nothing else. */
export class LitefsCloudTokenIssuer extends OrgKindIssuer {
  protected readonly profile = 'litefs_cloud';

  constructor(
    fly: FlyClient,
    orgSlug: string,
    private readonly cluster: string,
    notBefore?: NotBefore,
  ) {
    super(fly, orgSlug, notBefore);
  }

  protected override profileParams(): Record<string, unknown> {
    return { cluster: this.cluster };
  }

  // Its caveats name a feature and a cluster, so any Fly API read without them is refused by design.
  protected override async check(): Promise<string | undefined> {
    return `minted for cluster ${this.cluster}; not checked against Fly (a LiteFS Cloud token can read nothing in the Fly API)`;
  }
}
