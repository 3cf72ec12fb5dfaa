/**
 * The WebContainer adapter against a fake engine. The fake implements `@webcontainer/api`'s own
 * types (WebContainer's fs/spawn/on/mount/teardown, WebContainerProcess, FileSystemAPI), so a
 * change in the API breaks this file's type-check instead of production.
 */
import { describe, expect, it, vi } from 'vitest';
import type {
  BootOptions, BufferEncoding, CodeListener, ErrorListener, FileSystemAPI, FileSystemTree, OpenListener, PortListener,
  PreviewMessage, PreviewMessageListener, ServerReadyListener, SpawnOptions, Unsubscribe, WebContainer, WebContainerProcess,
} from '@webcontainer/api';
import { bootWebContainerRuntime, BOOT_OPTIONS, type BootEngine, type Engine, type WebContainerRuntimeOptions } from './adapter.ts';
import { RuntimeUnavailableError, type PortEvent, type PreviewError, type Runtime } from '../types.ts';
import type { BrowserFacts } from './support.ts';
import type { PackageTree } from './packages.ts';
import { ISOLATION_HEADERS } from '../../../contracts/isolation.ts';

// The real boot function must fit the seam the adapter injects; this line fails to compile otherwise.
const realBootFits: typeof WebContainer.boot extends BootEngine ? true : never = true;

class FakeFs implements FileSystemAPI {
  readonly files = new Map<string, string>();
  readonly folders = new Set<string>();
  readdir(): never {
    throw new Error('the adapter does not list folders');
  }
  readFile(path: string, encoding?: null): Promise<Uint8Array>;
  readFile(path: string, encoding: BufferEncoding): Promise<string>;
  async readFile(path: string, encoding?: BufferEncoding | null): Promise<Uint8Array | string> {
    const contents = this.files.get(path);
    if (contents === undefined) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
    return encoding ? contents : new TextEncoder().encode(contents);
  }
  async writeFile(path: string, data: string | Uint8Array): Promise<void> {
    const folder = path.split('/').slice(0, -1).join('/');
    if (folder && !this.folders.has(folder)) throw new Error(`ENOENT: no such directory '${folder}'`);
    this.files.set(path, typeof data === 'string' ? data : new TextDecoder().decode(data));
  }
  mkdir(path: string, options?: { recursive?: false }): Promise<void>;
  mkdir(path: string, options: { recursive: true }): Promise<string>;
  async mkdir(path: string): Promise<void | string> {
    const parts = path.split('/');
    parts.forEach((_, i) => this.folders.add(parts.slice(0, i + 1).join('/')));
    return path;
  }
  async rm(path: string, options?: { force?: boolean; recursive?: boolean }): Promise<void> {
    const under = (p: string) => p === path || p.startsWith(`${path}/`);
    if (!options?.force && ![...this.files.keys()].some(under)) throw new Error(`ENOENT: '${path}'`);
    for (const file of [...this.files.keys()].filter(under)) this.files.delete(file);
    for (const folder of [...this.folders].filter(under)) this.folders.delete(folder);
  }
  async rename(oldPath: string, newPath: string): Promise<void> {
    const contents = await this.readFile(oldPath, 'utf-8');
    this.files.delete(oldPath);
    this.files.set(newPath, contents);
  }
  watch(): never {
    throw new Error('the adapter does not watch files');
  }
}

class FakeProcess implements WebContainerProcess {
  readonly exit: Promise<number>;
  readonly input: WritableStream<string>;
  readonly output: ReadableStream<string>;
  readonly stdin: string[] = [];
  kills = 0;
  private out!: ReadableStreamDefaultController<string>;
  private resolveExit!: (code: number) => void;

  /** `exitAfterKillMs`: how long it takes to exit once killed (a slow clean-up); null: never (a hot loop). */
  constructor(readonly command: string, readonly args: string[], readonly options: SpawnOptions | undefined, private readonly exitAfterKillMs: number | null) {
    this.exit = new Promise((resolve) => (this.resolveExit = resolve));
    this.output = new ReadableStream({ start: (controller) => void (this.out = controller) });
    this.input = new WritableStream({ write: (chunk) => void this.stdin.push(chunk) });
  }
  print(text: string): void {
    this.out.enqueue(text);
  }
  finish(code: number): void {
    this.out.close();
    this.resolveExit(code);
  }
  kill(): void {
    this.kills += 1;
    if (this.exitAfterKillMs === 0) this.finish(143);
    else if (this.exitAfterKillMs !== null) setTimeout(() => this.finish(143), this.exitAfterKillMs);
    // null: a hot loop never gets here
  }
  readonly sizes: Array<{ cols: number; rows: number }> = [];
  resize(dimensions: { cols: number; rows: number }): void {
    this.sizes.push(dimensions);
  }
}

type Listener = (...args: never[]) => void;

class FakeWebContainer implements Engine {
  readonly fs = new FakeFs();
  readonly processes: FakeProcess[] = [];
  readonly mounted: FileSystemTree[] = [];
  tornDown = false;
  /** Set by a test: whether the next processes end when killed. */
  obeysKill = true;
  /** Set by a test: how long the next processes take to exit once killed (a slow clean-up). */
  exitAfterKillMs = 0;
  private readonly listeners = new Map<string, Set<Listener>>();

  spawn(command: string, args: string[], options?: SpawnOptions): Promise<WebContainerProcess>;
  spawn(command: string, options?: SpawnOptions): Promise<WebContainerProcess>;
  async spawn(command: string, argsOrOptions?: string[] | SpawnOptions, maybeOptions?: SpawnOptions): Promise<WebContainerProcess> {
    const args = Array.isArray(argsOrOptions) ? argsOrOptions : [];
    const options = Array.isArray(argsOrOptions) ? maybeOptions : argsOrOptions;
    const process = new FakeProcess(command, args, options, this.obeysKill ? this.exitAfterKillMs : null);
    this.processes.push(process);
    return process;
  }
  on(event: 'port', listener: PortListener): Unsubscribe;
  on(event: 'server-ready', listener: ServerReadyListener): Unsubscribe;
  on(event: 'preview-message', listener: PreviewMessageListener): Unsubscribe;
  on(event: 'error', listener: ErrorListener): Unsubscribe;
  on(event: 'xdg-open', listener: OpenListener): Unsubscribe;
  on(event: 'code', listener: CodeListener): Unsubscribe;
  on(event: string, listener: Listener): Unsubscribe {
    const set = this.listeners.get(event) ?? new Set();
    this.listeners.set(event, set.add(listener));
    return () => set.delete(listener);
  }
  async mount(tree: FileSystemTree | Uint8Array | ArrayBuffer): Promise<void> {
    if (!('node_modules' in tree)) throw new Error('the fake only mounts trees');
    this.mounted.push(tree as FileSystemTree);
  }
  teardown(): void {
    if (this.tornDown) throw new Error('WebContainer already torn down');
    this.tornDown = true;
  }
  emit(event: 'port', ...args: Parameters<PortListener>): void;
  emit(event: 'preview-message', ...args: Parameters<PreviewMessageListener>): void;
  emit(event: 'error', ...args: Parameters<ErrorListener>): void;
  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as (...a: unknown[]) => void)(...args);
  }
}

/** Boots fakes; `hold()` makes the next boot wait until the test releases it (or forever). */
class FakeBooter {
  readonly engines: FakeWebContainer[] = [];
  readonly options: BootOptions[] = [];
  private gate: Promise<void> | null = null;
  readonly boot: BootEngine = async (options) => {
    this.options.push(options);
    const engine = new FakeWebContainer();
    this.engines.push(engine);
    if (this.gate) await this.gate;
    return engine;
  };
  hold(): () => void {
    let release = () => {};
    this.gate = new Promise((resolve) => (release = resolve));
    return () => {
      this.gate = null;
      release();
    };
  }
  get latest(): FakeWebContainer {
    const engine = this.engines.at(-1);
    if (!engine) throw new Error('nothing booted');
    return engine;
  }
}

const ISOLATED: BrowserFacts = {
  crossOriginIsolated: true, sharedArrayBuffer: true, serviceWorker: true, secureContext: true,
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36', maxTouchPoints: 0,
};
const PACKAGES: PackageTree = { node_modules: { directory: { tiny: { directory: { 'package.json': { file: { contents: '{"name":"tiny"}' } } } } } } };

function start(booter: FakeBooter, overrides: Partial<WebContainerRuntimeOptions> = {}) {
  const progress: string[] = [];
  const runtime = bootWebContainerRuntime({
    onProgress: (message) => progress.push(message),
    boot: booter.boot, browser: ISOLATED, loadPackages: async () => PACKAGES, apiKey: '', timeoutMs: 5_000, killGraceMs: 50,
    ...overrides,
  });
  return { runtime, progress };
}

async function readAll(stream: ReadableStream<string>): Promise<string> {
  let text = '';
  for (const reader = stream.getReader(); ; ) {
    const { done, value } = await reader.read();
    if (done) return text;
    text += value;
  }
}

async function rejection(promise: Promise<unknown>): Promise<RuntimeUnavailableError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(RuntimeUnavailableError);
  return error as RuntimeUnavailableError;
}

describe('booting', () => {
  it('boots once per page: starts while one is booting or running share it', async () => {
    expect(realBootFits).toBe(true);
    const booter = new FakeBooter();
    const first = start(booter).runtime;
    const second = start(booter).runtime;
    expect(await first).toBe(await second);
    expect(await start(booter).runtime).toBe(await first);
    expect(booter.engines).toHaveLength(1);
    // One network for every process: Check must stop the learner's Run (app/check/check-store.ts).
    expect((await first).checksIsolatedFromRuns).toBe(false);
  });

  it('boots a fresh container after the runtime is disposed', async () => {
    const booter = new FakeBooter();
    const runtime = await start(booter).runtime;
    await runtime.dispose();
    expect(booter.latest.tornDown).toBe(true);
    expect(await start(booter).runtime).not.toBe(runtime);
    expect(booter.engines).toHaveLength(2);
  });

  it('gives up on a boot that never finishes, says why, and offers the local runtime', async () => {
    const booter = new FakeBooter();
    const release = booter.hold();
    const error = await rejection(start(booter, { timeoutMs: 30 }).runtime);
    expect(error.alternative).toBe('local');
    expect(error.message).toContain('did not start within 30 ms');
    expect(error.message).toContain('stackblitz.com');
    // When the engine arrives after all, it is released rather than holding the page's one instance.
    release();
    await vi.waitFor(() => expect(booter.latest.tornDown).toBe(true));
  });

  it('refuses to boot on a page that is not cross-origin isolated and names the missing headers', async () => {
    const booter = new FakeBooter();
    const error = await rejection(start(booter, { browser: { ...ISOLATED, crossOriginIsolated: false, sharedArrayBuffer: false } }).runtime);
    expect(error.message).toContain('Cross-Origin-Embedder-Policy: require-corp');
    expect(error.message).toContain('docs/deploy.md');
    expect(error.alternative).toBe('local');
    expect(booter.engines).toHaveLength(0);
  });

  it('boots with the same COEP the site is served with, forwarding preview errors', async () => {
    const booter = new FakeBooter();
    await start(booter).runtime;
    expect(booter.options).toEqual([BOOT_OPTIONS]);
    expect(BOOT_OPTIONS.coep).toBe(ISOLATION_HEADERS['Cross-Origin-Embedder-Policy']);
    expect(BOOT_OPTIONS.forwardPreviewErrors).toBe(true);
  });

  it('mounts the lesson packages and reports progress in the order a learner sees it', async () => {
    const booter = new FakeBooter();
    const { runtime, progress } = start(booter);
    const ready = await runtime;
    expect(booter.latest.mounted).toEqual([PACKAGES]);
    await ready.spawn('node', ['server.js']);
    expect(progress).toEqual(['starting the sandbox…', 'preparing packages…', 'starting your server…']);
  });

  it('explains a package snapshot that cannot be loaded, and releases the container', async () => {
    const booter = new FakeBooter();
    const loadPackages = () => Promise.reject(new Error('Portside could not download its lesson packages (HTTP 404)'));
    const error = await rejection(start(booter, { loadPackages }).runtime);
    expect(error.message).toContain('HTTP 404');
    expect(booter.latest.tornDown).toBe(true);
  });

  it('waits for the learner to tap before booting on an iPad', async () => {
    const booter = new FakeBooter();
    let tap = () => {};
    const waitForGesture = () => new Promise<void>((resolve) => (tap = resolve));
    const iPad = { ...ISOLATED, userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 Version/17.4 Safari/605.1.15', maxTouchPoints: 5 };
    const { runtime, progress } = start(booter, { browser: iPad, waitForGesture });
    await vi.waitFor(() => expect(progress).toEqual(['tap or click anywhere to start the sandbox…']));
    expect(booter.engines).toHaveLength(0);
    tap();
    await runtime;
    expect(booter.engines).toHaveLength(1);
  });

  it('boots a desktop browser without waiting for a tap', async () => {
    const booter = new FakeBooter();
    const waitForGesture = () => new Promise<void>(() => {});
    await start(booter, { waitForGesture }).runtime;
    expect(booter.engines).toHaveLength(1);
  });

  it('configures the StackBlitz API key before the first boot', async () => {
    const booter = new FakeBooter();
    const calls: string[] = [];
    const configureApiKey = (key: string) => calls.push(`key ${key} after ${booter.engines.length} boots`);
    await start(booter, { apiKey: 'wc_api_test', configureApiKey }).runtime;
    expect(calls).toEqual(['key wc_api_test after 0 boots']);
  });
});

describe('files, processes and ports', () => {
  it('writes files into their folders, reads them back and removes them', async () => {
    const booter = new FakeBooter();
    const runtime = await start(booter).runtime;
    await runtime.writeFiles({ 'server.js': 'listen()', './src/routes/index.js': 'route()' });
    expect(await runtime.readFile('src/routes/index.js')).toBe('route()');
    await runtime.remove('src');
    await expect(runtime.readFile('src/routes/index.js')).rejects.toThrow(/Could not read "src\/routes\/index.js"/);
    await expect(runtime.writeFiles({ '../escape.js': '' })).rejects.toThrow(/climbs out of the workspace/);
  });

  it('spawns with env and cwd, streams output, forwards input and reports the exit code', async () => {
    const booter = new FakeBooter();
    const runtime = await start(booter).runtime;
    const process = await runtime.spawn('node', ['server.js'], { env: { PORT: '41873' }, cwd: './api' });
    const engine = booter.latest.processes[0];
    expect(engine?.options).toEqual({ env: { PORT: '41873' }, cwd: 'api' });
    process.write('hello\n');
    engine?.print('listening on 41873\n');
    engine?.finish(0);
    expect(await readAll(process.output)).toBe('listening on 41873\n');
    expect(await process.exit).toBe(0);
    await vi.waitFor(() => expect(engine?.stdin).toEqual(['hello\n']));
  });

  it('spawns jsh on a pseudo-terminal of the asked size and resizes it', async () => {
    const booter = new FakeBooter();
    const runtime = await start(booter).runtime;
    const shell = await runtime.spawn('jsh', [], { terminal: { cols: 90, rows: 20 } });
    const engine = booter.latest.processes[0];
    expect(engine?.command).toBe('jsh');
    expect(engine?.options).toEqual({ env: undefined, cwd: undefined, terminal: { cols: 90, rows: 20 } });
    shell.resize?.({ cols: 120, rows: 30 });
    expect(engine?.sizes).toEqual([{ cols: 120, rows: 30 }]);
    engine?.finish(0);
    await shell.exit;
    shell.resize?.({ cols: 10, rows: 10 }); // ended: nothing reaches the engine any more
    expect(engine?.sizes).toHaveLength(1);
  });

  it('turns repeated port events into one change each', async () => {
    const booter = new FakeBooter();
    const runtime = await start(booter).runtime;
    const events: PortEvent[] = [];
    runtime.onPort((event) => events.push(event));
    const url = 'https://abc--41873--1234.local-credentialless.webcontainer-api.io';
    for (const type of ['open', 'open', 'close', 'close', 'open'] as const) booter.latest.emit('port', 41873, type, url);
    expect(events.map((e) => e.type)).toEqual(['open', 'close', 'open']);
    expect(events[0]).toEqual({ port: 41873, type: 'open', url });
  });

  it('passes errors from the preview page to listeners', async () => {
    const booter = new FakeBooter();
    const runtime = await start(booter).runtime;
    const errors: PreviewError[] = [];
    runtime.onPreviewError?.((error) => errors.push(error));
    const message = {
      type: 'PREVIEW_UNCAUGHT_EXCEPTION', message: 'boom is not defined', stack: 'at app.js:3', previewId: 'p1', port: 41873,
      pathname: '/', search: '', hash: '',
    } as PreviewMessage; // the enum member's value, without importing the API's runtime code here
    booter.latest.emit('preview-message', message);
    expect(errors).toEqual([{ kind: 'uncaught-exception', message: 'boom is not defined', stack: 'at app.js:3', port: 41873, pathname: '/' }]);
  });
});

describe('stopping a process that will not stop', () => {
  async function runningServer(booter: FakeBooter, options: Partial<WebContainerRuntimeOptions> = {}) {
    const { runtime: starting, progress } = start(booter, options);
    const runtime: Runtime = await starting;
    const events: PortEvent[] = [];
    runtime.onPort((event) => events.push(event));
    await runtime.writeFiles({ 'server.js': 'while (true) {}', 'notes/todo.md': 'old', 'public/index.html': '<h1>hi</h1>' });
    await runtime.remove('notes');
    booter.latest.obeysKill = false;
    const process = await runtime.spawn('node', ['server.js']);
    booter.latest.emit('port', 41873, 'open', 'https://preview.example');
    return { runtime, process, progress, events };
  }

  it('leaves the container alone when the process exits after kill', async () => {
    const booter = new FakeBooter();
    const runtime = await start(booter).runtime;
    const process = await runtime.spawn('node', ['server.js']);
    process.kill();
    expect(await process.exit).toBe(143);
    await new Promise((resolve) => setTimeout(resolve, 100)); // past the 50 ms grace: still one container
    expect(booter.engines).toHaveLength(1);
    expect(booter.latest.tornDown).toBe(false);
  });

  it('tears the container down, boots a fresh one and tells the learner what happened', async () => {
    const booter = new FakeBooter();
    const { process, progress, events } = await runningServer(booter);
    const stuck = booter.latest;
    process.kill();
    expect(await process.exit).toBe(137);
    expect(await readAll(process.output)).toContain('did not stop when asked');
    expect(stuck.processes[0]?.kills).toBe(1);
    expect(stuck.tornDown).toBe(true);
    await vi.waitFor(() => expect(progress.at(-1)).toBe('the sandbox was restarted and your files are back'));
    expect(booter.engines).toHaveLength(2);
    expect(events.map((e) => `${e.type} ${e.port}`)).toEqual(['open 41873', 'close 41873']);
  });

  it('restores the learner files and the packages in the fresh container', async () => {
    const booter = new FakeBooter();
    const { runtime, process } = await runningServer(booter);
    process.kill();
    await vi.waitFor(() => expect(booter.engines).toHaveLength(2));
    await runtime.writeFiles({ 'server.js': 'server.listen(process.env.PORT)' }); // waits for the fresh engine
    const fresh = booter.latest;
    expect(Object.fromEntries(fresh.fs.files)).toEqual({
      'server.js': 'server.listen(process.env.PORT)',
      'public/index.html': '<h1>hi</h1>',
    });
    expect(fresh.mounted).toEqual([PACKAGES]);
    // The fresh container is the one that runs the next process and reports ports.
    const next = await runtime.spawn('node', ['server.js']);
    expect(fresh.processes).toHaveLength(1);
    fresh.processes[0]?.finish(0);
    expect(await next.exit).toBe(0);
  });

  it('says so when the fresh container cannot boot either', async () => {
    const booter = new FakeBooter();
    const { runtime, process, progress } = await runningServer(booter, { timeoutMs: 40 });
    booter.hold();
    process.kill();
    await vi.waitFor(() => expect(progress.at(-1)).toMatch(/did not start within/));
    await expect(runtime.readFile('server.js')).rejects.toBeInstanceOf(RuntimeUnavailableError);
  });
});

describe('slow exits and hot loops told apart', () => {
  // Real default grace period, fake clock: a cancelled check's harness takes up to 3 s to clean up.
  async function killedAfter(exitAfterKillMs: number | null) {
    vi.useFakeTimers();
    const booter = new FakeBooter();
    const { runtime: starting, progress } = start(booter, { killGraceMs: undefined });
    const runtime = await starting;
    if (exitAfterKillMs === null) booter.latest.obeysKill = false;
    else booter.latest.exitAfterKillMs = exitAfterKillMs;
    const harness = await runtime.spawn('node', ['.portside/harness.mjs', '.portside/check.json']);
    const server = await runtime.spawn('node', ['server.js']);
    harness.kill();
    return { booter, progress, harness, server, output: readAll(harness.output), serverOutput: readAll(server.output) };
  }

  it('a process that takes 3.5 s to clean up after kill (a cancelled check) is not a hot loop: the sandbox stays', async () => {
    try {
      const { booter, harness, progress } = await killedAfter(3_500);
      await vi.advanceTimersByTimeAsync(3_500);
      expect(await harness.exit).toBe(143);
      await vi.advanceTimersByTimeAsync(10_000); // well past the grace period
      expect(booter.engines).toHaveLength(1);
      expect(booter.latest.tornDown).toBe(false);
      expect(progress.join('\n')).not.toMatch(/restarting/);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a process still running 5 s after kill is stuck: teardown, and the learner is told why', async () => {
    try {
      const { booter, harness, server, output, serverOutput, progress } = await killedAfter(null);
      await vi.advanceTimersByTimeAsync(4_900);
      expect(booter.latest.tornDown).toBe(false); // still within the grace a slow clean-up gets
      await vi.advanceTimersByTimeAsync(200);
      expect(booter.engines[0]?.tornDown).toBe(true);
      expect(await harness.exit).toBe(137);
      expect(await output).toMatch(/did not stop when asked: it was still running 5 seconds later, longer than any clean-up takes, so it is probably stuck in a loop/);
      // The other process ended with it, and is told it was not its fault.
      expect(await server.exit).toBe(137);
      expect(await serverOutput).toMatch(/ended because the sandbox had to restart: another process did not stop/);
      await vi.advanceTimersByTimeAsync(0);
      await vi.waitFor(() => expect(progress.at(-1)).toBe('the sandbox was restarted and your files are back'));
    } finally {
      vi.useRealTimers();
    }
  });
});
