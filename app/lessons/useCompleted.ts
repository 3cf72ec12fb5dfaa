/** The set of completed lessons, kept current when this or another tab marks one. */
import { useEffect, useState } from 'react';
import { COMPLETED_EVENT, readCompleted } from './completed.ts';

export function useCompleted(storage: Storage | null): ReadonlySet<string> {
  const [completed, setCompleted] = useState(() => readCompleted(storage));
  useEffect(
    function followCompleted() {
      const reread = () => setCompleted(readCompleted(storage));
      addEventListener(COMPLETED_EVENT, reread);
      addEventListener('storage', reread);
      return () => {
        removeEventListener(COMPLETED_EVENT, reread);
        removeEventListener('storage', reread);
      };
    },
    [storage],
  );
  return completed;
}
