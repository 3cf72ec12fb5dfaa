/**
 * A learner's process in the WebContainer, as the Runtime seam shows it. It wraps the engine's
 * process so the runtime can end it from outside: when the container is torn down to stop a
 * hot loop, the engine process just vanishes, and this wrapper still tells the terminal why and
 * still reports an exit.
 */
import type { RuntimeProcess, TerminalSize } from '../types.ts';
import { settlesWithin } from './deadline.ts';

/** What the wrapper needs of `@webcontainer/api`'s WebContainerProcess (which satisfies it). */
export interface EngineProcess {
  readonly output: ReadableStream<string>;
  readonly exit: Promise<number>;
  readonly input: WritableStream<string>;
  kill(): void;
  /** Resizes the process's pseudo-terminal (jsh spawned with `terminal`). */
  resize(size: TerminalSize): void;
}

/** Exit code reported for a process ended by tearing its container down: 128 + SIGKILL. */
export const TORN_DOWN_EXIT_CODE = 137;

/** How long output may trail the exit before the stream is closed anyway. */
const OUTPUT_DRAIN_MS = 1000;

export class SandboxProcess implements RuntimeProcess {
  readonly output: ReadableStream<string>;
  readonly exit: Promise<number>;
  private controller: ReadableStreamDefaultController<string> | null = null;
  private resolveExit: (code: number) => void = () => {};
  private writer: WritableStreamDefaultWriter<string> | null = null;
  private readonly reader: ReadableStreamDefaultReader<string>;
  private ended = false;

  /** `onKill` decides how to kill (the runtime watches whether the engine obeys). */
  constructor(private readonly engine: EngineProcess, private readonly onKill: (process: SandboxProcess) => void) {
    this.output = new ReadableStream<string>({ start: (controller) => void (this.controller = controller) });
    this.exit = new Promise<number>((resolve) => (this.resolveExit = resolve));
    this.reader = engine.output.getReader();
    const pumped = this.pump();
    engine.exit.then(
      (code) => this.finish(code, pumped),
      () => this.finish(1, pumped),
    );
  }

  /** True once an exit has been reported, by the engine or by interrupt(). */
  get hasEnded(): boolean {
    return this.ended;
  }

  /** The engine's own exit, which never comes for a process stuck in a hot loop. */
  get engineExit(): Promise<number> {
    return this.engine.exit;
  }

  write(data: string): void {
    if (this.ended) return;
    this.writer ??= this.engine.input.getWriter();
    this.writer.write(data).catch(() => {}); // the process may exit between the check and the write
  }

  kill(): void {
    if (!this.ended) this.onKill(this);
  }

  resize(size: TerminalSize): void {
    if (!this.ended) this.engine.resize(size);
  }

  /** Asks the engine to kill the process; whether it worked shows in `engineExit`. */
  killEngineProcess(): void {
    this.engine.kill();
  }

  /** Ends the process from outside (its container is gone): tells the terminal why, then exits. */
  interrupt(note: string, code = TORN_DOWN_EXIT_CODE): void {
    if (this.ended) return;
    this.controller?.enqueue(note);
    this.end(code);
    this.reader.cancel().catch(() => {});
  }

  private async pump(): Promise<void> {
    try {
      for (;;) {
        const { done, value } = await this.reader.read();
        if (done || this.ended) return;
        this.controller?.enqueue(value);
      }
    } catch {
      // The engine's stream errors when its container is torn down; interrupt() reports that.
    }
  }

  private async finish(code: number, pumped: Promise<void>): Promise<void> {
    await settlesWithin(pumped, OUTPUT_DRAIN_MS);
    this.end(code);
  }

  private end(code: number): void {
    if (this.ended) return;
    this.ended = true;
    try {
      this.controller?.close();
    } catch {
      // Already closed or cancelled by the reader; nothing left to tell it.
    }
    this.resolveExit(code);
  }
}
