/**
 * What the operator creates for a VMAgent (`op:factory/vmagent/vmagent.go`): one workload per
 * shard (Deployment, StatefulSet in statefulMode, DaemonSet in daemonSetMode), each running
 * `replicaCount` identical pods, the shard flags, the remote-write queue and one Service for all.
 */
import { rawField, replicasOf } from '../access.ts';
import { linksFrom } from '../links.ts';
import type { Component, JsonObject, Link, Topology } from '../topology.ts';
import { parseQuantity, parseSize } from '../values.ts';
import { ArgList, byDefault, byRule, fromField } from './args.ts';
import { prefixedName } from './names.ts';
import { pdbsOf } from './pdb.ts';
import type { ComponentPlan, Source, Workload, WorkloadKind, WorkloadVolume } from './types.ts';
import { remoteWriteUrls } from './urls.ts';
import { claimSize, service, statefulClaims, workload } from './workload.ts';

const isObj = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

export const VMAGENT_PORT = 8429;
/** The queue's directory: on the persistent volume in statefulMode, else on the pod's ephemeral disk (`vmagent.go:41-42`). */
export const QUEUE_PATH_STATEFUL = '/vmagent_pq/vmagent-remotewrite-data';
export const QUEUE_PATH_EPHEMERAL = '/tmp/vmagent-remotewrite-data';
/** `-remoteWrite.maxDiskUsagePerURL` when nothing sets it: 1 GiB (`vmagent.go:51`). */
export const DEFAULT_QUEUE_BYTES = 1024 ** 3;

/** Shards the operator creates: 0 (sharding off) still means one workload. */
export function shardCount(a: Component): number {
  const n = rawField(a, 'shardCount');
  return typeof n === 'number' && n > 0 ? n : 0;
}

export function workloadKind(a: Component): WorkloadKind {
  if (a.spec.daemonSetMode === true) return 'DaemonSet';
  return a.spec.statefulMode === true ? 'StatefulSet' : 'Deployment';
}

/** The queue volume, always named `persistent-queue-data`: a claim template in statefulMode, else an emptyDir (`vmagent.go` newPodSpec). */
export function queueVolume(a: Component): WorkloadVolume {
  const claim = 'persistent-queue-data';
  if (a.spec.statefulMode !== true) return { holds: 'queue', mountPath: QUEUE_PATH_EPHEMERAL, persistence: 'emptyDir' };
  const storage = isObj(a.spec.statefulStorage) ? a.spec.statefulStorage : {};
  const template = isObj(storage.volumeClaimTemplate) ? storage.volumeClaimTemplate : undefined;
  if (!template) return { holds: 'queue', mountPath: QUEUE_PATH_STATEFUL, persistence: 'emptyDir' };
  const v: WorkloadVolume = { holds: 'queue', mountPath: QUEUE_PATH_STATEFUL, persistence: 'pvc', claim };
  const size = claimSize(template.spec);
  if (size !== undefined) v.size = size;
  return v;
}

/** One remote-write URL's queue limit: the value the operator passes and how it came to be. */
export interface UrlQueue {
  link: Link;
  value: string;
  /** Bytes, as vmagent reads the value; 0 means no limit (vmagent docs); undefined when it cannot be read. */
  bytes: number | undefined;
  /** What sets it, in the operator's order: the URL's own maxDiskUsage, remoteWriteSettings, the statefulMode volume split, the default. */
  from: 'url' | 'settings' | 'volume' | 'default';
  source: Source;
}

/** The operator's default limit, one object for every agent without another (the checker asks of thousands). */
const DEFAULT_QUEUE: Omit<UrlQueue, 'link'> = { value: String(DEFAULT_QUEUE_BYTES), bytes: DEFAULT_QUEUE_BYTES, from: 'default', source: byDefault('operator default: 1 GiB') };

/**
 * The queue limit of each remote-write URL, in order, as the operator derives
 * `-remoteWrite.maxDiskUsagePerURL` (`vmagent.go` buildRemoteWriteArgs): an entry's own
 * `maxDiskUsage`, else `remoteWriteSettings.maxDiskUsagePerURL`, else — in statefulMode with a
 * sized queue volume, while the value is still the default — the volume divided by the URLs,
 * else 1 GiB (`1073741824`, which counts as unset when written by hand too).
 */
export function urlQueues(t: Topology, a: Component): UrlQueue[] {
  const shared = sharedQueue(t, a);
  return linksFrom(t, a.id, 'remoteWrite').map((link) => ownQueue(link) ?? { link, ...shared });
}

/** The limit of every URL of the agent without one of its own (see urlQueues). */
export function sharedQueue(t: Topology, a: Component): Omit<UrlQueue, 'link'> {
  const set = rawField(a, 'maxDiskUsagePerURL');
  if (set !== undefined && String(set) !== String(DEFAULT_QUEUE_BYTES)) {
    return { value: String(set), bytes: parseSize(set), from: 'settings', source: fromField('remoteWriteSettings.maxDiskUsagePerURL', set) };
  }
  const urls = linksFrom(t, a.id, 'remoteWrite').length;
  const q = queueVolume(a);
  const size = q.size !== undefined ? parseQuantity(q.size) : undefined;
  if (q.persistence === 'pvc' && size !== undefined && urls > 0) {
    const per = Math.floor(size / urls);
    return { value: String(per), bytes: per, from: 'volume', source: byRule(`queue volume ${q.size} shared by ${urls} remote-write URL${urls === 1 ? '' : 's'}`) };
  }
  return DEFAULT_QUEUE;
}

/** A URL's own limit, when its entry sets maxDiskUsage (see urlQueues). */
export function ownQueue(link: Link): UrlQueue | undefined {
  // A link to a component keeps the entry's other fields in `extra`; an entry kept verbatim, in `external`.
  const own = link.extra?.maxDiskUsage ?? link.external?.maxDiskUsage;
  return own === undefined ? undefined : { link, value: String(own), bytes: parseSize(own), from: 'url', source: fromField('remoteWrite[].maxDiskUsage', own) };
}

function agentArgs(t: Topology, a: Component, shard: number | undefined, shards: number): ArgList {
  const args = new ArgList().set('httpListenAddr', `:${VMAGENT_PORT}`, byDefault());
  if (a.spec.ingestOnlyMode !== true) args.set('promscrape.config', '/etc/vmagent/config_out/vmagent.yaml', byRule('the scrape config the operator assembles from the selected scrape objects'));
  const urls = remoteWriteUrls(t, a);
  if (urls.length > 0) args.set('remoteWrite.url', urls.join(','), byRule('one per remoteWrite entry, in order'));
  const queues = urlQueues(t, a);
  if (queues.some((q) => q.value !== queues[0]!.value)) args.set('remoteWrite.maxDiskUsagePerURL', queues.map((q) => q.value).join(','), byRule('per URL: its own maxDiskUsage, else the shared limit'));
  else args.set('remoteWrite.maxDiskUsagePerURL', queues[0]?.value ?? String(DEFAULT_QUEUE_BYTES), queues[0]?.source ?? byDefault('operator default: 1 GiB'));
  const tmp = typeof a.spec.remoteWriteSettings === 'object' && a.spec.remoteWriteSettings !== null ? (a.spec.remoteWriteSettings as JsonObject).tmpDataPath : undefined;
  if (typeof tmp === 'string') args.set('remoteWrite.tmpDataPath', tmp, fromField('remoteWriteSettings.tmpDataPath', tmp));
  else args.set('remoteWrite.tmpDataPath', queueVolume(a).mountPath, byRule(a.spec.statefulMode === true ? 'statefulMode: on the queue volume' : 'not statefulMode: on the pod’s ephemeral disk'));
  const locked: string[] = [];
  // Ingest-only shards scrape nothing, so the operator gives them no member flags.
  if (shard !== undefined && a.spec.ingestOnlyMode !== true) {
    args.set('promscrape.cluster.membersCount', String(shards), fromField('shardCount', shards));
    args.set('promscrape.cluster.memberNum', String(shard), byRule(`shard ${shard} of ${shards}`));
    locked.push('promscrape.cluster.membersCount', 'promscrape.cluster.memberNum');
  }
  return args.extra(a.spec.extraArgs, locked);
}

export function vmagentPlan(t: Topology, a: Component): ComponentPlan {
  const name = prefixedName(t, a);
  const kind = workloadKind(a);
  const shards = kind === 'DaemonSet' ? 0 : shardCount(a);
  const volumes = [queueVolume(a)];
  const workloads: Workload[] =
    shards === 0
      ? [workload(t, a, { kind, name, replicas: replicasOf(a), args: agentArgs(t, a, undefined, 0), volumes })]
      : Array.from({ length: shards }, (_, k) =>
          workload(t, a, { kind, name: `${name}-${k}`, shard: k, replicas: replicasOf(a), args: agentArgs(t, a, k, shards), volumes, labels: { 'shard-num': String(k) } }),
        );
  const plan: ComponentPlan = {
    componentId: a.id,
    workloads,
    services: [service(a, name, [{ name: 'http', port: VMAGENT_PORT }], kind === 'StatefulSet', shards > 0 ? 'one Service for every shard' : undefined)],
    pdbs: kind === 'DaemonSet' ? [] : pdbsOf(a, workloads),
    pvcs: kind === 'StatefulSet' ? workloads.flatMap(statefulClaims) : [],
    notes: [],
  };
  if (kind === 'StatefulSet' && shards === 0) plan.notes.push('An unsharded statefulMode StatefulSet gets no serviceName: its pods have no per-pod DNS names.');
  if (volumes[0]!.persistence === 'emptyDir') plan.notes.push(`The remote-write queue at ${volumes[0]!.mountPath} is on ephemeral storage: samples buffered during a storage outage are lost when the pod is rescheduled.`);
  if (kind === 'DaemonSet') plan.notes.push('daemonSetMode: one pod per Kubernetes node; sharding, hpa and podDisruptionBudget do not apply.');
  return plan;
}
