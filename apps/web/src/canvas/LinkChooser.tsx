import type { LinkOption } from '@vmtopo/editor';
import { LINK_LABELS } from '@vmtopo/model';
import { LINK_COLORS } from './edges/linkStyle.ts';

/** Where a connection could become several links: a menu of them at the pointer. */
export function LinkChooser({ options, x, y, onChoose, onCancel }: { options: LinkOption[]; x: number; y: number; onChoose: (o: LinkOption) => void; onCancel: () => void }) {
  return (
    <div className="chooser" style={{ left: x, top: y }} role="menu" aria-label="Choose the link type">
      <div className="chooser-title">Link as…</div>
      {options.map((o, i) => (
        <button key={o.type} role="menuitem" type="button" autoFocus={i === 0} onClick={() => onChoose(o)}>
          <span className="legend-swatch" style={{ background: LINK_COLORS[o.type] }} />
          {LINK_LABELS[o.type]}
        </button>
      ))}
      <button type="button" className="ghost" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
