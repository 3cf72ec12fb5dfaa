/** Below the editor: whether the code is saved, and the ways back (starter, the learner's own code). */
import type { SaveStatus } from '../lessons/useLessonFiles.ts';
import { Button } from '../components/Button.tsx';

interface Props {
  save: SaveStatus;
  atStarter: boolean;
  canRestore: boolean;
  onReset(): void;
  onRestore(): void;
}

export function EditorFooter({ save, atStarter, canRestore, onReset, onRestore }: Props) {
  return (
    <div className="editor-footer">
      {save.state === 'failed' ? (
        <p className="editor-footer__save editor-footer__save--failed" role="alert">
          {save.message}
        </p>
      ) : (
        <p className="editor-footer__save">{save.state === 'pending' ? 'Saving…' : 'Saved in this browser'}</p>
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
