/**
 * The learner's Run, Stop and Restart, driven through the Runtime seam (TutorialKit style: the
 * runtime is passed in, the hook only exposes the snapshot). One process at a time; operations
 * queue so a double click cannot start two servers.
 */
import type { FileMap, PortEvent, Runtime, RuntimeProcess } from '../runtime/types.ts';
import type { RunPhase } from './previews.ts';
import { runnableCommand } from '../../probes/lib/command.mjs';
import type { TerminalFeed } from '../terminal/terminal-feed.ts';
import { commandLine, endsLine, errorLine, exitLine, noticeLine, previewErrorLine } from '../terminal/transcript.ts';
import { RoutedRun } from '../router/routed-run.ts';
import type { RouterState } from '../router/router-state.ts';
import { delay, readOutput } from '../runtime/process-output.ts';
import { Store } from '../store/store.ts';
import { workspaceFilesOf, type WorkspaceFiles } from '../workspace/workspace-files.ts';

export interface RunSnapshot {
  run: RunPhase;
  /** True while Run, Stop or Restart is in progress. */
  busy: boolean;
  /** Why the last Run could not start, in words for the learner. */
  error: string | null;
  /** The router and its instances, when the last Run was behind the router. */
  router: RouterState | null;
}

export interface RunOptions {
  /**
   * Runs the command as two instances, each on its own PORT, behind the routing layer
   * (probes/router.mjs) on a third port, which the preview shows. See app/router/.
   */
  behindRouter?: boolean;
}

export const IDLE_RUN: RunSnapshot = { run: { phase: 'idle' }, busy: false, error: null, router: null };

interface CurrentRun {
  /** Aborted once this run is no longer the current one (another Run, another lesson, a failed start). */
  ended: AbortController;
  port: number;
  opened: number[];
  process: RuntimeProcess | null;
  /** Behind the router: `port` is the router's, and the instances label their own output. */
  routed: boolean;
  stoppedByLearner: boolean;
  finished: Promise<void>;
}

/** How long Stop waits for the process to end before saying it did not. */
const STOP_GRACE_MS = 5000;

export class RunStore extends Store<RunSnapshot> {
  private current: CurrentRun | null = null;
  private queue: Promise<void> = Promise.resolve();
  private pending = 0;
  private readonly workspace: WorkspaceFiles;
  /** A command the learner typed into the terminal while nothing ran (`npm install left-pad`). */
  private typedCommand: RuntimeProcess | null = null;
  private lastOutput = '';
  private readonly stopFollowing: () => void;

  constructor(
    private readonly runtime: Runtime,
    private readonly terminal: TerminalFeed,
  ) {
    super(IDLE_RUN);
    this.workspace = workspaceFilesOf(runtime);
    const stopPorts = runtime.onPort((event) => this.notePort(event));
    const stopErrors = runtime.onPreviewError?.((error) => this.write(previewErrorLine(error)));
    this.stopFollowing = () => {
      stopPorts();
      stopErrors?.();
    };
  }

  run(files: FileMap, command: string, options: RunOptions = {}): Promise<void> {
    return this.enqueue(async () => {
      await this.stopCurrent();
      await this.start(files, command, options);
    });
  }

  stop(): Promise<void> {
    return this.enqueue(() => this.stopCurrent());
  }

  /** Sends typed text to the running process's stdin; dropped when nothing runs. */
  input(text: string): void {
    if (this.typedCommand) this.typedCommand.write(text);
    else if (this.getSnapshot().run.phase === 'running' && !this.current?.routed) this.current?.process?.write(text);
  }

  /**
   * A line typed into the terminal. While a program runs it is that program's input, as in a
   * terminal; while nothing runs it is a command to run in the workspace with the current files,
   * such as `npm install left-pad`.
   */
  typed(line: string, files: FileMap): void {
    const idle = !this.typedCommand && this.getSnapshot().run.phase !== 'running' && !this.getSnapshot().busy;
    if (!idle) return this.input(line);
    if (line.trim()) void this.enqueue(() => this.startTypedCommand(line.trim(), files));
  }

  private async startTypedCommand(line: string, files: FileMap): Promise<void> {
    try {
      const { program, args } = runnableCommand(line);
      await this.workspace.write(files);
      const command = await this.runtime.spawn(program, args);
      this.typedCommand = command;
      void readOutput(command.output, (chunk) => this.write(chunk));
      void command.exit.then((code) => {
        if (!endsLine(this.lastOutput)) this.write('\n');
        this.write(exitLine(code, false));
        if (this.typedCommand === command) this.typedCommand = null;
      });
    } catch (error) {
      this.write(errorLine(`Could not run "${line}": ${(error as Error).message}`));
    }
  }

  dispose(): void {
    this.stopFollowing();
    this.typedCommand?.kill();
    this.current?.process?.kill();
    this.forgetListeners();
  }

  private enqueue(operation: () => Promise<void>): Promise<void> {
    this.pending += 1;
    this.update({ busy: true });
    const next = this.queue.then(operation).finally(() => {
      this.pending -= 1;
      if (this.pending === 0) this.update({ busy: false });
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async start(files: FileMap, command: string, { behindRouter = false }: RunOptions): Promise<void> {
    this.update({ error: null, router: null });
    try {
      const { program, args } = runnableCommand(command);
      const routed = behindRouter ? new RoutedRun(this.runtime, program, args) : null;
      const port = routed ? await routed.choosePorts() : await this.runtime.freePort();
      const ended = new AbortController();
      const run: CurrentRun = { ended, port, opened: [], process: null, routed: routed !== null, stoppedByLearner: false, finished: Promise.resolve() };
      this.replaceCurrent(run);
      routed?.onState((router) => !ended.signal.aborted && this.update({ router }));
      this.update({ run: { phase: 'starting', port } });
      await this.workspace.write(files);
      if (routed) {
        await routed.start();
        run.process = routed;
      } else {
        const env = { PORT: String(port) };
        this.write(commandLine(env, program, args));
        run.process = await this.runtime.spawn(program, args, { env });
      }
      run.finished = this.follow(run, run.process);
      this.update({ run: { phase: 'running', port, opened: [...run.opened] } });
    } catch (error) {
      const message = `Could not start your program: ${(error as Error).message}`;
      this.write(errorLine(message));
      this.replaceCurrent(null);
      this.update({ run: { phase: 'idle' }, error: message });
    }
  }

  /** Makes `run` the current one; the one before it is over, so what it still reports is dropped. */
  private replaceCurrent(run: CurrentRun | null): void {
    this.current?.ended.abort();
    this.current = run;
  }

  private async follow(run: CurrentRun, process: RuntimeProcess): Promise<void> {
    const drained = readOutput(process.output, (chunk) => this.write(chunk));
    const code = await process.exit;
    // Output can trail the exit by a moment; wait for it, but never for a stream that hangs.
    await Promise.race([drained, delay(500)]);
    if (!endsLine(this.lastOutput)) this.write('\n');
    // Behind the router, the router and each instance have said how they ended, in their own lines.
    if (!run.routed) this.write(exitLine(code, run.stoppedByLearner));
    if (run.ended.signal.aborted) return;
    this.update({
      run: { phase: 'exited', port: run.port, code, opened: [...run.opened], stoppedByLearner: run.stoppedByLearner },
    });
  }


  private async stopCurrent(): Promise<void> {
    this.typedCommand?.kill();
    const run = this.current;
    if (!run?.process || this.getSnapshot().run.phase !== 'running') return;
    run.stoppedByLearner = true;
    run.process.kill();
    const stopped = await Promise.race([run.finished.then(() => true), delay(STOP_GRACE_MS).then(() => false)]);
    if (!stopped) {
      this.write(errorLine('The process did not stop. Reload the page to start a fresh runtime.'));
    }
  }

  private notePort(event: PortEvent): void {
    const run = this.current;
    if (!run || event.type !== 'open' || run.opened.includes(event.port)) return;
    // The instances' ports are the router's business (the Router panel); the preview shows the router.
    if (run.routed && event.port !== run.port) return;
    run.opened.push(event.port);
    if (this.getSnapshot().run.phase === 'running') {
      this.update({ run: { phase: 'running', port: run.port, opened: [...run.opened] } });
    }
  }

  private write(text: string): void {
    this.lastOutput = text;
    this.terminal.write(text);
  }

  /** Stops what runs and starts over blank, with a note in the terminal, e.g. for another lesson. */
  leave(note: string): Promise<void> {
    return this.enqueue(async () => {
      await this.stopCurrent();
      this.replaceCurrent(null);
      this.update({ run: { phase: 'idle' }, error: null, router: null });
      if (!endsLine(this.lastOutput)) this.write('\n');
      this.write(noticeLine(note));
    });
  }

  private update(change: Partial<RunSnapshot>): void {
    this.set({ ...this.getSnapshot(), ...change });
  }
}
