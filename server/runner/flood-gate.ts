/**
 * Caps how much output one process may send to the browser per second. A learner's
 * `while (true) console.log(...)` would otherwise queue hundreds of megabytes and freeze the
 * tab; the excess is dropped and counted so the terminal can say what happened. Pure: the
 * clock is passed in.
 */

export class FloodGate {
  private windowStart = Number.NEGATIVE_INFINITY;
  private used = 0;
  private skipped = 0;

  constructor(
    private readonly bytesPerWindow = 1_000_000,
    private readonly windowMs = 1000,
  ) {}

  /** True when a chunk of `bytes` may pass now; false when it is dropped (and counted). */
  admit(bytes: number, now: number): boolean {
    if (now - this.windowStart >= this.windowMs) {
      this.windowStart = now;
      this.used = 0;
    }
    if (this.used + bytes <= this.bytesPerWindow || this.used === 0) {
      this.used += bytes;
      return true;
    }
    this.skipped += bytes;
    return false;
  }

  /** True while some dropped bytes have not been reported yet. */
  get pending(): boolean {
    return this.skipped > 0;
  }

  /**
   * The note to show for dropped bytes, once the window they were dropped in is over (or at
   * once when `final`); null when there is nothing to report yet.
   */
  takeNote(now: number, final = false): string | null {
    if (this.skipped === 0 || (!final && now - this.windowStart < this.windowMs)) return null;
    const note = `\r\n[portside: output is flooding — skipped ${formatBytes(this.skipped)}]\r\n`;
    this.skipped = 0;
    return note;
  }
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  if (bytes >= 1e3) return `${(bytes / 1e3).toFixed(1)} KB`;
  return `${bytes} bytes`;
}
