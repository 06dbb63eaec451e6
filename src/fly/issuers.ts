import type { TokenIssuer } from '../rotate.js';
import type { RotationSpec } from '../spec.js';
import type { FlyApp, FlyClient, FlyToken, MintedToken } from './client.js';

/** A deploy token: one app, minted by Fly with profile `deploy`. */
export class DeployTokenIssuer implements TokenIssuer {
  readonly scope: string;
  private app?: FlyApp;

  constructor(
    private readonly fly: FlyClient,
    readonly appName: string,
  ) {
    this.scope = `app ${appName}`;
  }

  async prepare(): Promise<void> {
    this.app ??= await this.fly.getApp(this.appName);
  }

  list(): Promise<FlyToken[]> {
    return this.fly.listTokens({ app: this.appName });
  }

  async mint(name: string, expiry: string): Promise<MintedToken> {
    await this.prepare();
    const app = this.app!;
    return this.fly.createToken({
      name,
      organizationId: app.org.id,
      profile: 'deploy',
      profileParams: { app_id: app.id },
      expiry,
    });
  }

  async verify(header: string): Promise<string | undefined> {
    await this.fly.as(header).getApp(this.appName);
    return undefined;
  }

  revoke(id: string): Promise<void> {
    return this.fly.revokeToken(id);
  }
}

/** The issuer for a validated rotation: one class per token kind. */
export function tokenIssuer(rotation: RotationSpec, fly: FlyClient): TokenIssuer {
  switch (rotation.kind) {
    case 'deploy':
      return new DeployTokenIssuer(fly, rotation.scope.app!);
  }
}
