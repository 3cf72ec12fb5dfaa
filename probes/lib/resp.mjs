// The Redis serialization protocol (RESP2): commands as arrays of bulk strings, as redis-cli
// sends them, and an incremental reply parser. Pure functions plus a small client.
import { connect } from 'node:net';

/** `['SET', 'k', 'v']` → `*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$1\r\nv\r\n` */
export function encodeCommand(args) {
  const parts = args.map((arg) => {
    const data = Buffer.from(String(arg));
    return Buffer.concat([Buffer.from(`$${data.length}\r\n`), data, Buffer.from('\r\n')]);
  });
  return Buffer.concat([Buffer.from(`*${args.length}\r\n`), ...parts]);
}

/**
 * Parses one reply at the start of `buffer`.
 * @returns {{ value: object, rest: Buffer } | null} null when the reply is not complete yet
 * @throws when the bytes are not RESP at all
 */
export function parseReply(buffer) {
  const parsed = parseAt(buffer, 0);
  return parsed && { value: parsed.value, rest: buffer.subarray(parsed.next) };
}

function parseAt(buffer, offset) {
  if (buffer.length <= offset) return null;
  const lineEnd = buffer.indexOf('\r\n', offset);
  if (lineEnd < 0) return null;
  const type = String.fromCharCode(buffer[offset]);
  const line = buffer.subarray(offset + 1, lineEnd).toString('utf8');
  const next = lineEnd + 2;
  switch (type) {
    case '+':
      return { value: { type: 'simple', value: line }, next };
    case '-':
      return { value: { type: 'error', value: line }, next };
    case ':':
      return { value: { type: 'integer', value: Number(line) }, next };
    case '$': {
      const length = Number(line);
      if (!Number.isInteger(length)) throw new Error(`bad bulk length "${line}"`);
      if (length < 0) return { value: { type: 'bulk', value: null }, next };
      if (buffer.length < next + length + 2) return null;
      return { value: { type: 'bulk', value: buffer.subarray(next, next + length).toString('utf8') }, next: next + length + 2 };
    }
    case '*': {
      const count = Number(line);
      if (!Number.isInteger(count)) throw new Error(`bad array length "${line}"`);
      if (count < 0) return { value: { type: 'array', value: null }, next };
      const items = [];
      let cursor = next;
      for (let i = 0; i < count; i += 1) {
        const item = parseAt(buffer, cursor);
        if (!item) return null;
        items.push(item.value);
        cursor = item.next;
      }
      return { value: { type: 'array', value: items }, next: cursor };
    }
    default:
      throw new Error(`a reply must start with + - : $ or *, not ${JSON.stringify(type)}`);
  }
}

/** A reply as redis-cli's raw protocol would print it: `+PONG`, `$5 hello`, `$-1`. */
export function formatReply(reply) {
  switch (reply.type) {
    case 'simple':
      return `+${reply.value}`;
    case 'error':
      return `-${reply.value}`;
    case 'integer':
      return `:${reply.value}`;
    case 'bulk':
      return reply.value === null ? '$-1 (nil)' : `$${Buffer.byteLength(reply.value)} ${JSON.stringify(reply.value)}`;
    default:
      return reply.value === null ? '*-1' : `*${reply.value.length} [${reply.value.map(formatReply).join(', ')}]`;
  }
}

/**
 * Opens a connection. `send(args)` → one reply; `pipeline(commands)` writes every command in one
 * write and reads as many replies; `sendSplit(args, at)` writes one command in two writes a
 * moment apart, cut `at` bytes in, the way TCP may deliver it. Each resolves `{ reply }` /
 * `{ replies }` or `{ error, replies? }` (the replies that did arrive).
 */
export function respClient({ host = '127.0.0.1', port, timeoutMs = 3000 }) {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    socket.setNoDelay(true); // a split write must leave as two packets, not be merged by Nagle
    /** @type {Buffer} */
    let buffer = Buffer.alloc(0);
    /** @type {{ done: (outcome: { reply?: any, error?: string }) => void } | null} */
    let waiting = null;
    /** @type {string | undefined} */
    let failure;
    socket.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      if (waiting) deliver();
    });
    socket.on('error', (/** @type {NodeJS.ErrnoException} */ error) => fail(error.code === 'ECONNREFUSED' ? 'connection refused: nothing is listening there' : error.message));
    socket.on('close', () => fail('the server closed the connection'));
    socket.once('connect', () => resolve({ send, pipeline, sendSplit, close: () => socket.destroy() }));
    socket.once('error', reject);

    function fail(message) {
      failure ??= message;
      if (waiting) waiting.done({ error: failure });
    }
    function deliver() {
      if (!waiting) return;
      try {
        const parsed = parseReply(buffer);
        if (!parsed) return;
        buffer = parsed.rest;
        waiting.done({ reply: parsed.value });
      } catch (error) {
        waiting.done({ error: `not a RESP reply: ${error.message} (got ${JSON.stringify(buffer.toString('utf8').slice(0, 40))})` });
      }
    }
    /** The next reply, or an error after timeoutMs. */
    function next() {
      return new Promise((done) => {
        if (failure) return done({ error: failure });
        const timer = setTimeout(() => finish({ error: `no reply within ${timeoutMs / 1000} s` }), timeoutMs);
        function finish(outcome) {
          clearTimeout(timer);
          waiting = null;
          done(outcome);
        }
        waiting = { done: finish };
        deliver();
      });
    }
    async function replies(count) {
      const got = [];
      for (let i = 0; i < count; i += 1) {
        const { reply, error } = await next();
        if (error) return { error, replies: got };
        got.push(reply);
      }
      return { replies: got };
    }
    function send(args) {
      if (!failure) socket.write(encodeCommand(args));
      return next();
    }
    function pipeline(commands) {
      if (!failure) socket.write(Buffer.concat(commands.map(encodeCommand)));
      return replies(commands.length);
    }
    async function sendSplit(args, at) {
      const bytes = encodeCommand(args);
      if (!failure) socket.write(bytes.subarray(0, at));
      await new Promise((wait) => setTimeout(wait, 50));
      if (!failure) socket.write(bytes.subarray(at));
      return next();
    }
  });
}
