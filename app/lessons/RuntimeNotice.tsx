/** Before Run: what this lesson's command cannot do on the runtime in use (runtime-notice.ts). */
import type { RuntimeKind } from '../runtime/types.ts';
import { runtimeNoticeFor } from './runtime-notice.ts';

interface Props {
  command: string;
  kind: RuntimeKind;
}

export function RuntimeNotice({ command, kind }: Props) {
  const text = runtimeNoticeFor(command, kind);
  if (!text) return null;
  return (
    <p className="runtime-notice" role="note" aria-label="Runtime notice">
      {text}
    </p>
  );
}
