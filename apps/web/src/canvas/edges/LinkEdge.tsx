import { BaseEdge, getBezierPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import type { FlowEdge } from '../derive.ts';
import { LINK_COLORS, LINK_DASH, linkLabel } from './linkStyle.ts';

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
