import type { Log } from './interfaces.js';

/** Masks a Fly token in every form it could be printed in: with and without scheme, and each bundle part. */
export function maskToken(header: string, log: Pick<Log, 'mask'>): void {
  const bare = header.replace(/^(FlyV1|Bearer)\s+/i, '');
  log.mask(header);
  log.mask(bare);
  // A bundle (`FlyV1 fm2_a,fm2_b`) works with any of its parts, so each part is a secret of its own.
  for (const part of bare.split(',')) {
    if (part.trim()) log.mask(part.trim());
  }
}
