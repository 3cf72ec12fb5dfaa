/**
 * On a narrow screen the workbench shows one of three views at a time, switched by a tab bar
 * (as TutorialKit and learn.svelte.dev do on phones). Pure: which view, and the ids that tie
 * each tab to its panel.
 */
export const WORKBENCH_VIEWS = ['lesson', 'code', 'output'] as const;
export type WorkbenchView = (typeof WORKBENCH_VIEWS)[number];

export const VIEW_LABELS: Record<WorkbenchView, string> = { lesson: 'Lesson', code: 'Code', output: 'Output' };

/** Below this width the three views no longer fit side by side (matches layout.css). */
export const NARROW_QUERY = '(max-width: 959px)';

export const tabId = (view: WorkbenchView) => `workbench-tab-${view}`;
export const panelId = (view: WorkbenchView) => `workbench-${view}`;

/** The view an arrow key, Home or End moves to from `current`, or undefined for other keys. */
export function viewForKey(current: WorkbenchView, key: string): WorkbenchView | undefined {
  const index = WORKBENCH_VIEWS.indexOf(current);
  const last = WORKBENCH_VIEWS.length - 1;
  const next = key === 'ArrowRight' ? (index + 1) % WORKBENCH_VIEWS.length : key === 'ArrowLeft' ? (index + last) % WORKBENCH_VIEWS.length : key === 'Home' ? 0 : key === 'End' ? last : -1;
  return next < 0 ? undefined : WORKBENCH_VIEWS[next];
}

/**
 * Props for one of the three panels: a tab panel, hidden unless shown, on a narrow screen; a plain
 * container side by side with the others on a wide one.
 */
export function panelProps(view: WorkbenchView, narrow: boolean, shown: WorkbenchView) {
  if (!narrow) return { id: panelId(view) };
  return { id: panelId(view), role: 'tabpanel', 'aria-labelledby': tabId(view), hidden: view !== shown };
}
