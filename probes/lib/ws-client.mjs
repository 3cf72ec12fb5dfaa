// A tiny WebSocket client over node:net: handshake, then send text messages one after another,
// each once the one before came back (a server that echoes only its first message fails).
// Greetings and other messages between the echoes are recorded, not treated as failures.
import { connect } from 'node:net';
import { OPCODES, acceptFor, decodeFrames, encodeFrame, handshakeRequest, newKey, parseHandshake } from './ws-frames.mjs';

/**
 * @param {{ host?: string, port: number, path?: string, messages: string[], timeoutMs?: number }} options
 * @returns {Promise<{ ok: boolean, stage: 'connect'|'handshake'|'echo'|'done', handshake?: object, received: string[], echoed: number, error?: string }>}
 */
export function wsEcho({ host = '127.0.0.1', port, path = '/', messages, timeoutMs = 3000 }) {
  return new Promise((resolve) => {
    let echoed = 0;
    const message = () => messages[echoed];
    const key = newKey();
    const received = [];
    /** @type {'connect' | 'handshake' | 'echo' | 'done'} */
    let stage = 'connect';
    let handshake;
    /** @type {Buffer} */
    let buffer = Buffer.alloc(0);
    let fragments = [];
    const socket = connect({ host, port });
    const timer = setTimeout(() => finish(false, `no ${stage === 'echo' ? `echo of message ${echoed + 1} of ${messages.length}` : 'handshake answer'} within ${timeoutMs / 1000} s`), timeoutMs);

    socket.once('connect', () => {
      stage = 'handshake';
      socket.write(handshakeRequest({ host, port, path, key }));
    });
    socket.on('error', (/** @type {NodeJS.ErrnoException} */ error) => finish(false, error.code === 'ECONNREFUSED' ? 'connection refused: nothing is listening there' : error.message));
    socket.on('close', () => finish(false, stage === 'echo' ? `the server closed the connection before echoing message ${echoed + 1}` : 'the server closed the connection during the handshake'));
    socket.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      if (stage === 'handshake') readHandshake();
      if (stage === 'echo') readFrames();
    });

    function readHandshake() {
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      handshake = parseHandshake(buffer.subarray(0, end).toString('latin1'));
      buffer = buffer.subarray(end + 4);
      if (handshake.status !== 101) return finish(false, `the server answered "${handshake.statusLine}" instead of 101 Switching Protocols`);
      if (handshake.headers.upgrade?.toLowerCase() !== 'websocket') return finish(false, 'the answer has no "Upgrade: websocket" header');
      if (handshake.headers['sec-websocket-accept'] !== acceptFor(key)) return finish(false, 'Sec-WebSocket-Accept does not match the key we sent');
      stage = 'echo';
      socket.write(encodeFrame(OPCODES.text, message()));
    }

    function readFrames() {
      const { frames, rest } = decodeFrames(buffer);
      buffer = rest;
      for (const frame of frames) {
        if (frame.opcode === OPCODES.ping) socket.write(encodeFrame(OPCODES.pong, frame.payload));
        else if (frame.opcode === OPCODES.close) return finish(false, `the server closed the WebSocket (code ${frame.payload.length >= 2 ? frame.payload.readUInt16BE(0) : 'none'}) without echoing`);
        else if (frame.opcode === OPCODES.text || frame.opcode === OPCODES.binary || frame.opcode === OPCODES.continuation) {
          fragments.push(frame.payload);
          if (!frame.fin) continue;
          const text = Buffer.concat(fragments).toString('utf8');
          fragments = [];
          received.push(text);
          if (!text.includes(message())) continue;
          echoed += 1;
          if (echoed === messages.length) return finish(true);
          socket.write(encodeFrame(OPCODES.text, message()));
        }
      }
    }

    let done = false;
    function finish(ok, error) {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (ok) stage = 'done';
      try {
        if (ok) socket.end(encodeFrame(OPCODES.close, Buffer.from([0x03, 0xe8])));
      } finally {
        setTimeout(() => socket.destroy(), 50).unref();
      }
      resolve({ ok, stage, handshake, received, echoed, error });
    }
  });
}
