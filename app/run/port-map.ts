/**
 * The live port map, as pure bookkeeping: for each process of the run (and the shell), what it
 * was started with (PORT, HOST), every socket it holds, whether the preview can reach each one,
 * and its port conflicts (EADDRINUSE in its output) with who holds the port. The course's
 * subject made visible; the PortMap component only renders what this returns.
 */
import type { ListeningSocket } from '../runtime/types.ts';

export interface MappedProcess {
  /** "your server", "instance 1", "router", "stand-in upstream", "shell". */
  label: string;
  env: Readonly<Record<string, string>>;
  /** null where the runtime cannot see sockets (a WebContainer): the map says so. */
  sockets: readonly ListeningSocket[] | null;
  running: boolean;
  /** Ports its output said were taken (EADDRINUSE); 'unnamed' when the message gave none. */
  taken: readonly (number | 'unnamed')[];
}

export type Reach = 'yes' | 'udp' | 'other-interface' | 'not-forwarded';

export interface SocketRow extends ListeningSocket {
  reach: Reach;
  /** True when this is the port its PORT named. */
  isPort: boolean;
}

export interface Conflict {
  port: number | null;
  /** The label of the process of this map that holds the port, or null: something else does. */
  holder: string | null;
}

export interface ProcessRow {
  label: string;
  port: string | null;
  host: string | null;
  running: boolean;
  sockets: SocketRow[] | null;
  conflicts: Conflict[];
  /** It was given a PORT, listens on TCP, but not on that PORT. */
  ignoresPort: boolean;
}

/** Addresses the preview proxy (which connects to loopback) reaches. */
const REACHABLE = new Set(['127.0.0.1', '0.0.0.0', '::', '::1', '::ffff:127.0.0.1']);

export function portMap(processes: readonly MappedProcess[], previewPorts: readonly number[]): ProcessRow[] {
  return processes.map((process) => {
    const port = process.env.PORT ?? null;
    const sockets = process.sockets?.map((socket) => ({ ...socket, reach: reachOf(socket, previewPorts), isPort: port !== null && String(socket.port) === port })) ?? null;
    const tcp = sockets?.filter((s) => s.protocol === 'tcp') ?? [];
    return {
      label: process.label,
      port,
      host: process.env.HOST ?? null,
      running: process.running,
      sockets,
      conflicts: process.taken.map((taken) => conflictOf(taken, process, processes)),
      ignoresPort: port !== null && tcp.length > 0 && !tcp.some((s) => s.isPort),
    };
  });
}

function reachOf(socket: ListeningSocket, previewPorts: readonly number[]): Reach {
  if (socket.protocol === 'udp') return 'udp';
  if (!REACHABLE.has(socket.address)) return 'other-interface';
  return previewPorts.includes(socket.port) ? 'yes' : 'not-forwarded';
}

function conflictOf(taken: number | 'unnamed', process: MappedProcess, all: readonly MappedProcess[]): Conflict {
  if (taken === 'unnamed') return { port: null, holder: null };
  const holder = all.find((other) => other !== process && other.sockets?.some((s) => s.protocol === 'tcp' && s.port === taken));
  return { port: taken, holder: holder?.label ?? null };
}

/** Where a conflict's port went, in words: "held by instance 1", or by something outside. */
export function holderText(conflict: Conflict): string {
  if (conflict.port === null) return 'a port was already in use (the message did not say which)';
  return conflict.holder ? `port ${conflict.port} is held by ${conflict.holder}` : `port ${conflict.port} is held by something outside this run`;
}
