import {
  addComponent,
  addNote,
  fieldProblem,
  getComponent,
  isClusterPart,
  partsOf,
  replicasOf,
  setNoteText,
  updateComponent,
  withField,
  type ComponentKind,
  type Position,
  type Topology,
} from '@vmtopo/model';
import { shardsOf } from './counts.ts';
import type { EditorStore } from './editorStore.ts';
import type { PaletteItemId } from './kindMeta.ts';
import { DEFAULT_CLUSTER_W, freeSpot, NODE_W } from './layout.ts';

/** The result of a palette drop: a new design (and what to select), or why nothing happened. */
export type DropResult = { topology: Topology; select: string } | { problem: string };

/** Sets a count field (replicas, shards) after checking it; unset when it equals "off". */
export function setCount(t: Topology, id: string, key: 'replicaCount' | 'shardCount', n: number): DropResult {
  const c = getComponent(t, id);
  if (!c) return { problem: `there is no component ${id}` };
  const problem = fieldProblem(c.kind, key, n);
  if (problem) return { problem: `${key} ${n} ${problem}` };
  const value = key === 'shardCount' && n <= 1 ? undefined : n;
  return { topology: updateComponent(t, id, (x) => withField(x, key, value)), select: id };
}

export function addShard(t: Topology, agentId: string): DropResult {
  const c = getComponent(t, agentId);
  if (!c || c.kind !== 'VMAgent') return { problem: 'Drop a Shard onto a VMAgent to add a shard to it.' };
  return setCount(t, agentId, 'shardCount', Math.max(shardsOf(c), 1) + 1);
}

export function addAlertmanagerReplica(t: Topology, amId: string): DropResult {
  const c = getComponent(t, amId);
  if (!c || c.kind !== 'VMAlertmanager') {
    return { problem: 'Drop an Alertmanager replica onto a VMAlertmanager to add a replica to it.' };
  }
  return setCount(t, amId, 'replicaCount', replicasOf(c) + 1);
}

/** The component a drop at a point lands on: parts before their cluster. */
export type DropTarget = string | undefined;

/**
 * Applies a palette item dropped at `position` (flow coordinates) onto `targetId` (the node under
 * the pointer, if any). Cluster parts go into the cluster they are dropped on.
 */
export function dropItem(t: Topology, item: PaletteItemId, position: Position, targetId: DropTarget): DropResult {
  if (item === 'Note') {
    const added = addNote(t, position);
    return { topology: added.topology, select: added.id };
  }
  const target = getComponent(t, targetId);
  if (item === 'Shard') {
    const agent = target?.kind === 'VMAgent' ? target : undefined;
    return agent ? addShard(t, agent.id) : { problem: 'Drop a Shard onto a VMAgent to add a shard to it.' };
  }
  if (item === 'AlertmanagerReplica') {
    const am = target?.kind === 'VMAlertmanager' ? target : undefined;
    return am
      ? addAlertmanagerReplica(t, am.id)
      : { problem: 'Drop an Alertmanager replica onto a VMAlertmanager to add a replica to it.' };
  }
  const kind: ComponentKind = item;
  if (isClusterPart(kind)) {
    const cluster = target ? (target.kind === 'VMCluster' ? target : isClusterPart(target.kind) ? getComponent(t, target.cluster) : undefined) : undefined;
    if (!cluster) return { problem: `A ${kind} belongs to a VMCluster: drop it into a cluster box.` };
    if (partsOf(t, cluster.id)[kind]) return { problem: `VMCluster ${cluster.name} already has a ${kind}.` };
    const added = addComponent(t, kind, { cluster: cluster.id });
    return { topology: added.topology, select: added.id };
  }
  const added = addComponent(t, kind, { position: { x: Math.round(position.x), y: Math.round(position.y) } });
  return { topology: added.topology, select: added.id };
}

/** Enter on a palette item: a part goes to the selected (or only) fitting component. */
export function addFromKeyboard(t: Topology, item: PaletteItemId, centre: Position, selected: string[]): DropResult {
  const pick = (ok: (id: string) => boolean, kinds: ComponentKind[]) => {
    const sel = selected.find((id) => ok(id));
    if (sel) return sel;
    const all = t.components.filter((c) => kinds.includes(c.kind) && ok(c.id));
    return all.length === 1 ? all[0]!.id : undefined;
  };
  if (item === 'Shard') {
    const id = pick((id) => getComponent(t, id)?.kind === 'VMAgent', ['VMAgent']);
    return id ? addShard(t, id) : { problem: 'Select a VMAgent first, then press Enter on Shard.' };
  }
  if (item === 'AlertmanagerReplica') {
    const id = pick((id) => getComponent(t, id)?.kind === 'VMAlertmanager', ['VMAlertmanager']);
    return id ? addAlertmanagerReplica(t, id) : { problem: 'Select a VMAlertmanager first, then press Enter on Alertmanager replica.' };
  }
  if (item === 'Note') return dropItem(t, item, centre, undefined);
  if (isClusterPart(item)) {
    const clusterOf = (id: string) => {
      const c = getComponent(t, id);
      return c?.kind === 'VMCluster' ? c.id : c && isClusterPart(c.kind) ? c.cluster : undefined;
    };
    const free = (cid: string | undefined) => cid !== undefined && !partsOf(t, cid)[item];
    const sel = selected.map(clusterOf).find(free);
    const id = sel ?? pick((x) => getComponent(t, x)?.kind === 'VMCluster' && free(x), ['VMCluster']);
    return id ? dropItem(t, item, centre, id) : { problem: `Select a VMCluster without a ${item} first, then press Enter on ${item}.` };
  }
  return dropItem(t, item, centre, undefined);
}

/** A result on the design on screen: the new design, its component selected, or a notice saying why not. */
function apply(store: EditorStore, r: DropResult, opts: { select: boolean }): void {
  const s = store.getState();
  if ('problem' in r) s.notify(r.problem, 'error');
  else s.commit(r.topology, opts.select ? { select: { nodes: [r.select] } } : {});
}

/** Where the pointer holds a palette item over the canvas, from the top-left corner of its node. */
const grabOf = (item: PaletteItemId): Position => (item === 'VMCluster' ? { x: 40, y: 20 } : { x: 105, y: 30 });

/** A palette item dropped with the pointer at `at` (flow coordinates), onto `targetId` if any. */
export function dropPaletteItem(store: EditorStore, item: PaletteItemId, at: Position, targetId: DropTarget): void {
  const grab = grabOf(item);
  apply(store, dropItem(store.getState().topology, item, { x: at.x - grab.x, y: at.y - grab.y }, targetId), { select: true });
}

/** Enter on a palette item (or a click): added around `centre`, clear of the other nodes, and said. */
export function addAtCentre(store: EditorStore, item: PaletteItemId, centre: Position): void {
  const s = store.getState();
  const size = item === 'VMCluster' ? { width: DEFAULT_CLUSTER_W, height: 220 } : { width: NODE_W, height: 100 };
  const at = freeSpot(s.topology, s.measured, { x: Math.round(centre.x - size.width / 2), y: Math.round(centre.y - 50) }, size);
  const r = addFromKeyboard(s.topology, item, at, s.selection.nodes);
  apply(store, r, { select: true });
  if (!('problem' in r)) s.notify(s.topology.components.length < r.topology.components.length ? `Added ${item}.` : `Updated ${r.select}.`);
}

/** A note's new text; the typing of one note merges into one undo step. */
export function editNote(store: EditorStore, id: string, text: string): void {
  const s = store.getState();
  const next = setNoteText(s.topology, id, text);
  if (next !== s.topology) s.commit(next, { mergeKey: `note:${id}` });
}

/** A node's stepper: the new replica or shard count, or a notice saying why not. */
export function stepCount(store: EditorStore, id: string, key: 'replicaCount' | 'shardCount', n: number): void {
  apply(store, setCount(store.getState().topology, id, key, n), { select: false });
}
