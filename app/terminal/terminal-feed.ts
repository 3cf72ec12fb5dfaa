/**
 * The text bound for a terminal. Output starts before xterm has loaded (it loads after first
 * paint), and a terminal can be replaced by a fresh one: React's StrictMode mounts, unmounts and
 * mounts every effect in development, and a lazy view may remount. So the feed keeps what the
 * screen shows — every write since the last full reset — and replays it to each terminal that
 * attaches, then forwards as it arrives; replaying only what arrived while detached handed the
 * intro line to the first terminal, which StrictMode then threw away. What it keeps is capped,
 * so a server that floods output cannot eat the tab's memory.
 */
export type TerminalWriter = (text: string) => void;

/** ESC c: a terminal's full reset, which clears the screen and the scrollback. */
export const FULL_RESET = '\x1bc';

/** Roughly xterm's default scrollback of 1000 lines at 100 characters. */
const DEFAULT_LIMIT = 100_000;

export class TerminalFeed {
  private kept: string[] = [];
  private keptSize = 0;
  private writer: TerminalWriter | null = null;

  constructor(private readonly limit = DEFAULT_LIMIT) {}

  write(text: string): void {
    if (!text) return;
    this.keep(text);
    this.writer?.(text);
  }

  /** Clears the terminal, and what a terminal attached later would be shown. */
  clear(): void {
    this.write(FULL_RESET);
  }

  /** Replays what the screen shows, then forwards every later write; returns the detach function. */
  attach(writer: TerminalWriter): () => void {
    const kept = this.kept.join('');
    if (kept) writer(kept);
    this.writer = writer;
    return () => {
      if (this.writer === writer) this.writer = null;
    };
  }

  private keep(text: string): void {
    // Nothing before a full reset is on the screen any more (Clear, or a program clearing it).
    const reset = text.lastIndexOf(FULL_RESET);
    if (reset >= 0) {
      this.kept = [];
      this.keptSize = 0;
    }
    const shown = reset >= 0 ? text.slice(reset) : text;
    this.kept.push(shown);
    this.keptSize += shown.length;
    while (this.keptSize > this.limit && this.kept.length > 1) {
      this.keptSize -= this.kept.shift()?.length ?? 0;
    }
  }
}
