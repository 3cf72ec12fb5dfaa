/**
 * Shown when another tab saved this lesson's files while this tab had unsaved edits: the learner
 * chooses which version to keep, and the other one becomes "Restore my code", so neither is lost.
 */
import { Button } from '../components/Button.tsx';

interface Props {
  onKeepMine(): void;
  onTakeTheirs(): void;
}

export function StaleFilesNotice({ onKeepMine, onTakeTheirs }: Props) {
  return (
    <div className="stale-notice" role="alert">
      <p className="stale-notice__text">
        <strong>Another tab changed this lesson’s files</strong> while you were editing here. Which version do you want?
        The other one stays available under “Restore my code”.
      </p>
      <div className="stale-notice__actions">
        <Button variant="primary" className="button--small" onClick={onKeepMine}>
          Keep this tab’s files
        </Button>
        <Button className="button--small" onClick={onTakeTheirs}>
          Use the other tab’s files
        </Button>
      </div>
    </div>
  );
}
