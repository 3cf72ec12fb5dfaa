/**
 * Every runtime Portside can run a learner's code on, in one table (sandpack's
 * `clients/index.ts` is the model): its kind, what the learner calls it, and how to start it.
 * Each runtime is a folder of its own, imported only when chosen, so a page on the local runtime
 * never downloads the WebContainer engine. A new runtime is one folder plus one entry here.
 */
import type { Runtime, RuntimeKind, StartContext } from './types.ts';

export interface RuntimeEntry {
  kind: RuntimeKind;
  /** Shown in the badge: "Runtime: <label>". */
  label: string;
  /** The button that offers this runtime when the other one cannot start. */
  offer: string;
  /** Loads the runtime's folder and starts it; rejects with RuntimeUnavailableError when it cannot. */
  start(context: StartContext): Promise<Runtime>;
}

export const RUNTIMES: Readonly<Record<RuntimeKind, RuntimeEntry>> = {
  local: {
    kind: 'local',
    label: 'local (Node on this computer)',
    offer: 'Use the local runtime instead',
    start: async (context) => (await import('./local/start.ts')).startLocalRuntime(context),
  },
  webcontainer: {
    kind: 'webcontainer',
    label: 'WebContainer (in this browser tab)',
    offer: 'Use the WebContainer runtime instead',
    start: async (context) => (await import('./webcontainer/start.ts')).startWebContainerRuntime(context),
  },
};

export function isRuntimeKind(value: string | null): value is RuntimeKind {
  return value !== null && Object.hasOwn(RUNTIMES, value);
}
