/**
 * Below the editor: whether the code is saved, the ways back (starter, the learner's own code), and,
 * while the editor has focus, the keys: Tab indents there, so Ctrl+M is how the keyboard gets out.
 */
import type { SaveStatus } from '../lessons/useLessonFiles.ts';
import { Button } from '../components/Button.tsx';
import { RUN_SHORTCUT } from '../keyboard/run-shortcut.ts';

/** Monaco's "toggle Tab key moves focus": Ctrl+M, and Ctrl+Shift+M on a Mac (where Ctrl+M is taken). */
const TAB_FOCUS_KEY = typeof navigator === 'object' && /Mac|iPhone|iPad/.test(navigator.platform) ? 'Ctrl+Shift+M' : 'Ctrl+M';

interface Props {
  /** The editor has keyboard focus. */
  editing: boolean;
  save: SaveStatus;
  atStarter: boolean;
  canRestore: boolean;
  onReset(): void;
  onRestore(): void;
}

export function EditorFooter({ editing, save, atStarter, canRestore, onReset, onRestore }: Props) {
  return (
    <div className="editor-footer">
      {save.state === 'failed' ? (
        <p className="editor-footer__save editor-footer__save--failed" role="alert">
          {save.message}
        </p>
      ) : (
        <p className="editor-footer__save">{saveText(save)}</p>
      )}
      {editing && (
        <p className="editor-footer__keys" id="editor-keys">
          <kbd>Tab</kbd> indents · <kbd>{TAB_FOCUS_KEY}</kbd> lets <kbd>Tab</kbd> move focus · <kbd>{RUN_SHORTCUT.label}</kbd> runs ·{' '}
          <kbd>Ctrl+Enter</kbd> checks
        </p>
      )}
      <div className="editor-footer__actions">
        {canRestore && (
          <Button variant="quiet" onClick={onRestore}>
            Restore my code
          </Button>
        )}
        <Button variant="quiet" unavailable={atStarter} onClick={onReset}>
          Reset to starter
        </Button>
      </div>
    </div>
  );
}

function saveText(save: Exclude<SaveStatus, { state: 'failed' }>): string {
  switch (save.state) {
    case 'pending':
      return 'Saving…';
    case 'stale':
      return 'Kept aside: another tab changed these files';
    case 'saved':
      return save.fromOtherTab ? 'Updated from another tab' : 'Saved in this browser';
  }
}
