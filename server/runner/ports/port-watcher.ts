/**
 * Polls which ports a session's processes listen on, only while it has live processes, and
 * reports each change once. When the last process is gone every remaining port is reported closed.
 */
import { diffPorts, type PortChange } from './port-diff.ts';
import { listeningPorts } from './listening-ports.ts';
import type { ProcessTrees } from '../process-trees.ts';
import type { ListeningSocketInfo } from '../../../contracts/runner-protocol.ts';
import { socketsByTree } from './process-sockets.ts';

/** Fast enough that the preview appears promptly after listen(), slow enough to cost little… */
const POLL_MS = 75;
/** …and slower once nothing has changed for a while (a server that listens late still shows up). */
const IDLE_POLL_MS = 250;
const IDLE_AFTER_MS = 5000;
/** How many polls may pass between socket reports when no TCP port changed (UDP, addresses). */
const SOCKETS_EVERY = 4;

export class PortWatcher {
  private ports = new Set<number>();
  private timer: NodeJS.Timeout | null = null;
  private polling = false;
  private stopped = false;
  private lastActivity = 0;
  /** root pid → its sockets as last reported (JSON), so each change is reported once. */
  private reported = new Map<number, string>();
  private pollsSinceSockets = 0;

  constructor(
    private readonly trees: ProcessTrees,
    private readonly onChange: (change: PortChange) => void,
    /** Optional: every socket of each tree, whenever a tree's set changes (the port map). */
    private readonly onSockets?: (root: number, sockets: ListeningSocketInfo[]) => void,
  ) {}

  /** The ports open right now (the preview proxy only forwards to these). */
  get open(): ReadonlySet<number> {
    return this.ports;
  }

  /** Call after spawning; polling stops by itself when the session has no processes left. */
  wake(): void {
    this.lastActivity = Date.now();
    if (this.stopped || this.polling) return;
    if (this.timer) clearTimeout(this.timer);
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private async reportSockets(report: (root: number, sockets: ListeningSocketInfo[]) => void): Promise<void> {
    const byTree = await socketsByTree(this.trees.members);
    if (this.stopped) return;
    const next = new Map<number, string>();
    for (const [root, sockets] of byTree) {
      const text = JSON.stringify(sockets);
      next.set(root, text);
      if (this.reported.get(root) !== text) report(root, sockets);
    }
    this.reported = next;
  }

  private schedule(): void {
    const idle = Date.now() - this.lastActivity > IDLE_AFTER_MS;
    this.timer = setTimeout(() => void this.poll(), idle ? IDLE_POLL_MS : POLL_MS);
  }

  private async poll(): Promise<void> {
    this.timer = null;
    this.polling = true;
    try {
      const pids = this.trees.isEmpty ? [] : await this.trees.refresh();
      const next = await listeningPorts(pids);
      if (this.stopped) return;
      const changes = diffPorts(this.ports, next);
      if (changes.length > 0) this.lastActivity = Date.now();
      this.ports = next;
      for (const change of changes) this.onChange(change);
      // The map's detail costs a second /proc pass: at once when ports changed, else every few polls.
      this.pollsSinceSockets += 1;
      if (this.onSockets && (changes.length > 0 || this.pollsSinceSockets >= SOCKETS_EVERY)) {
        this.pollsSinceSockets = 0;
        await this.reportSockets(this.onSockets);
      }
    } catch {
      // A snapshot can race with processes exiting; the next poll sees the settled state.
    } finally {
      this.polling = false;
    }
    if (!this.stopped && !this.trees.isEmpty) this.schedule();
    else if (!this.stopped && this.ports.size > 0) this.schedule(); // one more pass reports the closes
  }
}
