// Keeps the end of a process's output, however much it prints: a server that floods stdout must
// not flood the results (or the harness's memory). Only the tail is kept; the rest is counted.

export const TAIL_LINES = 40;
export const TAIL_BYTES = 4096;
/** node's error header (`/app/server.js:4`), and error lines (`SyntaxError: …`, `Error [ERR_X]: …`). */
const NOTABLE = /^((file:\/\/)?\S+\.[cm]?js:\d+$|\w*(Error|Exception)\b.*:)/;

/** Terminal escapes: colours and cursor moves (CSI), titles and links (OSC). */
const ANSI = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]/g;
/** A stack frame in Portside's own files (the observer rides along in every node process). */
const OWN_FRAME = /^\s+at\s.*(?:^|[\s(/\\])\.portside[/\\]/;
/** node's crash header pointing into Portside's files (`/w/.portside/observer.cjs:115`). */
const OWN_HEADER = /(?:^|[/\\])\.portside[/\\][^\s:]+:\d+$/;

/**
 * Output as a learner should read it: colour codes removed (node colours `address: '::'` when it
 * thinks it has a terminal), and Portside's own stack frames hidden — a crash header pointing
 * into .portside/ is dropped with the source line and caret under it, so node's report starts at
 * the error line and the learner's own frames.
 */
export function cleanOutput(text) {
  const lines = text.replace(ANSI, '').split('\n');
  const kept = [];
  for (let i = 0; i < lines.length; i += 1) {
    if (OWN_FRAME.test(lines[i])) continue;
    if (OWN_HEADER.test(lines[i].trim()) && /^\s*\^+\s*$/.test(lines[i + 2] ?? '')) {
      i += 2;
      continue;
    }
    kept.push(lines[i]);
  }
  return kept.join('\n');
}

export class OutputTail {
  constructor(maxLines = TAIL_LINES, maxBytes = TAIL_BYTES) {
    this.maxLines = maxLines;
    this.maxBytes = maxBytes;
    this.text = '';
    this.totalBytes = 0;
    this.partial = '';
    /** The last lines that look like an error or its location, kept even when a flood follows. */
    this.notable = [];
  }

  push(chunk) {
    const text = String(chunk).replace(ANSI, '');
    this.totalBytes += Buffer.byteLength(text);
    // Keep a generous window so line trimming below still has whole lines to work with.
    this.text = (this.text + text).slice(-this.maxBytes * 2);
    const lines = (this.partial + text).split('\n');
    this.partial = (lines.pop() ?? '').slice(-1000);
    for (const line of lines) if (NOTABLE.test(line.trim())) this.notable = [...this.notable.slice(-9), line.trim().slice(0, 500)];
  }

  /** The last lines, at most maxLines and maxBytes, and how much came before them. */
  read() {
    let lines = this.text.split('\n');
    if (lines.at(-1) === '') lines.pop();
    if (lines.length > this.maxLines) lines = lines.slice(-this.maxLines);
    let shown = lines.join('\n');
    if (Buffer.byteLength(shown) > this.maxBytes) {
      shown = shown.slice(-this.maxBytes);
      const newline = shown.indexOf('\n');
      if (newline >= 0 && newline < shown.length - 1) shown = shown.slice(newline + 1);
    }
    // Counted before cleaning: hidden Portside frames are not "earlier output".
    const omittedBytes = Math.max(0, this.totalBytes - Buffer.byteLength(shown) - (this.text.endsWith('\n') ? 1 : 0));
    return { text: cleanOutput(shown), omittedBytes, totalBytes: this.totalBytes };
  }
}

/** "12.3 MB" and friends, for "(… 12.3 MB of earlier output not shown)". */
export function formatBytes(bytes) {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
