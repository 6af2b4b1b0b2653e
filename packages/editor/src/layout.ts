import { isClusterPart, isExternalKind, partList, partsOf, replicasOf, type Component, type Position, type Topology } from '@vmtopo/model';
import { shardsOf } from './counts.ts';
import type { EditorStore } from './editorStore.ts';
import type { Host } from './host.ts';
import { KIND_ROLE, ROLE_RANK } from './kindMeta.ts';

/** Node geometry shared by the canvas, the cluster box and the layouts. */
export const NODE_W = 210;
export const CLUSTER_PAD = 20;
export const CLUSTER_HEADER = 50;
const COL_GAP = 140;
const ROW_GAP = 40;

/** Pods shown on a node: rows × columns (shards × replicas for an agent). */
export function podGrid(c: Component): { rows: number; cols: number } | undefined {
  const replicas = Math.max(0, replicasOf(c));
  // A cluster shows its parts; an external system's pods are not the design's to count.
  if (c.kind === 'VMCluster' || isExternalKind(c.kind)) return undefined;
  if (c.kind === 'VMAgent') {
    return { rows: Math.max(shardsOf(c), 1), cols: replicas };
  }
  return { rows: 1, cols: replicas };
}

/** A height estimate for nodes React Flow has not measured yet. */
export function estimateHeight(c: Component): number {
  if (c.kind === 'VMCluster') return CLUSTER_HEADER + 150 + CLUSTER_PAD;
  const g = podGrid(c);
  const rows = g ? Math.min(g.rows, 6) : 0;
  return 92 + rows * 16;
}

/** The size of a cluster box that holds its parts with a margin. */
export function clusterSize(
  parts: { position: Position; width: number; height: number }[],
): { width: number; height: number } {
  let w = 300;
  let h = CLUSTER_HEADER + 100;
  for (const p of parts) {
    w = Math.max(w, p.position.x + p.width + CLUSTER_PAD);
    h = Math.max(h, p.position.y + p.height + CLUSTER_PAD);
  }
  return { width: w, height: h };
}

const PART_ORDER = ['vminsert', 'vmstorage', 'vmselect'] as const;
const PART_GAP = 24;

/**
 * Stacks every cluster's parts top to bottom (vminsert, vmstorage, vmselect) so that a cluster
 * box is one node wide: a design with a cluster then fits a laptop screen at a readable zoom.
 */
export function stackClusterParts(t: Topology): Topology {
  const at = new Map<string, Position>();
  for (const cl of t.components) {
    if (cl.kind !== 'VMCluster') continue;
    let y = CLUSTER_HEADER;
    for (const kind of PART_ORDER) {
      const p = partsOf(t, cl.id)[kind];
      if (!p) continue;
      at.set(p.id, { x: CLUSTER_PAD, y });
      y += estimateHeight(p) + PART_GAP;
    }
  }
  return at.size === 0 ? t : { ...t, components: t.components.map((c) => (at.has(c.id) ? { ...c, position: at.get(c.id)! } : c)) };
}

/** Width of the whole cluster box with its default part placement. */
export const DEFAULT_CLUSTER_W = 500 + NODE_W + CLUSTER_PAD;

/**
 * Places every top-level component that has no position in columns by role, so that data flows
 * left to right (agents → storage → alerting → alertmanager). Positioned components stay put.
 */
export function placeMissing(t: Topology): Topology {
  const missing = t.components.filter((c) => !isClusterPart(c.kind) && !c.position);
  if (missing.length === 0) return t;
  const columns = new Map<number, Component[]>();
  for (const c of t.components) {
    if (isClusterPart(c.kind)) continue;
    const rank = ROLE_RANK[KIND_ROLE[c.kind]];
    columns.set(rank, [...(columns.get(rank) ?? []), c]);
  }
  const ranks = [...columns.keys()].sort((a, b) => a - b);
  const placed = new Map<string, Position>();
  let x = 40;
  for (const rank of ranks) {
    const col = columns.get(rank)!;
    const box = (c: Component) => (c.kind === 'VMCluster' ? clusterBox(t, c.id) : { width: NODE_W, height: estimateHeight(c) });
    const width = Math.max(...col.map((c) => box(c).width));
    const total = col.reduce((s, c) => s + box(c).height + ROW_GAP, -ROW_GAP);
    let y = 40 + Math.round(Math.max(0, (360 - total) / 2));
    for (const c of col) {
      placed.set(c.id, c.position ?? { x, y });
      y += box(c).height + ROW_GAP;
    }
    x += width + COL_GAP;
  }
  return {
    ...t,
    components: t.components.map((c) => (c.position || isClusterPart(c.kind) ? c : { ...c, position: placed.get(c.id)! })),
  };
}

/** A cluster's box from its parts' positions (estimated sizes). */
function clusterBox(t: Topology, id: string): { width: number; height: number } {
  const parts = partList(t, id).filter((c) => c.position);
  return parts.length ? clusterSize(parts.map((p) => ({ position: p.position!, width: NODE_W, height: estimateHeight(p) }))) : { width: DEFAULT_CLUSTER_W, height: estimateHeight({ kind: 'VMCluster' } as Component) };
}

type Sizes = Record<string, { width: number; height: number }>;

/** A component's box as the canvas draws it: measured, estimated, or a cluster sized by its parts (the canvas does not measure a cluster). */
export function componentBox(t: Topology, c: Component, measured: Sizes): { width: number; height: number } {
  if (c.kind !== 'VMCluster') return measured[c.id] ?? { width: NODE_W, height: estimateHeight(c) };
  return clusterSize(partList(t, c.id).map((p) => ({ position: p.position ?? { x: 0, y: 0 }, ...componentBox(t, p, measured) })));
}

/** A note's box: measured, or a card of one line until it is. */
export const noteBox = (id: string, measured: Sizes) => measured[id] ?? { width: NODE_W, height: 60 };

/**
 * The first spot at or below `at` where a node of `size` overlaps no top-level node (a cluster box
 * with its parts, a note), so that a component added from the keyboard never lands on top of another one.
 */
export function freeSpot(
  t: Topology,
  sizes: Record<string, { width: number; height: number }>,
  at: Position,
  size: { width: number; height: number },
): Position {
  const boxes = [
    ...t.components.filter((c) => !isClusterPart(c.kind) && c.position).map((c) => ({ ...c.position!, ...componentBox(t, c, sizes) })),
    ...(t.notes ?? []).map((n) => ({ ...n.position, ...noteBox(n.id, sizes) })),
  ];
  const hits = (p: Position) =>
    boxes.some((b) => p.x < b.x + b.width + 20 && p.x + size.width + 20 > b.x && p.y < b.y + b.height + 20 && p.y + size.height + 20 > b.y);
  let p = at;
  for (let i = 0; i < 60 && hits(p); i++) p = { x: at.x, y: at.y + (i + 1) * 30 };
  return p;
}

/** Moves components to new positions in one edit (the end of a drag, the layouts). */
export function withPositions(t: Topology, positions: Record<string, Position>): Topology {
  const out = { ...t, components: t.components.map((c) => (positions[c.id] ? { ...c, position: positions[c.id]! } : c)) };
  if (t.notes?.some((n) => positions[n.id])) out.notes = t.notes.map((n) => (positions[n.id] ? { ...n, position: positions[n.id]! } : n));
  return out;
}

/** ELK's positions for a design; elkLayout.ts (and elkjs with it) loads on first use. */
async function elkPositions(t: Topology, sizes: Record<string, { width: number; height: number }>): Promise<Record<string, Position>> {
  const { elkLayout } = await import('./elkLayout.ts');
  return elkLayout(t, sizes);
}

/** Lays a design out with ELK (left to right), falling back to the role columns. */
export async function autoLayout(t: Topology): Promise<Topology> {
  try {
    return withPositions(t, await elkPositions(t, {}));
  } catch {
    return placeMissing(t);
  }
}

/** Auto-layout of the design on screen (its measured sizes) as one undo step, then fitted into view. */
export async function layoutDesign(store: EditorStore, host: Pick<Host, 'fit'>): Promise<void> {
  try {
    const s = store.getState();
    const positions = await elkPositions(s.topology, s.measured);
    store.getState().commit(withPositions(store.getState().topology, positions));
    host.fit();
  } catch (e) {
    store.getState().notify(`Layout failed: ${(e as Error).message}`, 'error');
  }
}
