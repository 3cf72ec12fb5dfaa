/**
 * The WebContainer runtime: the learner's server runs inside their own browser tab through
 * `@webcontainer/api`. The only file in Portside that imports that package.
 *
 * What WebContainer does not do for us, and this adapter does:
 * - `boot()` hangs forever when StackBlitz is unreachable, so it gets a deadline and a message.
 * - A process in a hot loop ignores `kill()`; one still running 5 s after it (longer than any
 *   clean-up, such as a cancelled check's, takes) counts as stuck: the container is torn down,
 *   a fresh one booted, and the learner's files restored from a journal of every write.
 * - `port` events repeat and `server-ready` may never fire; the PortBook turns events into changes.
 */
import { WebContainer, configureAPIKey, PreviewMessageType, type BootOptions, type PreviewMessage } from '@webcontainer/api';
import { RuntimeUnavailableError, type PreviewError, type ProgressListener, type Runtime } from '../types.ts';
import { withDeadline } from './deadline.ts';
import { WebContainerRuntime, tearDown, type EngineEvents } from './runtime.ts';
import { explainMissingSupport, needsGestureToBoot, readBrowserFacts, waitForFirstGesture, type BrowserFacts } from './support.ts';
import { fetchPackageSnapshot, type PackageTree } from './packages.ts';
import { PROGRESS, bootFailedMessage, bootTimeoutMessage } from './messages.ts';

/** The part of a WebContainer the adapter uses; unit tests hand in a fake of exactly this. */
export type Engine = Pick<WebContainer, 'fs' | 'spawn' | 'on' | 'mount' | 'teardown'>;
export type BootEngine = (options: BootOptions) => Promise<Engine>;

export interface WebContainerRuntimeOptions {
  onProgress: ProgressListener;
  /** How long booting may take before the learner is told why it failed. Default 20 s. */
  timeoutMs?: number;
  /** How long a killed process may take to exit before it counts as stuck and the sandbox is restarted. Default 5 s. */
  killGraceMs?: number;
  /** Resolves once the learner has tapped; awaited before booting on iPhone and iPad only. Default: the first tap or key press on the page. */
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
/**
 * A cancelled check's harness needs up to 3 s after SIGTERM to stop the servers it started
 * (probes/lib/run.mjs waits that long for each exit); a hot loop never exits. 5 s tells them apart.
 */
export const DEFAULT_KILL_GRACE_MS = 5_000;

/** COEP must match the page's header (contracts/isolation.ts, public/_headers): Safari has no `credentialless`. */
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
  if (needsGestureToBoot(browser.userAgent, browser.maxTouchPoints)) {
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
    listen,
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

async function mountPackages(engine: Engine, tree: PackageTree): Promise<void> {
  if (Object.keys(tree).length > 0) await engine.mount(tree);
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

/** Port events, preview errors and internal errors of an engine, in the seam's terms. */
function listen(engine: Engine, events: EngineEvents): Array<() => void> {
  return [
    engine.on('port', (port, type, url) => events.port({ port, type, url })),
    engine.on('preview-message', (message) => events.previewError(toPreviewError(message))),
    engine.on('error', (error) => events.internalError(error.message)),
  ];
}
