// What every token kind shares: Fly mints a server token (createLimitedAccessToken with a profile), then the
// kind may narrow it locally with macaroon caveats. Narrowing keeps the server token's id (the macaroon's
// kid), so the token Fly lists, and revokes by id, is the one the secret holds.
import { errorMessage } from '../../core/errors.js';
import { nameMark } from '../../core/held.js';
import type { FlyToken, MintedToken, TokenIssuer } from '../../core/interfaces.js';
import type { NotBefore } from '../../core/spec.js';
import type { FlyApp, FlyClient, FlyOrg } from '../client.js';
import { withValidityWindow } from '../macaroon/index.js';
import { markOf, withMark } from '../mark.js';

export abstract class KindIssuer implements TokenIssuer {
  abstract readonly scope: string;
  /** Fly's token profile for createLimitedAccessToken. */
  protected abstract readonly profile: string;

  constructor(
    protected readonly fly: FlyClient,
    protected readonly notBefore?: NotBefore,
  ) {}

  abstract prepare(): Promise<void>;
  abstract list(): Promise<FlyToken[]>;
  protected abstract organizationId(): string;
  protected abstract profileParams(): Record<string, unknown>;
  /** The cheap read that proves Fly accepts the new token; a note instead when the kind can read nothing. */
  protected abstract check(fly: FlyClient): Promise<string | undefined>;

  /** Local caveats this kind appends to the server token. */
  protected narrow(header: string): string {
    return header;
  }

  async mint(name: string, expiry: string, deadline?: AbortSignal): Promise<MintedToken> {
    await this.prepare();
    const minted = await this.fly.createToken(
      {
        name,
        organizationId: this.organizationId(),
        profile: this.profile,
        profileParams: this.profileParams(),
        expiry,
      },
      deadline,
    );
    try {
      const start = this.startsAt(Date.now());
      const mark = nameMark(name);
      const narrowed = this.narrow(minted.header);
      const marked = mark ? withMark(narrowed, mark, minted.expiresAt) : narrowed;
      return {
        ...minted,
        header: this.window(marked, minted.expiresAt),
        // The protocol keeps the newest previous token valid until this one is (see core/rotate.ts).
        ...(start !== undefined ? { validFrom: new Date(start).toISOString() } : {}),
      };
    } catch (err) {
      // The server token exists but is not the token asked for: take it back rather than leave it valid.
      const undo = await this.revoke(minted.id).then(
        () => `token ${minted.id} was revoked`,
        (e) => `revoking token ${minted.id} failed too (${errorMessage(e)}); the next run revokes it`,
      );
      throw new Error(
        `Fly minted token ${minted.id} in ${this.scope}, but narrowing it to the kind asked for failed (${errorMessage(err)}), so it was not stored: ${undo}.`,
      );
    }
  }

  async verify(header: string): Promise<string | undefined> {
    const start = this.startsAt(Date.now());
    if (start !== undefined && start > Date.now())
      return `not checked: the token is valid only from ${new Date(start).toISOString()}`;
    return this.check(this.fly.as(header));
  }

  revoke(id: string): Promise<void> {
    return this.fly.revokeToken(id);
  }

  markOf(header: string): string | undefined {
    return markOf(header);
  }

  private startsAt(mintedAt: number): number | undefined {
    if (!this.notBefore) return undefined;
    return 'atMs' in this.notBefore ? this.notBefore.atMs : mintedAt + this.notBefore.delayMs;
  }

  /** `not-before`: a ValidityWindow from then until the server's own expiry, so it never extends the token. */
  private window(header: string, expiresAt: string): string {
    const start = this.startsAt(Date.now());
    if (start === undefined) return header;
    return withValidityWindow(header, Math.floor(start / 1000), Math.floor(Date.parse(expiresAt) / 1000));
  }
}

/** Kinds minted for one app (profile `deploy`): listed and revoked among the app's tokens. */
export abstract class AppKindIssuer extends KindIssuer {
  readonly scope: string;
  protected readonly profile = 'deploy';
  protected app?: FlyApp;

  constructor(
    fly: FlyClient,
    readonly appName: string,
    notBefore?: NotBefore,
  ) {
    super(fly, notBefore);
    this.scope = `app ${appName}`;
  }

  async prepare(): Promise<void> {
    this.app ??= await this.fly.getApp(this.appName);
  }

  list(): Promise<FlyToken[]> {
    return this.fly.listTokens({ app: this.appName });
  }

  protected organizationId(): string {
    return this.app!.org.id;
  }

  protected profileParams(): Record<string, unknown> {
    return { app_id: this.app!.id };
  }

  protected async check(fly: FlyClient): Promise<string | undefined> {
    await fly.getApp(this.appName);
    return undefined;
  }
}

/** Kinds minted for one organization: listed and revoked among the organization's tokens. */
export abstract class OrgKindIssuer extends KindIssuer {
  readonly scope: string;
  protected org?: FlyOrg;

  constructor(
    fly: FlyClient,
    readonly orgSlug: string,
    notBefore?: NotBefore,
  ) {
    super(fly, notBefore);
    this.scope = `organization ${orgSlug}`;
  }

  async prepare(): Promise<void> {
    this.org ??= await this.fly.getOrganization(this.orgSlug);
  }

  list(): Promise<FlyToken[]> {
    return this.fly.listTokens({ org: this.orgSlug });
  }

  protected organizationId(): string {
    return this.org!.id;
  }

  protected profileParams(): Record<string, unknown> {
    return {};
  }

  protected async check(fly: FlyClient): Promise<string | undefined> {
    await fly.getOrganization(this.orgSlug);
    return undefined;
  }
}
