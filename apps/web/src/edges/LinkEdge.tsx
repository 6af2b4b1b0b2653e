import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
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

export const LinkEdge = memo(function LinkEdge(props: EdgeProps<FlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected } = props;
  const link = data!.link;
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const color = LINK_COLORS[link.type];
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={`url(#arrow-${link.type})`}
        style={{ stroke: color, strokeWidth: selected ? 3 : 2, strokeDasharray: LINK_DASH[link.type] }}
      />
      <EdgeLabelRenderer>
        <div
          className={`edge-label${selected ? ' selected' : ''}`}
          style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)`, borderColor: color, color }}
          data-link-type={link.type}
        >
          {linkLabel(link.type, link.notify)}
        </div>
      </EdgeLabelRenderer>
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
