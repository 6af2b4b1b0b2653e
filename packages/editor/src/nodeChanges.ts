import { getComponent, type Position } from '@vmtopo/model';
import type { EditorStore } from './editorStore.ts';
import { withPositions } from './layout.ts';

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
 * Node changes: sizes React Flow measured (a cluster box is sized from its parts, not measured),
 * selection, and moves. A drag moves nodes in `drag` only and lands in the design as one undo
 * step when it ends; steps of an arrow-key nudge of the same nodes merge into one.
 */
export function applyNodeChanges(store: EditorStore, changes: readonly NodeChange[]): void {
  const s = store.getState();
  let drag = s.drag;
  let ended = false;
  let moved = false;
  const sizes: Record<string, { width: number; height: number }> = {};
  for (const ch of changes) {
    if (ch.type === 'position' && ch.position) {
      drag = { ...(drag ?? {}), [ch.id]: { x: Math.round(ch.position.x), y: Math.round(ch.position.y) } };
      moved = true;
      if (!ch.dragging) ended = true;
    } else if (ch.type === 'dimensions' && ch.dimensions) {
      const c = getComponent(s.topology, ch.id);
      if (c?.kind !== 'VMCluster') sizes[ch.id] = ch.dimensions;
    }
  }
  if (Object.keys(sizes).length) s.setMeasured(sizes);
  const nodes = selectedAfter(s.selection.nodes, changes);
  if (nodes) s.select({ nodes });
  if (!moved) return;
  if (!ended) {
    s.setDrag(drag);
    return;
  }
  const positions = drag ?? {};
  const changed = s.topology.components.some((c) => positions[c.id] && (positions[c.id]!.x !== c.position?.x || positions[c.id]!.y !== c.position?.y));
  if (!changed) {
    s.setDrag(null);
    return;
  }
  const nudge = changes.every((c) => c.type !== 'position' || c.dragging === false) && !s.drag;
  s.commit(withPositions(s.topology, positions), { mergeKey: nudge ? `nudge:${Object.keys(positions).join(',')}` : undefined });
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
