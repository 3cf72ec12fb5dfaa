/**
 * Ctrl+Enter (Cmd+Enter on a Mac) checks the code from anywhere on the page. Monaco handles its
 * own keys and stops them, so the editor registers the same shortcut as a command (CodeEditor's
 * onCheck); this listener covers everything else, and skips what something already handled.
 */
import { useEffect, useRef } from 'react';

export function isCheckShortcut(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): boolean {
  return event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey;
}

export function useCheckShortcut(onCheck: () => void): void {
  const latest = useRef(onCheck);
  latest.current = onCheck;

  useEffect(function listenForCheckShortcut() {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || !isCheckShortcut(event)) return;
      // An open dialog (reset, show solution) owns the keyboard until it closes.
      if (event.target instanceof Element && event.target.closest('dialog[open]')) return;
      event.preventDefault();
      latest.current();
    };
    addEventListener('keydown', onKeyDown);
    return () => removeEventListener('keydown', onKeyDown);
  }, []);
}
