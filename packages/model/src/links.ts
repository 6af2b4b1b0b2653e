import { describe, getComponent } from './access.ts';
import type { Component, ComponentKind, Link, LinkType, Topology } from './topology.ts';
import { VersionCache } from './versions.ts';

/** What serves queries: the storages' read paths and a VMAuth in front of them. */
const QUERY_TARGETS: ComponentKind[] = ['VMSingle', 'vmselect', 'VMAuth'];

/**
 * Which kinds a link of each type may join, from the operator's CRD fields that carry them. A
 * VMAlert may remote-write through a VMAgent (the buffering path the vmalert docs recommend, as in
 * the operator's vmalert-full example); it may not read from one, since a VMAgent serves no queries.
 * Grafana (external, no CRD field) reads where a VMAlert reads; it may hold any number of datasources.
 */
export const LINK_RULES: Record<LinkType, { from: ComponentKind[]; to: Partial<Record<ComponentKind, ComponentKind[]>> }> = {
  remoteWrite: {
    from: ['VMAgent', 'VMAlert'],
    to: { VMAgent: ['VMSingle', 'vminsert', 'VMAuth'], VMAlert: ['VMSingle', 'vminsert', 'VMAuth', 'VMAgent'] },
  },
  datasource: { from: ['VMAlert', 'Grafana'], to: { VMAlert: QUERY_TARGETS, Grafana: QUERY_TARGETS } },
  remoteRead: { from: ['VMAlert'], to: { VMAlert: QUERY_TARGETS } },
  notifier: { from: ['VMAlert'], to: { VMAlert: ['VMAlertmanager'] } },
};

export const LINK_LABELS: Record<LinkType, string> = {
  remoteWrite: 'remote write',
  datasource: 'datasource',
  remoteRead: 'remote read',
  notifier: 'notify',
};

/** VMAlert holds one datasource, one remoteWrite and one remoteRead (single objects in the CRD). */
const SINGLE_PER_SOURCE: Partial<Record<ComponentKind, LinkType[]>> = {
  VMAlert: ['datasource', 'remoteWrite', 'remoteRead'],
};

const list = (kinds: ComponentKind[]) => kinds.map((k) => k).join(', ');

/** Whether the kinds of source and target allow a link of `type`, and if not, why. */
export function linkKindProblem(t: Topology, type: LinkType, source: Component, target: Component): string | undefined {
  if (source.id === target.id) return 'a component cannot link to itself';
  const rule = LINK_RULES[type];
  if (!rule.from.includes(source.kind)) {
    return `${type} links start at ${list(rule.from)}, not at ${source.kind}`;
  }
  const allowed = rule.to[source.kind] ?? [];
  if (!allowed.includes(target.kind)) {
    return `${describe(t, source)} can send ${LINK_LABELS[type]} only to ${list(allowed)}, not to ${target.kind}`;
  }
  return undefined;
}

/** Whether `link` repeats one of `others` (same pair), or is a second one where the CRD holds one. */
export function duplicateLinkProblem(t: Topology, source: Component, type: LinkType, targetId: string, others: Link[]): string | undefined {
  for (const l of others) {
    if (l.type !== type) continue;
    if (l.target === targetId) return `${describe(t, source)} already has this ${LINK_LABELS[type]} link`;
    if (SINGLE_PER_SOURCE[source.kind]?.includes(type)) {
      return `${describe(t, source)} has one ${type} only; remove the existing one first`;
    }
  }
  return undefined;
}

/**
 * Whether a link of `type` from `source` to `target` may be added to `t`, and if not, why — in
 * words a user can act on. `ignore` skips one existing link (for re-targeting it).
 */
export function linkProblem(
  t: Topology,
  type: LinkType,
  sourceId: string,
  targetId: string,
  ignore?: string,
): string | undefined {
  const source = getComponent(t, sourceId);
  const target = getComponent(t, targetId);
  if (!source) return `there is no component "${sourceId}" to link from`;
  if (!target) return `there is no component "${targetId}" to link to`;
  const others = linksFrom(t, sourceId).filter((l) => l.id !== ignore);
  return linkKindProblem(t, type, source, target) ?? duplicateLinkProblem(t, source, type, targetId, others);
}

/** The link types that may join source to target, in the order a user most likely means them. */
export function possibleLinkTypes(t: Topology, sourceId: string, targetId: string): LinkType[] {
  const order: LinkType[] = ['remoteWrite', 'datasource', 'notifier', 'remoteRead'];
  return order.filter((type) => linkProblem(t, type, sourceId, targetId) === undefined);
}

/** Links grouped by source and by target, in design order. */
export interface LinkIndex {
  from: Map<string, Link[]>;
  to: Map<string, Link[]>;
}

const EMPTY_INDEX: LinkIndex = { from: new Map(), to: new Map() };
const allCache = new WeakMap<readonly Link[], LinkIndex>();
const byTypeCache = new VersionCache<readonly Link[], Record<LinkType, LinkIndex>>();

/**
 * The links of `t` by source and by target, of one type or of all. Built once per links array and
 * shared by every reader: an edit of a component keeps the array, and so the index. The checker
 * asks for one type at a time and the renderer for all, so each is built only when first asked
 * (a lint of 10,000 components no longer builds maps it never reads).
 */
export function linkIndex(t: Topology, type?: LinkType): LinkIndex {
  if (type === undefined) {
    let all = allCache.get(t.links);
    if (!all) {
      all = { from: new Map(), to: new Map() };
      for (const l of t.links) addLink(all, l);
      allCache.set(t.links, all);
    }
    return all;
  }
  let byType = byTypeCache.get(t.links);
  if (!byType) {
    // A record, not a map: a call naming its type reads a property.
    byType = { remoteWrite: EMPTY_INDEX, datasource: EMPTY_INDEX, remoteRead: EMPTY_INDEX, notifier: EMPTY_INDEX };
    for (const l of t.links) {
      let idx = Object.hasOwn(byType, l.type) ? byType[l.type] : undefined;
      if (idx === undefined || idx === EMPTY_INDEX) byType[l.type] = idx = { from: new Map(), to: new Map() };
      addLink(idx, l);
    }
    byTypeCache.set(t.links, byType);
  }
  return byType[type] ?? EMPTY_INDEX;
}

function addLink(idx: LinkIndex, l: Link): void {
  push(idx.from, l.source, l);
  if (l.target !== undefined) push(idx.to, l.target, l);
}

function push(map: Map<string, Link[]>, key: string, l: Link) {
  const arr = map.get(key);
  if (arr) arr.push(l);
  else map.set(key, [l]);
}

const NONE: readonly Link[] = Object.freeze([]);

/** The links from a component (of one type), in design order. Shared: do not modify the array. */
export function linksFrom(t: Topology, id: string, type?: LinkType): Link[] {
  return (linkIndex(t, type).from.get(id) ?? NONE) as Link[];
}

/** The links into a component (of one type), in design order. Shared: do not modify the array. */
export function linksTo(t: Topology, id: string, type?: LinkType): Link[] {
  return (linkIndex(t, type).to.get(id) ?? NONE) as Link[];
}

/** The storage a link reaches: a VMSingle, or the VMCluster of a vminsert / vmselect. */
export function storageOf(t: Topology, target: Component | undefined): Component | undefined {
  if (!target) return undefined;
  if (target.kind === 'VMSingle') return target;
  if (target.kind === 'vminsert' || target.kind === 'vmselect') return getComponent(t, target.cluster);
  return undefined;
}
