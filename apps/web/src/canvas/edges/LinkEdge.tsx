import { BaseEdge, getSmoothStepPath, useStoreApi, type EdgeProps } from '@xyflow/react';
import type { Route } from '@vmtopo/editor';
import { memo, useCallback, useMemo, useSyncExternalStore } from 'react';
import type { FlowEdge, FlowNode } from '../derive.ts';
import { LABEL_H, labelOf } from './labelSize.ts';
import { LINK_COLORS, LINK_DASH } from './linkStyle.ts';
import { linkRoutesOf } from './linkRoutes.ts';

/** Whether a route starts and ends where React Flow draws this edge's handles now. */
const current = (r: Route | undefined, sx: number, sy: number, tx: number, ty: number): r is Route => {
  const a = r?.points[0];
  const b = r?.points.at(-1);
  return !!a && !!b && Math.abs(a.x - sx) <= 0.5 && Math.abs(a.y - sy) <= 0.5 && Math.abs(b.x - tx) <= 0.5 && Math.abs(b.y - ty) <= 0.5;
};

/**
 * A link: its route around the nodes (see linkRoutes.ts), its arrow and a pill with its type on
 * the route. The pill is drawn in the edge's own SVG (not in an HTML layer above the canvas):
 * moving a node then redraws its edges and nothing else, and a large design has no second set of
 * hundreds of positioned elements.
 */
export const LinkEdge = memo(function LinkEdge(props: EdgeProps<FlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected } = props;
  const link = data!.link;
  const routes = linkRoutesOf(useStoreApi<FlowNode, FlowEdge>());
  const subscribe = useCallback((l: () => void) => routes.subscribe(id, l), [routes, id]);
  const routed = useSyncExternalStore(subscribe, () => routes.route(id));
  // While its node is dragged, a link is routed on each step against the boxes at rest; until its
  // first routing (a frame away), it takes the plain step path.
  const { path, at } = useMemo(() => {
    const r = current(routed, sourceX, sourceY, targetX, targetY) ? routed : routes.live(id, { x: sourceX, y: sourceY }, { x: targetX, y: targetY });
    if (r) return { path: r.path, at: r.label };
    const [d, x, y] = getSmoothStepPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
    return { path: d, at: { x, y } };
  }, [routed, routes, id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition]);
  const color = LINK_COLORS[link.type];
  const label = labelOf(link);
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={`url(#arrow-${link.type})`}
        style={{ stroke: color, strokeWidth: selected ? 3 : 2, strokeDasharray: LINK_DASH[link.type] }}
      />
      {/* Moved by its transform only: the text keeps its attributes, so a drag step does not lay it out again. */}
      <g className={`edge-label${selected ? ' selected' : ''}`} data-link-type={link.type} transform={`translate(${at.x} ${at.y})`}>
        <rect x={-label.width / 2} y={-LABEL_H / 2} width={label.width} height={LABEL_H} rx={LABEL_H / 2} stroke={color} />
        <text fill={color}>{label.text}</text>
      </g>
    </>
  );
});
