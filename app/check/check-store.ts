/**
 * Runs a lesson's checks through the harness on a Runtime (TutorialKit style: the runtime is
 * passed in; `useCheck` only exposes the state). The contract is probes/README.md: write the
 * learner's files, the harness and check.json, start the harness in the workspace root and fold
 * its stdout lines into a CheckState. One check at a time.
 *
 * The learner's Run is left alone where the runtime runs checks in a network of their own
 * (`checksIsolatedFromRuns`): same process, same port, same preview. Elsewhere one network holds
 * both, and a Run on the default port would spoil `default-port`, so the Run is stopped first
 * and restored afterwards.
 */
import { checkConfigFor } from '../../probes/check-config.mjs';
import { CHECK_CONFIG_PATH, HARNESS_COMMAND } from '../../probes/files.mjs';
import type { ClientLesson } from '../lessons/types.ts';
import type { FileMap, Runtime, RuntimeProcess } from '../runtime/types.ts';
import { checkReducer, isSettled, startCheck, type CheckAction, type CheckState } from './check-state.ts';
import { LineSplitter, parseHarnessLine } from './harness-events.ts';
import { probeFiles } from './probe-files.ts';
import { delay, readOutput } from '../runtime/process-output.ts';
import { Store } from '../store/store.ts';
import { workspaceFilesOf, type WorkspaceFiles } from '../workspace/workspace-files.ts';

export type CheckLesson = Pick<ClientLesson, 'id' | 'command' | 'rules' | 'probe' | 'namedPorts'>;

/** The learner's own Run, as a check sees it: where checks share its network, stopped before and started again after. */
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

export class CheckStore extends Store<CheckState | null> {
  private process: RuntimeProcess | null = null;
  /** Numbers the checks, so the results panel can tell one from the next (it is not how a check is cancelled). */
  private checks = 0;
  /** Aborted when this check's results are forgotten (reset) or a newer check starts. */
  private current = new AbortController();
  /** The previous check, until it has also restored the learner's Run (when it stopped it). */
  private previous: Promise<void> = Promise.resolve();
  private readonly workspace: WorkspaceFiles;

  constructor(
    private readonly runtime: Runtime,
    private readonly harnessFiles: () => Promise<FileMap> = probeFiles,
  ) {
    super(null);
    this.workspace = workspaceFilesOf(runtime);
  }

  check(request: CheckRequest): Promise<void> {
    const state = this.getSnapshot();
    if (state && !isSettled(state)) return this.previous;
    this.current.abort();
    this.current = new AbortController();
    const { signal } = this.current;
    this.set(startCheck(request.lesson.id, request.lesson.rules, ++this.checks));
    // A check pressed again at once waits until the last one has given the Run back.
    this.previous = this.previous.then(() => this.perform(signal, request));
    return this.previous;
  }

  private async perform(signal: AbortSignal, { lesson, files, learnerRun, onPassed }: CheckRequest): Promise<void> {
    const stopsRun = this.phase(signal) === 'preparing' && !this.runtime.checksIsolatedFromRuns && (learnerRun?.isRunning() ?? false);
    try {
      if (stopsRun) await learnerRun?.stop();
      if (this.phase(signal) === 'preparing') await this.writeWorkspace(lesson, files);
      if (this.phase(signal) === 'preparing') await this.runHarness(signal);
    } catch (error) {
      this.dispatch(signal, { type: 'failed', message: `Could not start the check: ${(error as Error).message}` });
    } finally {
      // Cancelled before the harness started: nothing ran, so it ends here.
      if (this.phase(signal) === 'cancelling') this.dispatch(signal, { type: 'event', event: { type: 'done', passed: false, cancelled: true } });
    }
    if (this.phase(signal) === 'passed') onPassed?.();
    // A reset (another lesson) owns the Run from now on; only this check's own lesson gets it back.
    if (stopsRun && !signal.aborted) await learnerRun?.restore().catch(() => undefined);
  }

  /** Asks the harness to stop (SIGTERM): it tears down what it started and says it was cancelled. */
  cancel(): void {
    const state = this.getSnapshot();
    if (!state || isSettled(state) || state.phase === 'cancelling') return;
    this.dispatch(this.current.signal, { type: 'cancel' });
    this.process?.kill();
  }

  /** Forgets the results (another lesson opened), cancelling a check that is still running. */
  reset(): void {
    this.current.abort();
    this.process?.kill();
    this.process = null;
    this.set(null);
  }

  dispose(): void {
    this.reset();
    this.forgetListeners();
  }

  private async writeWorkspace(lesson: CheckLesson, files: FileMap): Promise<void> {
    const harness = await this.harnessFiles();
    const config = JSON.stringify(checkConfigFor(lesson), null, 2);
    await this.workspace.write(files, { ...harness, [CHECK_CONFIG_PATH]: config });
  }

  private async runHarness(signal: AbortSignal): Promise<void> {
    const process = await this.runtime.spawn(HARNESS_COMMAND.command, HARNESS_COMMAND.args);
    if (signal.aborted) return process.kill();
    this.process = process;
    this.dispatch(signal, { type: 'spawned' });
    if (this.phase(signal) === 'cancelling') process.kill();
    const splitter = new LineSplitter();
    const take = (lines: string[]) => lines.forEach((line) => this.take(signal, line));
    const drained = readOutput(process.output, (chunk) => take(splitter.push(chunk)));
    const code = await process.exit;
    await Promise.race([drained, delay(DRAIN_MS)]);
    take(splitter.end());
    // Once aborted, `process` is no longer this check's to forget (reset dropped it, or a newer check holds its own).
    if (!signal.aborted) this.process = null;
    this.dispatch(signal, { type: 'exit', code });
  }

  private take(signal: AbortSignal, line: string): void {
    const event = parseHarnessLine(line);
    if (event) this.dispatch(signal, { type: 'event', event });
    else if (line.trim()) this.dispatch(signal, { type: 'output', line });
  }

  /** The phase of the check `signal` belongs to, or undefined once that check was forgotten. */
  private phase(signal: AbortSignal) {
    return signal.aborted ? undefined : this.getSnapshot()?.phase;
  }

  /** Applies an action to the check `signal` belongs to; actions of a forgotten check are dropped. */
  private dispatch(signal: AbortSignal, action: CheckAction): void {
    const state = this.getSnapshot();
    if (signal.aborted || !state) return;
    const next = checkReducer(state, action);
    if (next !== state) this.set(next);
  }
}
