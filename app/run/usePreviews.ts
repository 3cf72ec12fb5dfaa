/** The ports open in the runtime right now, as a list of previews (see previews.ts). */
import { useEffect, useState } from 'react';
import { applyPortEvent, type Preview } from './previews.ts';
import type { Runtime } from '../runtime/types.ts';

export function usePreviews(runtime: Runtime | null): readonly Preview[] {
  const [previews, setPreviews] = useState<readonly Preview[]>([]);
  useEffect(
    function followPorts() {
      if (!runtime) return;
      const stop = runtime.onPort((event) => setPreviews((current) => applyPortEvent(current, event)));
      return () => {
        stop();
        setPreviews([]);
      };
    },
    [runtime],
  );
  return previews;
}
