// libsodium is loaded on first use: its WebAssembly compile costs ~150 ms that modes which never
// write a secret (status, revoke, dry runs) should not pay.
import { SharedCalls } from '../core/shared.js';

type Sodium = typeof import('libsodium-wrappers').default;
const loading = new SharedCalls<Sodium>();

function sodium(): Promise<Sodium> {
  return loading.get('', () =>
    import('libsodium-wrappers').then(async (m) => {
      await m.default.ready;
      return m.default;
    }),
  );
}

/** Starts loading libsodium now, so that sealing right after the mint does not wait for its compile. */
export function preloadSealing(): void {
  sodium().catch(() => {
    // A failure resurfaces, with its message, at the first seal (which loads again).
  });
}

/** Encrypts a secret value for GitHub with an anonymous sealed box (crypto_box_seal), as GitHub requires. */
export async function sealSecret(value: string, publicKeyBase64: string): Promise<string> {
  const s = await sodium();
  const key = s.from_base64(publicKeyBase64, s.base64_variants.ORIGINAL);
  const sealed = s.crypto_box_seal(s.from_string(value), key);
  return s.to_base64(sealed, s.base64_variants.ORIGINAL);
}
