/**
 * Several processes share one terminal when the playground runs a router and its instances, so
 * every line is labelled with the process that printed it ("[instance :41001] listening…").
 * Output arrives in chunks that can end mid-line; a line is labelled once it is complete, so two
 * processes writing at once cannot glue their half lines together.
 */

/** A line longer than this is let through unfinished: a flood without newlines must still show. */
const MAX_PARTIAL = 4096;

export class LabelledLines {
  private partial = '';

  /**
   * @param label shown before each line, e.g. "[router :41000] " (may carry terminal colours)
   * @param onLine receives each complete line as printed, without label and line ending
   */
  constructor(
    private readonly label: string,
    private readonly onLine: (line: string) => void = () => undefined,
  ) {}

  /** The labelled text of the lines `chunk` completes; a trailing partial line waits for its end. */
  push(chunk: string): string {
    const lines = (this.partial + chunk).split('\n');
    this.partial = lines.pop() ?? '';
    if (this.partial.length > MAX_PARTIAL) {
      lines.push(this.partial);
      this.partial = '';
    }
    return lines.map((line) => this.emit(line)).join('');
  }

  /** Whatever is left when the process has ended, as a complete line. */
  flush(): string {
    if (!this.partial) return '';
    const rest = this.emit(this.partial);
    this.partial = '';
    return rest;
  }

  private emit(line: string): string {
    const text = line.replace(/\r$/, '');
    this.onLine(text);
    return `${this.label}${text}\n`;
  }
}
