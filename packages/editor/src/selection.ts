import { notesOf, removeComponents, removeLinks, removeNotes, type Topology } from '@vmtopo/model';
import type { EditorStore } from './editorStore.ts';

/** What is selected: components and notes (canvas nodes) and links (edges), by id. */
export interface Selection {
  nodes: string[];
  edges: string[];
}

export function sameIds(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Keeps only the ids that still exist after an edit, undo or redo. */
export function pruneSelection(t: Topology, sel: Selection): Selection {
  const ids = new Set(t.components.map((c) => c.id));
  for (const n of notesOf(t)) ids.add(n.id);
  const links = new Set(t.links.map((l) => l.id));
  const nodes = sel.nodes.filter((id) => ids.has(id));
  const edges = sel.edges.filter((id) => links.has(id));
  return nodes.length === sel.nodes.length && edges.length === sel.edges.length ? sel : { nodes, edges };
}

/** Every component, note and link. */
export function selectAll(store: EditorStore): void {
  const s = store.getState();
  s.select({ nodes: [...s.topology.components.map((c) => c.id), ...notesOf(s.topology).map((n) => n.id)], edges: s.topology.links.map((l) => l.id) });
}

export function clearSelection(store: EditorStore): void {
  store.getState().select({ nodes: [], edges: [] });
}

/** Removes the selected links, notes and components (a cluster with its parts) as one undo step. */
export function deleteSelection(store: EditorStore): void {
  const s = store.getState();
  const { nodes, edges } = s.selection;
  if (nodes.length === 0 && edges.length === 0) return;
  s.commit(removeNotes(removeComponents(removeLinks(s.topology, edges), nodes), nodes), { select: {} });
}
