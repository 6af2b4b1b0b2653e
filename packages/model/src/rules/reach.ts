/**
 * What a rule may read together with a component: the incremental lint (incremental.ts) re-checks
 * an edited component together with everything reachable from it through these relations, and
 * keeps every other finding as it was.
 *
 * Rules read a component's links and the components at their other ends, a cluster's parts and a
 * part's cluster, plus three relations that no link records:
 * - a remoteWrite URL naming a vminsert resolves to that VMCluster (`resolveInsertUrl`);
 * - a vmselect whose extra storage nodes name another VMCluster's vmstorage reads that cluster
 *   together with its own (`clustersReadBy`: HA copies written into both meet there);
 * - a VMAlert without a notifier link is offered its namespace's only alertmanager
 *   (`notifierCandidate`), so it reads every VMAlertmanager.
 * A rule that starts reading anything else must add the relation here; the property test in
 * incremental.test.ts compares the incremental lint with a full one after random edits.
 */
import { componentPositions, getComponent, namespaceOf } from '../access.ts';
import { linkIndex } from '../links.ts';
import type { Component, Topology } from '../topology.ts';
import { resolveInsertUrl } from './agents.ts';
import { extraArg, readIndex } from './context.ts';

interface ReachIndex {
  /** Relations that are not links, both ways: part ↔ cluster (every part, duplicates too), URL ↔ cluster, vmselect ↔ cluster it reads. */
  extra: Map<string, string[]>;
  /** VMAlerts without a notifier link, and every VMAlertmanager: each of the first reads all of the second. */
  lonelyAlerts: Set<string>;
  alertmanagers: string[];
}

const cache = new WeakMap<Topology, ReachIndex>();

function reachIndex(t: Topology): ReachIndex {
  let idx = cache.get(t);
  if (idx) return idx;
  idx = { extra: new Map(), lonelyAlerts: new Set(), alertmanagers: [] };
  const add = (a: string, b: string) => {
    const list = idx!.extra.get(a);
    if (list) list.push(b);
    else idx!.extra.set(a, [b]);
  };
  const from = linkIndex(t).from;
  for (const c of t.components) {
    if (c.cluster !== undefined) {
      add(c.id, c.cluster);
      add(c.cluster, c.id);
    }
    if (c.kind === 'VMAlertmanager') idx.alertmanagers.push(c.id);
    if (c.kind === 'VMAlert' && !(from.get(c.id) ?? []).some((l) => l.type === 'notifier' && l.target !== undefined)) idx.lonelyAlerts.add(c.id);
  }
  for (const l of t.links) {
    if (l.target !== undefined || typeof l.external?.url !== 'string') continue;
    const source = getComponent(t, l.source);
    const hit = source && resolveInsertUrl(t, l.external.url, namespaceOf(t, source));
    if (!hit) continue;
    add(l.source, hit.cluster.id);
    add(hit.cluster.id, l.source);
  }
  for (const [sel, clusters] of readIndex(t).reads) {
    for (const c of clusters) {
      add(sel, c.id);
      add(c.id, sel);
    }
  }
  cache.set(t, idx);
  return idx;
}

/** Builds now the indexes `reachable` reads for `t` (they are kept per design version). */
export function prepareReach(t: Topology): void {
  linkIndex(t);
  reachIndex(t);
  componentPositions(t);
}

/**
 * Every component of `t` reachable from `seeds` (ids; ones `t` does not have are skipped), or
 * undefined once more than `limit` are (the caller then checks everything).
 */
export function reachable(t: Topology, seeds: Iterable<string>, limit: number): Set<string> | undefined {
  const { from, to } = linkIndex(t);
  const idx = reachIndex(t);
  const pos = componentPositions(t);
  const seen = new Set<string>();
  const stack: string[] = [];
  const visit = (id: string | undefined) => {
    if (id === undefined || seen.has(id) || !pos.has(id)) return;
    seen.add(id);
    stack.push(id);
  };
  for (const id of seeds) visit(id);
  while (stack.length > 0) {
    if (seen.size > limit) return undefined;
    const id = stack.pop()!;
    for (const l of from.get(id) ?? []) visit(l.target);
    for (const l of to.get(id) ?? []) visit(l.source);
    for (const other of idx.extra.get(id) ?? []) visit(other);
    if (idx.lonelyAlerts.has(id)) for (const m of idx.alertmanagers) visit(m);
    if (getComponent(t, id)!.kind === 'VMAlertmanager') for (const a of idx.lonelyAlerts) visit(a);
  }
  return seen.size > limit ? undefined : seen;
}

/**
 * Whether a changed component keeps the relations that no link records: for a vmselect, the
 * storage nodes it is given beyond its cluster's (compared by reference: an edit elsewhere keeps them).
 */
export function sameUnlinkedRelations(a: Component, b: Component): boolean {
  if (a.kind !== 'vmselect') return true;
  return a.spec.extraStorageNodes === b.spec.extraStorageNodes && extraArg(a, 'storageNode') === extraArg(b, 'storageNode');
}

/**
 * Lets `next` use the relations of `prev`: for an edit that kept every id, kind, cluster, name and
 * namespace, every vmselect's extra storage nodes, and the links (a field change), they are the
 * same, and rebuilding them for each version of a 10,000-component design cost a few ms per edit.
 */
export function shareReach(prev: Topology, next: Topology): void {
  const idx = cache.get(prev);
  if (idx && !cache.has(next)) cache.set(next, idx);
}
