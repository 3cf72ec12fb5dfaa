/**
 * One browser tab's connection: a private workspace, the processes it started, and the ports
 * they listen on. Messages are handled one at a time in arrival order, so "write files, then
 * spawn" never races — except Stop (`kill`), which never waits behind another operation, and
 * file operations have a deadline (deadline.ts). When the socket closes every process tree is
 * killed at once, whatever is queued, and the workspace removed.
 */
import { rmSync } from 'node:fs';
import { mkdtemp, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WebSocket } from 'ws';
import type { ServerMessage } from '../../contracts/runner-protocol.ts';
import { linkLessonPackages, type LessonPackage } from './lesson-packages.ts';
import { parseClientMessage, type Parsed } from './messages.ts';
import { perform } from './operations.ts';
import { PortWatcher } from './ports/port-watcher.ts';
import { LimitWatch } from './limit-watch.ts';
import { ProcessTrees } from './process-trees.ts';
import { boundAddresses, type BoundAddress } from '../http/bound-address.ts';
import { spawnProcess, type LearnerProcess, type SpawnRequest } from './spawn-process.ts';
import { sandboxStatus } from '../sandbox/sandbox.ts';
import { createLimitGroup, type LimitGroup } from '../sandbox/cgroup.ts';

export interface ConnectionOptions {
  packages: readonly LessonPackage[];
  /** The app server's own port: preview URLs point at it, and freePort never returns it. */
  serverPort: number;
  /** Where the browser reaches a learner port (keyed preview hosts, see server/http/login.ts). */
  previewUrl(port: number): string;
}

export class RunnerConnection {
  private readonly processes = new Map<number, LearnerProcess>();
  private readonly trees = new ProcessTrees();
  private readonly limits: LimitWatch;
  private readonly watcher: PortWatcher;
  private nextProc = 1;
  private queue: Promise<void> = Promise.resolve();
  private closing: Promise<void> | null = null;

  private constructor(
    private readonly socket: WebSocket,
    readonly workspace: string,
    readonly serverPort: number,
    previewUrl: (port: number) => string,
    group: LimitGroup | null,
  ) {
    this.limits = new LimitWatch(this.trees, group);
    this.watcher = new PortWatcher(
      this.trees,
      ({ port, event }) => this.send({ type: 'port', port, event, url: previewUrl(port) }),
      (root, sockets) => {
        const proc = this.procOf(root);
        if (proc !== null) this.send({ type: 'sockets', proc, sockets });
      },
    );
  }

  static async open(socket: WebSocket, options: ConnectionOptions): Promise<RunnerConnection> {
    const workspace = await realpath(await mkdtemp(join(tmpdir(), 'portside-')));
    await linkLessonPackages(workspace, options.packages).catch(async (error: unknown) => {
      await rm(workspace, { recursive: true, force: true });
      throw error;
    });
    // Check gets a private network only under bubblewrap (spawn-process.ts); the page keeps the
    // learner's Run going during a check only then.
    const checksIsolated = (await sandboxStatus()).kind === 'bubblewrap';
    // The session's cgroup (memory of Run and terminal together), where the machine offers one.
    const group = checksIsolated ? createLimitGroup() : null;
    const connection = new RunnerConnection(socket, workspace, options.serverPort, options.previewUrl, group);
    connection.send({ type: 'hello', workspace, checksIsolated });
    return connection;
  }

  get openPorts(): ReadonlySet<number> {
    return this.watcher.open;
  }

  /** The exact addresses this session's processes listen on at `port` (what the preview proxy dials). */
  async boundAddresses(port: number): Promise<BoundAddress[]> {
    return this.watcher.open.has(port) ? boundAddresses(await this.trees.refresh(), port) : [];
  }

  receive(text: string): void {
    const parsed = parseClientMessage(text);
    // Stop must work while a file operation is stuck; nothing after it depends on its order.
    if (parsed.ok && parsed.message.op === 'kill') return void this.handle(parsed);
    this.queue = this.queue.then(() => this.handle(parsed));
  }

  async start(request: Omit<SpawnRequest, 'workspace'>): Promise<number> {
    if (this.closing) throw new Error('The session is closing');
    const proc = this.nextProc++;
    const child = await spawnProcess({ ...request, workspace: this.workspace }, this.trees, (data) => this.send({ type: 'output', proc, data }), this.limits);
    if (this.closing) {
      // The session closed while it started: close() has already signalled the trees it knew.
      await child.killNow();
      throw new Error('The session is closing');
    }
    this.processes.set(proc, child);
    this.watcher.wake();
    void child.exited.then((code) => {
      this.processes.delete(proc); // forgotten once reported, so 1,000 Run/Stop cycles hold nothing
      this.send({ type: 'exit', proc, code });
      this.watcher.wake(); // report its ports closed promptly
    });
    return proc;
  }

  private procOf(pid: number): number | null {
    for (const [proc, child] of this.processes) if (child.pid === pid) return proc;
    return null;
  }

  process(proc: number): LearnerProcess {
    const child = this.processes.get(proc);
    if (!child) throw new Error(`No process ${proc} in this session`);
    return child;
  }

  /** Kills every process tree at once and removes the workspace. Safe to call more than once. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.watcher.stop();
      await this.trees.signalAll('SIGKILL'); // one process-table read for the whole session
      await Promise.race([Promise.all([...this.processes.values()].map((child) => child.exited)), delay(3000)]);
      await this.limits.group?.remove().catch(() => {}); // what is left then is removed at the server's exit
      await rm(this.workspace, { recursive: true, force: true, maxRetries: 3 });
    })();
    return this.closing;
  }

  /** The synchronous last resort when the whole server is exiting (even after a crash). */
  killAllSync(): void {
    this.trees.killAllSync();
    this.limits.group?.removeSync();
    rmSync(this.workspace, { recursive: true, force: true });
  }

  private async handle(parsed: Parsed): Promise<void> {
    if (!parsed.ok) {
      return this.send(parsed.id === null ? { type: 'error', error: parsed.error } : { type: 'result', id: parsed.id, ok: false, error: parsed.error });
    }
    const { id } = parsed.message;
    try {
      const value = await perform(this, parsed.message);
      this.send({ type: 'result', id, ok: true, value });
    } catch (error) {
      this.send({ type: 'result', id, ok: false, error: error instanceof Error ? error.message : String(error) });
    }
  }

  private send(message: ServerMessage): void {
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(JSON.stringify(message));
  }
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
