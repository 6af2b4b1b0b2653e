import { KINDS, nameScope } from './kinds/index.ts';
import { linkProblem } from './links.ts';
import type { Component, ComponentKind, Link, LinkType, Position, Topology } from './topology.ts';
import { CLUSTER_PARTS, isClusterPart } from './topology.ts';

/**
 * Pure edits of a topology. Each returns a new topology and leaves the input untouched, so the
 * designer's undo history is a list of topologies and every edit is one step.
 */

function uniqueId(t: Topology, base: string): string {
  const taken = new Set(t.components.map((c) => c.id));
  for (const l of t.links) taken.add(l.id);
  for (const n of t.notes ?? []) taken.add(n.id);
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

/** A name not yet used by that CR kind (nameScope) in the design's namespace: `vmagent`, `vmagent-2`, ... */
export function uniqueName(t: Topology, kind: ComponentKind, base: string): string {
  const scope = nameScope(kind);
  const taken = new Set(t.components.filter((c) => nameScope(c.kind) === scope).map((c) => c.name));
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

const DEFAULT_NAMES: Partial<Record<ComponentKind, string>> = {
  VMAgent: 'agent',
  VMSingle: 'single',
  VMCluster: 'cluster',
  VMAlert: 'alert',
  VMAlertmanager: 'alertmanager',
  VMAuth: 'auth',
};

export interface Added {
  topology: Topology;
  /** The new component (for a VMCluster: the cluster; its parts follow it). */
  id: string;
}

/** Offsets of the parts inside a cluster box, so that a dropped cluster reads left to right. */
export const PART_OFFSETS: Record<'vminsert' | 'vmselect' | 'vmstorage', Position> = {
  vminsert: { x: 20, y: 50 },
  vmstorage: { x: 260, y: 50 },
  vmselect: { x: 500, y: 50 },
};

/**
 * Adds a component with its kind's initial spec. A VMCluster comes with its vminsert, vmselect and
 * vmstorage; a part needs `cluster` (the VMCluster it joins) and refuses a second of its kind.
 */
export function addComponent(
  t: Topology,
  kind: ComponentKind,
  opts: { name?: string; position?: Position; cluster?: string } = {},
): Added {
  const info = KINDS[kind];
  if (isClusterPart(kind)) {
    const cluster = t.components.find((c) => c.id === opts.cluster && c.kind === 'VMCluster');
    if (!cluster) throw new Error(`a ${kind} must be added to a VMCluster`);
    if (t.components.some((c) => c.cluster === cluster.id && c.kind === kind)) {
      throw new Error(`vmcluster '${cluster.name}' already has a ${kind}`);
    }
    const id = uniqueId(t, `${cluster.id}-${kind}`);
    const part: Component = { id, kind, cluster: cluster.id, spec: structuredClone(info.initialSpec) };
    part.position = opts.position ?? PART_OFFSETS[kind];
    return { topology: { ...t, components: [...t.components, part] }, id };
  }
  const name = opts.name ?? uniqueName(t, kind, DEFAULT_NAMES[kind] ?? kind.toLowerCase());
  const id = uniqueId(t, `${info.prefix}-${name}`);
  const c: Component = { id, kind, name, spec: structuredClone(info.initialSpec) };
  if (opts.position) c.position = opts.position;
  let next: Topology = { ...t, components: [...t.components, c] };
  if (kind === 'VMCluster') {
    for (const part of CLUSTER_PARTS) next = addComponent(next, part, { cluster: id }).topology;
  }
  return { topology: next, id };
}

/** Removes components (a cluster takes its parts along) and every link that touches them. */
export function removeComponents(t: Topology, ids: Iterable<string>): Topology {
  const gone = new Set(ids);
  for (const c of t.components) if (c.cluster !== undefined && gone.has(c.cluster)) gone.add(c.id);
  return {
    ...t,
    components: t.components.filter((c) => !gone.has(c.id)),
    links: t.links.filter((l) => !gone.has(l.source) && !(l.target !== undefined && gone.has(l.target))),
  };
}

export function removeLinks(t: Topology, ids: Iterable<string>): Topology {
  const gone = new Set(ids);
  return { ...t, links: t.links.filter((l) => !gone.has(l.id)) };
}

/** Adds a link the model allows; throws with the model's reason otherwise. */
export function addLink(t: Topology, type: LinkType, source: string, target: string, fields: Partial<Link> = {}): Added {
  const problem = linkProblem(t, type, source, target);
  if (problem) throw new Error(problem);
  const id = uniqueId(t, `${type}-${source}-${target}`);
  const link: Link = { ...fields, id, type, source, target };
  return { topology: { ...t, links: [...t.links, link] }, id };
}

/** Replaces one component (by id) with the result of `f`. */
export function updateComponent(t: Topology, id: string, f: (c: Component) => Component): Topology {
  return { ...t, components: t.components.map((c) => (c.id === id ? f(c) : c)) };
}

export function updateLink(t: Topology, id: string, f: (l: Link) => Link): Topology {
  return { ...t, links: t.links.map((l) => (l.id === id ? f(l) : l)) };
}
