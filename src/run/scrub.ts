// Defence in depth for invariant (c): the runner masks registered secrets in the log, but outputs and the job
// summary are files it does not rewrite. Everything masked is also cut out of those before they are written.

export class Scrubber {
  private readonly values = new Set<string>();

  add(value: string): void {
    // Very short strings would mangle ordinary text and cannot carry a token anyway.
    if (value.length >= 8) this.values.add(value);
  }

  scrub(text: string): string {
    // Longest first, so a token is replaced whole rather than around a masked part of it.
    let out = text;
    for (const v of [...this.values].sort((a, b) => b.length - a.length)) out = out.split(v).join('***');
    return out;
  }
}
