import type { NodeFindings } from '../store/derive.ts';

const ICON = { error: '✖', warning: '▲', info: 'i' } as const;

/** The worst severity of a component's findings, with the count; hovering lists the messages. */
export function Badge({ findings }: { findings?: NodeFindings }) {
  if (!findings) return null;
  const { severity, count, messages } = findings;
  const label = `${count} finding${count === 1 ? '' : 's'}, worst: ${severity}`;
  return (
    <div className={`badge sev-${severity}`} role="status" aria-label={label} data-severity={severity} tabIndex={-1}>
      <span aria-hidden>{ICON[severity]}</span>
      <span>{count}</span>
      <div className="badge-pop" role="tooltip">
        <ul>
          {messages.map((m, i) => (
            <li key={i}>{m}</li>
          ))}
        </ul>
      </div>
    </div>
  );
}
