/**
 * Carries one process's stdout and stderr to the browser: decoded as UTF-8 without splitting
 * characters across chunks, coalesced into one message per ~16 ms (one frame), and capped by a
 * FloodGate so a flood costs the browser at most about 1 MB per second.
 */
import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';
import { FloodGate } from './flood-gate.ts';

const FLUSH_MS = 16;

export class OutputPump {
  private pending = '';
  private timer: NodeJS.Timeout | null = null;
  private readonly gate = new FloodGate();

  constructor(private readonly send: (text: string) => void) {}

  /** Reads a stream until it ends; each stream gets its own decoder so their bytes never mix mid-character. */
  attach(stream: Readable): void {
    const decoder = new StringDecoder('utf8');
    stream.on('data', (chunk: Buffer) => {
      if (!this.gate.admit(chunk.length, Date.now())) return this.schedule();
      this.push(decoder.write(chunk));
    });
    stream.on('end', () => this.push(decoder.end()));
  }

  /** Sends everything held back, including a final flooding note. */
  finish(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending += this.gate.takeNote(Date.now(), true) ?? '';
    this.flushPending();
  }

  private push(text: string): void {
    if (!text) return;
    this.pending += text;
    this.schedule();
  }

  private schedule(): void {
    this.timer ??= setTimeout(() => this.flush(), FLUSH_MS);
  }

  private flush(): void {
    this.timer = null;
    this.pending += this.gate.takeNote(Date.now()) ?? '';
    this.flushPending();
    // Keep ticking while dropped bytes wait for their note.
    if (this.gate.pending) this.schedule();
  }

  private flushPending(): void {
    if (!this.pending) return;
    const text = this.pending;
    this.pending = '';
    this.send(text);
  }
}
