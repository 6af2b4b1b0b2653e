import { BaseEdge, getBezierPath, type EdgeProps } from '@xyflow/react';
import { LINK_LABELS, type LinkType } from '@vmtopo/model';
import { memo } from 'react';
import type { FlowEdge } from '../nodes/derive.ts';

/** Concrete colours (SVG markers cannot use CSS variables); readable on light and dark. */
export const LINK_COLORS: Record<LinkType, string> = {
  remoteWrite: '#2f7de1',
  datasource: '#16a34a',
  remoteRead: '#9b51e0',
  notifier: '#e8710a',
};
export const LINK_DASH: Record<LinkType, string | undefined> = {
  remoteWrite: undefined,
  datasource: '7 4',
  remoteRead: '2 4',
  notifier: '10 4 2 4',
};

export function linkLabel(type: LinkType, notify?: string): string {
  return type === 'notifier' && notify && notify !== 'selector' ? `${LINK_LABELS[type]} (${notify})` : LINK_LABELS[type];
}

/** Label font: must match `.edge-label text` in styles.css. */
const LABEL_FONT = "600 11px system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif";
const widths = new Map<string, number>();
let measureCtx: CanvasRenderingContext2D | null | undefined;

/** The rendered width of a label's text, measured once per distinct text. */
function textWidth(text: string): number {
  let w = widths.get(text);
  if (w === undefined) {
    if (measureCtx === undefined) measureCtx = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
    if (measureCtx) {
      measureCtx.font = LABEL_FONT;
      w = Math.ceil(measureCtx.measureText(text).width);
    } else w = Math.ceil(text.length * 6.2);
    widths.set(text, w);
  }
  return w;
}

/**
 * A link: the curve, its arrow and a pill with its type. The pill is drawn in the edge's own SVG
 * (not in an HTML layer above the canvas): moving a node then redraws its edges and nothing
 * else, and a large design has no second set of hundreds of positioned elements.
 */
export const LinkEdge = memo(function LinkEdge(props: EdgeProps<FlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected } = props;
  const link = data!.link;
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const color = LINK_COLORS[link.type];
  const text = linkLabel(link.type, link.notify);
  const w = textWidth(text) + 16;
  const h = 18;
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={`url(#arrow-${link.type})`}
        style={{ stroke: color, strokeWidth: selected ? 3 : 2, strokeDasharray: LINK_DASH[link.type] }}
      />
      {/* Moved by its transform only: the text keeps its attributes, so a drag step does not lay it out again. */}
      <g className={`edge-label${selected ? ' selected' : ''}`} data-link-type={link.type} transform={`translate(${labelX} ${labelY})`}>
        <rect x={-w / 2} y={-h / 2} width={w} height={h} rx={h / 2} stroke={color} />
        <text fill={color}>{text}</text>
      </g>
    </>
  );
});

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
