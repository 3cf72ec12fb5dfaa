// WebSocket framing (RFC 6455) without dependencies: the handshake key, masked client frames,
// and a decoder for server frames. Pure functions, tested against the `ws` package.
import { createHash, randomBytes } from 'node:crypto';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
export const OPCODES = { continuation: 0, text: 1, binary: 2, close: 8, ping: 9, pong: 10 };

/** The Sec-WebSocket-Accept a server must answer for `key`. */
export function acceptFor(key) {
  return createHash('sha1').update(key + GUID).digest('base64');
}

export function newKey() {
  return randomBytes(16).toString('base64');
}

/** A single final frame; clients must mask (RFC 6455 §5.3), so a mask key is always applied. */
export function encodeFrame(opcode, payload, mask = randomBytes(4)) {
  const data = Buffer.isBuffer(payload) ? payload : Buffer.from(String(payload));
  const length = data.length;
  const header = length < 126 ? Buffer.alloc(2) : length < 65536 ? Buffer.alloc(4) : Buffer.alloc(10);
  header[0] = 0x80 | opcode;
  if (length < 126) header[1] = 0x80 | length;
  else if (length < 65536) {
    header[1] = 0x80 | 126;
    header.writeUInt16BE(length, 2);
  } else {
    header[1] = 0x80 | 127;
    header.writeBigUInt64BE(BigInt(length), 2);
  }
  const masked = Buffer.alloc(length);
  for (let i = 0; i < length; i += 1) masked[i] = data[i] ^ mask[i % 4];
  return Buffer.concat([header, mask, masked]);
}

/**
 * Decodes every complete frame at the start of `buffer`.
 * @returns {{ frames: { fin: boolean, opcode: number, masked: boolean, payload: Buffer }[], rest: Buffer }}
 */
export function decodeFrames(buffer) {
  const frames = [];
  let offset = 0;
  for (;;) {
    if (buffer.length - offset < 2) break;
    const first = buffer[offset];
    const second = buffer[offset + 1];
    let length = second & 0x7f;
    let cursor = offset + 2;
    if (length === 126) {
      if (buffer.length < cursor + 2) break;
      length = buffer.readUInt16BE(cursor);
      cursor += 2;
    } else if (length === 127) {
      if (buffer.length < cursor + 8) break;
      length = Number(buffer.readBigUInt64BE(cursor));
      cursor += 8;
    }
    const masked = (second & 0x80) !== 0;
    const maskKey = masked ? buffer.subarray(cursor, cursor + 4) : null;
    if (masked) cursor += 4;
    if (buffer.length < cursor + length) break;
    let payload = Buffer.from(buffer.subarray(cursor, cursor + length));
    if (maskKey) payload = Buffer.from(payload.map((byte, i) => byte ^ maskKey[i % 4]));
    frames.push({ fin: (first & 0x80) !== 0, opcode: first & 0x0f, masked, payload });
    offset = cursor + length;
  }
  return { frames, rest: buffer.subarray(offset) };
}

/** The HTTP/1.1 upgrade request a browser would send. */
export function handshakeRequest({ host, port, path = '/', key }) {
  const hostHeader = host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
  return [
    `GET ${path} HTTP/1.1`,
    `Host: ${hostHeader}`,
    'Upgrade: websocket',
    'Connection: Upgrade',
    `Sec-WebSocket-Key: ${key}`,
    'Sec-WebSocket-Version: 13',
    `Origin: http://${hostHeader}`,
    '',
    '',
  ].join('\r\n');
}

/** Parses the server's handshake response head: status line and lower-cased headers. */
export function parseHandshake(head) {
  const [statusLine = '', ...lines] = head.split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0);
  const headers = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { status, statusLine, headers };
}
