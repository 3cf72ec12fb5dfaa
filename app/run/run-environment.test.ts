import { describe, expect, it } from 'vitest';
import { DEFAULT_RUN_ENVIRONMENT, applyPreset, envFor, parsePort, runEnvironmentFrom, presetOf, type RunEnvironment } from './run-environment.ts';

const platform = applyPreset(DEFAULT_RUN_ENVIRONMENT, 'platform');
const laptop = applyPreset(DEFAULT_RUN_ENVIRONMENT, 'laptop');

describe('the run environment', () => {
  it.each<[string, RunEnvironment, string | null, { port: number | null; standInUrl: string | null }, Record<string, string>]>([
    ['default: a random PORT only', DEFAULT_RUN_ENVIRONMENT, null, { port: 41873, standInUrl: null }, { PORT: '41873' }],
    ['platform: PORT and HOST=0.0.0.0', platform, null, { port: 41873, standInUrl: null }, { PORT: '41873', HOST: '0.0.0.0' }],
    ['laptop: nothing at all', laptop, null, { port: null, standInUrl: null }, {}],
    ['a fixed PORT and a HOST', { ...DEFAULT_RUN_ENVIRONMENT, port: { kind: 'fixed', port: 5000 }, host: '127.0.0.1' }, null, { port: 5000, standInUrl: null }, { PORT: '5000', HOST: '127.0.0.1' }],
    ['the stand-in upstream of lesson 9', DEFAULT_RUN_ENVIRONMENT, 'QUOTES_URL', { port: 41873, standInUrl: 'http://127.0.0.1:40001' }, { PORT: '41873', QUOTES_URL: 'http://127.0.0.1:40001' }],
    ['a typed upstream URL', { ...DEFAULT_RUN_ENVIRONMENT, upstream: { kind: 'value', url: 'http://quotes.internal' } }, 'QUOTES_URL', { port: 1, standInUrl: null }, { PORT: '1', QUOTES_URL: 'http://quotes.internal' }],
    ['the upstream left unset', { ...laptop, upstream: { kind: 'unset' } }, 'QUOTES_URL', { port: null, standInUrl: 'http://ignored' }, {}],
    ['an upstream choice in a lesson without one', DEFAULT_RUN_ENVIRONMENT, null, { port: 2, standInUrl: 'http://ignored' }, { PORT: '2' }],
  ])('%s', (_name, env, upstream, picked, expected) => {
    expect(envFor(env, upstream, picked)).toEqual(expected);
  });

  it('names the preset an environment matches, and none for a custom one', () => {
    expect(presetOf(platform)).toBe('platform');
    expect(presetOf(laptop)).toBe('laptop');
    expect(presetOf(DEFAULT_RUN_ENVIRONMENT)).toBeNull();
    expect(presetOf({ ...platform, port: { kind: 'fixed', port: 8080 } })).toBeNull();
  });

  it.each([
    ['5000', 5000],
    [' 8080 ', 8080],
    ['65535', 65535],
    ['0', null],
    ['65536', null],
    ['80a', null],
    ['', null],
    ['-1', null],
  ])('reads the fixed port %j as %j', (text, port) => {
    expect(parsePort(text)).toBe(port);
  });

  it('reads back what it persisted, and falls back to the default on anything malformed', () => {
    const chosen: RunEnvironment = { port: { kind: 'fixed', port: 5000 }, host: '0.0.0.0', upstream: { kind: 'value', url: 'http://x' } };
    const roundTrip = (env: RunEnvironment) => runEnvironmentFrom(JSON.parse(JSON.stringify(env)));
    expect(roundTrip(chosen)).toEqual(chosen);
    expect(roundTrip(laptop)).toEqual(laptop);
    expect(runEnvironmentFrom(undefined)).toEqual(DEFAULT_RUN_ENVIRONMENT);
    expect(runEnvironmentFrom('PORT=5000')).toEqual(DEFAULT_RUN_ENVIRONMENT);
    expect(runEnvironmentFrom({ port: { kind: 'fixed', port: 99999 }, host: 7, upstream: { kind: 'value', url: 3 } })).toEqual(DEFAULT_RUN_ENVIRONMENT);
  });
});
