/** The ready runtime's shell session (started only when the Shell tab first opens), for the page's life. */
import { useEffect, useRef, useState } from 'react';
import type { FileMap, Runtime } from '../runtime/types.ts';
import { ShellSession } from './shell-session.ts';

export function useShellSession(runtime: Runtime | null, latestFiles: () => FileMap): ShellSession | null {
  const [session, setSession] = useState<ShellSession | null>(null);
  // The editor's files as of each Enter, not of the render that created the session.
  const files = useRef(latestFiles);
  files.current = latestFiles;

  useEffect(
    function createShellSession() {
      if (!runtime) return;
      const created = new ShellSession(runtime, () => files.current());
      setSession(created);
      return () => {
        created.dispose();
        setSession(null);
      };
    },
    [runtime],
  );

  return session;
}
