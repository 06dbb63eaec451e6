// Defence in depth for invariant (c): the runner masks registered secrets in the log, but outputs and the job
// summary are files it does not rewrite. Everything masked is also cut out of those before they are written.
// The CLI has no runner to mask anything: it cuts every masked value out of all it prints.

import type { GetInput } from '../core/input.js';
import { cutOut, maskToken } from '../core/mask.js';
import { maskHeld } from '../inputs/held.js';
import { STORE_INPUTS } from '../stores.js';

export class Scrubber {
  private readonly values = new Set<string>();

  add(value: string): void {
    // Very short strings would mangle ordinary text and cannot carry a token anyway.
    if (value.length >= 8) this.values.add(value);
  }

  scrub(text: string): string {
    return cutOut(text, [...this.values]);
  }
}

/**
 * Masks the credentials among the inputs (fly-api-token and every store's secret input) before anything can
 * print them, the same way in both doors: a token whole, without its `FlyV1 ` scheme and each comma-separated
 * macaroon of a bundle on its own (as minted tokens are masked), and a multi-line value such as a PEM key whole
 * and line by line, since the runner masks a multi-line value line by line at best.
 */
export function maskCredentials(get: GetInput, mask: (value: string) => void): void {
  const secret = ['fly-api-token', ...STORE_INPUTS.filter((i) => i.secret).map((i) => i.name)];
  for (const name of secret) {
    const value = get(name).trim();
    if (!value) continue;
    if (!/\r?\n|\\n/.test(value)) {
      maskToken(value, { mask });
      continue;
    }
    mask(value);
    for (const line of value.split(/\r?\n|\\n/)) if (line.trim().length > 8) mask(line.trim());
  }
  // The values the runner handed this job (input held): masked before they are parsed.
  maskHeld(get('held'), mask);
}
