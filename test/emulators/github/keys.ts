// Secret key stores: one real libsodium box keypair per store (repo, environment, org; Actions, Dependabot,
// Codespaces), like GitHub, which hands out the public half and opens sealed boxes with the private half.
import { randomInt } from 'node:crypto';
import sodium from 'libsodium-wrappers';

export interface SealingKey {
  keyId: string;
  publicKey: Uint8Array;
  privateKey: Uint8Array;
  /** base64 of the public key, as `key` in the public-key endpoints. */
  publicKeyBase64: string;
}

let ready: Promise<void> | undefined;

export function sodiumReady(): Promise<void> {
  ready ??= sodium.ready;
  return ready;
}

/** GitHub key ids are long decimal strings such as "568250167242549743". */
function newKeyId(): string {
  let id = String(randomInt(1, 10));
  while (id.length < 18) id += String(randomInt(0, 10));
  return id;
}

export function newSealingKey(): SealingKey {
  const { publicKey, privateKey } = sodium.crypto_box_keypair();
  return {
    keyId: newKeyId(),
    publicKey,
    privateKey,
    publicKeyBase64: sodium.to_base64(publicKey, sodium.base64_variants.ORIGINAL),
  };
}

/** Opens a sealed box (base64, original variant); undefined when it is not a box sealed to this key. */
export function openSealed(key: SealingKey, encryptedBase64: string): string | undefined {
  try {
    const box = sodium.from_base64(encryptedBase64, sodium.base64_variants.ORIGINAL);
    const plain = sodium.crypto_box_seal_open(box, key.publicKey, key.privateKey);
    return sodium.to_string(plain);
  } catch {
    return undefined;
  }
}

/** What a client does: seal `plaintext` to a base64 public key. Handy in tests. */
export function sealFor(publicKeyBase64: string, plaintext: string): string {
  const pk = sodium.from_base64(publicKeyBase64, sodium.base64_variants.ORIGINAL);
  return sodium.to_base64(sodium.crypto_box_seal(plaintext, pk), sodium.base64_variants.ORIGINAL);
}
