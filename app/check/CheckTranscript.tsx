/** A result's transcript exactly as the harness wrote it, and its curl command ready to copy. */
import { useEffect, useState } from 'react';
import { Button } from '../components/Button.tsx';

interface Props {
  ruleId: string;
  lines: readonly string[];
  curl?: string;
}

export function CheckTranscript({ ruleId, lines, curl }: Props) {
  return (
    <div className="check-transcript">
      {lines.length > 0 && (
        // Focusable so a keyboard can scroll a long transcript sideways.
        <pre className="check-transcript__text" tabIndex={0} aria-label={`What the check did for ${ruleId}`}>
          {lines.join('\n')}
        </pre>
      )}
      {curl && <CopyCurl command={curl} />}
    </div>
  );
}

function CopyCurl({ command }: { command: string }) {
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no');
  useEffect(
    function forgetCopied() {
      if (copied === 'no') return;
      const timer = setTimeout(() => setCopied('no'), 2000);
      return () => clearTimeout(timer);
    },
    [copied],
  );
  const copy = () => {
    navigator.clipboard?.writeText(command).then(
      () => setCopied('yes'),
      () => setCopied('failed'),
    ) ?? setCopied('failed');
  };
  return (
    <p className="check-curl">
      <span className="check-curl__label">The request the check sent:</span>
      <code className="check-curl__command">{command}</code>
      <Button variant="quiet" className="button--small" onClick={copy} aria-label="Copy the curl command">
        {copied === 'yes' ? 'Copied' : copied === 'failed' ? 'Select it to copy' : 'Copy'}
      </Button>
      <span className="visually-hidden" role="status">
        {copied === 'yes' ? 'Copied' : ''}
      </span>
    </p>
  );
}
