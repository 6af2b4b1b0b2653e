import type { LinkType } from '@vmtopo/model';
import { LINK_COLORS } from './linkStyle.ts';

/** Arrow heads, one per link type, defined once for the whole canvas. */
export function EdgeMarkers() {
  return (
    <svg style={{ position: 'absolute', width: 0, height: 0 }} aria-hidden>
      <defs>
        {(Object.keys(LINK_COLORS) as LinkType[]).map((t) => (
          <marker key={t} id={`arrow-${t}`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" fill={LINK_COLORS[t]} />
          </marker>
        ))}
      </defs>
    </svg>
  );
}
