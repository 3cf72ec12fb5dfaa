/** Always says which runtime runs the learner's code, and whether it is ready. */
import type { BootState } from '../hooks/runtime-boot.ts';
import type { RuntimeKind } from '../runtime/types.ts';

interface Props {
  boot: BootState;
}

export const RUNTIME_NAMES: Record<RuntimeKind, string> = {
  local: 'local (Node on this computer)',
  webcontainer: 'WebContainer (in this browser tab)',
};

export function RuntimeBadge({ boot }: Props) {
  const detail = boot.status === 'starting' ? `starting: ${boot.progress}` : boot.status === 'failed' ? 'unavailable' : 'ready';
  return (
    <p className={`runtime-badge runtime-badge--${boot.status}`} title={`The ${RUNTIME_NAMES[boot.choice.kind]} runtime is ${detail}`}>
      <span className="runtime-badge__dot" aria-hidden="true" />
      <span>Runtime: {RUNTIME_NAMES[boot.choice.kind]}</span>
      {boot.status !== 'ready' && <span className="runtime-badge__detail"> — {detail}</span>}
    </p>
  );
}
