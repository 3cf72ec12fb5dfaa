/**
 * Port bookkeeping for the WebContainer runtime. WebContainer repeats `port` events (open, open,
 * close…); the book turns them into changes and knows which ports are open right now, so
 * `freePort` never hands out one that is taken.
 */
import type { PortEvent } from '../types.ts';

/** Ports learners and tutorials reach for by habit; a PORT we choose must never be one of them. */
export const HABITUAL_PORTS: ReadonlySet<number> = new Set([80, 443, 3000, 3001, 4000, 5000, 5173, 8000, 8080, 8081, 8888]);

/** Where freePort picks from: high enough to look chosen by a platform, like 41873. */
export const FREE_PORT_RANGE = { min: 40000, max: 48999 } as const;

export class PortBook {
  private readonly open = new Map<number, string>();

  /** Records an event; returns it when it changes something, null when it only repeats. */
  record(event: PortEvent): PortEvent | null {
    const known = this.open.get(event.port);
    if (event.type === 'open') {
      if (known === event.url) return null;
      this.open.set(event.port, event.url);
      return event;
    }
    if (known === undefined) return null;
    this.open.delete(event.port);
    return event;
  }

  /** Closes every open port (the container behind them is gone); returns the close events. */
  closeAll(): PortEvent[] {
    const events = [...this.open].map(([port, url]): PortEvent => ({ port, type: 'close', url }));
    this.open.clear();
    return events;
  }

  isOpen(port: number): boolean {
    return this.open.has(port);
  }
}

/** A random port in FREE_PORT_RANGE that is neither open nor habitual. `random` returns [0, 1). */
export function pickFreePort(isTaken: (port: number) => boolean, random: () => number = Math.random): number {
  const span = FREE_PORT_RANGE.max - FREE_PORT_RANGE.min + 1;
  const start = Math.floor(random() * span);
  for (let step = 0; step < span; step += 1) {
    const port = FREE_PORT_RANGE.min + ((start + step) % span);
    if (!isTaken(port) && !HABITUAL_PORTS.has(port)) return port;
  }
  throw new Error(`Every port from ${FREE_PORT_RANGE.min} to ${FREE_PORT_RANGE.max} is in use.`);
}
