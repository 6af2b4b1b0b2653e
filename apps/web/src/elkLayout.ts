import { isClusterPart, type Position, type Topology } from '@vmtopo/model';
import type { ElkNode } from 'elkjs/lib/elk-api';
import { QUERY_LINKS } from './connect.ts';
import { KIND_ROLE, ROLE_RANK } from './kindMeta.ts';
import { CLUSTER_HEADER, CLUSTER_PAD, estimateHeight, NODE_W } from './layout.ts';

/**
 * Auto-layout with ELK's layered algorithm, left to right. A VMCluster is laid out as a compound
 * node with its parts inside. elkjs (~1.5 MB) is loaded only when the user asks for a layout.
 */
export async function elkLayout(t: Topology, sizes: Record<string, { width: number; height: number }>): Promise<Record<string, Position>> {
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const elk = new ELK();
  const size = (id: string, fallback: { width: number; height: number }) => sizes[id] ?? fallback;
  const children: ElkNode[] = [];
  const parentOf = new Map<string, string>();
  for (const c of t.components) {
    if (isClusterPart(c.kind)) continue;
    const layer = ROLE_RANK[KIND_ROLE[c.kind]];
    const opts = { 'elk.layered.layering.layerConstraint': layer === 0 ? 'FIRST' : layer === 4 ? 'LAST' : 'NONE' };
    if (c.kind === 'VMCluster') {
      const parts = t.components.filter((p) => p.cluster === c.id);
      for (const p of parts) parentOf.set(p.id, c.id);
      children.push({
        id: c.id,
        layoutOptions: {
          ...opts,
          'elk.padding': `[top=${CLUSTER_HEADER},left=${CLUSTER_PAD},bottom=${CLUSTER_PAD},right=${CLUSTER_PAD}]`,
          'elk.algorithm': 'layered',
          'elk.direction': 'RIGHT',
          'elk.spacing.nodeNode': '30',
          'elk.layered.spacing.nodeNodeBetweenLayers': '30',
        },
        children: parts.map((p) => ({ id: p.id, ...size(p.id, { width: NODE_W, height: estimateHeight(p) }) })),
      });
    } else {
      children.push({ id: c.id, layoutOptions: opts, ...size(c.id, { width: NODE_W, height: estimateHeight(c) }) });
    }
  }
  // Order inside a cluster: vminsert → vmstorage → vmselect.
  const inner = t.components.filter((c) => isClusterPart(c.kind) && c.cluster);
  const clusterEdges = inner.flatMap((c) => {
    if (c.kind !== 'vmstorage') return [];
    const siblings = inner.filter((x) => x.cluster === c.cluster);
    const ins = siblings.find((x) => x.kind === 'vminsert');
    const sel = siblings.find((x) => x.kind === 'vmselect');
    return [...(ins ? [{ id: `o-${ins.id}`, sources: [ins.id], targets: [c.id] }] : []), ...(sel ? [{ id: `o-${sel.id}`, sources: [c.id], targets: [sel.id] }] : [])];
  });
  for (const cl of children) {
    if (cl.children) cl.edges = clusterEdges.filter((e) => parentOf.get(e.sources[0]!) === cl.id);
  }
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
      'elk.spacing.nodeNode': '40',
      'elk.layered.spacing.nodeNodeBetweenLayers': '110',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
    },
    children,
    edges: t.links
      .filter((l) => l.target !== undefined)
      .map((l) => (QUERY_LINKS.has(l.type) ? { id: l.id, sources: [l.target!], targets: [l.source] } : { id: l.id, sources: [l.source], targets: [l.target!] })),
  };
  const out = await elk.layout(graph);
  const positions: Record<string, Position> = {};
  for (const n of out.children ?? []) {
    positions[n.id] = { x: Math.round(n.x ?? 0), y: Math.round(n.y ?? 0) };
    for (const p of n.children ?? []) positions[p.id] = { x: Math.round(p.x ?? 0), y: Math.round(p.y ?? 0) };
  }
  return positions;
}
