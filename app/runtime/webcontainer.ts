/**
 * The WebContainer runtime: the learner's server runs inside their own browser tab through
 * `@webcontainer/api`. The only file in Portside that imports that package.
 *
 * What WebContainer does not do for us, and this adapter does:
 * - `boot()` hangs forever when StackBlitz is unreachable, so it gets a deadline and a message.
 * - A process in a hot loop ignores `kill()`; after a grace period the container is torn down,
 *   a fresh one booted, and the learner's files restored from a journal of every write.
 * - `port` events repeat and `server-ready` may never fire; the PortBook turns events into changes.
 */
import { WebContainer, configureAPIKey, PreviewMessageType, type BootOptions, type PreviewMessage } from '@webcontainer/api';
import { RuntimeUnavailableError, type ProgressListener } from './choose.ts';
import type { FileMap, PortEvent, PreviewError, Runtime, RuntimeProcess, SpawnOptions } from './types.ts';
import { FileJournal, normalisePath, parentFolders } from './wc-files.ts';
import { PortBook, pickFreePort } from './wc-ports.ts';
import { SandboxProcess } from './wc-process.ts';
import { settlesWithin, withDeadline } from './wc-deadline.ts';
import { explainMissingSupport, needsGestureToBoot, readBrowserFacts, waitForFirstGesture, type BrowserFacts } from './wc-support.ts';
import { fetchPackageSnapshot, type PackageTree } from './wc-packages.ts';
import { DISPOSED_MESSAGE, PROGRESS, STUCK_PROCESS_NOTE, bootFailedMessage, bootTimeoutMessage } from './wc-messages.ts';

/** The part of a WebContainer the adapter uses; unit tests hand in a fake of exactly this. */
export type Engine = Pick<WebContainer, 'fs' | 'spawn' | 'on' | 'mount' | 'teardown'>;
export type BootEngine = (options: BootOptions) => Promise<Engine>;

export interface WebContainerRuntimeOptions {
  onProgress: ProgressListener;
  /** How long booting may take before the learner is told why it failed. Default 20 s. */
  timeoutMs?: number;
  /** How long a killed process may take to exit before the sandbox is restarted. Default 3 s. */
  killGraceMs?: number;
  /** Resolves once the learner has tapped; awaited before booting on iPhone and iPad. */
  waitForGesture?: () => Promise<void>;
  /** Boots the engine; tests pass a fake. Default `WebContainer.boot`. */
  boot?: BootEngine;
  /** What the browser offers; default: read from the page. */
  browser?: BrowserFacts;
  /** Loads the lesson-package snapshot; default: fetched from the site. */
  loadPackages?: () => Promise<PackageTree>;
  /** StackBlitz API key (commercial use); default `VITE_WEBCONTAINER_API_KEY` at build time. */
  apiKey?: string;
  configureApiKey?: (key: string) => void;
}

export const DEFAULT_BOOT_TIMEOUT_MS = 20_000;
export const DEFAULT_KILL_GRACE_MS = 3_000;

/** COEP must match the page's header (server/isolation.ts, public/_headers): Safari has no `credentialless`. */
export const BOOT_OPTIONS: BootOptions = { coep: 'require-corp', workdirName: 'portside', forwardPreviewErrors: true };

const bootRealWebContainer: BootEngine = (options) => WebContainer.boot(options);
/** One live runtime per page (WebContainer allows one instance); keyed by boot function for tests. */
const live = new WeakMap<BootEngine, Promise<Runtime>>();
const keyConfigured = new WeakSet<(key: string) => void>();

/**
 * Boots the page's WebContainer runtime, or returns the one already booting or running.
 * Rejects with RuntimeUnavailableError (alternative: 'local') when the browser cannot run it or
 * the engine does not arrive in time.
 */
export function bootWebContainerRuntime(options: WebContainerRuntimeOptions): Promise<Runtime> {
  const boot = options.boot ?? bootRealWebContainer;
  const existing = live.get(boot);
  if (existing) return existing;
  const starting = startWebContainerRuntime(boot, options, () => {
    if (live.get(boot) === starting) live.delete(boot);
  });
  live.set(boot, starting);
  starting.catch(() => live.get(boot) === starting && live.delete(boot));
  return starting;
}

async function startWebContainerRuntime(boot: BootEngine, options: WebContainerRuntimeOptions, onDisposed: () => void): Promise<Runtime> {
  const { onProgress } = options;
  const browser = options.browser ?? readBrowserFacts();
  const missing = explainMissingSupport(browser);
  if (missing) throw new RuntimeUnavailableError(missing, 'local');
  configureKey(options);
  if (options.waitForGesture || needsGestureToBoot(browser.userAgent, browser.maxTouchPoints)) {
    onProgress(PROGRESS.waitingForTap);
    await (options.waitForGesture ?? waitForFirstGesture)();
  }
  const packages = (options.loadPackages ?? (() => fetchPackageSnapshot(import.meta.env.BASE_URL)))();
  packages.catch(() => {}); // awaited below, after the boot; this only stops an early "unhandled" report
  const bootEngine = () => bootWithDeadline(boot, options.timeoutMs ?? DEFAULT_BOOT_TIMEOUT_MS);
  onProgress(PROGRESS.booting);
  const engine = await bootEngine();
  onProgress(PROGRESS.packages);
  let tree: PackageTree;
  try {
    tree = await packages;
    await mountPackages(engine, tree);
  } catch (error) {
    tearDown(engine);
    throw new RuntimeUnavailableError((error as Error).message, 'local');
  }
  return new WebContainerRuntime(engine, {
    onProgress,
    killGraceMs: options.killGraceMs ?? DEFAULT_KILL_GRACE_MS,
    rebootEngine: async () => {
      const fresh = await bootEngine();
      await mountPackages(fresh, tree);
      return fresh;
    },
    onDisposed,
  });
}

function configureKey(options: WebContainerRuntimeOptions): void {
  const key: unknown = options.apiKey ?? import.meta.env.VITE_WEBCONTAINER_API_KEY;
  const configure = options.configureApiKey ?? configureAPIKey;
  if (typeof key !== 'string' || key === '' || keyConfigured.has(configure)) return;
  configure(key); // must happen before the first boot() of the page
  keyConfigured.add(configure);
}

function bootWithDeadline(boot: BootEngine, timeoutMs: number): Promise<Engine> {
  let timedOut = false;
  const booting = boot(BOOT_OPTIONS);
  // A boot that finishes after we gave up would hold the page's only instance; release it.
  booting.then((late) => timedOut && tearDown(late), () => {});
  return withDeadline(booting, timeoutMs, () => {
    timedOut = true;
    return new RuntimeUnavailableError(bootTimeoutMessage(timeoutMs), 'local');
  }).catch((error: unknown) => {
    throw error instanceof RuntimeUnavailableError ? error : new RuntimeUnavailableError(bootFailedMessage(error), 'local');
  });
}

/** Tears an engine down; one that is already gone (it throws then) needs nothing more. */
function tearDown(engine: Engine): void {
  try {
    engine.teardown();
  } catch {
    // "WebContainer already torn down"
  }
}

async function mountPackages(engine: Engine, tree: PackageTree): Promise<void> {
  if (Object.keys(tree).length > 0) await engine.mount(tree);
}

async function writeAll(engine: Engine, files: FileMap): Promise<void> {
  const entries = Object.entries(files).map(([path, contents]) => [normalisePath(path), contents] as const);
  const folders = new Set(entries.flatMap(([path]) => parentFolders(path)));
  for (const folder of folders) await engine.fs.mkdir(folder, { recursive: true });
  await Promise.all(entries.map(([path, contents]) => engine.fs.writeFile(path, contents)));
}

export function toPreviewError(message: PreviewMessage): PreviewError {
  const where = { port: message.port, pathname: message.pathname };
  switch (message.type) {
    case PreviewMessageType.UncaughtException:
      return { kind: 'uncaught-exception', message: message.message, stack: message.stack, ...where };
    case PreviewMessageType.UnhandledRejection:
      return { kind: 'unhandled-rejection', message: message.message, stack: message.stack, ...where };
    case PreviewMessageType.ConsoleError:
      return { kind: 'console-error', message: message.args.map(formatConsoleArg).join(' '), stack: message.stack, ...where };
  }
}

function formatConsoleArg(arg: unknown): string {
  if (typeof arg === 'string') return arg;
  try {
    return JSON.stringify(arg) ?? String(arg);
  } catch {
    return String(arg);
  }
}

interface RuntimeSetup {
  onProgress: ProgressListener;
  killGraceMs: number;
  /** Boots a fresh engine with the lesson packages mounted (after a teardown). */
  rebootEngine: () => Promise<Engine>;
  onDisposed: () => void;
}

class WebContainerRuntime implements Runtime {
  readonly kind = 'webcontainer' as const;
  private engine: Promise<Engine>;
  private current: Engine;
  private detachEngine: Array<() => void> = [];
  private readonly journal = new FileJournal();
  private readonly ports = new PortBook();
  private readonly portListeners = new Set<(event: PortEvent) => void>();
  private readonly errorListeners = new Set<(error: PreviewError) => void>();
  private readonly processes = new Set<SandboxProcess>();
  private restarting: Promise<void> | null = null;
  private serverStarted = false;
  private disposed = false;

  constructor(engine: Engine, private readonly setup: RuntimeSetup) {
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
    const process = new SandboxProcess(await engine.spawn(command, args, { env: options.env, cwd }), (p) => this.kill(p));
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

  private async ready(): Promise<Engine> {
    if (this.disposed) throw new Error(DISPOSED_MESSAGE);
    return this.engine;
  }

  /** Kills politely; a process that ignores it (a hot loop) costs the container. */
  private kill(process: SandboxProcess): void {
    process.killEngineProcess();
    void settlesWithin(process.engineExit, this.setup.killGraceMs).then((exited) => {
      if (exited || process.hasEnded || this.disposed) return;
      this.restart().catch((error: unknown) => this.setup.onProgress((error as Error).message));
    });
  }

  private restart(): Promise<void> {
    this.restarting ??= this.rebuild().finally(() => (this.restarting = null));
    return this.restarting;
  }

  private async rebuild(): Promise<void> {
    this.setup.onProgress(PROGRESS.restarting);
    for (const process of this.processes) process.interrupt(STUCK_PROCESS_NOTE);
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

  private attach(engine: Engine): void {
    this.detachEngine = [
      engine.on('port', (port, type, url) => {
        const change = this.ports.record({ port, type, url });
        if (change) this.emitPort(change);
      }),
      engine.on('preview-message', (message) => {
        const error = toPreviewError(message);
        for (const listener of this.errorListeners) listener(error);
      }),
      engine.on('error', (error) => this.setup.onProgress(`the sandbox reported an error: ${error.message}`)),
    ];
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
