/**
 * The learner's Run, Stop and Restart, driven through the Runtime seam (TutorialKit style: the
 * runtime is passed in, the hook only exposes the snapshot). One process at a time; operations
 * queue so a double click cannot start two servers. What Run passes comes from the learner's
 * RunEnvironment (run-environment.ts), and the terminal prints exactly that.
 */
import type { FileMap, PortEvent, Runtime, RuntimeProcess } from '../runtime/types.ts';
import type { RunPhase } from './previews.ts';
import { runnableCommand } from '../../probes/lib/command.mjs';
import type { TerminalFeed } from '../terminal/terminal-feed.ts';
import { commandLine, endsLine, errorLine, exitLine, noticeLine, previewErrorLine } from '../terminal/transcript.ts';
import { DEFAULT_RUN_ENVIRONMENT, envFor, type RunEnvironment } from './run-environment.ts';
import { startStandIn } from './stand-in-upstream.ts';
import type { MappedProcess } from './port-map.ts';
import { RunProcesses } from './run-processes.ts';
import { DEFAULT_READY_TIMEOUT_MS } from '../../probes/check-config.mjs';
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
  /** Every process of the last Run, for the port map. */
  processes: readonly MappedProcess[];
}

export interface RunOptions {
  /**
   * Runs the command as two instances, each on its own PORT, behind the routing layer
   * (probes/router.mjs) on a third port, which the preview shows. See app/router/.
   */
  behindRouter?: boolean;
  /** PORT, HOST and the backing-service URL to pass; a random PORT alone by default. */
  environment?: RunEnvironment;
  /** The lesson's backing service: the variable naming its URL, and what its stand-in answers. */
  upstream?: { name: string; body?: string };
  /** After this long without listening, the run is said to be stuck before listen() (as Check says). */
  readyTimeoutMs?: number;
}

export const IDLE_RUN: RunSnapshot = { run: { phase: 'idle' }, busy: false, error: null, router: null, processes: [] };

interface CurrentRun {
  /** Aborted once this run is no longer the current one (another Run, another lesson, a failed start). */
  ended: AbortController;
  /** The PORT it was given; null when Run passed none (the laptop preset). */
  port: number | null;
  opened: number[];
  process: RuntimeProcess | null;
  /** What runs beside it and ends with it: the stand-in upstream, and the ports that are its. */
  helpers: RuntimeProcess[];
  helperPorts: number[];
  mapped: RunProcesses;
  /** Behind the router: `port` is the router's, and the instances label their own output. */
  routed: boolean;
  stoppedByLearner: boolean;
  finished: Promise<void>;
}

/** The port map's names for what a plain run starts. */
const YOUR_SERVER = 'your server';
const STAND_IN = 'stand-in upstream';

/** How long Stop waits for the process to end before saying it did not. */
const STOP_GRACE_MS = 5000;

export class RunStore extends Store<RunSnapshot> {
  private current: CurrentRun | null = null;
  private queue: Promise<void> = Promise.resolve();
  private pending = 0;
  private readonly workspace: WorkspaceFiles;
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
    if (this.getSnapshot().run.phase === 'running' && !this.current?.routed) this.current?.process?.write(text);
  }

  /**
   * A line typed into Run's output. While a program runs it is that program's input, as in a
   * terminal; commands belong in the shell, which says so when nothing runs.
   */
  typed(line: string): void {
    if (this.getSnapshot().run.phase === 'running' && !this.current?.routed) return this.input(line);
    if (line.trim()) this.write(noticeLine('Nothing is running to read that. Commands go in the Shell tab beside this one.'));
  }

  dispose(): void {
    this.stopFollowing();
    this.current?.process?.kill();
    for (const helper of this.current?.helpers ?? []) helper.kill();
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

  private async start(files: FileMap, command: string, options: RunOptions): Promise<void> {
    const { behindRouter = false, environment = DEFAULT_RUN_ENVIRONMENT, upstream, readyTimeoutMs = DEFAULT_READY_TIMEOUT_MS } = options;
    this.update({ error: null, router: null });
    const ended = new AbortController();
    const mapped = new RunProcesses((processes) => !ended.signal.aborted && this.update({ processes }));
    ended.signal.addEventListener('abort', () => mapped.close());
    const run: CurrentRun = { ended, port: null, opened: [], process: null, helpers: [], helperPorts: [], mapped, routed: behindRouter, stoppedByLearner: false, finished: Promise.resolve() };
    this.update({ processes: [] });
    try {
      const { program, args } = runnableCommand(command);
      const standIn = upstream && environment.upstream.kind === 'stand-in' ? await startStandIn(this.runtime, upstream.body) : null;
      if (standIn) {
        run.helpers.push(standIn.process);
        run.helperPorts.push(standIn.port);
        mapped.add(STAND_IN, { PORT: String(standIn.port) }, standIn.process);
        this.write(standIn.line);
        void readOutput(standIn.process.output, (chunk) => this.write(chunk));
      }
      const env = (port: number | null) => envFor(environment, upstream?.name ?? null, { port, standInUrl: standIn?.url ?? null });
      const routed = behindRouter ? new RoutedRun(this.runtime, program, args, env(null)) : null;
      run.port = routed ? await routed.choosePorts() : environment.port.kind === 'random' ? await this.runtime.freePort() : environment.port.kind === 'fixed' ? environment.port.port : null;
      const port = run.port;
      this.replaceCurrent(run);
      routed?.onState((router) => {
        if (ended.signal.aborted) return;
        this.update({ router });
        for (const instance of router.instances) if (instance.portTaken !== null) mapped.noteTaken(`instance ${instance.number}`, instance.portTaken);
      });
      routed?.onChild((child) => mapped.add(child.name, child.env, child.process));
      this.update({ run: { phase: 'starting', port } });
      await this.workspace.write(files);
      if (routed) {
        await routed.start();
        run.process = routed;
      } else {
        this.write(commandLine(env(port), program, args));
        run.process = await this.runtime.spawn(program, args, { env: env(port) });
        mapped.add(YOUR_SERVER, env(port), run.process);
      }
      run.finished = this.follow(run, run.process);
      this.update({ run: { phase: 'running', port, opened: [...run.opened], stuck: false } });
      this.watchForListen(run, readyTimeoutMs);
    } catch (error) {
      for (const helper of run.helpers) helper.kill();
      const message = `Could not start your program: ${(error as Error).message}`;
      this.write(errorLine(message));
      this.replaceCurrent(null);
      this.update({ run: { phase: 'idle' }, error: message });
    }
  }

  /**
   * Check's "may be stuck before listen()", noticed by Run: a server that has not listened after
   * the lesson's ready timeout is probably looping or waiting before it calls listen().
   */
  private watchForListen(run: CurrentRun, timeoutMs: number): void {
    const timer = setTimeout(() => {
      const now = this.getSnapshot().run;
      if (this.current !== run || now.phase !== 'running' || run.opened.length > 0) return;
      this.update({ run: { ...now, stuck: true } });
      if (!endsLine(this.lastOutput)) this.write('\n');
      this.write(noticeLine(`[portside: your server has not listened after ${timeoutMs / 1000} s — something before listen() may be stuck in a loop or waiting]`));
    }, timeoutMs);
    run.ended.signal.addEventListener('abort', () => clearTimeout(timer));
    void run.finished.then(() => clearTimeout(timer));
  }

  /** Makes `run` the current one; the one before it is over, so what it still reports is dropped. */
  private replaceCurrent(run: CurrentRun | null): void {
    this.current?.ended.abort();
    this.current = run;
  }

  private async follow(run: CurrentRun, process: RuntimeProcess): Promise<void> {
    const drained = readOutput(process.output, (chunk) => {
      this.write(chunk);
      if (!run.routed) run.mapped.sawOutput(YOUR_SERVER, chunk);
    });
    const code = await process.exit;
    for (const helper of run.helpers) helper.kill();
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
    if (!run || event.type !== 'open' || run.opened.includes(event.port) || run.helperPorts.includes(event.port)) return;
    // The instances' ports are the router's business (the Router panel); the preview shows the router.
    if (run.routed && event.port !== run.port) return;
    run.opened.push(event.port);
    const now = this.getSnapshot().run;
    if (now.phase === 'running') this.update({ run: { ...now, opened: [...run.opened], stuck: false } });
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
      this.update({ run: { phase: 'idle' }, error: null, router: null, processes: [] });
      if (!endsLine(this.lastOutput)) this.write('\n');
      this.write(noticeLine(note));
    });
  }

  private update(change: Partial<RunSnapshot>): void {
    this.set({ ...this.getSnapshot(), ...change });
  }
}
