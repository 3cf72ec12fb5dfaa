/**
 * Runs a lesson's checks through the harness on a Runtime (TutorialKit style: the runtime is
 * passed in; `useCheck` only exposes the state). The contract is probes/README.md: stop the
 * learner's Run (a server on the default port would spoil `default-port`), write their files,
 * the harness and check.json, start the harness in the workspace root, fold its stdout lines
 * into a CheckState, and restore the Run afterwards. One check at a time.
 */
import { checkConfigFor } from '../../probes/check-config.mjs';
import { CHECK_CONFIG_PATH, HARNESS_COMMAND } from '../../probes/files.mjs';
import type { ClientLesson } from '../lessons/types.ts';
import type { FileMap, Runtime, RuntimeProcess } from '../runtime/types.ts';
import { checkReducer, isSettled, startCheck, type CheckAction, type CheckState } from './check-state.ts';
import { LineSplitter, parseHarnessLine } from './harness-events.ts';
import { probeFiles } from './probe-files.ts';
import { delay, readOutput } from '../runtime/process-output.ts';

export type CheckLesson = Pick<ClientLesson, 'id' | 'command' | 'rules' | 'probe' | 'namedPorts'>;

/** The learner's own Run, as a check sees it: stopped before, started again after. */
export interface LearnerRun {
  isRunning(): boolean;
  stop(): Promise<void>;
  restore(): Promise<void>;
}

export interface CheckRequest {
  lesson: CheckLesson;
  /** The learner's files as they are now; written to the workspace, never changed. */
  files: FileMap;
  learnerRun?: LearnerRun;
  /** Called once when every rule passed. */
  onPassed?(): void;
}

/** How long to wait for output still in flight after the harness exited. */
const DRAIN_MS = 500;

export class CheckStore {
  private state: CheckState | null = null;
  private readonly listeners = new Set<() => void>();
  private process: RuntimeProcess | null = null;
  private runs = 0;
  /** The previous check, until it has also restored the learner's Run. */
  private previous: Promise<void> = Promise.resolve();
  /** The learner's files the last check wrote, so files of an earlier lesson can be removed. */
  private written = new Set<string>();

  constructor(
    private readonly runtime: Runtime,
    private readonly harnessFiles: () => Promise<FileMap> = probeFiles,
  ) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): CheckState | null => this.state;

  check(request: CheckRequest): Promise<void> {
    if (this.state && !isSettled(this.state)) return this.previous;
    const run = ++this.runs;
    this.set(startCheck(request.lesson.id, request.lesson.rules, run));
    // A check pressed again at once waits until the last one has given the Run back.
    this.previous = this.previous.then(() => this.perform(run, request));
    return this.previous;
  }

  private async perform(run: number, { lesson, files, learnerRun, onPassed }: CheckRequest): Promise<void> {
    const wasRunning = this.phase(run) === 'preparing' && (learnerRun?.isRunning() ?? false);
    try {
      if (wasRunning) await learnerRun?.stop();
      if (this.phase(run) === 'preparing') await this.writeWorkspace(lesson, files);
      if (this.phase(run) === 'preparing') await this.runHarness(run);
    } catch (error) {
      this.dispatch(run, { type: 'failed', message: `Could not start the check: ${(error as Error).message}` });
    } finally {
      // Cancelled before the harness started: nothing ran, so it ends here.
      if (this.phase(run) === 'cancelling') this.dispatch(run, { type: 'event', event: { type: 'done', passed: false, cancelled: true } });
    }
    if (this.phase(run) === 'passed') onPassed?.();
    // A reset (another lesson) owns the Run from now on; only this check's own lesson gets it back.
    if (wasRunning && this.state?.run === run) await learnerRun?.restore().catch(() => undefined);
  }

  /** Asks the harness to stop (SIGTERM): it tears down what it started and says it was cancelled. */
  cancel(): void {
    if (!this.state || isSettled(this.state) || this.state.phase === 'cancelling') return;
    this.dispatch(this.state.run, { type: 'cancel' });
    this.process?.kill();
  }

  /** Forgets the results (another lesson opened), cancelling a check that is still running. */
  reset(): void {
    this.runs += 1;
    this.process?.kill();
    this.process = null;
    this.set(null);
  }

  dispose(): void {
    this.reset();
    this.listeners.clear();
  }

  private async writeWorkspace(lesson: CheckLesson, files: FileMap): Promise<void> {
    const harness = await this.harnessFiles();
    for (const path of this.written) {
      if (!(path in files)) await this.runtime.remove(path);
    }
    const config = JSON.stringify(checkConfigFor(lesson), null, 2);
    await this.runtime.writeFiles({ ...files, ...harness, [CHECK_CONFIG_PATH]: config });
    this.written = new Set(Object.keys(files));
  }

  private async runHarness(run: number): Promise<void> {
    const process = await this.runtime.spawn(HARNESS_COMMAND.command, HARNESS_COMMAND.args);
    if (this.state?.run !== run) return process.kill();
    this.process = process;
    this.dispatch(run, { type: 'spawned' });
    if (this.phase(run) === 'cancelling') process.kill();
    const splitter = new LineSplitter();
    const take = (lines: string[]) => lines.forEach((line) => this.take(run, line));
    const drained = readOutput(process.output, (chunk) => take(splitter.push(chunk)));
    const code = await process.exit;
    await Promise.race([drained, delay(DRAIN_MS)]);
    take(splitter.end());
    if (this.process === process) this.process = null;
    this.dispatch(run, { type: 'exit', code });
  }

  private take(run: number, line: string): void {
    const event = parseHarnessLine(line);
    if (event) this.dispatch(run, { type: 'event', event });
    else if (line.trim()) this.dispatch(run, { type: 'output', line });
  }

  private phase(run: number) {
    return this.state?.run === run ? this.state.phase : undefined;
  }

  /** Applies an action to check `run`; actions of a check that was reset are dropped. */
  private dispatch(run: number, action: CheckAction): void {
    if (this.state?.run !== run) return;
    const next = checkReducer(this.state, action);
    if (next !== this.state) this.set(next);
  }

  private set(state: CheckState | null): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}
