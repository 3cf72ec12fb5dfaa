import { describe, expect, it } from 'vitest';
import { describeEntry, parseRouterLine, type RouterLogEntry } from './router-log.ts';

describe('parseRouterLine', () => {
  const cases: [string, RouterLogEntry | null][] = [
    ['router listening on port 41000 → instances :41001, :41002', { kind: 'listening', port: 41000, instances: [41001, 41002] }],
    ['router listening on port 41000 → instances :41001', { kind: 'listening', port: 41000, instances: [41001] }],
    ['GET / → instance :41002 (200)', { kind: 'served', method: 'GET', path: '/', instance: 41002, status: 200 }],
    ['POST /orders?id=3 → instance :41001 (201)', { kind: 'served', method: 'POST', path: '/orders?id=3', instance: 41001, status: 201 }],
    ['GET /chat → instance :41001 (101)', { kind: 'served', method: 'GET', path: '/chat', instance: 41001, status: 101 }],
    ['GET /missing → instance :41001 (404)', { kind: 'served', method: 'GET', path: '/missing', instance: 41001, status: 404 }],
    ['GET / → instance :41001 refused the connection, skipping it', { kind: 'refused', method: 'GET', path: '/', instance: 41001 }],
    ['GET / → instance :41002 dropped the connection (502)', { kind: 'dropped', method: 'GET', path: '/', instance: 41002 }],
    ['GET / → no instance answered (502)', { kind: 'no-instance', method: 'GET', path: '/' }],
    ['GET / → instance :41002 (200)\r', { kind: 'served', method: 'GET', path: '/', instance: 41002, status: 200 }],
    // Not the router's: the learner's instances print freely, and the router's errors go to stderr.
    ['sessions instance listening on port 3000', null],
    ['router: port 41000 is already in use', null],
    ['GET / → instance :abc (200)', null],
    ['GET / → instance :41002 (20)', null],
    ['', null],
  ];
  it.each(cases)('%j', (line, expected) => {
    expect(parseRouterLine(line)).toEqual(expected);
  });
});

describe('describeEntry', () => {
  it('says what happened to a request in the words of the log', () => {
    expect(describeEntry({ kind: 'served', method: 'GET', path: '/', instance: 41002, status: 200 })).toBe('GET / → instance :41002 (200)');
    expect(describeEntry({ kind: 'refused', method: 'GET', path: '/', instance: 41001 })).toBe('GET / → instance :41001 refused the connection, skipped');
    expect(describeEntry({ kind: 'no-instance', method: 'GET', path: '/x' })).toBe('GET /x → no instance answered (502)');
    expect(describeEntry({ kind: 'dropped', method: 'GET', path: '/', instance: 41002 })).toBe('GET / → instance :41002 dropped the connection (502)');
  });
});
