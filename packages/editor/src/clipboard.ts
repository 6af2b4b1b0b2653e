import {
  addLink,
  isClusterPart,
  KINDS,
  linkProblem,
  partList,
  uniqueName,
  type Component,
  type Link,
  type Position,
  type Topology,
} from '@vmtopo/model';
import type { EditorStore } from './editorStore.ts';
import { clusterSize, estimateHeight, freeSpot, NODE_W } from './layout.ts';

/** Where a paste without a pointer is first tried: this far from the originals (further each time). */
export const PASTE_OFFSET = { x: 40, y: 40 };

/** What Ctrl+C keeps: the selected components (a cluster with its parts) and their links. */
export interface Clip {
  components: Component[];
  links: Link[];
}

/** Copies the selection; parts travel only with their cluster, links only from copied sources. */
export function copySelection(t: Topology, ids: Iterable<string>): Clip | undefined {
  const chosen = new Set(ids);
  for (const c of t.components) if (c.cluster !== undefined && chosen.has(c.cluster)) chosen.add(c.id);
  const components = t.components.filter(
    (c) => chosen.has(c.id) && (!isClusterPart(c.kind) || (c.cluster !== undefined && chosen.has(c.cluster))),
  );
  if (components.length === 0) return undefined;
  const kept = new Set(components.map((c) => c.id));
  const links = t.links.filter((l) => kept.has(l.source) && l.target !== undefined);
  return structuredClone({ components, links });
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
  const taken = new Set<string>([...t.components.map((c) => c.id), ...t.links.map((l) => l.id)]);
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
  return { topology: next, ids };
}

/** Ctrl+C: keeps the selected components in the editor's clipboard and says how many. */
export function copy(store: EditorStore): void {
  const s = store.getState();
  const clip = copySelection(s.topology, s.selection.nodes);
  if (!clip) return;
  store.setState({ clipboard: { clip, pastes: 0 } });
  s.notify(`Copied ${clip.components.length} component${clip.components.length === 1 ? '' : 's'}.`);
}

type Sizes = Record<string, { width: number; height: number }>;

/** A component's box as the canvas draws it: measured, estimated, or a cluster sized by its parts. */
function boxOf(t: Topology, c: Component, measured: Sizes): { width: number; height: number } {
  if (c.kind !== 'VMCluster') return measured[c.id] ?? { width: NODE_W, height: estimateHeight(c) };
  return clusterSize(partList(t, c.id).map((p) => ({ position: p.position ?? { x: 0, y: 0 }, ...boxOf(t, p, measured) })));
}

/** The box around a clip's top-level components. */
function clipBox(clip: Clip, measured: Sizes): { x: number; y: number; width: number; height: number } {
  const asDesign = { components: clip.components } as Topology;
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const c of clip.components) {
    if (isClusterPart(c.kind)) continue;
    const p = c.position ?? { x: 0, y: 0 };
    const b = boxOf(asDesign, c, measured);
    x1 = Math.min(x1, p.x);
    y1 = Math.min(y1, p.y);
    x2 = Math.max(x2, p.x + b.width);
    y2 = Math.max(y2, p.y + b.height);
  }
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
  const sizes: Sizes = { ...s.measured };
  for (const c of s.topology.components) if (c.kind === 'VMCluster') sizes[c.id] = boxOf(s.topology, c, s.measured);
  const spot = freeSpot(s.topology, sizes, want, box);
  const out = pasteClip(s.topology, clip, { x: spot.x - box.x, y: spot.y - box.y });
  s.commit(out.topology, { select: { nodes: out.ids } });
  return true;
}
