import { getComponent, isClusterPart, notesOf, type Position } from '@vmtopo/model';
import type { EditorStore } from './editorStore.ts';
import { CLUSTER_HEADER, CLUSTER_PAD, withPositions } from './layout.ts';

/**
 * The canvas reports what the user did to its nodes and edges as changes (React Flow's
 * `NodeChange` / `EdgeChange`); these reducers turn them into the editor's state. The types are
 * the parts of React Flow's changes the editor reads: React Flow's own are assignable to them.
 */
export type NodeChange =
  | { type: 'position'; id: string; position?: Position; dragging?: boolean }
  | { type: 'dimensions'; id: string; dimensions?: { width: number; height: number } }
  | { type: 'select'; id: string; selected: boolean }
  | { type: 'add' | 'remove' | 'replace' };

export type EdgeChange = { type: 'select'; id: string; selected: boolean } | { type: 'add' | 'remove' | 'replace' };

/**
 * Where a cluster part may go, relative to its cluster box: below the header and inside the
 * padding. There is no right or bottom edge: the box grows to hold a part moved there (at the end
 * of the drag), so a part is never stuck at the edge of the box as it is drawn.
 */
export const PART_AREA: [[number, number], [number, number]] = [
  [CLUSTER_PAD, CLUSTER_HEADER],
  [Infinity, Infinity],
];

/** A pause longer than this ends a burst of nudges: the next nudge is a new undo step. */
export const NUDGE_BURST_MS = 1000;

const lastNudge = new WeakMap<EditorStore, { ids: string; at: number; key: string }>();
let bursts = 0;

/**
 * The merge key of a nudge (an arrow-key move) of `ids`: nudges of the same nodes with no other
 * edit between them and no pause longer than NUDGE_BURST_MS make one undo step.
 */
export function nudgeKey(store: EditorStore, ids: readonly string[]): string {
  const now = Date.now();
  const joined = ids.join(',');
  const prev = lastNudge.get(store);
  const burst = prev && prev.ids === joined && now - prev.at <= NUDGE_BURST_MS && store.getState().mergeKey === prev.key;
  const key = burst ? prev.key : `nudge:${++bursts}:${joined}`;
  lastNudge.set(store, { ids: joined, at: now, key });
  return key;
}

/** A position change of a drag under way, which the canvas shows without the editor. */
export type DragStep = Extract<NodeChange, { type: 'position' }>;

/**
 * Node changes: sizes React Flow measured (a cluster box is sized from its parts, not measured),
 * selection, and moves. The steps of a drag are returned, not stored: the canvas keeps them in
 * its own store, so that a step re-renders neither the canvas nor anything reading the design
 * (at 1,000 components that was most of a step's cost). The drag's end lands in the design as
 * one undo step, and with it a moved part's cluster box is re-sized; arrow-key nudges
 * (position changes outside a drag) merge by `nudgeKey`.
 */
export function applyNodeChanges(store: EditorStore, changes: readonly NodeChange[]): DragStep[] {
  const s = store.getState();
  const steps: DragStep[] = [];
  const ends: Record<string, Position> = {};
  let ended = false;
  const sizes: Record<string, { width: number; height: number }> = {};
  for (const ch of changes) {
    if (ch.type === 'position' && ch.position) {
      if (ch.dragging) steps.push(ch);
      else {
        ends[ch.id] = { x: Math.round(ch.position.x), y: Math.round(ch.position.y) };
        ended = true;
      }
    } else if (ch.type === 'dimensions' && ch.dimensions) {
      const c = getComponent(s.topology, ch.id);
      if (c?.kind !== 'VMCluster') sizes[ch.id] = ch.dimensions;
    }
  }
  if (Object.keys(sizes).length) s.setMeasured(sizes);
  const nodes = selectedAfter(s.selection.nodes, changes);
  if (nodes) s.select({ nodes });
  if (steps.length) s.setDragging(true);
  if (!ended) return steps;
  const t = store.getState().topology;
  const moved = (id: string, p: Position | undefined) => ends[id] !== undefined && (ends[id].x !== p?.x || ends[id].y !== p?.y);
  const changed = t.components.some((c) => moved(c.id, c.position)) || notesOf(t).some((n) => moved(n.id, n.position));
  if (!changed) {
    s.setDragging(false);
    return steps;
  }
  s.commit(withPositions(t, ends), { mergeKey: s.dragging ? undefined : nudgeKey(store, Object.keys(ends)) });
  return steps;
}

/** Edge changes: only selection (links are made and removed by the editor's own actions). */
export function applyEdgeChanges(store: EditorStore, changes: readonly EdgeChange[]): void {
  const s = store.getState();
  const edges = selectedAfter(s.selection.edges, changes);
  if (edges) s.select({ edges });
}

/** The ids selected after the select changes among `changes`; undefined when there are none. */
function selectedAfter(current: string[], changes: readonly (NodeChange | EdgeChange)[]): string[] | undefined {
  let sel: Set<string> | undefined;
  for (const ch of changes) {
    if (ch.type !== 'select') continue;
    sel ??= new Set(current);
    if (ch.selected) sel.add(ch.id);
    else sel.delete(ch.id);
  }
  return sel && [...sel];
}

/**
 * An arrow key: the selected nodes move by (dx, dy) (a part whose cluster moves too stays where
 * it is in the box; a part stays inside PART_AREA). False when nothing is selected.
 */
export function nudgeSelection(store: EditorStore, dx: number, dy: number): boolean {
  const s = store.getState();
  const selected = new Set(s.selection.nodes);
  const positions: Record<string, Position> = {};
  for (const c of s.topology.components) {
    if (!selected.has(c.id) || (c.cluster !== undefined && selected.has(c.cluster))) continue;
    const p = c.position ?? { x: 0, y: 0 };
    const [[minX, minY]] = isClusterPart(c.kind) ? PART_AREA : [[-Infinity, -Infinity]];
    positions[c.id] = { x: Math.max(minX, p.x + dx), y: Math.max(minY, p.y + dy) };
  }
  for (const n of notesOf(s.topology)) if (selected.has(n.id)) positions[n.id] = { x: n.position.x + dx, y: n.position.y + dy };
  const ids = Object.keys(positions);
  if (ids.length === 0) return false;
  s.commit(withPositions(s.topology, positions), { mergeKey: nudgeKey(store, ids) });
  return true;
}
