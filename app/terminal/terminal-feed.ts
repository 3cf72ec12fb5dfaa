/**
 * The text bound for the terminal. Output starts before xterm has loaded (it loads after first
 * paint), so the feed keeps it until a terminal attaches, then forwards as it arrives. What it
 * keeps while detached is capped, so a server that floods output cannot eat the tab's memory.
 */
export type TerminalWriter = (text: string) => void;

/** Roughly xterm's default scrollback of 1000 lines at 100 characters. */
const DEFAULT_LIMIT = 100_000;

export class TerminalFeed {
  private pending: string[] = [];
  private pendingSize = 0;
  private writer: TerminalWriter | null = null;

  constructor(private readonly limit = DEFAULT_LIMIT) {}

  write(text: string): void {
    if (!text) return;
    if (this.writer) {
      this.writer(text);
      return;
    }
    this.pending.push(text);
    this.pendingSize += text.length;
    while (this.pendingSize > this.limit && this.pending.length > 1) {
      this.pendingSize -= this.pending.shift()?.length ?? 0;
    }
  }

  /** Replays what was kept, then forwards every later write; returns the detach function. */
  attach(writer: TerminalWriter): () => void {
    const kept = this.pending.join('');
    this.pending = [];
    this.pendingSize = 0;
    if (kept) writer(kept);
    this.writer = writer;
    return () => {
      if (this.writer === writer) this.writer = null;
    };
  }
}
