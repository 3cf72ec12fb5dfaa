import { createServer } from 'node:http';
import { WebSocketServer } from 'ws';
import { describe, expect, test } from 'vitest';
import { OPCODES, acceptFor, decodeFrames, encodeFrame, parseHandshake } from './ws-frames.mjs';
import { wsEcho } from './ws-client.mjs';

describe('WebSocket framing', () => {
  test('computes the accept key from RFC 6455 section 1.3', () => {
    expect(acceptFor('dGhlIHNhbXBsZSBub25jZQ==')).toBe('s3pPLMBiTxaQ9kYGzzhZRbK+xOo=');
  });

  test.each([5, 200, 70000])('a masked frame of %i bytes decodes back to its payload', (size) => {
    const payload = Buffer.alloc(size, 'a');
    const frame = encodeFrame(OPCODES.text, payload, Buffer.from([1, 2, 3, 4]));
    expect(frame[1]! & 0x80).toBe(0x80); // clients must mask
    const { frames, rest } = decodeFrames(frame);
    expect(rest.length).toBe(0);
    expect(frames[0]).toMatchObject({ fin: true, opcode: OPCODES.text, masked: true });
    expect(frames[0]!.payload.equals(payload)).toBe(true);
  });

  test('decodes unmasked server frames and leaves a partial one for later', () => {
    const whole = Buffer.from([0x81, 0x02, 0x68, 0x69]);
    const { frames, rest } = decodeFrames(Buffer.concat([whole, Buffer.from([0x81, 0x05, 0x68])]));
    expect(frames.map((f) => f.payload.toString())).toEqual(['hi']);
    expect(rest.length).toBe(3);
  });

  test('parses the handshake answer', () => {
    expect(parseHandshake('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nSec-WebSocket-Accept: x')).toEqual({
      status: 101,
      statusLine: 'HTTP/1.1 101 Switching Protocols',
      headers: { upgrade: 'websocket', 'sec-websocket-accept': 'x' },
    });
  });

  test('the client gets its message echoed by a real ws server, and sees why a plain HTTP server fails', async () => {
    const server = createServer((req, res) => res.end('plain'));
    const sockets = new WebSocketServer({ noServer: true });
    server.on('upgrade', (req, socket, head) => {
      if (req.url === '/') sockets.handleUpgrade(req, socket, head, (ws) => ws.on('message', (data) => ws.send(`echo: ${data}`)));
      else socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const echoed = await wsEcho({ port, messages: ['hello-portside', 'again'] });
    expect(echoed).toMatchObject({ ok: true, echoed: 2, received: ['echo: hello-portside', 'echo: again'] });
    const refused = await wsEcho({ port, path: '/elsewhere', messages: ['x'], timeoutMs: 1000 });
    expect(refused.ok).toBe(false);
    sockets.close();
    server.close();
    const plain = createServer((req, res) => res.end('no websockets here'));
    await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
    const answer = await wsEcho({ port: (plain.address() as { port: number }).port, messages: ['x'], timeoutMs: 1000 });
    expect(answer).toMatchObject({ ok: false, stage: 'handshake' });
    expect(answer.error).toMatch(/instead of 101/);
    plain.close();
  });
});
