// Defence in depth for invariant (c): the runner masks registered secrets in the log, but outputs and the job
// summary are files it does not rewrite. Everything masked is also cut out of those before they are written.
// The CLI has no runner to mask anything: it cuts every masked value out of all it prints.
import { cutOut, maskToken } from '../core/mask.js';
import type { GetInput } from '../core/input.js';
import { maskHeld } from '../inputs/held.js';

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
 * Masks the credentials among the inputs before anything can print them, the same way in both doors: a Fly
 * token whole, without its `FlyV1 ` scheme and each comma-separated macaroon of a bundle on its own (as minted
 * tokens are masked), and a PEM key whole and line by line, since the runner masks a multi-line value line by
 * line at best.
 */
export function maskCredentials(get: GetInput, mask: (value: string) => void): void {
  for (const name of ['fly-api-token', 'github-token', 'gitlab-token', 'forgejo-token']) {
    const value = get(name).trim();
    if (value) maskToken(value, { mask });
  }
  // The values the runner handed this job (input held): masked before they are parsed.
  maskHeld(get('held'), mask);
  const appKey = get('github-app-private-key').trim();
  if (appKey) {
    mask(appKey);
    for (const line of appKey.split(/\r?\n|\\n/)) if (line.trim().length > 8) mask(line.trim());
  }
}
