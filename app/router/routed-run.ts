/**
 * Runs a lesson's command the way a platform runs an app behind its routing layer: two instances,
 * each started with its own PORT, one after the other, and probes/router.mjs in front of them on a
 * third port, which is what the preview shows. To the RunStore it is one process: its output is
 * every process's output, each line labelled; kill() stops all three; it has exited once all
 * three have. Its RouterState (router-state.ts) feeds the Router panel.
 */
import { probeFiles } from '../check/probe-files.ts';
import { workspacePath } from '../../probes/files.mjs';
import type { Runtime, RuntimeProcess } from '../runtime/types.ts';
import { commandLine, exitLine } from '../terminal/transcript.ts';
import { LabelledLines } from './labelled-lines.ts';
import { applyRouterEvent, initialRouterState, type InstanceState, type RouterEvent, type RouterState } from './router-state.ts';
import { delay, readOutput } from '../runtime/process-output.ts';

/** Two instances are enough to see round robin, and to see a hardcoded port fail. */
export const INSTANCE_COUNT = 2;
/** Where the router goes in the workspace: the same file, and path, a check copies. */
export const ROUTER_SCRIPT = workspacePath('router.mjs');
/** How long an instance gets to listen (or fail) before the next one starts anyway. */
const SETTLE_MS = 5000;
/** Output can trail an exit by a moment; wait for it, but never for a stream that hangs. */
const DRAIN_MS = 500;

const LABEL_COLOURS = ['\x1b[36m', '\x1b[35m'];
const ROUTER_COLOUR = '\x1b[33m';
const RESET = '\x1b[0m';

/** A process the routed run started, for the port map. */
export interface RoutedChild {
  name: string;
  env: Record<string, string>;
  process: RuntimeProcess;
}

interface ChildEvents {
  spawned(): void;
  line(line: string): void;
  exited(code: number): void;
}

export class RoutedRun implements RuntimeProcess {
  readonly output: ReadableStream<string>;
  readonly exit: Promise<number>;
  private controller: ReadableStreamDefaultController<string> | null = null;
  private closed = false;
  private state: RouterState = initialRouterState(0, []);
  private readonly listeners = new Set<(state: RouterState) => void>();
  private readonly childListeners = new Set<(child: RoutedChild) => void>();
  private readonly children: { process: RuntimeProcess; done: Promise<number> }[] = [];
  private routerCode = 0;
  /** Set when the run ended because every instance had exited: their code is the run's. */
  private instancesCode: number | null = null;
  private endPorts: () => void = () => undefined;
  private resolveExit: (code: number) => void = () => undefined;

  constructor(
    private readonly runtime: Runtime,
    private readonly program: string,
    private readonly args: readonly string[],
    /** Passed to each instance besides its PORT: HOST, the backing-service URL. */
    private readonly env: Record<string, string> = {},
  ) {
    this.output = new ReadableStream({ start: (controller) => void (this.controller = controller) });
    this.exit = new Promise((resolve) => (this.resolveExit = resolve));
  }

  /** Picks the router's port and the instances' ports; returns the router's, the one to preview. */
  async choosePorts(): Promise<number> {
    const [router = 0, ...instances] = await distinctFreePorts(this.runtime, INSTANCE_COUNT + 1);
    this.state = initialRouterState(router, instances);
    return router;
  }

  onState(listener: (state: RouterState) => void): void {
    this.listeners.add(listener);
    listener(this.state);
  }

  /** Hears of each process as it starts: instance 1, instance 2, the router. */
  onChild(listener: (child: RoutedChild) => void): void {
    this.childListeners.add(listener);
  }

  /** Writes the router into the workspace, starts the instances one by one, then the router. */
  async start(): Promise<void> {
    this.endPorts = this.runtime.onPort((event) => this.apply({ type: 'port', port: event.port, open: event.type === 'open' }));
    try {
      const router = (await probeFiles())[ROUTER_SCRIPT];
      if (router === undefined) throw new Error(`${ROUTER_SCRIPT} is missing from the probe files`);
      await this.runtime.writeFiles({ [ROUTER_SCRIPT]: router });
      for (const [index, instance] of this.state.instances.entries()) {
        await this.startInstance(index, instance);
      }
      const upstreams = this.state.instances.map((i) => `http://127.0.0.1:${i.port}`).join(',');
      const label = `${ROUTER_COLOUR}[router :${this.state.port}]${RESET} `;
      await this.spawnChild('router', label, 'node', [ROUTER_SCRIPT], { PORT: String(this.state.port), UPSTREAMS: upstreams }, {
        spawned: () => this.apply({ type: 'router-spawned' }),
        line: (line) => this.apply({ type: 'router-line', line }),
        exited: (code) => this.routerExited(code),
      });
      this.endIfNoInstanceLives(this.state.instances.at(-1)?.code ?? 1);
    } catch (error) {
      this.kill();
      this.seal();
      throw error;
    }
    this.seal();
  }

  write(): void {
    // Typed input has no single reader among three processes; the instances are servers.
  }

  kill(): void {
    this.apply({ type: 'stopping' });
    for (const child of this.children) child.process.kill();
  }

  private async startInstance(index: number, instance: InstanceState): Promise<void> {
    const label = `${LABEL_COLOURS[index % LABEL_COLOURS.length]}[instance :${instance.port}]${RESET} `;
    await this.spawnChild(`instance ${instance.number}`, label, this.program, this.args, { PORT: String(instance.port), ...this.env }, {
      spawned: () => this.apply({ type: 'instance-spawned', index }),
      line: (line) => this.apply({ type: 'instance-line', index, line }),
      exited: (code) => {
        this.apply({ type: 'instance-exited', index, code });
        this.endIfNoInstanceLives(code);
      },
    });
    // The next instance starts once this one listens or gives up, so "taken by instance 1" is true.
    await this.until((state) => state.instances[index]?.phase === 'exited' || (state.instances[index]?.listening.length ?? 0) > 0);
  }

  private async spawnChild(name: string, label: string, program: string, args: readonly string[], env: Record<string, string>, on: ChildEvents): Promise<void> {
    this.emit(label + commandLine(env, program, args));
    const process = await this.runtime.spawn(program, [...args], { env });
    for (const listener of this.childListeners) listener({ name, env, process });
    on.spawned();
    const lines = new LabelledLines(label, on.line);
    const drained = readOutput(process.output, (chunk) => this.emit(lines.push(chunk)));
    const done = process.exit.then(async (code) => {
      await Promise.race([drained, delay(DRAIN_MS)]);
      this.emit(lines.flush());
      this.emit(label + exitLine(code, this.state.stopping));
      on.exited(code);
      return code;
    });
    this.children.push({ process, done });
  }

  /**
   * A router in front of instances that have all exited serves nothing, so the run is over:
   * the status must not say "Running" for it. The run then reports the instances' exit code.
   */
  private endIfNoInstanceLives(code: number): void {
    const routerStarted = this.children.length === INSTANCE_COUNT + 1;
    if (!routerStarted || this.state.stopping || this.state.instances.some((i) => i.phase !== 'exited')) return;
    this.emit(`${ROUTER_COLOUR}[router :${this.state.port}]${RESET} every instance has exited, so nothing can serve; the run ends\n`);
    this.instancesCode = code;
    this.kill();
  }

  private routerExited(code: number): void {
    this.routerCode = code;
    const stopping = this.state.stopping;
    this.apply({ type: 'router-exited', code });
    // Without the router nothing reaches the instances: the run is over.
    if (!stopping) this.kill();
  }

  /** Once every child has been started: the run has exited when all of them have. */
  private seal(): void {
    void Promise.all(this.children.map((child) => child.done)).then(() => {
      this.endPorts();
      this.closed = true;
      this.controller?.close();
      this.resolveExit(this.instancesCode ?? this.routerCode);
    });
  }

  private apply(event: RouterEvent): void {
    const next = applyRouterEvent(this.state, event);
    if (next === this.state) return;
    this.state = next;
    for (const listener of this.listeners) listener(next);
  }

  private until(ready: (state: RouterState) => boolean): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.listeners.delete(check);
        resolve();
      };
      const check = (state: RouterState) => ready(state) && done();
      const timer = setTimeout(done, SETTLE_MS);
      this.listeners.add(check);
      check(this.state);
    });
  }

  private emit(text: string): void {
    if (text && !this.closed) this.controller?.enqueue(text);
  }
}

async function distinctFreePorts(runtime: Runtime, count: number): Promise<number[]> {
  const ports = new Set<number>();
  for (let attempt = 0; ports.size < count; attempt += 1) {
    if (attempt > count * 10) throw new Error('Could not find enough free ports for the router and its instances');
    ports.add(await runtime.freePort());
  }
  return [...ports];
}
