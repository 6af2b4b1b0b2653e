import { SEVERITY_ICON, severityPhrase, type NodeFindings } from '@vmtopo/editor';
import { useContext } from 'react';
import { BadgePopContext } from './badgePop.ts';

/**
 * The worst severity of a component's findings with the count of that severity (a node with one
 * error and four warnings reads "✖ 1"); its label has every count, and hovering lists the messages.
 */
export function Badge({ findings }: { findings?: NodeFindings }) {
  const pop = useContext(BadgePopContext);
  if (!findings) return null;
  const { severity, counts } = findings;
  const label = severityPhrase(counts);
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
      title={pop ? undefined : `${label}\n${findings.messages.join('\n')}`}
      data-severity={severity}
      tabIndex={-1}
      // Not while a button is held: a node dragged over (or from) its badge is no hover.
      onMouseEnter={(e) => e.buttons === 0 && show(e.currentTarget)}
      onMouseLeave={hide}
      // Keyboard focus only: a press on the badge (a drag starting there) focuses it too.
      onFocus={(e) => e.currentTarget.matches(':focus-visible') && show(e.currentTarget)}
      onBlur={hide}
      onPointerDown={hide}
    >
      <span aria-hidden>{SEVERITY_ICON[severity]}</span>
      <span>{counts[severity]}</span>
    </div>
  );
}
