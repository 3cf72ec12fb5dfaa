import { describe, expect, it } from 'vitest';
import { ConfigError, exposedWarning, hostWithPort, isLoopback, portInUseMessage, readAddress } from './config.ts';

describe('readAddress', () => {
  it.each([
    [{}, { host: '127.0.0.1', port: 4780 }],
    [{ PORT: '4781', HOST: 'localhost' }, { host: 'localhost', port: 4781 }],
    [{ PORT: ' 0 ' }, { host: '127.0.0.1', port: 0 }],
    [{ HOST: '[::1]' }, { host: '::1', port: 4780 }],
  ])('%j → %j', (env, address) => expect(readAddress(env)).toEqual(address));

  it.each(['abc', '-1', '65536', '80.5', '4780abc'])('refuses PORT=%s with a clear message', (port) => {
    expect(() => readAddress({ PORT: port })).toThrow(ConfigError);
    expect(() => readAddress({ PORT: port })).toThrow(`PORT must be a whole number from 1 to 65535 (0 picks any free port), but it is "${port}"`);
  });

  it('refuses a HOST that is not an address', () => {
    expect(() => readAddress({ HOST: 'http://x' })).toThrow(/HOST must be an address/);
  });
});

describe('isLoopback', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['localhost', true],
    ['::1', true],
    ['0.0.0.0', false],
    ['::', false],
    ['192.168.1.5', false],
    ['example.com', false],
  ])('%s → %s', (host, expected) => expect(isLoopback(host)).toBe(expected));
});

describe('messages', () => {
  it('says what to type when the port is taken', () => {
    expect(portInUseMessage(4780)).toBe('Port 4780 is already in use. Start Portside on another port: PORT=4781 npm start');
  });

  it('warns loudly about an exposed runner', () => {
    const warning = exposedWarning({ host: '0.0.0.0', port: 4780 });
    expect(warning.split('\n').length).toBeGreaterThanOrEqual(5);
    expect(warning).toMatch(/run\s*(\n!!\s*)?any program/);
  });

  it('brackets IPv6 hosts', () => {
    expect(hostWithPort('::1', 4780)).toBe('[::1]:4780');
    expect(hostWithPort('localhost', 4780)).toBe('localhost:4780');
  });
});
