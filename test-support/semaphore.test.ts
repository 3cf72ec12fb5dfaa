// One slot: what bench's bare checks use to take a fixed port in turn.
import { describe, expect, it } from 'vitest';
import { semaphore } from './semaphore.ts';

describe('semaphore(1)', () => {
  it('never runs two at once, keeps the order, and goes on after a failure', async () => {
    const exclusive = semaphore(1);
    const log: string[] = [];
    let inside = 0;
    const step = (name: string, fail = false) =>
      exclusive(async () => {
        inside += 1;
        log.push(`${name}:${inside}`);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inside -= 1;
        if (fail) throw new Error(name);
        return name;
      });
    const results = await Promise.allSettled([step('a'), step('b', true), step('c')]);
    expect(log).toEqual(['a:1', 'b:1', 'c:1']);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });
});
