import { severityPhrase } from '@vmtopo/editor';
import { useEffect, useRef, useState, useSyncExternalStore, type RefObject } from 'react';
import type { BadgePopStore } from './badgePop.ts';

const GAP = 6;
const MARGIN = 8;

/** The pop-up, positioned below (or above) its badge and kept inside `container`. */
export function BadgePopLayer({ store, container }: { store: BadgePopStore; container: RefObject<HTMLElement | null> }) {
  const pop = useSyncExternalStore(store.subscribe, store.get);
  const ref = useRef<HTMLDivElement>(null);
  const [at, setAt] = useState<{ left: number; top: number } | null>(null);
  useEffect(() => {
    // Nothing is measured when the pop goes: a measure forces a layout of the whole canvas.
    const el = pop ? ref.current : null;
    const box = el ? container.current?.getBoundingClientRect() : undefined;
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
      <div className="badge-pop-head">{severityPhrase(pop.findings.counts)}</div>
      <ul>
        {pop.findings.messages.map((m, i) => (
          <li key={i}>{m}</li>
        ))}
      </ul>
    </div>
  );
}
