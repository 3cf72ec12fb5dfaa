/**
 * How the playground runs a lesson's command. A lesson checked with `multiple-instances` (behind
 * the router, and the capstone) runs the way its check and a platform do: several instances, each
 * on its own PORT, behind a router — so Run shows what the rule is about, live. Every run passes
 * the learner's chosen environment, a stand-in for the lesson's backing service, and waits the
 * lesson's ready timeout before saying the server may be stuck.
 */
import type { RunOptions } from '../run/run-store.ts';
import type { ClientLesson } from '../lessons/types.ts';
import type { RunEnvironment } from '../run/run-environment.ts';

export function runOptionsFor(lesson: Pick<ClientLesson, 'rules' | 'probe'>, environment?: RunEnvironment): RunOptions {
  const { upstreamEnv, upstreamBody, readyTimeoutMs } = lesson.probe;
  return {
    behindRouter: lesson.rules.includes('multiple-instances'),
    environment,
    upstream: upstreamEnv ? { name: upstreamEnv, body: upstreamBody } : undefined,
    readyTimeoutMs,
  };
}
