/**
 * The Runtime seam over a booted WebContainer engine: the journal of the learner's files, port
 * bookkeeping, and recovery from a process that ignores kill (a hot loop) by tearing the engine
 * down, booting a fresh one and restoring the files. The engine arrives from adapter.ts,
 * which owns everything that touches `@webcontainer/api` itself (booting, events, mounting).
 */
import type { FileMap, ProgressListener, PortEvent, PreviewError, Runtime, RuntimeProcess, SpawnOptions, TerminalSize } from '../types.ts';
import { FileJournal, normalisePath, parentFolders } from './files.ts';
import { PortBook, pickFreePort } from './ports.ts';
import { SandboxProcess, type EngineProcess } from './process.ts';
import { settlesWithin } from './deadline.ts';
import { DISPOSED_MESSAGE, ENDED_BY_RESTART_NOTE, PROGRESS, stuckProcessNote } from './messages.ts';

/** What the runtime needs of a booted engine; `@webcontainer/api`'s WebContainer satisfies it. */
export interface SandboxEngine {
  readonly fs: {
    mkdir(path: string, options: { recursive: true }): Promise<string>;
    writeFile(path: string, data: string): Promise<void>;
    readFile(path: string, encoding: 'utf-8'): Promise<string>;
    rm(path: string, options: { recursive?: boolean; force?: boolean }): Promise<void>;
  };
  spawn(command: string, args: string[], options?: { env?: Record<string, string>; cwd?: string; terminal?: TerminalSize }): Promise<EngineProcess>;
  teardown(): void;
}

/** The engine's events, translated into the seam's terms. */
export interface EngineEvents {
  port(event: PortEvent): void;
  previewError(error: PreviewError): void;
  internalError(message: string): void;
}

export interface RuntimeSetup<E extends SandboxEngine> {
  onProgress: ProgressListener;
  killGraceMs: number;
  /** Boots a fresh engine with the lesson packages mounted (after a teardown). */
  rebootEngine: () => Promise<E>;
  /** Subscribes to an engine's events; returns the unsubscribe functions. */
  listen: (engine: E, events: EngineEvents) => Array<() => void>;
  onDisposed: () => void;
}

/** Tears an engine down; one that is already gone (it throws then) needs nothing more. */
export function tearDown(engine: SandboxEngine): void {
  try {
    engine.teardown();
  } catch {
    // "WebContainer already torn down"
  }
}

async function writeAll(engine: SandboxEngine, files: FileMap): Promise<void> {
  const entries = Object.entries(files).map(([path, contents]) => [normalisePath(path), contents] as const);
  const folders = new Set(entries.flatMap(([path]) => parentFolders(path)));
  for (const folder of folders) await engine.fs.mkdir(folder, { recursive: true });
  await Promise.all(entries.map(([path, contents]) => engine.fs.writeFile(path, contents)));
}

export class WebContainerRuntime<E extends SandboxEngine> implements Runtime {
  readonly kind = 'webcontainer' as const;
  /** Every process of a WebContainer shares one network: a check's default port would meet the Run's. */
  readonly checksIsolatedFromRuns = false;
  private engine: Promise<E>;
  private current: E;
  private detachEngine: Array<() => void> = [];
  private readonly journal = new FileJournal();
  private readonly ports = new PortBook();
  private readonly portListeners = new Set<(event: PortEvent) => void>();
  private readonly errorListeners = new Set<(error: PreviewError) => void>();
  private readonly processes = new Set<SandboxProcess>();
  private restarting: Promise<void> | null = null;
  private serverStarted = false;
  private disposed = false;

  constructor(engine: E, private readonly setup: RuntimeSetup<E>) {
    this.current = engine;
    this.engine = Promise.resolve(engine);
    this.attach(engine);
  }

  async writeFiles(files: FileMap): Promise<void> {
    this.journal.write(files); // first, so a restart during the write still restores them
    await writeAll(await this.ready(), files);
  }

  async readFile(path: string): Promise<string> {
    const engine = await this.ready();
    try {
      return await engine.fs.readFile(normalisePath(path), 'utf-8');
    } catch (error) {
      throw new Error(`Could not read "${path}" in the workspace: ${(error as Error).message}`);
    }
  }

  async remove(path: string): Promise<void> {
    this.journal.remove(path);
    await (await this.ready()).fs.rm(normalisePath(path), { recursive: true, force: true });
  }

  async spawn(command: string, args: string[], options: SpawnOptions = {}): Promise<RuntimeProcess> {
    const engine = await this.ready();
    if (!this.serverStarted) this.setup.onProgress(PROGRESS.server);
    this.serverStarted = true;
    const cwd = options.cwd === undefined ? undefined : normalisePath(options.cwd);
    const process = new SandboxProcess(await engine.spawn(command, args, { env: options.env, cwd, terminal: options.terminal }), (p) => this.kill(p));
    this.processes.add(process);
    void process.exit.then(() => this.processes.delete(process));
    return process;
  }

  async freePort(): Promise<number> {
    return pickFreePort((port) => this.ports.isOpen(port));
  }

  onPort(listener: (event: PortEvent) => void): () => void {
    this.portListeners.add(listener);
    return () => this.portListeners.delete(listener);
  }

  onPreviewError(listener: (error: PreviewError) => void): () => void {
    this.errorListeners.add(listener);
    return () => this.errorListeners.delete(listener);
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    for (const process of this.processes) process.interrupt('');
    this.closePorts();
    this.detach();
    await this.engine.then(tearDown, () => {});
    this.portListeners.clear();
    this.errorListeners.clear();
    this.setup.onDisposed();
  }

  private async ready(): Promise<E> {
    if (this.disposed) throw new Error(DISPOSED_MESSAGE);
    return this.engine;
  }

  /**
   * Kills politely and waits out the grace period: a process that exits within it was only slow to
   * clean up (the check harness stops its servers first) and costs nothing; one that is still
   * running after it is in a hot loop no signal can end, and costs the container.
   */
  private kill(process: SandboxProcess): void {
    process.killEngineProcess();
    void settlesWithin(process.engineExit, this.setup.killGraceMs).then((exited) => {
      if (exited || process.hasEnded || this.disposed) return;
      this.restart(process).catch((error: unknown) => this.setup.onProgress((error as Error).message));
    });
  }

  private restart(stuck: SandboxProcess): Promise<void> {
    this.restarting ??= this.rebuild(stuck).finally(() => (this.restarting = null));
    return this.restarting;
  }

  private async rebuild(stuck: SandboxProcess): Promise<void> {
    this.setup.onProgress(PROGRESS.restarting);
    stuck.interrupt(stuckProcessNote(this.setup.killGraceMs));
    for (const process of this.processes) process.interrupt(ENDED_BY_RESTART_NOTE);
    this.processes.clear();
    this.closePorts();
    this.detach();
    tearDown(this.current);
    // Set synchronously, so every call from now on waits for the fresh engine.
    this.engine = this.setup.rebootEngine().then(async (fresh) => {
      await writeAll(fresh, this.journal.snapshot());
      this.current = fresh;
      if (this.disposed) tearDown(fresh);
      else this.attach(fresh);
      return fresh;
    });
    await this.engine;
    this.setup.onProgress(PROGRESS.restarted);
  }

  private attach(engine: E): void {
    this.detachEngine = this.setup.listen(engine, {
      port: (event) => {
        const change = this.ports.record(event);
        if (change) this.emitPort(change);
      },
      previewError: (error) => {
        for (const listener of this.errorListeners) listener(error);
      },
      internalError: (message) => this.setup.onProgress(`the sandbox reported an error: ${message}`),
    });
  }

  private detach(): void {
    for (const unsubscribe of this.detachEngine) {
      try {
        unsubscribe();
      } catch {
        // The engine may already be gone; its listeners went with it.
      }
    }
    this.detachEngine = [];
  }

  private closePorts(): void {
    for (const event of this.ports.closeAll()) this.emitPort(event);
  }

  private emitPort(event: PortEvent): void {
    for (const listener of this.portListeners) listener(event);
  }
}
