/**
 * Where pods may land: which pods of the design can share a Kubernetes node or a zone, under the
 * worst placement the scheduler may choose within the spreading the design sets (issue #13 §2).
 *
 * Rules (each with its source):
 * - Only hard terms bind the scheduler: topologySpreadConstraints with `whenUnsatisfiable:
 *   DoNotSchedule` and `requiredDuringSchedulingIgnoredDuringExecution` pod anti-affinity.
 *   `ScheduleAnyway` and preferred anti-affinity are scores the scheduler may outweigh (free
 *   resources, image locality), so without a hard term every pod of a component may land on one
 *   node of one zone (kubernetes.io/docs/concepts/scheduling-eviction/topology-spread-constraints,
 *   "whenUnsatisfiable"; .../assign-pod-node "preferredDuringScheduling...").
 * - A hard spread with maxSkew k on `kubernetes.io/hostname` lets at most k pods of the component
 *   share a node; required anti-affinity on it, one. We assume the cluster has at least as many
 *   schedulable nodes as a component has pods, so a hard constraint is always satisfiable and no
 *   pod stays Pending for want of nodes (the design does not count nodes).
 * - On `topology.kubernetes.io/zone`, a hard spread with maxSkew k lets the fullest zone hold the
 *   largest m with m + (Z−1)·max(0, m−k) ≤ pods (maxSkew 1: ⌈pods/Z⌉), and since a node lies in one
 *   zone, at most m pods share a node: with replicas ≤ zones, one (vm-domain.md §c
 *   `replicas-without-spreading`). Required anti-affinity on the zone allows one pod per zone; pods
 *   beyond the zone count stay Pending and never run.
 * - The group a constraint counts is the component's pods: the operator fills a missing
 *   labelSelector with the component's selector labels (vm-domain.md §a), for a sharded VMAgent
 *   `cr.SelectorLabels()` without `shard-num` (op:factory/vmagent/vmagent.go newPodSpec), so the
 *   constraint spans every shard. A labelSelector the user wrote is taken to select the component's
 *   own pods.
 * - Zones: the design's count (default 3), fewer when the component pins zones with a nodeSelector
 *   or a required node affinity `In` on the zone key. Under the worst placement every component
 *   fills zone 1 first (so zone 1 is the worst zone) and the worst node holds, for every component,
 *   as many pods as its constraints allow, all at once: constraints of different components are
 *   independent.
 * - A DaemonSet (VMAgent daemonSetMode) runs one pod on every node; it is represented by one pod,
 *   `<workload>@node`, which fails with any node or zone.
 */
import { getComponent } from '../access.ts';
import { planOf } from '../operator/index.ts';
import type { Workload } from '../operator/types.ts';
import { DEFAULT_ZONES, HOSTNAME_KEY, type SpreadTerm, ZONE_KEY, spreadTerms, zonesOf } from '../spreading.ts';
import type { Component, ComponentKind, JsonObject, Topology } from '../topology.ts';

const isObj = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** One pod of the design, as the operator model names it. */
export interface PodRef {
  name: string;
  /** The component whose workload runs it (a cluster part's own id; a VMCluster's id for its load balancer). */
  componentId: string;
  workload: Workload;
  /** Index within its workload. */
  ordinal: number;
  /** The stand-in for a DaemonSet's pods: its pod on one node. */
  perNode: boolean;
}

/** How one component's pods may be placed, and why. */
export interface GroupPlacement {
  componentId: string;
  pods: string[];
  /** At most this many of its pods share one node under the worst placement (Infinity: a DaemonSet, one per node). */
  perNode: number;
  /** Pods per zone under the worst placement, zone 1 (the fullest) first; as many entries as the design has zones. */
  perZone: number[];
  /** Pods that can never be scheduled (required zone anti-affinity with more pods than zones). */
  pending: string[];
  /** The rule applied, in words. */
  rule: string;
}

export interface Placement {
  zones: number;
  /** Every pod, in design order (workload by workload, so shard by shard). */
  pods: PodRef[];
  byName: Map<string, PodRef>;
  groups: GroupPlacement[];
  /** The pods the worst single node may hold at once. */
  worstNode: string[];
  /** Pods of each zone under the worst placement, zone 1 first (DaemonSet stand-ins in every zone). */
  zonePods: string[][];
  pending: Set<string>;
}

/** The hard spreading terms of a pod spec that select the component's own pods (the ones the scheduler never breaks). */
function hardTerms(spec: JsonObject, kind: ComponentKind | undefined): SpreadTerm[] {
  return spreadTerms(spec, kind).filter((t) => t.hard && t.selects);
}

/** Zones the pods may use: pinned by nodeSelector or a required node affinity on the zone key, at most the design's. */
function componentZones(spec: JsonObject, designZones: number): number {
  return Math.min(zonesOf(spec, designZones), designZones);
}

/** The fullest zone a hard zone spread with maxSkew k allows for `pods` pods over `zones` zones, and the others. */
export function zoneSpread(pods: number, zones: number, maxSkew: number): number[] {
  if (zones <= 1) return [pods];
  let m = Math.ceil(pods / zones);
  while (m < pods && m + 1 + (zones - 1) * Math.max(0, m + 1 - maxSkew) <= pods) m++;
  const rest = pods - m;
  const others = zones - 1;
  return [m, ...Array.from({ length: others }, (_, i) => Math.floor(rest / others) + (i < rest % others ? 1 : 0))];
}

const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;

function placeGroup(c: Component, spec: JsonObject, kind: ComponentKind | undefined, pods: string[], designZones: number): GroupPlacement {
  const n = pods.length;
  const zones = componentZones(spec, designZones);
  let hostCap = Infinity;
  let zoneSkew = Infinity;
  let zoneAnti = false;
  for (const term of hardTerms(spec, kind)) {
    if (term.key === HOSTNAME_KEY) hostCap = Math.min(hostCap, term.maxSkew);
    else if (term.key === ZONE_KEY) {
      if (term.anti) zoneAnti = true;
      else zoneSkew = Math.min(zoneSkew, term.maxSkew);
    }
  }
  let perZone: number[];
  let running = n;
  const why: string[] = [];
  if (zoneAnti) {
    running = Math.min(n, zones);
    perZone = Array.from({ length: zones }, (_, i) => (i < running ? 1 : 0));
    why.push(`required anti-affinity on ${ZONE_KEY}: one pod per zone`);
  } else if (zoneSkew !== Infinity) {
    perZone = zoneSpread(n, zones, zoneSkew);
    why.push(`DoNotSchedule on ${ZONE_KEY} (maxSkew ${zoneSkew}): at most ${plural(perZone[0]!, 'pod')} in one zone`);
  } else {
    perZone = [n, ...Array.from({ length: zones - 1 }, () => 0)];
  }
  while (perZone.length < designZones) perZone.push(0);
  const perNode = Math.max(1, Math.min(hostCap, perZone[0]!, n));
  if (hostCap !== Infinity) why.push(`${hostCap === 1 ? 'one pod' : `at most ${hostCap} pods`} per node (hard spreading on ${HOSTNAME_KEY})`);
  if (zones < designZones) why.push(`pinned to ${plural(zones, 'zone')}`);
  let rule: string;
  if (n <= 1) rule = why.length > 0 ? why.join('; ') : 'one pod';
  else if (why.length === 0) rule = `no hard spreading (DoNotSchedule or required anti-affinity): under the worst placement all ${n} pods share one node and one zone`;
  else rule = `${why.join('; ')}: under the worst placement ${perNode === 1 ? 'no two pods share a node' : `${perNode} pods share a node`} and zone 1 holds ${perZone[0]}`;
  const pending = pods.slice(running);
  if (pending.length > 0) rule += `; ${pending.join(', ')} cannot be scheduled (more pods than zones)`;
  return { componentId: c.id, pods, perNode, perZone, pending, rule };
}

/**
 * The zones of the design's cluster: `zones` given, else a whole `zones` number the design carries
 * (read when present, for when the document format holds it), else 3 (`DEFAULT_ZONES`).
 */
export function zonesFor(t: Topology, zones?: number): number {
  if (zones !== undefined) return zones;
  const own = (t as Topology & { zones?: unknown }).zones;
  return typeof own === 'number' && Number.isInteger(own) && own >= 1 ? own : DEFAULT_ZONES;
}

const cache = new WeakMap<Topology, Map<number, Placement>>();

/** The worst placement of the design's pods on nodes and `zones` zones (default 3). Cached per design version. */
export function placementOf(t: Topology, zoneCount?: number): Placement {
  const zones = zonesFor(t, zoneCount);
  let byZones = cache.get(t);
  if (!byZones) cache.set(t, (byZones = new Map()));
  let p = byZones.get(zones);
  if (!p) byZones.set(zones, (p = place(t, zones)));
  return p;
}

function place(t: Topology, zones: number): Placement {
  const pods: PodRef[] = [];
  const byName = new Map<string, PodRef>();
  const groups: GroupPlacement[] = [];
  const worstNode: string[] = [];
  const zonePods: string[][] = Array.from({ length: zones }, () => []);
  const pending = new Set<string>();
  const perNodeStandIns: string[] = [];
  for (const c of t.components) {
    const plan = planOf(t, c);
    if (plan.workloads.length === 0) continue;
    const names: string[] = [];
    let daemon = false;
    for (const w of plan.workloads) {
      if (w.kind === 'DaemonSet') {
        const name = `${w.name}@node`;
        const ref: PodRef = { name, componentId: c.id, workload: w, ordinal: 0, perNode: true };
        pods.push(ref);
        byName.set(name, ref);
        perNodeStandIns.push(name);
        daemon = true;
        continue;
      }
      w.pods.forEach((name, ordinal) => {
        const ref: PodRef = { name, componentId: c.id, workload: w, ordinal, perNode: false };
        pods.push(ref);
        byName.set(name, ref);
        names.push(name);
      });
    }
    if (daemon) {
      groups.push({ componentId: c.id, pods: plan.workloads.map((w) => `${w.name}@node`), perNode: Infinity, perZone: [], pending: [], rule: 'daemonSetMode: one pod on every node, each failing with its node' });
      continue;
    }
    if (names.length === 0) continue;
    // The VMCluster's own workload is its requests load balancer, a vmauth whose spec is requestsLoadBalancer.spec.
    const lb = c.kind === 'VMCluster';
    const spec = lb ? (isObj(c.spec.requestsLoadBalancer) && isObj(c.spec.requestsLoadBalancer.spec) ? c.spec.requestsLoadBalancer.spec : {}) : c.spec;
    const g = placeGroup(c, spec, lb ? 'VMAuth' : c.kind, names, zones);
    groups.push(g);
    for (const pod of g.pending) pending.add(pod);
    const running = names.filter((n) => !pending.has(n));
    worstNode.push(...running.slice(0, g.perNode));
    let i = 0;
    g.perZone.forEach((count, z) => {
      for (let k = 0; k < count && i < running.length; k++) zonePods[z]!.push(running[i++]!);
    });
  }
  worstNode.push(...perNodeStandIns);
  for (const z of zonePods) z.push(...perNodeStandIns);
  return { zones, pods, byName, groups, worstNode, zonePods, pending };
}

/** The component a placement group or pod belongs to, for messages. */
export function podComponent(t: Topology, ref: PodRef): Component | undefined {
  return getComponent(t, ref.componentId);
}
