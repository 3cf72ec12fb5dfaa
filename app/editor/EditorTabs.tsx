/** One tab per file of the lesson. Arrow keys move between tabs, as in any tab list. */
import type { KeyboardEvent } from 'react';

interface Props {
  paths: string[];
  active: string;
  onSelect(path: string): void;
  panelId: string;
}

export function EditorTabs({ paths, active, onSelect, panelId }: Props) {
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    const next = paths[(paths.indexOf(active) + step + paths.length) % paths.length];
    if (!next) return;
    onSelect(next);
    event.currentTarget.querySelector<HTMLElement>(`[data-path="${CSS.escape(next)}"]`)?.focus();
  };

  return (
    <div className="editor-tabs" role="tablist" aria-label="Files" onKeyDown={onKeyDown}>
      {paths.map((path) => (
        <button
          key={path}
          type="button"
          role="tab"
          id={`tab-${path}`}
          data-path={path}
          aria-selected={path === active}
          aria-controls={panelId}
          tabIndex={path === active ? 0 : -1}
          className="editor-tab"
          onClick={() => onSelect(path)}
        >
          {path}
        </button>
      ))}
    </div>
  );
}
