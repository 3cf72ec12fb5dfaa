/** Always says which runtime runs the learner's code, and whether it is ready. */
import type { BootState } from './runtime-boot.ts';
import { RUNTIMES } from './registry.ts';

interface Props {
  boot: BootState;
}

export function RuntimeBadge({ boot }: Props) {
  const { label } = RUNTIMES[boot.choice.kind];
  const detail = boot.status === 'starting' ? `starting: ${boot.progress}` : boot.status === 'failed' ? 'unavailable' : 'ready';
  return (
    <p className={`runtime-badge runtime-badge--${boot.status}`} title={`The ${label} runtime is ${detail}`}>
      <span className="runtime-badge__dot" aria-hidden="true" />
      <span>Runtime: {label}</span>
      {boot.status !== 'ready' && <span className="runtime-badge__detail"> — {detail}</span>}
    </p>
  );
}
