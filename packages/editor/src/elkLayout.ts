import { isClusterPart, partList, type Position, type Topology } from '@vmtopo/model';
import type { ElkNode } from 'elkjs/lib/elk-api';
import { QUERY_LINKS } from './connect.ts';
import { KIND_ROLE, ROLE_RANK } from './kindMeta.ts';
import { clusterSize, estimateHeight, NODE_W, stackClusterParts } from './layout.ts';

/**
 * Auto-layout with ELK's layered algorithm, left to right. A VMCluster is laid out as one node
 * with its parts stacked inside. elkjs (~1.5 MB) is loaded only when the user asks for a layout.
 */
export async function elkLayout(t: Topology, sizes: Record<string, { width: number; height: number }>): Promise<Record<string, Position>> {
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const elk = new ELK();
  const size = (id: string, fallback: { width: number; height: number }) => sizes[id] ?? fallback;
  const children: ElkNode[] = [];
  // A VMCluster is one node of the size of its parts stacked top to bottom (vminsert, vmstorage,
  // vmselect): a cluster box one node wide keeps the whole design readable on a laptop screen.
  const stacked = stackClusterParts(t);
  const clusterOf = new Map<string, string>();
  for (const c of stacked.components) if (isClusterPart(c.kind) && c.cluster) clusterOf.set(c.id, c.cluster);
  for (const c of stacked.components) {
    if (isClusterPart(c.kind)) continue;
    const layer = ROLE_RANK[KIND_ROLE[c.kind]];
    const layoutOptions = { 'elk.layered.layering.layerConstraint': layer === 0 ? 'FIRST' : layer === 4 ? 'LAST' : 'NONE' };
    if (c.kind === 'VMCluster') {
      const parts = partList(stacked, c.id);
      const box = clusterSize(parts.map((p) => ({ position: p.position!, ...size(p.id, { width: NODE_W, height: estimateHeight(p) }) })));
      children.push({ id: c.id, layoutOptions, ...box });
    } else {
      children.push({ id: c.id, layoutOptions, ...size(c.id, { width: NODE_W, height: estimateHeight(c) }) });
    }
  }
  const end = (id: string) => clusterOf.get(id) ?? id;
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.spacing.nodeNode': '40',
      'elk.layered.spacing.nodeNodeBetweenLayers': '100',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
    },
    children,
    edges: t.links
      .filter((l) => l.target !== undefined && end(l.source) !== end(l.target))
      .map((l) => (QUERY_LINKS.has(l.type) ? { id: l.id, sources: [end(l.target!)], targets: [end(l.source)] } : { id: l.id, sources: [end(l.source)], targets: [end(l.target!)] })),
  };
  const out = await elk.layout(graph);
  const positions: Record<string, Position> = {};
  for (const n of out.children ?? []) {
    positions[n.id] = { x: Math.round(n.x ?? 0), y: Math.round(n.y ?? 0) };
  }
  for (const c of stacked.components) if (isClusterPart(c.kind) && c.position) positions[c.id] = c.position;
  return positions;
}
