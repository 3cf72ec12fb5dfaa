// Tells the program's own words apart from the report node prints for an uncaught exception, so
// a rule asking "did the program say what was wrong?" is not answered by node's RangeError, a
// stack trace, or the source line node quotes above its caret.
//
// node's report looks like this (the location line is relative once run.output() has run):
//   server.js:5                      ← where it was thrown (node:net:1904 when inside node)
//   server.listen(process.env.PORT)  ← the source line, quoted
//       ^                            ← a caret under it
//   (blank)
//   RangeError [ERR_SOCKET_BAD_PORT]: options.port should be >= 0 …   ← the error line
//       at Server.listen (node:net:2059:5)
//     code: 'ERR_SOCKET_BAD_PORT'   ← the error's own properties, up to "}"
//   Node.js v20.20.2

const LOCATION = /^((node:[\w/.-]+)|(file:\/\/)?[^\s:]+\.[cm]?[jt]s):\d+$/;
const CARET = /^\s*\^+\s*$/;
const ERROR_LINE = /^(\w*(?:Error|Exception))(?: \[(\w+)\])?(?::\s?(.*))?$/;
const FRAME = /^\s+at\s/;
const VERSION = /^Node\.js v\d+/;
/** Lines that belong to a report after its error line: frames, properties, braces, blanks, the version. */
const REPORT_TAIL = /^(\s+at\s|\s+[\w$]+: |\s*[{}]\s*$|\s*$|Node\.js v\d+)/;

/**
 * @typedef {{ name: string, code?: string, message: string, line: string, internal: boolean }} NodeCrash
 *   internal: thrown from node's own code (node:net…), or carrying node's ERR_* code.
 */

/**
 * Splits output into the program's own lines and node's crash report, if there is one.
 * @param {string} output
 * @returns {{ own: string[], crash: NodeCrash | null }}
 */
export function splitNodeReport(output) {
  const lines = output.split('\n');
  const own = [];
  /** @type {NodeCrash | null} */
  let crash = null;
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i];
    const caretAt = LOCATION.test(line.trim()) ? lines.slice(i + 1, i + 4).findIndex((next) => CARET.test(next)) : -1;
    // Without its location header (hidden when it pointed into Portside's observer), a report
    // still starts with an error line followed by a stack frame.
    const bare = caretAt < 0 && ERROR_LINE.test(line.trim()) && FRAME.test(lines[i + 1] ?? '');
    if (caretAt < 0 && !bare) {
      if (!FRAME.test(line) && !VERSION.test(line)) own.push(line);
      continue;
    }
    // A report: skip to its end ("Node.js vX", or the end of the output), keeping the error line.
    const internal = caretAt >= 0 && line.trim().startsWith('node:');
    // The report runs from its error line through the frames, the error's properties and
    // node's version line; the program's own output may follow.
    let j = bare ? i : i + caretAt + 2;
    while (j < lines.length && !ERROR_LINE.test(lines[j].trim()) && !lines[j].trim()) j += 1;
    const match = ERROR_LINE.exec(lines[j]?.trim() ?? '');
    const text = lines[j]?.trim() ?? '';
    crash ??= match
      ? { name: match[1], code: match[2], message: match[3] ?? '', line: text, internal: internal || /^ERR_/.test(match[2] ?? '') }
      : { name: 'Error', message: text, line: text, internal };
    for (j += 1; j < lines.length && REPORT_TAIL.test(lines[j]); j += 1) if (VERSION.test(lines[j])) break;
    i = VERSION.test(lines[j] ?? '') ? j : j - 1;
  }
  return { own: own.filter((line) => !/^\s*(code|errno|syscall|address|port): /.test(line)), crash };
}
