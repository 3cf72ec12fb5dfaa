/**
 * Which runtime runs the learner's code, and starting it.
 * `?runtime=webcontainer` or `?runtime=local` forces one; otherwise the local runtime when the
 * page was served by `npm start` (it carries a runner token), and a WebContainer elsewhere.
 */
import type { Runtime, RuntimeKind } from './types.ts';
import { RUNNER_META } from '../../server/protocol.ts';

export interface RuntimeChoice {
  kind: RuntimeKind;
  /** True when the URL forced this runtime. */
  forced: boolean;
}

/** A runtime that cannot start; `message` is written for the learner, `alternative` is offered. */
export class RuntimeUnavailableError extends Error {
  constructor(message: string, readonly alternative?: RuntimeKind) {
    super(message);
  }
}

/** Learner-facing progress while a runtime starts ("starting the sandbox…"). */
export type ProgressListener = (message: string) => void;

export function runnerToken(doc: Document = document): string | null {
  return doc.querySelector<HTMLMetaElement>(`meta[name="${RUNNER_META}"]`)?.content || null;
}

export function chooseRuntime(search: string, token: string | null): RuntimeChoice {
  const forced = new URLSearchParams(search).get('runtime');
  if (forced === 'local' || forced === 'webcontainer') return { kind: forced, forced: true };
  return { kind: token ? 'local' : 'webcontainer', forced: false };
}

export async function startRuntime(choice: RuntimeChoice, token: string | null, onProgress: ProgressListener): Promise<Runtime> {
  if (choice.kind === 'local') {
    if (!token) {
      throw new RuntimeUnavailableError(
        'The local runtime needs the Portside server: run `npm start` and open the address it prints.',
        'webcontainer',
      );
    }
    onProgress('connecting to the local runner…');
    const { connectLocalRuntime } = await import('./local.ts');
    return connectLocalRuntime(token);
  }
  const { bootWebContainerRuntime } = await import('./webcontainer.ts');
  return bootWebContainerRuntime({ onProgress });
}
