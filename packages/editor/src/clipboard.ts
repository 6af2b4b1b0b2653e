import {
  addLink,
  isClusterPart,
  KINDS,
  linkProblem,
  uniqueName,
  type Component,
  type Link,
  type Note,
  type Position,
  type Topology,
} from '@vmtopo/model';
import type { EditorStore } from './editorStore.ts';
import { componentBox, freeSpot, noteBox } from './layout.ts';

/** Where a paste without a pointer is first tried: this far from the originals (further each time). */
export const PASTE_OFFSET = { x: 40, y: 40 };

/** What Ctrl+C keeps: the selected components (a cluster with its parts), their links and the selected notes. */
export interface Clip {
  components: Component[];
  links: Link[];
  notes: Note[];
}

/** Copies the selection; parts travel only with their cluster, links only from copied sources. */
export function copySelection(t: Topology, ids: Iterable<string>): Clip | undefined {
  const chosen = new Set(ids);
  for (const c of t.components) if (c.cluster !== undefined && chosen.has(c.cluster)) chosen.add(c.id);
  const components = t.components.filter(
    (c) => chosen.has(c.id) && (!isClusterPart(c.kind) || (c.cluster !== undefined && chosen.has(c.cluster))),
  );
  const notes = (t.notes ?? []).filter((n) => chosen.has(n.id));
  if (components.length === 0 && notes.length === 0) return undefined;
  const kept = new Set(components.map((c) => c.id));
  const links = t.links.filter((l) => kept.has(l.source) && l.target !== undefined);
  return structuredClone({ components, links, notes });
}

function freshId(taken: Set<string>, base: string): string {
  let id = base;
  for (let i = 2; taken.has(id); i++) id = `${base}-${i}`;
  taken.add(id);
  return id;
}

/**
 * Pastes a clip with new ids and names, offset from the originals. Links between pasted
 * components follow them; links to components outside the clip stay on the same targets when
 * the model allows them. Returns the design and the ids of the pasted top-level components.
 */
export function pasteClip(t: Topology, clip: Clip, offset: { x: number; y: number }): { topology: Topology; ids: string[] } {
  const taken = new Set<string>([...t.components.map((c) => c.id), ...t.links.map((l) => l.id), ...(t.notes ?? []).map((n) => n.id)]);
  const idMap = new Map<string, string>();
  let next: Topology = t;
  const ids: string[] = [];
  const pasted: Component[] = [];
  for (const c of clip.components) {
    if (isClusterPart(c.kind)) continue;
    const name = uniqueName({ ...next, components: [...next.components, ...pasted] }, c.kind, c.name ?? c.kind.toLowerCase());
    const id = freshId(taken, `${KINDS[c.kind].prefix}-${name}`);
    idMap.set(c.id, id);
    ids.push(id);
    const pos = c.position ? { x: c.position.x + offset.x, y: c.position.y + offset.y } : undefined;
    pasted.push({ ...structuredClone(c), id, name, ...(pos ? { position: pos } : {}) });
  }
  for (const c of clip.components) {
    if (!isClusterPart(c.kind) || c.cluster === undefined) continue;
    const cluster = idMap.get(c.cluster);
    if (!cluster) continue;
    const id = freshId(taken, `${cluster}-${c.kind}`);
    idMap.set(c.id, id);
    pasted.push({ ...structuredClone(c), id, cluster });
  }
  next = { ...next, components: [...next.components, ...pasted] };
  const existing = new Set(next.components.map((c) => c.id));
  for (const l of clip.links) {
    const source = idMap.get(l.source);
    const target = l.target === undefined ? undefined : (idMap.get(l.target) ?? l.target);
    if (!source || !target || !existing.has(target)) continue;
    if (linkProblem(next, l.type, source, target)) continue;
    const { id: _id, source: _s, target: _t, ...fields } = l;
    next = addLink(next, l.type, source, target, fields).topology;
  }
  if (clip.notes.length > 0) {
    const notes = clip.notes.map((n) => ({ ...n, id: freshId(taken, 'note'), position: { x: n.position.x + offset.x, y: n.position.y + offset.y } }));
    ids.push(...notes.map((n) => n.id));
    next = { ...next, notes: [...(next.notes ?? []), ...notes] };
  }
  return { topology: next, ids };
}

/** Ctrl+C: keeps the selected components and notes in the editor's clipboard and says how many. */
export function copy(store: EditorStore): void {
  const s = store.getState();
  const clip = copySelection(s.topology, s.selection.nodes);
  if (!clip) return;
  store.setState({ clipboard: { clip, pastes: 0 } });
  const top = clip.components.filter((c) => !isClusterPart(c.kind)).length;
  const what = [top ? `${top} component${top === 1 ? '' : 's'}` : '', clip.notes.length ? `${clip.notes.length} note${clip.notes.length === 1 ? '' : 's'}` : ''].filter(Boolean);
  s.notify(`Copied ${what.join(' and ')}.`);
}

type Sizes = Record<string, { width: number; height: number }>;

/** The box around a clip's top-level components and notes. */
function clipBox(clip: Clip, measured: Sizes): { x: number; y: number; width: number; height: number } {
  const asDesign = { components: clip.components } as Topology;
  const boxes = [
    ...clip.components.filter((c) => !isClusterPart(c.kind)).map((c) => ({ ...(c.position ?? { x: 0, y: 0 }), ...componentBox(asDesign, c, measured) })),
    ...clip.notes.map((n) => ({ ...n.position, ...noteBox(n.id, measured) })),
  ];
  const x1 = Math.min(...boxes.map((b) => b.x));
  const y1 = Math.min(...boxes.map((b) => b.y));
  const x2 = Math.max(...boxes.map((b) => b.x + b.width));
  const y2 = Math.max(...boxes.map((b) => b.y + b.height));
  return { x: x1, y: y1, width: x2 - x1, height: y2 - y1 };
}

/**
 * Ctrl+V: pastes the clipboard, selected; false when it is empty. With `at` (the pointer on the
 * canvas, in flow coordinates) the copy's top-left corner is put there, else next to the originals
 * (one PASTE_OFFSET further each time); from there it moves down until it overlaps no component,
 * so a copy never hides its original or an earlier paste.
 */
export function paste(store: EditorStore, at?: Position): boolean {
  const s = store.getState();
  if (!s.clipboard) return false;
  const { clip } = s.clipboard;
  const pastes = s.clipboard.pastes + 1;
  store.setState({ clipboard: { clip, pastes } });
  const box = clipBox(clip, s.measured);
  const want = at ? { x: Math.round(at.x), y: Math.round(at.y) } : { x: box.x + PASTE_OFFSET.x * pastes, y: box.y + PASTE_OFFSET.y * pastes };
  const spot = freeSpot(s.topology, s.measured, want, box);
  const out = pasteClip(s.topology, clip, { x: spot.x - box.x, y: spot.y - box.y });
  s.commit(out.topology, { select: { nodes: out.ids } });
  return true;
}
