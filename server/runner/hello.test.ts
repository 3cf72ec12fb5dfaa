// The runner's greeting tells the page whether Check has a network of its own, which decides
// whether Check may leave the learner's Run going (app/check/check-store.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixturePlayground, type FixturePlayground } from '../../test-support/fixture-playground.ts';
import { openRaw } from '../../test-support/runner-client.ts';
import { sandboxStatus } from '../sandbox/sandbox.ts';

let playground: FixturePlayground;
beforeAll(async () => void (playground = await startFixturePlayground()));
afterAll(() => playground.close());

describe('the runner hello', () => {
  it('says checks are isolated exactly when bubblewrap runs them (loopback-only network)', async () => {
    const { ws, next } = await openRaw(playground);
    const hello = await next((m) => m.type === 'hello', 'hello');
    expect(hello).toMatchObject({ type: 'hello', checksIsolated: (await sandboxStatus()).kind === 'bubblewrap' });
    ws.close();
  });
});
