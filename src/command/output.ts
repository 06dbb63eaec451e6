// What a command target prints is kept for the log, up to a cap: a program that floods its output must not
// exhaust the run's memory. The cap can fall in the middle of a line, and that line may hold the token the
// program was given (echoed back, or in a debug dump): a cut token no longer matches the scrubber's masks, so a
// line cut by the cap is dropped whole, never printed in part.

export const OUTPUT_CAP_BYTES = 64 * 1024;

export class Capture {
  private readonly chunks: Buffer[] = [];
  private bytes = 0;
  /** The program wrote more than the cap; the rest was read and thrown away. */
  truncated = false;

  constructor(private readonly cap: number = OUTPUT_CAP_BYTES) {}

  add(chunk: Buffer): void {
    const room = this.cap - this.bytes;
    if (chunk.length > room) this.truncated = true;
    if (room <= 0) return;
    const kept = chunk.length > room ? chunk.subarray(0, room) : chunk;
    this.chunks.push(kept);
    this.bytes += kept.length;
  }

  /** The complete lines written, without their line ends; a line the cap cut is left out. */
  lines(): string[] {
    // Invalid UTF-8 becomes U+FFFD rather than failing: the output is only shown, never parsed.
    const text = new TextDecoder().decode(Buffer.concat(this.chunks));
    const lines = text.split(/\r?\n/);
    // After a final line end, split leaves one empty string; after a cut, the unfinished line.
    const last = lines.pop();
    if (last && !this.truncated) lines.push(last);
    return lines;
  }
}
