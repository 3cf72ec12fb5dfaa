/** The narrow screen's tab bar: Lesson, Code or Output. Arrow keys, Home and End move between tabs. */
import type { KeyboardEvent } from 'react';
import { panelId, tabId, VIEW_LABELS, viewForKey, WORKBENCH_VIEWS, type WorkbenchView } from './workbench-view.ts';

interface Props {
  view: WorkbenchView;
  onSelect(view: WorkbenchView): void;
}

export function WorkbenchSwitch({ view, onSelect }: Props) {
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const next = viewForKey(view, event.key);
    if (!next) return;
    event.preventDefault();
    onSelect(next);
    document.getElementById(tabId(next))?.focus();
  };
  return (
    <div className="workbench-switch" role="tablist" aria-label="Workbench" onKeyDown={onKeyDown}>
      {WORKBENCH_VIEWS.map((option) => (
        <button
          key={option}
          type="button"
          role="tab"
          id={tabId(option)}
          aria-selected={option === view}
          aria-controls={panelId(option)}
          tabIndex={option === view ? 0 : -1}
          className="workbench-switch__tab"
          onClick={() => onSelect(option)}
        >
          {VIEW_LABELS[option]}
        </button>
      ))}
    </div>
  );
}
