/**
 * Port numbers a lesson's text mentions ("listen on 3000", "localhost:5000"). Checks never hand
 * one of these to a learner's server as PORT: a hardcoded port copied from the text must never
 * pass by luck.
 */
export function namedPorts(texts: readonly string[]): number[] {
  const ports = new Set<number>();
  for (const text of texts) {
    for (const match of text.matchAll(/(?<![\d.])(\d{2,5})(?!\d)(?!\.\d)/g)) {
      const port = Number(match[1]);
      if (port >= 1 && port <= 65535) ports.add(port);
    }
  }
  return [...ports].sort((a, b) => a - b);
}
