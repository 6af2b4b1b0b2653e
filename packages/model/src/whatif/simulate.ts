/**
 * "What if it fails" (issue #13): the consequence of a set of failed pods for ingestion, queries
 * and alerting, with the reasons in words. A failed pod is gone until Kubernetes replaces it: its
 * process stops and its emptyDir volumes are lost (a replacement pod starts with empty ones).
 *
 * The design is split into units, each judged on its own and each depending on a few components:
 * - a writer (ingestion): a VMAgent, a VMAlert that remote-writes, a VMSingle that scrapes itself;
 * - a store (queries): a VMSingle, a VMCluster, a VMAuth that serves reads;
 * - an evaluator (alerting): a VMAlert with alerting rules.
 * The baseline (nothing failed) is judged once; a scenario re-judges only the units that depend on
 * a component with a failed pod, so a single-pod scenario costs what that pod touches.
 *
 * Behaviours and their sources (the doc section is repeated where the code applies it):
 * - vminsert re-routes data from unavailable vmstorage nodes to healthy ones, and the cluster stays
 *   available while one vmstorage node is up (vm:Cluster-VictoriaMetrics.md §Cluster availability).
 * - vmselect answers completely with up to N−1 vmstorage nodes down when it runs with
 *   -replicationFactor=N, and serves partial responses otherwise while one node is up, unless
 *   -search.denyPartialResponse (same doc, §Replication and data safety, §Cluster availability).
 * - Every replica of a VMAgent shard scrapes the same targets (the operator gives them identical
 *   config: op:docs/resources/vmagent.md §Replication and deduplication, §Sharding); a target is
 *   scraped by -promscrape.cluster.replicationFactor consecutive members, starting at its hash
 *   (vm:docs/victoriametrics/vmagent.md §Scraping big number of targets; lib/promscrape/config.go
 *   getClusterMemberNumsForScrapeWork).
 * - vmagent buffers to its on-disk queue (-remoteWrite.tmpDataPath) while a remote storage is
 *   unavailable, up to -remoteWrite.maxDiskUsagePerURL per URL, then drops the oldest data
 *   (vm:vmagent.md §On-disk persistence, §Disk usage limits); the queue is an emptyDir unless
 *   statefulMode with a claim (op:docs/resources/vmagent.md §StatefulMode), lost with the pod.
 * - vmalert evaluates rules by querying its datasource; it has no on-disk queue for remote write
 *   (vm:vmalert.md §Rules backfilling / §Multiple remote writes; VictoriaMetrics#6905), and sends
 *   every alert to every notifier URL (vm:vmalert.md §Notifier configuration; the operator expands
 *   a selector to every alertmanager pod, vm-domain.md §a VMAlert).
 * - Alertmanager replicas gossip the notification log to deduplicate; gossip is AP and needs no
 *   quorum, so any live replica delivers (am:docs/high_availability.md); a VMAlertmanager with one
 *   replica runs with gossip off (op:factory/vmalertmanager/statefulset.go:182-186), and two
 *   VMAlertmanager CRs never gossip with each other.
 */
import { describe, getComponent, partsOf } from '../access.ts';
import { linksFrom, linksTo } from '../links.ts';
import { type UrlQueue, planOf, urlQueues } from '../operator/index.ts';
import type { Workload } from '../operator/types.ts';
import { selectedRules } from '../rules/selectors.ts';
import type { Component, JsonObject, Link, Topology } from '../topology.ts';
import { isClusterPart } from '../topology.ts';
import { type Placement, type PodRef, placementOf, zonesFor } from './placement.ts';
import { choose, duration, list, plural, share, size } from './words.ts';

export type IngestionLevel = 'ok' | 'buffered' | 'partial' | 'lost';
export type QueryLevel = 'complete' | 'partial' | 'unavailable';
export type AlertingLevel = 'ok' | 'degraded' | 'lost';

/** Levels from best to worst, per dimension. */
export const INGESTION_LEVELS: readonly IngestionLevel[] = ['ok', 'buffered', 'partial', 'lost'];
export const QUERY_LEVELS: readonly QueryLevel[] = ['complete', 'partial', 'unavailable'];
export const ALERTING_LEVELS: readonly AlertingLevel[] = ['ok', 'degraded', 'lost'];

/** Samples waiting in a vmagent queue for a remote storage that rejects writes. */
export interface Buffering {
  /** The VMAgent component id. */
  agent: string;
  /** The pods whose queues hold the samples (each its own copy). */
  pods: string[];
  /** What the samples wait for, in words ("vminsert of vmcluster 'main'"). */
  destination: string;
  /** The queue limit of that URL per pod (-remoteWrite.maxDiskUsagePerURL), in bytes. */
  bytesPerPod?: number;
  /** On a PVC (survives a pod restart) rather than an emptyDir. */
  persistent: boolean;
  /** How long the queue lasts at `sendRate` bytes/s per pod, when a rate was given. */
  lastsSeconds?: number;
}

export interface Outcome {
  ingestion: IngestionLevel;
  queries: QueryLevel;
  alerting: AlertingLevel;
  /** Why, in words that name pods, components and values. */
  reasons: string[];
  buffers: Buffering[];
  /**
   * Component ids (a writer VMAgent / VMAlert / VMSingle, a store VMSingle / VMCluster / VMAuth, an
   * evaluating VMAlert) that this failure leaves worse off than with every pod running; for the
   * baseline, those already harmed. For the designer to highlight.
   */
  affected: string[];
  /**
   * How badly each affected component fares: `down` when one of its parts of the data path is lost
   * or unavailable (the top level of its dimension), `degraded` when it is buffered, partial or
   * degraded. The canvas colours each component by its own harm, not by the scenario's worst.
   */
  harm: Record<string, ComponentHarm>;
}

export type ComponentHarm = 'degraded' | 'down';

export interface WhatIfOptions {
  /** Zones of the cluster (default 3). */
  zones?: number;
  /**
   * Remote-write traffic of one vmagent pod to one URL, in bytes/s: gives how long a queue lasts.
   * One figure for every agent, or one per VMAgent component id (e.g. from the sizing model's
   * per-pod samples/s × bytes per sample on the wire); agents without one get the reference figure.
   */
  sendRate?: number | Readonly<Record<string, number>>;
}

/** The rate used to give a sense of a queue's duration when none is given: 1 MiB/s per pod and URL. */
export const REFERENCE_SEND_RATE = 1024 ** 2;

const DIM_INGESTION = 0;
const DIM_QUERIES = 1;
const DIM_ALERTING = 2;
type Dim = 0 | 1 | 2;

interface UnitResult {
  level: number;
  reasons: string[];
  buffers?: Buffering[];
}

/** What a unit depends on, by component key (a cluster part's key is its cluster's id). */
interface Deps {
  /** Components whose own pods it judges: re-run whenever one of their pods fails. */
  own: string[];
  /** Stores (or a VMAgent taking a VMAlert's writes) whose acceptance of writes it reads: re-run when that changes. */
  writes?: string[];
  /** Stores whose query level it reads: re-run when that changes. */
  reads?: string[];
  /** Alertmanagers it notifies: re-run whenever one of their pods fails. */
  notifies?: string[];
}

interface Unit extends Deps {
  dim: Dim;
  run: (s: Scenario) => UnitResult;
}

const defined = (keys: (string | undefined)[]): string[] => keys.filter((k): k is string => k !== undefined);

/** "a and b down", or, for a workload scaled to zero, that no pod runs. */
const downOf = (pods: readonly string[]): string => (pods.length > 0 ? `${list(pods)} down` : 'no pod runs (replicaCount 0)');

const isObj = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const argOf = (w: Workload | undefined, flag: string): string | undefined => {
  const a = w?.args.find((x) => x.flag === flag);
  return a === undefined ? undefined : Array.isArray(a.value) ? a.value.join(',') : a.value;
};
const intArg = (w: Workload | undefined, flag: string, dflt: number): number => {
  const v = Number(argOf(w, flag));
  return Number.isInteger(v) && v > 0 ? v : dflt;
};

/** What a design's pods touch: units, the dependency index and the baseline, built once per design version and options. */
interface Model {
  t: Topology;
  placement: Placement;
  sendRate?: number | Readonly<Record<string, number>>;
  units: Unit[];
  own: Map<string, number[]>;
  writes: Map<string, number[]>;
  reads: Map<string, number[]>;
  notifies: Map<string, number[]>;
  /** Each agent's per-URL queue limits (the operator model's), asked once. */
  queues: Map<string, UrlQueue[]>;
  /** The baseline scenario: its memo holds every store's baseline state. */
  base: Scenario;
  baseline: UnitResult[];
  counts: number[][];
  baselineOutcome: Outcome;
}

/** The key of the component a pod failure reaches: a cluster part's cluster. */
function keyOf(t: Topology, componentId: string): string {
  const c = getComponent(t, componentId);
  return c && isClusterPart(c.kind) && c.cluster !== undefined ? c.cluster : componentId;
}

interface WriteState {
  accepts: boolean;
  /** Why it rejects writes (names the pods). */
  why: string;
}

interface ReadState {
  level: 0 | 1 | 2;
  why: string[];
}

interface ClusterState {
  write: WriteState;
  read: ReadState;
}

interface Split {
  live: string[];
  down: string[];
}

const NO_PODS: readonly string[] = Object.freeze([]);
/** Workloads with no failed pod: every pod runs (pending pods aside), the split shared by every scenario. */
const untouched = new WeakMap<Workload, Split>();

class Scenario {
  /** Store states by component (a component has one kind of state). */
  private readonly memo = new Map<Component, unknown>();
  /** Workloads with a failed pod in this scenario. */
  private readonly hit = new Set<Workload>();
  constructor(
    readonly m: Model,
    readonly failed: ReadonlySet<string>,
    /** Whole nodes failed (node and zone scenarios): a DaemonSet pod fails with the pods it scrapes. */
    readonly wholeNodes: boolean,
  ) {
    for (const pod of failed) {
      const ref = m.placement.byName.get(pod);
      if (ref) this.hit.add(ref.workload);
    }
  }

  get t(): Topology {
    return this.m.t;
  }

  down(pod: string): boolean {
    return this.failed.has(pod) || this.m.placement.pending.has(pod);
  }

  /** Pods of a workload that run and that are down. */
  split(w: Workload): Split {
    if (!this.hit.has(w) && this.m.placement.pending.size === 0) {
      let x = untouched.get(w);
      if (!x) untouched.set(w, (x = { live: w.pods, down: NO_PODS as string[] }));
      return x;
    }
    const live: string[] = [];
    const down: string[] = [];
    for (const p of w.pods) (this.down(p) ? down : live).push(p);
    return { live, down };
  }

  once<T>(key: Component, f: () => T): T {
    let v = this.memo.get(key) as T | undefined;
    if (v === undefined) this.memo.set(key, (v = f()));
    return v;
  }
}

// ---------------------------------------------------------------------------------------------
// Stores: can they take writes, do they answer queries completely?

/** A Deployment / StatefulSet component's pods (its first workload), split by state. */
function podsOf(s: Scenario, c: Component): { live: string[]; down: string[]; w: Workload | undefined } {
  const w = planOf(s.t, c).workloads[0];
  if (!w) return { live: [], down: [], w };
  const x = s.split(w);
  return { live: x.live, down: x.down, w };
}

function emptyDirData(w: Workload | undefined): boolean {
  return w?.volumes.some((v) => v.holds === 'data' && v.persistence === 'emptyDir') ?? false;
}

function singleState(s: Scenario, c: Component): ClusterState {
  return s.once(c, () => {
    const { live, down, w } = podsOf(s, c);
    if (live.length > 0) {
      const why = down.length > 0 ? [`${downOf(down)}: vmsingle '${c.name}' still answers from ${list(live)}, but a VMSingle runs one pod (op:docs/resources/vmsingle.md): its pods do not share data`] : [];
      return { write: { accepts: true, why: '' }, read: { level: down.length > 0 ? 1 : 0, why } };
    }
    // A Deployment with the Recreate strategy: nothing serves until the replacement is ready (op:factory/vmsingle/vmsingle.go:176-186).
    const gone =
      down.length > 0
        ? `${downOf(down)}: vmsingle '${c.name}' runs one pod (a Deployment with the Recreate strategy), so it accepts no writes and answers no queries until its replacement is ready`
        : `vmsingle '${c.name}' runs no pod (replicaCount 0), so it accepts no writes and answers no queries`;
    const why = [gone];
    if (emptyDirData(w)) why.push(`vmsingle '${c.name}' keeps its data on an emptyDir: every sample it stored is gone for good when the pod is replaced`);
    return { write: { accepts: false, why: gone }, read: { level: 2, why } };
  });
}

function authState(s: Scenario, c: Component): ClusterState {
  return s.once(c, () => {
    const { live, down } = podsOf(s, c);
    if (live.length > 0) {
      const why = down.length > 0 ? [`${downOf(down)}: the vmauth '${c.name}' Service sends requests to ${list(live)} (vmauth is stateless, op:docs/resources/vmauth.md)`] : [];
      return { write: { accepts: true, why: '' }, read: { level: 0, why } };
    }
    const why = `${downOf(down)}: every pod of vmauth '${c.name}' is down, so requests through it fail (what it routes to is outside the design's links)`;
    return { write: { accepts: false, why }, read: { level: 2, why: [why] } };
  });
}

function clusterState(s: Scenario, cluster: Component): ClusterState {
  return s.once(cluster, () => {
    const t = s.t;
    const name = cluster.name ?? '';
    const parts = partsOf(t, cluster.id);
    const ins = parts.vminsert ? podsOf(s, parts.vminsert) : undefined;
    const sel = parts.vmselect ? podsOf(s, parts.vmselect) : undefined;
    const sto = parts.vmstorage ? podsOf(s, parts.vmstorage) : undefined;
    const lbPlan = planOf(t, cluster);
    const lbw = lbPlan.workloads[0];
    const lb = lbw ? s.split(lbw) : undefined;
    const lbInsert = lbPlan.services.some((x) => x.name.startsWith('vminsertinternal-'));
    const lbSelect = lbPlan.services.some((x) => x.name.startsWith('vmselectinternal-'));
    const lbDown = lb !== undefined && lb.live.length === 0 ? `${downOf(lb.down)}: every pod of the requests load balancer of vmcluster '${name}' is down` : undefined;
    const n = sto ? sto.live.length + sto.down.length : 0;
    const d = sto?.down.length ?? 0;
    const rfInsert = intArg(ins?.w, 'replicationFactor', 1);
    const rfSelect = intArg(sel?.w, 'replicationFactor', 1);
    const deny = argOf(sel?.w, 'search.denyPartialResponse');
    const denyPartial = deny !== undefined && deny !== 'false';
    const copies = Math.min(rfInsert, n);

    // Writes: vminsert re-routes around unavailable vmstorage nodes and accepts data while one is up
    // (vm:Cluster-VictoriaMetrics.md §Cluster availability).
    let write: WriteState = { accepts: true, why: '' };
    if (!ins || ins.live.length === 0) write = { accepts: false, why: ins ? `${downOf(ins.down)}: every vminsert pod of vmcluster '${name}' is down, so it accepts no writes` : `vmcluster '${name}' has no vminsert` };
    else if (lbInsert && lbDown) write = { accepts: false, why: `${lbDown}, so writes to vminsert-${name} fail` };
    else if (argOf(ins.w, 'storageNode') === undefined) write = { accepts: false, why: `vminsert of vmcluster '${name}' has no -storageNode (vmstorage.replicaCount unset), so it stores nothing` };
    else if (sto && sto.live.length === 0) write = { accepts: false, why: `${downOf(sto.down)}: every vmstorage pod of vmcluster '${name}' is down, so vminsert has nowhere to store samples and rejects writes` };

    const why: string[] = [];
    let level: 0 | 1 | 2 = 0;
    const allStorageDown = sto !== undefined && d > 0 && d === n;
    if (!write.accepts) why.push(write.why);
    else if (write.accepts && ins && ins.down.length > 0) why.push(`${downOf(ins.down)}: the vminsert-${name} Service sends writes to ${list(ins.live)} (vminsert is stateless)`);
    if (lb && lb.down.length > 0 && lb.live.length > 0) why.push(`${downOf(lb.down)}: the requests load balancer of vmcluster '${name}' goes on with ${list(lb.live)}`);
    // Queries: vmselect with -replicationFactor=N answers completely with up to N−1 vmstorage nodes
    // down, else partially while one is up, unless -search.denyPartialResponse
    // (vm:Cluster-VictoriaMetrics.md §Replication and data safety, §Cluster availability).
    if (!sel || sel.live.length === 0) {
      level = 2;
      why.push(sel ? `${downOf(sel.down)}: every vmselect pod of vmcluster '${name}' is down, so queries to it fail` : `vmcluster '${name}' has no vmselect`);
    } else if (lbSelect && lbDown) {
      level = 2;
      why.push(`${lbDown}, so queries to vmselect-${name} fail`);
    } else if (argOf(sel.w, 'storageNode') === undefined) {
      level = 2;
      why.push(`vmselect of vmcluster '${name}' has no -storageNode (vmstorage.replicaCount unset), so it has nothing to query`);
    } else {
      if (sel.down.length > 0) why.push(`${downOf(sel.down)}: ${list(sel.live)} still answer${sel.live.length === 1 ? 's' : ''} queries (vmselect is stateless; clients resolve the headless vmselect-${name} Service to the running pods)`);
      if (allStorageDown) {
        level = 2;
        why.push(write.why.includes('every vmstorage pod') ? `queries to vmcluster '${name}' fail too: vmselect has no vmstorage node to ask` : `${downOf(sto!.down)}: every vmstorage pod of vmcluster '${name}' is down, so queries to it fail`);
      } else if (sto && d > 0 && d < rfSelect) {
        why.push(`${downOf(sto.down)}: vmselect runs with -replicationFactor=${rfSelect} and answers completely with up to ${rfSelect - 1} vmstorage ${rfSelect - 1 === 1 ? 'node' : 'nodes'} down`);
      } else if (sto && d > 0) {
        level = denyPartial ? 2 : 1;
        const missing = choose(d, copies) / choose(n, copies);
        const what =
          missing === 0
            ? `every series still has a copy on a running node, but vmselect runs with -replicationFactor=${rfSelect} and marks the responses partial`
            : copies === 1
              ? `${share(d, n)} of the series are missing from queries`
              : `the series whose ${copies} copies all sat on ${d === copies ? 'them' : 'down nodes'} — ${share(choose(d, copies), choose(n, copies))} of them — are missing from queries`;
        why.push(`${downOf(sto.down)} with replicationFactor ${rfInsert}: ${what}${denyPartial ? '; vmselect runs with -search.denyPartialResponse, so those queries fail instead' : ''}`);
      }
    }
    if (allStorageDown && !why.some((x) => x.includes('every vmstorage pod'))) why.push(`${downOf(sto!.down)}: every vmstorage pod of vmcluster '${name}' is down too`);
    if (sto && d > 0 && d < n) {
      const left = n - d;
      if (write.accepts) {
        why.push(
          `vminsert re-routes the new samples meant for ${list(sto.down)} to the ${plural(left, 'running vmstorage pod')}` +
            (left < rfInsert ? `; with ${left} of them up for replicationFactor ${rfInsert}, new samples get ${plural(left, 'copy', 'copies')} instead of ${rfInsert}` : ''),
        );
      }
      if (emptyDirData(sto.w)) {
        why.push(
          `vmstorage of vmcluster '${name}' keeps its data on an emptyDir: what ${list(sto.down)} stored is gone for good when ${d === 1 ? 'it is' : 'they are'} replaced` +
            (d >= copies ? '' : `; the series ${d === 1 ? 'it' : 'they'} held keep their other copies, one fewer from now on (old data is not re-replicated)`),
        );
      }
    }
    return { write, read: { level, why } };
  });
}

/** The store a link target stands for: a VMSingle, a cluster (through its vminsert / vmselect), a VMAuth; undefined outside the design. */
function storeOf(t: Topology, target: Component | undefined): Component | undefined {
  if (!target) return undefined;
  if (isClusterPart(target.kind)) return getComponent(t, target.cluster);
  return target;
}

function writeState(s: Scenario, target: Component | undefined): WriteState {
  const store = storeOf(s.t, target);
  if (!store) return { accepts: true, why: '' };
  switch (store.kind) {
    case 'VMSingle':
      return singleState(s, store).write;
    case 'VMCluster':
      return clusterState(s, store).write;
    case 'VMAuth':
      return authState(s, store).write;
    case 'VMAgent':
      return agentAccepts(s, store);
    default:
      return { accepts: true, why: '' };
  }
}

function readState(s: Scenario, target: Component | undefined): ReadState {
  const store = storeOf(s.t, target);
  if (!store) return { level: 0, why: [] };
  switch (store.kind) {
    case 'VMSingle':
      return singleState(s, store).read;
    case 'VMCluster':
      return clusterState(s, store).read;
    case 'VMAuth':
      return authState(s, store).read;
    default:
      return { level: 0, why: [] };
  }
}

function targetName(t: Topology, target: Component | undefined, l: Link): string {
  if (!target) return `${String(l.external?.url ?? 'an address')} (outside the design)`;
  return describe(t, target);
}

/**
 * "X takes no writes": a store with a unit of its own (VMSingle, VMCluster, a VMAuth that serves
 * reads) says why in its own reasons; for the others the why is told here.
 */
function rejects(t: Topology, target: Component | undefined, l: Link, ws: WriteState): string {
  const store = storeOf(t, target);
  const own = store !== undefined && (store.kind === 'VMSingle' || store.kind === 'VMCluster' || (store.kind === 'VMAuth' && readsThrough(t, store)));
  return own ? `${targetName(t, target, l)} takes no writes` : ws.why;
}

// ---------------------------------------------------------------------------------------------
// VMAgent: who scrapes, who buffers.

const isDaemon = (a: Component) => a.spec.daemonSetMode === true;

/** A VMAgent as a remote-write target of a VMAlert: its Service takes pushes while one pod runs. */
function agentAccepts(s: Scenario, a: Component): WriteState {
  if (isDaemon(a)) return { accepts: true, why: '' };
  const down: string[] = [];
  let live = 0;
  for (const w of planOf(s.t, a).workloads) {
    const x = s.split(w);
    live += x.live.length;
    down.push(...x.down);
  }
  return live > 0 ? { accepts: true, why: '' } : { accepts: false, why: `${downOf(down)}: every pod of vmagent '${a.name}' is down, so its Service takes no writes` };
}

/**
 * Where the agent's queue lives and how big it is per URL (the operator model's
 * -remoteWrite.maxDiskUsagePerURL). vmagent keeps samples it cannot send in -remoteWrite.tmpDataPath
 * and drops the oldest once the per-URL limit is reached (vm:vmagent.md §On-disk persistence,
 * §Disk usage limits); the queue is an emptyDir unless statefulMode with a claim template
 * (op:docs/resources/vmagent.md §StatefulMode; op:factory/vmagent/vmagent.go:41-42).
 */
function bufferOf(s: Scenario, a: Component, linkIndex: number, pods: string[], destination: string, why: string): { buffer: Buffering; reason: string } {
  const w = planOf(s.t, a).workloads[0];
  const queue = w?.volumes.find((v) => v.holds === 'queue');
  const persistent = queue?.persistence === 'pvc';
  let queues = s.m.queues.get(a.id);
  if (!queues) s.m.queues.set(a.id, (queues = urlQueues(s.t, a)));
  const q = queues[linkIndex];
  const buffer: Buffering = { agent: a.id, pods, destination, persistent };
  if (q?.bytes !== undefined) buffer.bytesPerPod = q.bytes;
  const rate = typeof s.m.sendRate === 'number' ? s.m.sendRate : s.m.sendRate?.[a.id];
  let lasts = '';
  if (q?.bytes !== undefined) {
    if (rate !== undefined && rate > 0) {
      buffer.lastsSeconds = q.bytes / rate;
      lasts = `; at ${size(rate)}/s per pod it lasts about ${duration(q.bytes / rate)}, then the oldest samples are dropped`;
    } else {
      lasts = `; it lasts ${size(q.bytes)} ÷ the pod's remote-write rate (about ${duration(q.bytes / REFERENCE_SEND_RATE)} at ${size(REFERENCE_SEND_RATE)}/s), then the oldest samples are dropped`;
    }
  }
  const holders = isDaemon(a) ? 'its pod on every node' : list(pods);
  const where = persistent
    ? `on the ${queue?.claim ?? 'persistent-queue-data'} PVC, which survives a pod restart`
    : `on an emptyDir (${queue?.mountPath ?? 'the pod’s disk'}): what a pod buffered is lost if it is replaced before ${destination} is back`;
  const limit = q ? `up to ${q.bytes !== undefined ? size(q.bytes) : q.value} per pod (-remoteWrite.maxDiskUsagePerURL; ${q.source.note})` : 'up to its disk limit';
  const reason = `${why}; vmagent '${a.name}' buffers the samples for it in its queue — ${holders}, ${limit}, ${where}${lasts}`;
  return { buffer, reason };
}

function agentUnit(t: Topology, a: Component): Unit {
  const targets = linksFrom(t, a.id, 'remoteWrite').map((l) => ({ l, c: getComponent(t, l.target) }));
  return {
    dim: DIM_INGESTION,
    own: [a.id],
    writes: defined(targets.map((x) => storeKey(t, x.c))),
    run(s) {
      const reasons: string[] = [];
      let level = 0;
      const workloads = planOf(t, a).workloads;
      const livePods: string[] = [];
      if (isDaemon(a)) {
        // daemonSetMode: each pod discovers only the pods of its own node (the operator writes the
        // pod-discovery selector `field: spec.nodeName=%{KUBE_NODE_NAME}`, op:factory/vmagent
        // vmagent_scrapeconfig.go, and sets KUBE_NODE_NAME from spec.nodeName): a pod down alone
        // leaves its node's targets unscraped; with its node, those targets are gone too.
        const standIn = `${workloads[0]?.name ?? `vmagent-${a.name}`}@node`;
        livePods.push(standIn);
        if (s.down(standIn)) {
          if (s.wholeNodes) {
            reasons.push(`vmagent '${a.name}' (daemonSetMode) loses its pod on the failed node together with the pods it scraped there; its pods on the other nodes go on`);
          } else {
            level = 2;
            reasons.push(`${standIn} down: vmagent '${a.name}' runs in daemonSetMode, where each pod scrapes the pods of its own node, so that node's targets are not scraped until the pod is back`);
          }
        }
      } else if (a.spec.ingestOnlyMode === true) {
        const down: string[] = [];
        for (const w of workloads) {
          const x = s.split(w);
          livePods.push(...x.live);
          down.push(...x.down);
        }
        if (livePods.length === 0) {
          level = 3;
          reasons.push(`${downOf(down)}: every pod of vmagent '${a.name}' (ingestOnlyMode) is down, so samples pushed to it are rejected; clients outside the design must retry or lose them`);
        } else if (down.length > 0) {
          reasons.push(`${downOf(down)}: the vmagent '${a.name}' Service sends pushed samples to ${list(livePods)} (ingest-only replicas share pushes behind one Service)`);
        }
      } else {
        // Members: the operator gives shard k `-promscrape.cluster.memberNum=k` of `membersCount=shardCount`;
        // a target is scraped by `replicationFactor` consecutive members from its hash
        // (vm:vmagent.md §Scraping big number of targets, lib/promscrape/config.go).
        const members = intArg(workloads[0], 'promscrape.cluster.membersCount', 1);
        const rf = Math.min(intArg(workloads[0], 'promscrape.cluster.replicationFactor', 1), members);
        const liveMember = new Array<boolean>(members).fill(false);
        const byMember = new Map<number, { w: Workload; down: string[] }[]>();
        const downPods: string[] = [];
        for (const w of workloads) {
          const num = Number(argOf(w, 'promscrape.cluster.memberNum') ?? 0);
          const x = s.split(w);
          livePods.push(...x.live);
          downPods.push(...x.down);
          if (x.live.length > 0 && num >= 0 && num < members) liveMember[num] = true;
          if (!byMember.has(num)) byMember.set(num, []);
          byMember.get(num)!.push({ w, down: x.down });
        }
        let uncovered = 0;
        for (let idx = 0; idx < members; idx++) {
          let covered = false;
          for (let j = 0; j < rf && !covered; j++) covered = liveMember[(idx + j) % members]!;
          if (!covered) uncovered++;
        }
        const gone = liveMember.map((v, i) => (v ? -1 : i)).filter((i) => i >= 0);
        const goneText = gone.map((i) => {
          const ws = byMember.get(i);
          if (!ws) return `no workload is member ${i} of ${members} (-promscrape.cluster.membersCount set by hand?)`;
          return ws.map((x) => (x.down.length > 0 ? `${list(x.down)} (${members > 1 ? `shard ${i}` : `every replica`}) down` : `${x.w.name} runs no pod`)).join(', ');
        });
        if (uncovered === members) {
          level = 3;
          reasons.push(`${list(goneText)}: no pod of vmagent '${a.name}' runs, so none of its targets is scraped`);
        } else if (uncovered > 0) {
          level = 2;
          const replication = rf > 1 ? ` (each target is scraped by ${rf} consecutive members, promscrape.cluster.replicationFactor ${rf})` : '';
          reasons.push(`${list(goneText)}: ${share(uncovered, members)} of the targets of vmagent '${a.name}' are not scraped${replication}`);
        } else if (downPods.length > 0) {
          const cover =
            members > 1 && rf > 1 && gone.length > 0
              ? `the next members scrape their targets too (promscrape.cluster.replicationFactor ${rf})`
              : workloads.length > 1
                ? `the other replicas of ${downPods.length === 1 ? 'its shard' : 'their shards'} scrape the same targets`
                : `${list(livePods)} scrape${livePods.length === 1 ? 's' : ''} the same targets (every replica runs the same scrape config)`;
          reasons.push(`${downOf(downPods)}: ${cover}, so vmagent '${a.name}' misses no target`);
        }
      }
      const buffers: Buffering[] = [];
      if (level < 3) {
        targets.forEach(({ l, c }, i) => {
          const ws = writeState(s, c);
          if (ws.accepts) return;
          level = Math.max(level, 1);
          const b = bufferOf(s, a, i, livePods, targetName(t, c, l), rejects(t, c, l, ws));
          buffers.push(b.buffer);
          reasons.push(b.reason);
        });
      }
      return { level, reasons, buffers };
    },
  };
}

/** The dependency key of a link target: a store's id (a cluster for its parts). */
function storeKey(t: Topology, target: Component | undefined): string | undefined {
  return storeOf(t, target)?.id;
}

/** A VMSingle with ingestOnlyMode false scrapes targets itself. */
function singleScrapeUnit(t: Topology, c: Component): Unit {
  return {
    dim: DIM_INGESTION,
    own: [c.id],
    run(s) {
      const { live, down } = podsOf(s, c);
      if (live.length > 0 || down.length === 0) return { level: 0, reasons: [] };
      return { level: 3, reasons: [`${downOf(down)}: vmsingle '${c.name}' scrapes its targets itself (ingestOnlyMode: false), so that scraping stops`] };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// VMAlert: recording results (ingestion) and alerts (alerting).

function alertPods(s: Scenario, v: Component): { live: string[]; down: string[] } {
  const w = planOf(s.t, v).workloads[0];
  return w ? s.split(w) : { live: [], down: [] };
}

function vmalertWriteUnit(t: Topology, v: Component, rw: Link): Unit {
  const ds = linksFrom(t, v.id, 'datasource')[0];
  const dsTarget = ds ? getComponent(t, ds.target) : undefined;
  const target = getComponent(t, rw.target);
  const writes = [storeKey(t, target)];
  if (target?.kind === 'VMAgent') for (const l of linksFrom(t, target.id, 'remoteWrite')) writes.push(storeKey(t, getComponent(t, l.target)));
  return {
    dim: DIM_INGESTION,
    own: [v.id],
    reads: defined([storeKey(t, dsTarget)]),
    writes: defined(writes),
    run(s) {
      const { live, down } = alertPods(s, v);
      const reasons: string[] = [];
      // vmalert evaluates recording rules by querying its datasource and writes the results (and
      // ALERTS / ALERTS_FOR_STATE) to -remoteWrite.url, without an on-disk queue (vm:vmalert.md
      // §Recording rules, §Multiple remote writes; VictoriaMetrics#6905).
      if (live.length === 0) return { level: 3, reasons: [`${downOf(down)}: no pod of vmalert '${v.name}' runs, so its recording rules are not evaluated and their series (and ALERTS) get a gap`] };
      let level = 0;
      const read = readState(s, dsTarget);
      if (read.level === 2) {
        level = 3;
        reasons.push(`vmalert '${v.name}' cannot query its datasource ${targetName(t, dsTarget, ds!)}, so its recording rules produce nothing`);
      } else if (read.level === 1) {
        level = 2;
        reasons.push(`vmalert '${v.name}' evaluates its recording rules on partial responses from ${targetName(t, dsTarget, ds!)}, so their results miss the missing series`);
      }
      const ws = writeState(s, target);
      if (!ws.accepts) {
        level = 3;
        reasons.push(`${rejects(t, target, rw, ws)}; vmalert '${v.name}' keeps no on-disk queue, so its recording results and alert state written there are dropped (vm:vmalert.md; VictoriaMetrics#6905)`);
      } else if (target?.kind === 'VMAgent' && level < 3) {
        // vmalert → vmagent: the agent's queue holds what its storages reject.
        linksFrom(t, target.id, 'remoteWrite').forEach((l, i) => {
          const c = getComponent(t, l.target);
          const w = writeState(s, c);
          if (w.accepts) return;
          level = Math.max(level, 1);
          reasons.push(`vmalert '${v.name}' writes its recording results and alert state through vmagent '${target.name}', so they wait in its queue for ${targetName(t, c, l)} too`);
        });
      }
      return { level, reasons };
    },
  };
}

interface Receiver {
  /** Gossip group: the pods of one VMAlertmanager with gossip on, else the pod (or outside address) alone. */
  group: string;
  pod?: string;
  /** Reached through the headless Service: any running pod of `am`. */
  service?: Component;
  label: string;
}

function receivers(t: Topology, v: Component): { list: Receiver[]; ams: Component[] } {
  const out: Receiver[] = [];
  const ams: Component[] = [];
  linksFrom(t, v.id, 'notifier').forEach((l, i) => {
    const am = getComponent(t, l.target);
    if (!am) {
      out.push({ group: `external:${i}`, label: String(l.external?.url ?? 'a notifier outside the design') });
      return;
    }
    ams.push(am);
    const w = planOf(t, am).workloads[0];
    if (!w) return;
    // Gossip is off with one replica (`--cluster.listen-address=`, op:factory/vmalertmanager/statefulset.go:182-186).
    const gossip = argOf(w, 'cluster.listen-address') !== '' && w.pods.length > 1;
    if (l.notify === 'service') {
      out.push({ group: am.id, service: am, label: `alertmanager '${am.name}' (through its Service)` });
      return;
    }
    const ordinals = l.pods ?? w.pods.map((_, k) => k);
    for (const k of ordinals) {
      const pod = w.pods[k];
      if (pod) out.push({ group: gossip ? am.id : `${am.id}#${k}`, pod, label: pod });
    }
  });
  if (isObj(v.spec.notifierConfigRef)) out.push({ group: 'external:config', label: 'the notifiers of notifierConfigRef (outside the design)' });
  return { list: out, ams };
}

const blackhole = (v: Component) => isObj(v.spec.extraArgs) && 'notifier.blackhole' in v.spec.extraArgs;

function vmalertAlertUnit(t: Topology, v: Component): Unit | undefined {
  if (blackhole(v)) return undefined;
  const ds = linksFrom(t, v.id, 'datasource')[0];
  const dsTarget = ds ? getComponent(t, ds.target) : undefined;
  const recv = receivers(t, v);
  if (recv.list.length === 0) {
    // The operator drops alerting rules when no notifier is configured (op:factory/vmalert/rules.go:25-27,141-160).
    if (!selectedRules(t, v).alert) return undefined;
    return { dim: DIM_ALERTING, own: [v.id], run: () => ({ level: 2, reasons: [`vmalert '${v.name}' has no notifier, so the operator drops its alerting rules and no alert fires`] }) };
  }
  return {
    dim: DIM_ALERTING,
    own: [v.id],
    reads: defined([storeKey(t, dsTarget)]),
    notifies: recv.ams.map((a) => a.id),
    run(s) {
      const { live, down } = alertPods(s, v);
      if (live.length === 0) return { level: 2, reasons: [`${downOf(down)}: no pod of vmalert '${v.name}' runs, so its rules are not evaluated and no alert fires`] };
      const reasons: string[] = [];
      let level = 0;
      // Each replica evaluates every rule and notifies on its own; alertmanager deduplicates (op:docs/resources/vmalert.md §High availability).
      if (down.length > 0) reasons.push(`${downOf(down)}: ${list(live)} evaluate${live.length === 1 ? 's' : ''} the same rules (vmalert replicas are identical; alertmanager deduplicates their alerts)`);
      const read = readState(s, dsTarget);
      if (read.level === 2) return { level: 2, reasons: [...reasons, `vmalert '${v.name}' cannot query its datasource ${targetName(t, dsTarget, ds!)}, so its rules are not evaluated and no alert fires`] };
      if (read.level === 1) {
        level = 1;
        reasons.push(`vmalert '${v.name}' evaluates its rules on partial responses from ${targetName(t, dsTarget, ds!)}: alerts over the missing series may not fire, and absent()-style alerts may fire falsely`);
      }
      // vmalert sends every alert to every notifier URL (vm:vmalert.md §Notifier configuration); the
      // headless Service resolves to the running pods only. A receiver that is up delivers; the
      // replicas of one VMAlertmanager gossip the notification log, AP, no quorum needed
      // (am:docs/high_availability.md); separate clusters (or gossip off) each notify: duplicates.
      const up = recv.list.filter((r) => (r.service ? podsOf(s, r.service).live.length > 0 : r.pod === undefined || !s.down(r.pod)));
      const downR = recv.list.filter((r) => !up.includes(r));
      if (up.length === 0) return { level: 2, reasons: [...reasons, `${list(downR.map((r) => r.label))} down: no alertmanager that vmalert '${v.name}' notifies is up, so alerts are evaluated but nobody receives them`] };
      const groups = new Set(up.map((r) => r.group));
      if (groups.size > 1) {
        level = Math.max(level, 1);
        reasons.push(`vmalert '${v.name}' sends every alert to ${list(up.map((r) => r.label))}, which do not gossip with each other (separate alertmanagers, or gossip off with one replica): each sends its own notification, so receivers get duplicates`);
      } else if (downR.length > 0) {
        reasons.push(`${list(downR.map((r) => r.label))} down: vmalert '${v.name}' still notifies ${list(up.map((r) => r.label))}${up.length > 1 ? ', which gossip to deduplicate (gossip needs no quorum)' : ''}, so alerts are delivered`);
      }
      return { level, reasons };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Queries: one unit per store.

function storeUnit(t: Topology, c: Component): Unit {
  return {
    dim: DIM_QUERIES,
    own: [c.id],
    run(s) {
      const r = readState(s, c);
      return { level: r.level, reasons: r.why };
    },
  };
}

/** A VMAuth serves reads when something reads through it, or when nothing in the design links to it (its role is then unknown). */
function readsThrough(t: Topology, c: Component): boolean {
  const into = linksTo(t, c.id);
  return into.length === 0 || into.some((l) => l.type === 'datasource' || l.type === 'remoteRead');
}

// ---------------------------------------------------------------------------------------------

function units(t: Topology): Unit[] {
  const out: Unit[] = [];
  for (const c of t.components) {
    switch (c.kind) {
      case 'VMAgent':
        out.push(agentUnit(t, c));
        break;
      case 'VMSingle':
        out.push(storeUnit(t, c));
        if (c.spec.ingestOnlyMode === false) out.push(singleScrapeUnit(t, c));
        break;
      case 'VMCluster':
        out.push(storeUnit(t, c));
        break;
      case 'VMAuth':
        if (readsThrough(t, c)) out.push(storeUnit(t, c));
        break;
      case 'VMAlert': {
        const rw = linksFrom(t, c.id, 'remoteWrite')[0];
        if (rw) out.push(vmalertWriteUnit(t, c, rw));
        const a = vmalertAlertUnit(t, c);
        if (a) out.push(a);
        break;
      }
      default:
        break;
    }
  }
  return out;
}

const LEVELS = [INGESTION_LEVELS, QUERY_LEVELS, ALERTING_LEVELS] as const;
/** The order reasons are told in, by dimension: stores, then writers, then evaluators. */
const ORDER: Record<Dim, number> = { [DIM_QUERIES]: 0, [DIM_INGESTION]: 1, [DIM_ALERTING]: 2 };

/** The design's level of a dimension from its units' level counts (see `aggregate`). */
function levelOf(dim: Dim, counts: number[]): number {
  const total = counts.reduce((a, b) => a + b, 0);
  const worst = counts.reduce((w, n, i) => (n > 0 ? i : w), 0);
  if (dim === DIM_ALERTING) return worst;
  // Ingestion and queries: "lost" / "unavailable" when every unit is, else "partial" when some unit
  // loses or fails (some series are not collected or cannot be queried).
  const top = counts.length - 1;
  if (total > 0 && counts[top] === total) return top;
  if (dim === DIM_INGESTION) return worst >= 2 ? 2 : worst;
  return worst >= 1 ? 1 : 0;
}

/** Records that `u` ends at `level`: its component is down at its dimension's top level, else degraded (the worse one stays). */
function noteHarm(harm: Map<string, ComponentHarm>, u: Unit, level: number): void {
  const id = u.own[0]!;
  if (harm.get(id) !== 'down') harm.set(id, level === LEVELS[u.dim]!.length - 1 ? 'down' : 'degraded');
}

function outcomeOf(counts: number[][], reasons: string[], buffers: Buffering[], harm: Map<string, ComponentHarm>): Outcome {
  return {
    affected: [...harm.keys()],
    harm: Object.fromEntries(harm),
    ingestion: INGESTION_LEVELS[levelOf(DIM_INGESTION, counts[DIM_INGESTION]!)]!,
    queries: QUERY_LEVELS[levelOf(DIM_QUERIES, counts[DIM_QUERIES]!)]!,
    alerting: ALERTING_LEVELS[levelOf(DIM_ALERTING, counts[DIM_ALERTING]!)]!,
    reasons,
    buffers,
  };
}

const models = new WeakMap<Topology, Map<string, Model>>();

function modelOf(t: Topology, opts: WhatIfOptions): Model {
  const zones = zonesFor(t, opts.zones);
  const key = `${zones}/${opts.sendRate === undefined ? '' : JSON.stringify(opts.sendRate)}`;
  let byKey = models.get(t);
  if (!byKey) models.set(t, (byKey = new Map()));
  let m = byKey.get(key);
  if (m) return m;
  const placement = placementOf(t, zones);
  const us = units(t);
  const index = (field: keyof Deps) => {
    const map = new Map<string, number[]>();
    us.forEach((u, i) => {
      for (const k of new Set(u[field] ?? [])) {
        const arr = map.get(k);
        if (arr) arr.push(i);
        else map.set(k, [i]);
      }
    });
    return map;
  };
  m = {
    t,
    placement,
    units: us,
    own: index('own'),
    writes: index('writes'),
    reads: index('reads'),
    notifies: index('notifies'),
    queues: new Map(),
    base: undefined as unknown as Scenario,
    baseline: [],
    counts: LEVELS.map((l) => new Array<number>(l.length).fill(0)),
    baselineOutcome: undefined as unknown as Outcome,
  };
  if (opts.sendRate !== undefined) m.sendRate = opts.sendRate;
  const s = new Scenario(m, new Set(), false);
  m.base = s;
  const reasons: string[] = [];
  const buffers: Buffering[] = [];
  for (const g of placement.groups) if (g.pending.length > 0) reasons.push(`${list(g.pending)} never run${g.pending.length === 1 ? 's' : ''}: ${g.rule}`);
  const harm = new Map<string, ComponentHarm>();
  for (const u of us) {
    const r = u.run(s);
    m.baseline.push(r);
    m.counts[u.dim]![r.level]!++;
    if (r.level > 0) {
      reasons.push(...r.reasons);
      noteHarm(harm, u, r.level);
    }
    if (r.buffers) buffers.push(...r.buffers);
  }
  m.baselineOutcome = outcomeOf(m.counts, reasons, buffers, harm);
  byKey.set(key, m);
  return m;
}

/** Every pod name of the design (DaemonSet pods as `<workload>@node`), in design order. */
export function podNames(t: Topology, opts: WhatIfOptions = {}): string[] {
  return placementOf(t, zonesFor(t, opts.zones)).pods.map((p) => p.name);
}

/** The pods of `names` that the design does not have. */
export function unknownPods(t: Topology, names: Iterable<string>, opts: WhatIfOptions = {}): string[] {
  const byName = placementOf(t, zonesFor(t, opts.zones)).byName;
  return [...names].filter((n) => !byName.has(n));
}

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/**
 * The design's pod names nearest to `name` (for "no pod X; near: ..."), best first: by edit
 * distance, else those of the same workload kind (the first word, `vmstorage`).
 */
export function nearPods(t: Topology, name: string, max = 5, opts: WhatIfOptions = {}): string[] {
  const all = podNames(t, opts);
  const scored = all.map((p) => ({ p, d: p.startsWith(name) || name.startsWith(p) ? Math.abs(p.length - name.length) * 0.1 : editDistance(name, p) }));
  scored.sort((x, y) => x.d - y.d || (x.p < y.p ? -1 : 1));
  const limit = Math.max(3, Math.ceil(name.length / 3));
  const close = scored.filter((x) => x.d <= limit);
  if (close.length > 0) return close.slice(0, max).map((x) => x.p);
  const word = name.split('-')[0] ?? '';
  return scored.filter((x) => word !== '' && x.p.split('-')[0] === word).slice(0, max).map((x) => x.p);
}

/** The design with every pod running: defects that need no failure (pods that never run, a vmalert without notifier, ...). */
export function baselineOf(t: Topology, opts: WhatIfOptions = {}): Outcome {
  return modelOf(t, opts).baselineOutcome;
}

const ALL_OK = (o: Outcome) => o.ingestion === 'ok' && o.queries === 'complete' && o.alerting === 'ok';

/** Runs one scenario on a built model. `wholeNodes`: the pods fail with their nodes (DaemonSet pods fail with what they scrape). */
export function runScenario(t: Topology, failed: readonly string[], opts: WhatIfOptions & { wholeNodes?: boolean } = {}): Outcome {
  return runOn(modelOf(t, opts), failed, opts.wholeNodes === true);
}

/** A runner of scenarios on one design (the model built once): what the N−1 analysis calls per scenario. */
export function scenarioRunner(t: Topology, opts: WhatIfOptions = {}): (failed: readonly string[], wholeNodes?: boolean) => Outcome {
  const m = modelOf(t, opts);
  return (failed, wholeNodes = false) => runOn(m, failed, wholeNodes);
}

function runOn(m: Model, failed: readonly string[], wholeNodes: boolean): Outcome {
  const t = m.t;
  const failedSet = new Set(failed);
  const s = new Scenario(m, failedSet, wholeNodes);
  const touched = new Set<number>();
  const keys = new Map<string, string[]>();
  for (const pod of failedSet) {
    const ref: PodRef | undefined = m.placement.byName.get(pod);
    if (!ref) continue;
    const key = keyOf(t, ref.componentId);
    const arr = keys.get(key);
    if (arr) arr.push(pod);
    else keys.set(key, [pod]);
  }
  const add = (us: number[] | undefined) => {
    if (us) for (const u of us) touched.add(u);
  };
  const idle = new Map<string, string[]>();
  for (const [key, pods] of keys) {
    const own = m.own.get(key);
    const writes = m.writes.get(key);
    const reads = m.reads.get(key);
    const notifies = m.notifies.get(key);
    add(own);
    add(notifies);
    // Readers and writers of a store are judged again only when its state changed from the baseline.
    const store = writes || reads ? getComponent(t, key) : undefined;
    if (store && writes && writeState(s, store).accepts !== writeState(m.base, store).accepts) add(writes);
    if (store && reads && readState(s, store).level !== readState(m.base, store).level) add(reads);
    if (!own && !writes && !reads && !notifies) idle.set(key, pods);
  }
  const counts = m.counts.map((c) => c.slice());
  const reasons: string[] = [];
  const said = new Set<string>();
  const harm = new Map<string, ComponentHarm>();
  const buffers: Buffering[] = [];
  // Causes first: the stores' own state, then what the writers and the evaluators make of it.
  const order = touched.size > 1 ? [...touched].sort((a, b) => ORDER[m.units[a]!.dim] - ORDER[m.units[b]!.dim] || a - b) : touched;
  for (const i of order) {
    const u = m.units[i]!;
    const r = u.run(s);
    counts[u.dim]![m.baseline[i]!.level]!--;
    counts[u.dim]![r.level]!++;
    if (r.level > m.baseline[i]!.level) noteHarm(harm, u, r.level);
    for (const x of r.reasons) {
      if (said.has(x)) continue;
      said.add(x);
      reasons.push(x);
    }
    if (r.buffers) buffers.push(...r.buffers);
  }
  for (const [key, pods] of idle) {
    const c = getComponent(t, key);
    reasons.push(`${downOf(pods)}: no data path of the design depends on ${c ? describe(t, c) : key}${c?.kind === 'VMAlertmanager' ? ' (no vmalert of the design notifies it)' : ''}`);
  }
  const base = m.baselineOutcome;
  if (!ALL_OK(base)) {
    const already = [
      base.ingestion !== 'ok' ? `ingestion ${base.ingestion}` : '',
      base.queries !== 'complete' ? `queries ${base.queries}` : '',
      base.alerting !== 'ok' ? `alerting ${base.alerting}` : '',
    ].filter(Boolean);
    reasons.push(`Already with every pod running: ${list(already)} (see the baseline)`);
  }
  return outcomeOf(counts, reasons, buffers, harm);
}

/**
 * The consequence of `failed` pods (names as the operator model gives them, `vmstorage-prod-1`,
 * `vmagent-big-2-0`; a DaemonSet's pod on one node as `<workload>@node`). Unknown names are
 * ignored: check them first with `unknownPods`.
 */
export function simulate(t: Topology, failed: Iterable<string>, opts: WhatIfOptions = {}): Outcome {
  return runScenario(t, [...failed], opts);
}

/** Whether an outcome loses or delays nothing. */
export function isUnharmed(o: Pick<Outcome, 'ingestion' | 'queries' | 'alerting'>): boolean {
  return ALL_OK(o as Outcome);
}

/** Levels as numbers (0 best), to compare outcomes. */
export function severity(o: Pick<Outcome, 'ingestion' | 'queries' | 'alerting'>): [number, number, number] {
  return [INGESTION_LEVELS.indexOf(o.ingestion), QUERY_LEVELS.indexOf(o.queries), ALERTING_LEVELS.indexOf(o.alerting)];
}
