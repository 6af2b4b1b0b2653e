import { createContext, useContext, useEffect, useRef, useState, useSyncExternalStore, type RefObject } from 'react';
import type { NodeFindings } from '../store/derive.ts';

const ICON = { error: '✖', warning: '▲', info: 'i' } as const;

/** What the pop-up shows, and the badge it belongs to (screen coordinates). */
export interface BadgePop {
  findings: NodeFindings;
  rect: { left: number; top: number; right: number; bottom: number };
}

/**
 * The one pop-up of the canvas. Badges only say "show mine" or "hide"; the pop-up itself is a
 * single element placed inside the canvas, so that no badge carries its messages in the DOM and
 * a badge at an edge never has its pop-up cut off.
 */
export interface BadgePopStore {
  get(): BadgePop | null;
  set(p: BadgePop | null): void;
  subscribe(f: () => void): () => void;
}

export function createBadgePopStore(): BadgePopStore {
  let cur: BadgePop | null = null;
  const subs = new Set<() => void>();
  return {
    get: () => cur,
    set(p) {
      if (p === cur) return;
      cur = p;
      for (const f of subs) f();
    },
    subscribe(f) {
      subs.add(f);
      return () => subs.delete(f);
    },
  };
}

export const BadgePopContext = createContext<BadgePopStore | null>(null);

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
      <span aria-hidden>{ICON[severity]}</span>
      <span>{count}</span>
    </div>
  );
}

const GAP = 6;
const MARGIN = 8;

/** The pop-up, positioned below (or above) its badge and kept inside `container`. */
export function BadgePopLayer({ store, container }: { store: BadgePopStore; container: RefObject<HTMLElement | null> }) {
  const pop = useSyncExternalStore(store.subscribe, store.get);
  const ref = useRef<HTMLDivElement>(null);
  const [at, setAt] = useState<{ left: number; top: number } | null>(null);
  useEffect(() => {
    const el = ref.current;
    const box = container.current?.getBoundingClientRect();
    if (!pop || !el || !box) {
      setAt(null);
      return;
    }
    const w = el.offsetWidth;
    const h = el.offsetHeight;
    const { rect } = pop;
    // Right-aligned with the badge, then pushed inside the canvas.
    let left = rect.right - w;
    left = Math.max(box.left + MARGIN, Math.min(left, box.right - MARGIN - w));
    let top = rect.bottom + GAP;
    if (top + h > box.bottom - MARGIN && rect.top - GAP - h >= box.top + MARGIN) top = rect.top - GAP - h;
    top = Math.max(box.top + MARGIN, Math.min(top, box.bottom - MARGIN - h));
    setAt({ left: left - box.left, top: top - box.top });
  }, [pop, container]);
  if (!pop) return null;
  return (
    <div
      ref={ref}
      className="badge-pop"
      role="tooltip"
      style={at ? { left: at.left, top: at.top } : { left: 0, top: 0, visibility: 'hidden' }}
    >
      <ul>
        {pop.findings.messages.map((m, i) => (
          <li key={i}>{m}</li>
        ))}
      </ul>
    </div>
  );
}
