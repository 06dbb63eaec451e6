// The one seam between the emulator and the macaroon format: minting the tokens the emulator issues and
// verifying presented bundles. Everything else in the emulator speaks `Caveat` and kid strings only.
import type { Caveat } from './caveats.js';
import {
  chainTail,
  decodeToken,
  formatHeader,
  mintToken,
  PERMISSION_LOCATION,
  parseBundle,
} from './codec.js';

export class CredentialError extends Error {}

export interface VerifiedToken {
  /** The nonce key id as text: the emulator uses its credential record ids as kids. */
  kid: string;
  caveats: Caveat[];
}

/** Mints a permission token (location https://api.fly.io/v1) and returns its `FlyV1 fm2_…` header. */
export function mintHeader(rootKey: Uint8Array, kid: string, caveats: Caveat[]): string {
  const body = caveats.map((c) => ({ type: Number(c.type), body: c.body }));
  return formatHeader([mintToken(rootKey, Buffer.from(kid, 'utf8'), body)]);
}

/**
 * Parses a bundle (`fm2_…[,fm2_…]`, scheme already removed) and checks every permission token's signature
 * chain with the root key, honouring caveats appended by clients (attenuation). Discharge tokens are
 * carried along but only matter for third-party caveats, which this emulator does not issue.
 * Throws CredentialError when the bundle is malformed or any permission token's chain is wrong.
 */
export function verifyBundle(rootKey: Uint8Array, bundle: string): VerifiedToken[] {
  let raw: Uint8Array[];
  try {
    raw = parseBundle(bundle);
  } catch (err) {
    throw new CredentialError(`malformed token: ${(err as Error).message}`);
  }
  const out: VerifiedToken[] = [];
  for (const bytes of raw) {
    let tok: ReturnType<typeof decodeToken>;
    try {
      tok = decodeToken(bytes);
    } catch (err) {
      throw new CredentialError(`malformed token: ${(err as Error).message}`);
    }
    if (tok.location !== PERMISSION_LOCATION || tok.proof) continue;
    const tail = chainTail(rootKey, tok.nonceBytes, tok.caveats, false);
    if (!Buffer.from(tail).equals(Buffer.from(tok.tail))) throw new CredentialError('bad token signature');
    out.push({
      kid: Buffer.from(tok.kid).toString('utf8'),
      caveats: tok.caveats.map((c) => ({ type: c.type, body: c.body })),
    });
  }
  if (out.length === 0) throw new CredentialError('no permission token in bundle');
  return out;
}
