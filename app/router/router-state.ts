/**
 * What the Router panel knows about a run behind the router, as a pure reducer: the router's log
 * lines, the instances' output and exits, and the runtime's port events go in; the state of the
 * router, of each instance and the requests served come out. Port events are runtime-wide and can
 * repeat, so every step is idempotent.
 */
import { parseRouterLine, type RouterLogEntry } from './router-log.ts';

export type ProcessPhase = 'waiting' | 'running' | 'exited';
export type RoutedRequest = Exclude<RouterLogEntry, { kind: 'listening' }> & { id: number };

export interface InstanceState {
  /** 1, 2, … as the learner reads it. */
  number: number;
  /** The PORT it was started with, where the router sends its requests. */
  port: number;
  phase: ProcessPhase;
  /** Ports it listens on now: its PORT, or a port hardcoded in its code. */
  listening: readonly number[];
  /** Every port it has listened on since it started. */
  listened: readonly number[];
  code: number | null;
  /** It exited because the learner stopped the run, not on its own. */
  stopped: boolean;
  /** The port its listen() found taken (EADDRINUSE), as its output names it. */
  portTaken: number | 'unnamed' | null;
  /** Requests the router says it answered. */
  served: number;
}

export interface RouterState {
  port: number;
  phase: ProcessPhase;
  listening: boolean;
  code: number | null;
  /** The learner pressed Stop (or Restart): exits are expected, not failures. */
  stopping: boolean;
  /** The router exited because of Stop, not on its own. */
  stopped: boolean;
  instances: readonly InstanceState[];
  /** The latest requests through the router, newest first. */
  requests: readonly RoutedRequest[];
  /** How many requests went through, including those no longer in `requests`. */
  total: number;
}

export type RouterEvent =
  | { type: 'instance-spawned'; index: number }
  | { type: 'instance-line'; index: number; line: string }
  | { type: 'instance-exited'; index: number; code: number }
  | { type: 'router-spawned' }
  | { type: 'router-line'; line: string }
  | { type: 'router-exited'; code: number }
  | { type: 'port'; port: number; open: boolean }
  | { type: 'stopping' };

/** The panel shows the latest requests; older ones scroll away in the terminal. */
export const MAX_REQUESTS = 30;

export function initialRouterState(routerPort: number, instancePorts: readonly number[]): RouterState {
  return {
    port: routerPort,
    phase: 'waiting',
    listening: false,
    code: null,
    stopping: false,
    stopped: false,
    instances: instancePorts.map((port, i) => ({ number: i + 1, port, phase: 'waiting', listening: [], listened: [], code: null, stopped: false, portTaken: null, served: 0 })),
    requests: [],
    total: 0,
  };
}

export function applyRouterEvent(state: RouterState, event: RouterEvent): RouterState {
  switch (event.type) {
    case 'instance-spawned':
      return withInstance(state, event.index, { phase: 'running' });
    case 'instance-exited':
      return withInstance(state, event.index, { phase: 'exited', code: event.code, listening: [], stopped: state.stopping });
    case 'instance-line': {
      const taken = portTakenIn(event.line);
      const current = state.instances[event.index]?.portTaken;
      // A port named once beats a later line that only says "address in use".
      if (taken === null || typeof current === 'number') return state;
      return withInstance(state, event.index, { portTaken: taken });
    }
    case 'router-spawned':
      return { ...state, phase: 'running' };
    case 'router-exited':
      return { ...state, phase: 'exited', code: event.code, listening: false, stopped: state.stopping };
    case 'router-line':
      return applyLogEntry(state, parseRouterLine(event.line));
    case 'port':
      return applyPort(state, event.port, event.open);
    case 'stopping':
      return state.stopping ? state : { ...state, stopping: true };
  }
}

/**
 * The port an "address already in use" error names, `'unnamed'` when it names none, or null for
 * any other line. Node: "Error: listen EADDRINUSE: address already in use :::3000"; a message of
 * the learner's own: "Port 3000 is already in use"; Python: "[Errno 98] Address already in use".
 */
export function portTakenIn(line: string): number | 'unnamed' | null {
  const node = /EADDRINUSE\b.*?:(\d{1,5})\s*$/.exec(line);
  if (node) return Number(node[1]);
  const own = /\bport (\d{1,5}) is (already )?(in use|taken)/i.exec(line);
  if (own) return Number(own[1]);
  return /EADDRINUSE|address already in use/i.test(line) ? 'unnamed' : null;
}

function applyLogEntry(state: RouterState, entry: RouterLogEntry | null): RouterState {
  if (!entry) return state;
  if (entry.kind === 'listening') return { ...state, listening: true };
  const requests = [{ ...entry, id: state.total + 1 }, ...state.requests].slice(0, MAX_REQUESTS);
  const instances =
    entry.kind === 'served' ? state.instances.map((i) => (i.port === entry.instance ? { ...i, served: i.served + 1 } : i)) : state.instances;
  return { ...state, requests, instances, total: state.total + 1 };
}

function applyPort(state: RouterState, port: number, open: boolean): RouterState {
  if (port === state.port) return state.listening === open ? state : { ...state, listening: open };
  if (!open) {
    if (!state.instances.some((i) => i.listening.includes(port))) return state;
    return { ...state, instances: state.instances.map((i) => ({ ...i, listening: i.listening.filter((p) => p !== port) })) };
  }
  const owner = ownerOf(state.instances, port);
  if (owner === -1 || state.instances[owner]?.listening.includes(port)) return state;
  return withInstance(state, owner, {
    listening: [...(state.instances[owner]?.listening ?? []), port],
    listened: [...new Set([...(state.instances[owner]?.listened ?? []), port])],
  });
}

/**
 * Which instance opened a port: the one whose PORT it is; otherwise (a hardcoded port) the most
 * recently started instance still running — instances start one after another, so a port that
 * opens while only one runs is that one's.
 */
function ownerOf(instances: readonly InstanceState[], port: number): number {
  const byPort = instances.findIndex((i) => i.port === port);
  if (byPort !== -1) return byPort;
  return instances.findLastIndex((i) => i.phase === 'running');
}

function withInstance(state: RouterState, index: number, change: Partial<InstanceState>): RouterState {
  if (!state.instances[index]) return state;
  return { ...state, instances: state.instances.map((instance, i) => (i === index ? { ...instance, ...change } : instance)) };
}
