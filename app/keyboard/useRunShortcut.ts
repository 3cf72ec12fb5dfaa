/** Listens for the Run shortcut anywhere on the page, except in an open dialog or where it was handled. */
import { useEffect, useRef } from 'react';
import { isRunShortcut } from './run-shortcut.ts';

export function useRunShortcut(onRun: () => void): void {
  const latest = useRef(onRun);
  latest.current = onRun;

  useEffect(function listenForRunShortcut() {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || !isRunShortcut(event)) return;
      if (event.target instanceof Element && event.target.closest('dialog[open]')) return;
      event.preventDefault();
      latest.current();
    };
    addEventListener('keydown', onKeyDown);
    return () => removeEventListener('keydown', onKeyDown);
  }, []);
}
