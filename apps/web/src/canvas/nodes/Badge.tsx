import { SEVERITY_ICON, type NodeFindings } from '@vmtopo/editor';
import { useContext } from 'react';
import { BadgePopContext } from './badgePop.ts';

/** The worst severity of a component's findings, with the count; hovering lists the messages. */
export function Badge({ findings }: { findings?: NodeFindings }) {
  const pop = useContext(BadgePopContext);
  if (!findings) return null;
  const { severity, count } = findings;
  const label = `${count} finding${count === 1 ? '' : 's'}, worst: ${severity}`;
  const show = (el: HTMLElement) => {
    const r = el.getBoundingClientRect();
    pop?.set({ findings, rect: { left: r.left, top: r.top, right: r.right, bottom: r.bottom } });
  };
  const hide = () => pop?.set(null);
  return (
    <div
      className={`badge sev-${severity}`}
      role="status"
      aria-label={label}
      title={pop ? undefined : findings.messages.join('\n')}
      data-severity={severity}
      tabIndex={-1}
      onMouseEnter={(e) => show(e.currentTarget)}
      onMouseLeave={hide}
      onFocus={(e) => show(e.currentTarget)}
      onBlur={hide}
      onPointerDown={hide}
    >
      <span aria-hidden>{SEVERITY_ICON[severity]}</span>
      <span>{count}</span>
    </div>
  );
}
