/**
 * Alt+Enter (Option+Enter on a Mac) runs the program. Ctrl/Cmd+Enter is Check; Monaco binds
 * Ctrl+Shift+Enter (insert line above) and Chromium and Firefox leave Alt+Enter to the page
 * (it is only an address-bar key), so the editor registers it as a command and this covers the rest.
 */
export const RUN_SHORTCUT = { label: 'Alt+Enter', aria: 'Alt+Enter' } as const;

export function isRunShortcut(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): boolean {
  return event.key === 'Enter' && event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey;
}
