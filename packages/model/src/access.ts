import { type FieldDef, KINDS, fieldOf } from './kinds/index.ts';
import { getPath, setPath } from './paths.ts';
import type { ClusterPart, Component, ComponentKind, Topology } from './topology.ts';
import { COMPONENT_KINDS, isClusterPart } from './topology.ts';
import { VersionCache } from './versions.ts';

const positionCache = new VersionCache<Topology, Map<string, number>>();

/**
 * Where each component stands in `t.components`, by id, built once per topology version and shared
 * by every reader: `getComponent` looks components up through it, and findings and HA pairs are
 * ordered by it. (One index, not a second map of components: a check of 10,000 components builds
 * one 10,000-entry map fewer.)
 */
export function componentPositions(t: Topology): Map<string, number> {
  let pos = positionCache.get(t);
  if (!pos) {
    // A loop, not `new Map(pairs)`: no [id, index] pair to allocate per component.
    pos = new Map();
    for (let i = 0; i < t.components.length; i++) pos.set(t.components[i]!.id, i);
    positionCache.set(t, pos);
  }
  return pos;
}

/**
 * Gives `next` the position index of `prev`, for an edit that kept every id in its place (a field
 * change): the index is the same, and building it again from 10,000 components cost a few ms.
 */
export function sharePositions(prev: Topology, next: Topology): void {
  const pos = positionCache.get(prev);
  if (pos && !positionCache.has(next)) positionCache.set(next, pos);
}

export function getComponent(t: Topology, id: string | undefined): Component | undefined {
  if (id === undefined) return undefined;
  const i = componentPositions(t).get(id);
  return i === undefined ? undefined : t.components[i];
}

/** The VMCluster a part belongs to (or the component itself when it is not a part). */
export function ownerOf(t: Topology, c: Component): Component {
  return isClusterPart(c.kind) ? (getComponent(t, c.cluster) ?? c) : c;
}

/** CR name: a cluster part takes its cluster's. */
export function nameOf(t: Topology, c: Component): string {
  return ownerOf(t, c).name ?? '';
}

export function namespaceOf(t: Topology, c: Component): string {
  return ownerOf(t, c).namespace ?? t.namespace;
}

/**
 * What comes before the name when messages name a component of each kind (`vmagent '`,
 * `vmstorage of vmcluster '`): one string per kind, not one per message.
 */
const NAME_PREFIXES = new Map<string, string>(COMPONENT_KINDS.map((k) => [k, isClusterPart(k) ? `${k} of vmcluster '` : `${k.toLowerCase()} '`]));

/** How messages name a component: `vmagent 'scraper'`, `vmstorage of vmcluster 'main'`. */
export function describe(t: Topology, c: Component): string {
  const name = isClusterPart(c.kind) ? nameOf(t, c) : (c.name ?? '');
  return `${NAME_PREFIXES.get(c.kind) ?? `${c.kind.toLowerCase()} '`}${name}'`;
}

export type Parts = Partial<Record<ClusterPart, Component>>;
const partsCache = new VersionCache<Topology, Map<string, { byKind: Parts; list: Component[] }>>();

/**
 * The one index of cluster parts, built once per design version: the checker, the renderer, the
 * operator model and the canvas all read it, so they see the same parts. A cluster holds at most
 * one part of each kind (fromDocument refuses a second; the editor never adds one).
 */
function partIndex(t: Topology): Map<string, { byKind: Parts; list: Component[] }> {
  let idx = partsCache.get(t);
  if (!idx) {
    idx = new Map();
    for (const c of t.components) {
      if (c.cluster === undefined || !isClusterPart(c.kind)) continue;
      let parts = idx.get(c.cluster);
      if (!parts) idx.set(c.cluster, (parts = { byKind: {}, list: [] }));
      if (parts.byKind[c.kind]) continue;
      parts.byKind[c.kind] = c;
      parts.list.push(c);
    }
    partsCache.set(t, idx);
  }
  return idx;
}

const NO_PARTS: { byKind: Parts; list: Component[] } = { byKind: {}, list: [] };

/** The parts of a cluster, by kind. Shared: do not modify. */
export function partsOf(t: Topology, clusterId: string): Parts {
  return (partIndex(t).get(clusterId) ?? NO_PARTS).byKind;
}

/** The parts of a cluster in design order. Shared: do not modify. */
export function partList(t: Topology, clusterId: string): readonly Component[] {
  return (partIndex(t).get(clusterId) ?? NO_PARTS).list;
}

/** The raw value of a modelled field, `undefined` when the user left it unset. */
export function rawField(c: Component, field: FieldDef | string): unknown {
  const def = typeof field === 'string' ? fieldOf(c.kind, field) : field;
  if (!def) return undefined;
  const v = getPath(c.spec, def.path);
  if (def.stringValue && typeof v === 'string' && def.type === 'int' && /^\d+$/.test(v)) return Number(v);
  return v;
}

/** The value in effect: the user's, else the operator's default. */
export function effectiveField(c: Component, key: string): unknown {
  const def = fieldOf(c.kind, key);
  const v = rawField(c, key);
  return v === undefined ? def?.default : v;
}

/** `replicaCount` in effect (unset means 1 for every kind). */
export function replicasOf(c: Component): number {
  const v = c.spec.replicaCount;
  return typeof v === 'number' ? v : 1;
}

/** Returns the component with a modelled field set (or cleared with `undefined`). */
export function withField(c: Component, key: string, value: unknown): Component {
  const def = fieldOf(c.kind, key);
  if (!def) throw new Error(`${c.kind} has no field ${key}`);
  const stored = def.stringValue && value !== undefined ? String(value) : value;
  return { ...c, spec: setPath(c.spec, def.path, stored) };
}

export function kindTitle(kind: ComponentKind): string {
  return KINDS[kind].title;
}
