// HMAC chain primitives and ChaCha20-Poly1305 sealing (MACAROON.md §4, §7).
import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { concatBytes } from './msgpack.js';

const FINALIZE_KEY = new TextEncoder().encode('proof-signature-finalization');

export function hmac(key: Uint8Array, msg: Uint8Array): Uint8Array {
  return new Uint8Array(createHmac('sha256', key).update(msg).digest());
}

/** Public tail of a finalized proof: HMAC("proof-signature-finalization", Tn). */
export function finalizeTail(tn: Uint8Array): Uint8Array {
  return hmac(FINALIZE_KEY, tn);
}

export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

export function randomKey(n = 32): Uint8Array {
  return new Uint8Array(randomBytes(n));
}

/** ChaCha20-Poly1305 (IETF), no AAD: nonce(12) || ciphertext || tag(16). */
export function seal(key: Uint8Array, plaintext: Uint8Array, nonce: Uint8Array = randomKey(12)): Uint8Array {
  if (key.length !== 32 || nonce.length !== 12) throw new RangeError('seal: key must be 32 bytes, nonce 12');
  const c = createCipheriv('chacha20-poly1305', key, nonce, { authTagLength: 16 });
  const ct = c.update(plaintext);
  c.final();
  return concatBytes([nonce, ct, c.getAuthTag()]);
}

/** Inverse of `seal`; throws if the key is wrong or the box was tampered with. */
export function unseal(key: Uint8Array, box: Uint8Array): Uint8Array {
  if (key.length !== 32) throw new RangeError('unseal: key must be 32 bytes');
  if (box.length < 28) throw new RangeError('unseal: sealed box too short');
  const d = createDecipheriv('chacha20-poly1305', key, box.subarray(0, 12), { authTagLength: 16 });
  d.setAuthTag(box.subarray(box.length - 16));
  const pt = d.update(box.subarray(12, box.length - 16));
  d.final();
  return new Uint8Array(pt);
}
