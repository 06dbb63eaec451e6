// The one seam between the emulator and the macaroon format (src/fly/macaroon): minting the tokens the
// emulator issues and verifying presented bundles with its root key. Everything else in the emulator
// speaks `Caveat` and kid strings only.
import {
  type Caveat,
  decodeMacaroon,
  formatHeader,
  mintMacaroon,
  PERMISSION_LOCATION,
  parseHeader,
  verifyBundle as verifyWithDischarges,
} from '../../../src/fly/macaroon/index.js';

export type { Caveat };

export class CredentialError extends Error {}

export interface VerifiedToken {
  /** The nonce key id as text: the emulator uses its credential record ids as kids. */
  kid: string;
  /** The permission token's caveats plus those of the discharges of its third-party caveats. */
  caveats: Caveat[];
}

/** Mints a permission token (location https://api.fly.io/v1) and returns its `FlyV1 fm2_…` header. */
export function mintHeader(rootKey: Uint8Array, kid: string, caveats: Caveat[]): string {
  return formatHeader([mintMacaroon(rootKey, Buffer.from(kid, 'utf8'), PERMISSION_LOCATION, caveats)]);
}

/**
 * Parses a bundle (`fm2_…[,fm2_…]`) and checks every permission token's signature chain with the root
 * key, honouring caveats appended by clients (attenuation) and discharges for third-party caveats.
 * Throws CredentialError when the bundle is malformed or any permission token fails to verify.
 */
export function verifyBundle(rootKey: Uint8Array, bundle: string): VerifiedToken[] {
  let raw: Uint8Array[];
  let decoded: ReturnType<typeof decodeMacaroon>[];
  try {
    raw = parseHeader(bundle);
    decoded = raw.map((b) => decodeMacaroon(b));
  } catch (err) {
    throw new CredentialError(`malformed token: ${(err as Error).message}`);
  }
  const out: VerifiedToken[] = [];
  decoded.forEach((m, i) => {
    if (!m.isPermission()) return;
    const others = raw.filter((_, j) => j !== i);
    const res = verifyWithDischarges(rootKey, raw[i], others, { location: PERMISSION_LOCATION });
    if (!res.ok) throw new CredentialError(`invalid token: ${res.error}`);
    out.push({
      kid: Buffer.from(m.nonce.kid).toString('utf8'),
      caveats: res.caveats.map((c) => ({ type: c.type, body: c.body })),
    });
  });
  if (out.length === 0) throw new CredentialError('no permission token in bundle');
  return out;
}
