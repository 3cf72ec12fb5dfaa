/**
 * Says what is wrong when the runtime cannot start, and offers the other one when there is one.
 * While it starts, nothing is shown here (the badge says "starting"), unless it takes long
 * enough that a learner would wonder: then it says so, with a way out. Never a silent spinner.
 */
import { useEffect, useState } from 'react';
import type { BootState } from './runtime-boot.ts';
import { RUNTIMES } from './registry.ts';
import { Button } from '../components/Button.tsx';
import { urlWithRuntime } from './runtime-url.ts';

interface Props {
  boot: BootState;
}

/** After this long without a result, the learner hears that it is slow and what they can do. */
const SLOW_MS = 20_000;

export function RuntimeBanner({ boot }: Props) {
  const [slow, setSlow] = useState(false);
  useEffect(
    function noticeSlowStart() {
      if (boot.status !== 'starting') return;
      const timer = setTimeout(() => setSlow(true), SLOW_MS);
      return () => clearTimeout(timer);
    },
    [boot.status],
  );

  if (boot.status === 'failed') {
    const alternative = boot.alternative;
    return (
      <div className="banner banner--error" role="alert">
        <p>
          <strong>Your code cannot run yet.</strong> {boot.message}
        </p>
        {alternative && (
          <Button variant="primary" onClick={() => location.assign(urlWithRuntime(location.href, alternative))}>
            {RUNTIMES[alternative].offer}
          </Button>
        )}
      </div>
    );
  }
  if (boot.status === 'starting' && slow) {
    return (
      <div className="banner banner--warning" role="status">
        <p>
          Starting the runtime is taking longer than usual ({boot.progress}). You can keep reading and editing; Run becomes
          available when it is ready.
        </p>
        <Button onClick={() => location.reload()}>Reload the page</Button>
      </div>
    );
  }
  return null;
}
