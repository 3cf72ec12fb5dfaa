// Fixed ports in Python, the other language a lesson uses: no parser, a few line patterns that
// cover how a port is written into a socketserver/http.server/Flask program. Found ports are
// never handed out to a run, and, as with JavaScript, make the rules run one after another, so
// two runs of a program with a fixed admin port do not crash each other and blame the learner.

/** `("127.0.0.1", 8000)`, `(HOST, 8000)`, `port=8000`, `PORT = 8000`, `.bind(("", 9001))`, `run(port=5001)`. */
const PATTERNS = [/\(\s*(?:["'][^"']*["']|[A-Za-z_][\w.]*)\s*,\s*(\d{2,5})\s*\)/g, /\bport\s*=\s*(\d{2,5})\b/gi];
/** A default after PORT is read (`os.environ.get("PORT", 5000)`, `… or 5000`) is a fallback, not a fixed port. */
const FALLBACK = /environ(?:\.get)?\s*[([][^)\]]*\bPORT\b|\bor\s+\d{2,5}\b/;

/**
 * @param {string} file
 * @param {string} code
 * @returns {{ literals: { port: number, file: string, line: number, column: number, endLine: number, endColumn: number, snippet: string, how: 'python', call: { line: number, column: number, snippet: string } }[], numbers: number[] }}
 */
export function pythonPorts(file, code) {
  const literals = [];
  const numbers = [];
  code.split('\n').forEach((text, index) => {
    const line = text.replace(/#.*$/, '');
    for (const match of line.matchAll(/\b\d{2,5}\b/g)) numbers.push(Number(match[0]));
    if (FALLBACK.test(line)) return;
    for (const pattern of PATTERNS) {
      for (const match of line.matchAll(pattern)) {
        const port = Number(match[1]);
        if (port < 1 || port > 65535) continue;
        const column = (match.index ?? 0) + match[0].lastIndexOf(match[1]) + 1;
        const at = { line: index + 1, column, snippet: text.trim() };
        if (!literals.some((l) => l.line === at.line && l.port === port)) literals.push({ port, file, ...at, endLine: at.line, endColumn: column + match[1].length, how: 'python', call: at });
      }
    }
  });
  return { literals, numbers };
}
