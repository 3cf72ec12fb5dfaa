// RESP, the Redis protocol — just enough of it for PING, SET and GET.
// Clients send each command as an array of "bulk strings", each prefixed with its length:
//   *3\r\n $3\r\n SET\r\n $5\r\n fruit\r\n $4\r\n pear\r\n      (without the spaces)
// Simple clients (and a human with telnet) may send a plain line instead:  SET fruit pear\r\n

/**
 * Takes every complete command out of `buffer`. TCP delivers a stream of bytes, not messages,
 * so a chunk may end halfway through a command: that part comes back as `rest`, to be glued
 * in front of the next chunk.
 * @param {Buffer} buffer
 * @returns {{ commands: string[][], rest: Buffer }}
 */
export function parseCommands(buffer) {
  const commands = [];
  let offset = 0;
  while (offset < buffer.length) {
    const parsed = buffer[offset] === 0x2a /* * */ ? parseArray(buffer, offset) : parseInline(buffer, offset);
    if (!parsed) break;
    if (parsed.args.length > 0) commands.push(parsed.args);
    offset = parsed.next;
  }
  return { commands, rest: buffer.subarray(offset) };
}

function readLine(buffer, offset) {
  const end = buffer.indexOf('\r\n', offset);
  return end === -1 ? null : { line: buffer.toString('utf8', offset, end), next: end + 2 };
}

function parseInline(buffer, offset) {
  const end = buffer.indexOf('\n', offset);
  if (end === -1) return null;
  const line = buffer.toString('utf8', offset, end).replace(/\r$/, '');
  return { args: line.split(/\s+/).filter(Boolean), next: end + 1 };
}

function parseArray(buffer, offset) {
  const header = readLine(buffer, offset);
  if (!header) return null;
  const count = Number(header.line.slice(1));
  const args = [];
  let next = header.next;
  for (let i = 0; i < count; i += 1) {
    const size = readLine(buffer, next);
    if (!size) return null;
    const end = size.next + Number(size.line.slice(1));
    if (buffer.length < end + 2) return null;
    args.push(buffer.toString('utf8', size.next, end));
    next = end + 2;
  }
  return { args, next };
}

/** Replies, encoded the way Redis clients expect them. */
export const reply = {
  /** `+OK` — a short status. */
  simple: (text) => `+${text}\r\n`,
  /** `-ERR …` — something the client did wrong. */
  error: (text) => `-ERR ${text}\r\n`,
  /** A value of any length, or "nil" (`$-1`) when there is none. */
  bulk: (value) => (value === undefined ? '$-1\r\n' : `$${Buffer.byteLength(value)}\r\n${value}\r\n`),
};
