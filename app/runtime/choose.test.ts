import { describe, expect, it } from 'vitest';
import { chooseRuntime, offerAlternative, startRuntime } from './choose.ts';
import { RuntimeUnavailableError } from './types.ts';

describe('chooseRuntime', () => {
  it.each([
    ['served by npm start', '', 'token', { kind: 'local', forced: false }],
    ['a static host', '', null, { kind: 'webcontainer', forced: false }],
    ['forced local on a static host', '?runtime=local', null, { kind: 'local', forced: true }],
    ['forced webcontainer under npm start', '?runtime=webcontainer', 'token', { kind: 'webcontainer', forced: true }],
    ['an unknown runtime is ignored', '?runtime=docker', 'token', { kind: 'local', forced: false }],
    ['a boot timeout for tests', '?runtime=webcontainer&bootTimeout=1500', 'token', { kind: 'webcontainer', forced: true, bootTimeoutMs: 1500 }],
    ['a nonsense boot timeout is ignored', '?bootTimeout=soon', null, { kind: 'webcontainer', forced: false }],
  ] as const)('%s', (_, search, token, expected) => {
    expect(chooseRuntime(search, token)).toEqual(expected);
  });
});

describe('offerAlternative', () => {
  const timeout = new RuntimeUnavailableError('The in-browser sandbox did not start within 20 seconds.', 'local');

  it('keeps the local runtime on offer when the page came from npm start', () => {
    expect(offerAlternative(timeout, 'token')).toBe(timeout);
  });

  it('replaces a dead button with instructions on a static host', () => {
    const adjusted = offerAlternative(timeout, null) as RuntimeUnavailableError;
    expect(adjusted).toBeInstanceOf(RuntimeUnavailableError);
    expect(adjusted.alternative).toBeUndefined();
    expect(adjusted.message).toMatch(/^The in-browser sandbox did not start.*`npm install && npm start`/);
  });

  it('does not repeat instructions the message already gives', () => {
    const unsupported = new RuntimeUnavailableError('Use Chrome. Or run `npm install && npm start`.', 'local');
    expect((offerAlternative(unsupported, null) as Error).message).toBe(unsupported.message);
  });

  it('leaves other errors alone', () => {
    const other = new Error('boom');
    expect(offerAlternative(other, null)).toBe(other);
  });
});

describe('startRuntime', () => {
  it('explains that the local runtime needs the Portside server, and offers the WebContainer', async () => {
    const error = await startRuntime({ kind: 'local', forced: true }, null, () => {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RuntimeUnavailableError);
    expect((error as RuntimeUnavailableError).message).toContain('npm start');
    expect((error as RuntimeUnavailableError).alternative).toBe('webcontainer');
  });
});
