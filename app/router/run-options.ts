/**
 * How the playground runs a lesson's command. A lesson checked with `multiple-instances` (behind
 * the router, and the capstone) runs the way its check and a platform do: several instances, each
 * on its own PORT, behind a router — so Run shows what the rule is about, live.
 */
import type { RunOptions } from '../run/run-store.ts';
import type { ClientLesson } from '../lessons/types.ts';

export function runOptionsFor(lesson: Pick<ClientLesson, 'rules'>): RunOptions {
  return { behindRouter: lesson.rules.includes('multiple-instances') };
}
