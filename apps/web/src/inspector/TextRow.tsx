import { useEffect, useId, useRef, useState } from 'react';

/** A labelled input with its validation message under it; only valid values reach `commit`. */
export function TextRow(props: {
  id: string;
  label: string;
  value: string;
  placeholder?: string;
  help?: string;
  multiline?: boolean;
  check: (text: string) => string | undefined;
  commit: (text: string) => void;
}) {
  const { id, label, value, placeholder, help, multiline, check, commit } = props;
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>();
  const inputId = useId();
  const errId = `${inputId}-err`;
  const helpId = `${inputId}-help`;
  // Undo, redo or another edit changed the value under us: show the model's value again.
  const last = useRef(value);
  useEffect(() => {
    if (last.current !== value) {
      last.current = value;
      if (draft !== null && draft.trim() !== value.trim()) {
        setDraft(null);
        setError(undefined);
      }
    }
  }, [value, draft]);
  const onChange = (text: string) => {
    setDraft(text);
    const problem = check(text);
    setError(problem);
    if (!problem) commit(text);
  };
  const common = {
    id: inputId,
    value: draft ?? value,
    placeholder,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? errId : help ? helpId : undefined,
    onBlur: () => {
      if (!error) setDraft(null);
    },
  };
  return (
    <div className={`field${error ? ' invalid' : ''}`} data-field={id}>
      <label htmlFor={inputId}>{label}</label>
      {multiline ? (
        <textarea {...common} rows={3} onChange={(e) => onChange(e.target.value)} spellCheck={false} />
      ) : (
        <input {...common} type="text" onChange={(e) => onChange(e.target.value)} spellCheck={false} autoComplete="off" />
      )}
      {error ? (
        <div className="field-error" id={errId} role="alert">
          {error}
        </div>
      ) : help ? (
        <div className="field-help" id={helpId}>
          {help}
        </div>
      ) : null}
    </div>
  );
}
