/** Shown while Monaco loads (or if it cannot): the code itself, read-only, so the learner can read at once. */
interface Props {
  content: string;
  note?: string;
}

export function EditorPlaceholder({ content, note = 'Loading the editor…' }: Props) {
  return (
    <div className="editor-placeholder" aria-busy={note.startsWith('Loading')}>
      <pre>
        <code>{content}</code>
      </pre>
      <p className="editor-placeholder__note">{note}</p>
    </div>
  );
}
