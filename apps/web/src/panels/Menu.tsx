import { useEffect, useRef, useState, type ReactNode } from 'react';

/** A drop-down menu of the top bar: its button, and the list it opens; Escape or a click outside closes it. */
export function Menu({ label, title, listLabel, children }: { label: string; title?: string; listLabel: string; children: (close: () => void) => ReactNode }) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => !ref.current?.contains(e.target as Node) && setOpen(false);
    window.addEventListener('mousedown', close);
    return () => window.removeEventListener('mousedown', close);
  }, [open]);
  return (
    <div className="menu" ref={ref}>
      <button type="button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)} title={title}>
        {label}
      </button>
      {open && (
        <div className="menu-list" role="menu" aria-label={listLabel} onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
          {children(() => setOpen(false))}
        </div>
      )}
    </div>
  );
}
