/**
 * The processes of one run as the port map sees them: each with the env it was started with,
 * the sockets the runtime reports for it, whether it still runs, and the ports its output said
 * were taken. RunStore adds a process when it starts one; this keeps the list current.
 */
import type { RuntimeProcess } from '../runtime/types.ts';
import { portTakenIn } from '../router/router-state.ts';
import type { MappedProcess } from './port-map.ts';

export class RunProcesses {
  private list: MappedProcess[] = [];
  private readonly stops: Array<() => void> = [];

  constructor(private readonly onChange: (processes: readonly MappedProcess[]) => void) {}

  get current(): readonly MappedProcess[] {
    return this.list;
  }

  /** Follows `process`: its sockets and its exit. Its output is fed through `sawOutput`. */
  add(label: string, env: Record<string, string>, process: RuntimeProcess): void {
    const sockets = process.onSockets ? [] : null;
    this.list = [...this.list, { label, env, sockets, running: true, taken: [] }];
    this.emit();
    if (process.onSockets) this.stops.push(process.onSockets((now) => this.change(label, { sockets: now })));
    void process.exit.then(() => this.change(label, { running: false }));
  }

  /** Output of the process called `label`, watched for "address already in use". */
  sawOutput(label: string, text: string): void {
    for (const line of text.split(/\r?\n/)) {
      const taken = portTakenIn(line);
      if (taken !== null) this.noteTaken(label, taken);
    }
  }

  /**
   * A port its output said was taken. Node's error names the port on one line and says
   * `code: 'EADDRINUSE'` on another: once a port is named, an unnamed mention adds nothing.
   */
  noteTaken(label: string, taken: number | 'unnamed'): void {
    const entry = this.list.find((p) => p.label === label);
    if (!entry || entry.taken.includes(taken)) return;
    const named = entry.taken.filter((t) => t !== 'unnamed');
    if (taken === 'unnamed' && named.length > 0) return;
    this.change(label, { taken: taken === 'unnamed' ? [taken] : [...named, taken] });
  }

  /** Stops following every process (a new run starts its own list). */
  close(): void {
    for (const stop of this.stops.splice(0)) stop();
  }

  private change(label: string, change: Partial<MappedProcess>): void {
    this.list = this.list.map((p) => (p.label === label ? { ...p, ...change } : p));
    this.emit();
  }

  private emit(): void {
    this.onChange(this.list);
  }
}
