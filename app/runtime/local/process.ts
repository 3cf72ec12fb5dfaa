/**
 * A process of the local runtime as the Runtime seam shows it: output arrives as the runner's
 * `output` messages, exit as its `exit` message (or -1 when the connection is lost first).
 */
import type { ListeningSocket, RuntimeProcess, TerminalSize } from '../types.ts';

/** Exit code reported when the runner connection ended before the process did. */
export const CONNECTION_LOST_EXIT_CODE = -1;

export interface ProcessControl {
  write(data: string): void;
  kill(): void;
  resize(size: TerminalSize): void;
}

export class LocalProcess implements RuntimeProcess {
  readonly output: ReadableStream<string>;
  readonly exit: Promise<number>;
  private controller: ReadableStreamDefaultController<string> | null = null;
  private resolveExit: (code: number) => void = () => {};
  private ended = false;
  private sockets: readonly ListeningSocket[] = [];
  private readonly socketListeners = new Set<(sockets: readonly ListeningSocket[]) => void>();

  constructor(private readonly control: ProcessControl) {
    this.output = new ReadableStream<string>({ start: (controller) => void (this.controller = controller) });
    this.exit = new Promise<number>((resolve) => (this.resolveExit = resolve));
  }

  write(data: string): void {
    if (!this.ended) this.control.write(data);
  }

  kill(): void {
    if (!this.ended) this.control.kill();
  }

  resize(size: TerminalSize): void {
    if (!this.ended) this.control.resize(size);
  }

  onSockets(listener: (sockets: readonly ListeningSocket[]) => void): () => void {
    this.socketListeners.add(listener);
    listener(this.sockets);
    return () => this.socketListeners.delete(listener);
  }

  /** The runner's `sockets` message: what the process's tree listens on now. */
  pushSockets(sockets: readonly ListeningSocket[]): void {
    if (this.ended) return;
    this.sockets = sockets;
    for (const listener of this.socketListeners) listener(sockets);
  }

  /** Text from the runner. */
  push(text: string): void {
    if (!this.ended) this.controller?.enqueue(text);
  }

  /** Ends the output stream and reports the exit code, once. */
  finish(code: number, note?: string): void {
    if (this.ended) return;
    if (note) this.controller?.enqueue(note);
    this.ended = true;
    if (this.sockets.length > 0) for (const listener of this.socketListeners) listener([]);
    this.sockets = [];
    this.controller?.close();
    this.resolveExit(code);
  }
}
