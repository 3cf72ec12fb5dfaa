/** Turns two snapshots of listening ports into the open/close events between them. Pure. */

export interface PortChange {
  port: number;
  event: 'open' | 'close';
}

export function diffPorts(before: ReadonlySet<number>, after: ReadonlySet<number>): PortChange[] {
  const changes: PortChange[] = [];
  for (const port of [...before].sort((a, b) => a - b)) if (!after.has(port)) changes.push({ port, event: 'close' });
  for (const port of [...after].sort((a, b) => a - b)) if (!before.has(port)) changes.push({ port, event: 'open' });
  return changes;
}

/** Where the browser reaches a port through the playground's preview proxy. */
export function previewUrl(port: number, serverPort: number): string {
  return `http://${port}.localhost:${serverPort}/`;
}
