/**
 * The router's log lines (documented at the top of probes/router.mjs), parsed into what the
 * Router panel shows. Pure and total: a line it does not know is `null`, never an exception, so
 * a router that prints something new degrades to the terminal alone.
 */

export type RouterLogEntry =
  | { kind: 'listening'; port: number; instances: number[] }
  | { kind: 'served'; method: string; path: string; instance: number; status: number }
  | { kind: 'refused'; method: string; path: string; instance: number }
  | { kind: 'dropped'; method: string; path: string; instance: number }
  | { kind: 'no-instance'; method: string; path: string };

const LISTENING = /^router listening on port (\d+) → instances (.*)$/;
// Method and path never contain spaces (the path is the request target), so `\S+` is exact.
const SERVED = /^(\S+) (\S+) → instance :(\d+) \((\d{3})\)$/;
const REFUSED = /^(\S+) (\S+) → instance :(\d+) refused the connection, skipping it$/;
const DROPPED = /^(\S+) (\S+) → instance :(\d+) dropped the connection \(502\)$/;
const NO_INSTANCE = /^(\S+) (\S+) → no instance answered \(502\)$/;

export function parseRouterLine(line: string): RouterLogEntry | null {
  const text = line.replace(/\r$/, '');
  let match = LISTENING.exec(text);
  if (match) {
    const instances = [...(match[2] ?? '').matchAll(/:(\d+)/g)].map((m) => Number(m[1]));
    return { kind: 'listening', port: Number(match[1]), instances };
  }
  if ((match = SERVED.exec(text))) return { kind: 'served', ...request(match), instance: Number(match[3]), status: Number(match[4]) };
  if ((match = REFUSED.exec(text))) return { kind: 'refused', ...request(match), instance: Number(match[3]) };
  if ((match = DROPPED.exec(text))) return { kind: 'dropped', ...request(match), instance: Number(match[3]) };
  if ((match = NO_INSTANCE.exec(text))) return { kind: 'no-instance', ...request(match) };
  return null;
}

function request(match: RegExpExecArray): { method: string; path: string } {
  return { method: match[1] ?? '', path: match[2] ?? '' };
}

/** The entry in the words of the log, e.g. "GET / → instance :41002 (200)". */
export function describeEntry(entry: Exclude<RouterLogEntry, { kind: 'listening' }>): string {
  const request = `${entry.method} ${entry.path}`;
  switch (entry.kind) {
    case 'served':
      return `${request} → instance :${entry.instance} (${entry.status})`;
    case 'refused':
      return `${request} → instance :${entry.instance} refused the connection, skipped`;
    case 'dropped':
      return `${request} → instance :${entry.instance} dropped the connection (502)`;
    case 'no-instance':
      return `${request} → no instance answered (502)`;
  }
}
