import { LINK_LABELS, type LinkType } from '@vmtopo/model';
import { LINK_COLORS, LINK_DASH } from './edges/linkStyle.ts';

/** Which line style is which link. */
export function Legend() {
  return (
    <div className="legend" role="list" aria-label="Link legend">
      {(Object.keys(LINK_COLORS) as LinkType[]).map((t) => (
        <div className="legend-item" role="listitem" key={t}>
          <svg width="34" height="8" aria-hidden>
            <line x1="0" y1="4" x2="34" y2="4" stroke={LINK_COLORS[t]} strokeWidth="2.5" strokeDasharray={LINK_DASH[t]} />
          </svg>
          {LINK_LABELS[t]}
        </div>
      ))}
    </div>
  );
}
