/** A one-line form for a file's path (new file, rename): Enter saves, Escape cancels, problems are said inline. */
import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';

interface Props {
  label: string;
  initial: string;
  placeholder?: string;
  /** Why a path cannot be used, in words; undefined when it can. */
  problemFor(path: string): string | undefined;
  onSubmit(path: string): void;
  onCancel(): void;
}

export function PathForm({ label, initial, placeholder, problemFor, onSubmit, onCancel }: Props) {
  const [value, setValue] = useState(initial);
  const [tried, setTried] = useState(false);
  const problemId = useId();
  const path = value.trim();
  const problem = problemFor(path);
  // Only after a first try: a half-typed name is not yet a mistake.
  const shown = tried && problem;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!problem) onSubmit(path);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    onCancel();
  };

  return (
    <form className="path-form" onSubmit={submit}>
      <input
        className="path-form__input"
        aria-label={label}
        aria-invalid={shown ? true : undefined}
        aria-describedby={shown ? problemId : undefined}
        value={value}
        placeholder={placeholder}
        spellCheck={false}
        autoComplete="off"
        autoFocus
        onChange={(event) => setValue(event.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => !path || path === initial ? onCancel() : undefined}
      />
      {shown && (
        <p id={problemId} className="path-form__problem" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
