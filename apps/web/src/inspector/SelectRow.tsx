import { useId } from 'react';

/** A labelled select with its help under it. */
export function SelectRow(props: {
  id: string;
  label: string;
  value: string;
  options: [string, string][];
  help?: string;
  onChange: (v: string) => void;
}) {
  const inputId = useId();
  return (
    <div className="field" data-field={props.id}>
      <label htmlFor={inputId}>{props.label}</label>
      <select id={inputId} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {props.options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
      {props.help && <div className="field-help">{props.help}</div>}
    </div>
  );
}
