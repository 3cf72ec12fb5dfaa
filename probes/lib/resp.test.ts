import { createServer } from 'node:net';
import { describe, expect, test } from 'vitest';
import { encodeCommand, formatReply, parseReply, respClient } from './resp.mjs';

describe('RESP', () => {
  test('encodes commands as arrays of bulk strings, byte lengths for UTF-8', () => {
    expect(encodeCommand(['SET', 'k', 'héllo']).toString()).toBe('*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$6\r\nhéllo\r\n');
  });

  test.each([
    ['+PONG\r\n', { type: 'simple', value: 'PONG' }],
    ['-ERR unknown\r\n', { type: 'error', value: 'ERR unknown' }],
    [':42\r\n', { type: 'integer', value: 42 }],
    ['$5\r\nhello\r\n', { type: 'bulk', value: 'hello' }],
    ['$0\r\n\r\n', { type: 'bulk', value: '' }],
    ['$-1\r\n', { type: 'bulk', value: null }],
    ['*2\r\n$1\r\na\r\n:1\r\n', { type: 'array', value: [{ type: 'bulk', value: 'a' }, { type: 'integer', value: 1 }] }],
  ])('parses %j', (wire, value) => {
    expect(parseReply(Buffer.from(wire))).toEqual({ value, rest: Buffer.alloc(0) });
  });

  test('waits for the rest of a reply split across packets, and keeps what follows', () => {
    expect(parseReply(Buffer.from('$5\r\nhel'))).toBeNull();
    expect(parseReply(Buffer.from('*2\r\n$1\r\na\r\n'))).toBeNull();
    expect(parseReply(Buffer.from('+OK\r\n+PONG\r\n'))?.rest.toString()).toBe('+PONG\r\n');
  });

  test('rejects bytes that are not RESP', () => {
    expect(() => parseReply(Buffer.from('PONG\r\n'))).toThrow(/must start with/);
  });

  test('formats replies the way redis-cli shows the raw protocol', () => {
    expect(formatReply({ type: 'bulk', value: 'v1' })).toBe('$2 "v1"');
    expect(formatReply({ type: 'bulk', value: null })).toBe('$-1 (nil)');
    expect(formatReply({ type: 'simple', value: 'PONG' })).toBe('+PONG');
  });

  test('the client talks to a real socket, one reply per command', async () => {
    const server = createServer((socket) => socket.on('data', () => socket.write('+PONG\r\n')));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const client = await respClient({ port });
    expect(await client.send(['PING'])).toEqual({ reply: { type: 'simple', value: 'PONG' } });
    client.close();
    server.close();
  });

  test('pipeline writes every command at once and reads every reply; sendSplit writes one command in two pieces', async () => {
    const PING = encodeCommand(['PING']);
    const chunks: number[] = [];
    const server = createServer((socket) => {
      let pending = Buffer.alloc(0);
      socket.on('data', (chunk: Buffer) => {
        chunks.push(chunk.length);
        pending = Buffer.concat([pending, chunk]);
        while (pending.length >= PING.length) {
          pending = pending.subarray(PING.length);
          socket.write('+PONG\r\n');
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const client = await respClient({ port });
    const pong = { type: 'simple', value: 'PONG' };
    expect(await client.pipeline([['PING'], ['PING'], ['PING']])).toEqual({ replies: [pong, pong, pong] });
    expect(chunks).toEqual([PING.length * 3]);
    expect(await client.sendSplit(['PING'], 5)).toEqual({ reply: pong });
    expect(chunks.slice(1)).toEqual([5, PING.length - 5]);
    client.close();
    server.close();
  });
});
