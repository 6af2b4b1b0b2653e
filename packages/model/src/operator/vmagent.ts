/**
 * What the operator creates for a VMAgent (`op:factory/vmagent/vmagent.go`): one workload per
 * shard (Deployment, StatefulSet in statefulMode, DaemonSet in daemonSetMode), each running
 * `replicaCount` identical pods, the shard flags, the remote-write queue and one Service for all.
 */
import { rawField, replicasOf } from '../access.ts';
import { bytes } from '../rules/context.ts';
import type { Component, JsonObject, Topology } from '../topology.ts';
import { ArgList, byDefault, byRule, fromField } from './args.ts';
import { prefixedName } from './names.ts';
import { pdbsOf } from './pdb.ts';
import type { ComponentPlan, Workload, WorkloadKind, WorkloadVolume } from './types.ts';
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

function queueVolume(a: Component): WorkloadVolume {
  if (a.spec.statefulMode !== true) return { holds: 'queue', mountPath: QUEUE_PATH_EPHEMERAL, persistence: 'emptyDir' };
  const storage = isObj(a.spec.statefulStorage) ? a.spec.statefulStorage : {};
  const template = isObj(storage.volumeClaimTemplate) ? storage.volumeClaimTemplate : undefined;
  if (!template) return { holds: 'queue', mountPath: QUEUE_PATH_STATEFUL, persistence: 'emptyDir' };
  const md = isObj(template.metadata) ? template.metadata : {};
  const v: WorkloadVolume = { holds: 'queue', mountPath: QUEUE_PATH_STATEFUL, persistence: 'pvc', claim: typeof md.name === 'string' && md.name ? md.name : 'vmagent-persistent-queue-data' };
  const size = claimSize(template.spec);
  if (size !== undefined) v.size = size;
  return v;
}

/**
 * `-remoteWrite.maxDiskUsagePerURL` as the operator passes it: the user's setting, else in
 * statefulMode the queue volume shared by the remote-write URLs (`vmagent.go:1068-1075`), else 1 GiB.
 */
export function queuePerUrl(a: Component, urls: number): { value: string; bytes: number | undefined; source: ReturnType<typeof byDefault> } {
  const set = rawField(a, 'maxDiskUsagePerURL');
  if (set !== undefined) return { value: String(set), bytes: bytes(set), source: fromField('remoteWriteSettings.maxDiskUsagePerURL', set) };
  const q = queueVolume(a);
  const size = q.size !== undefined ? bytes(q.size) : undefined;
  if (q.persistence === 'pvc' && size !== undefined && urls > 0) {
    const per = Math.floor(size / urls);
    return { value: String(per), bytes: per, source: byRule(`queue volume ${q.size} shared by ${urls} remote-write URL${urls === 1 ? '' : 's'}`) };
  }
  return { value: String(DEFAULT_QUEUE_BYTES), bytes: DEFAULT_QUEUE_BYTES, source: byDefault('operator default: 1 GiB') };
}

function agentArgs(t: Topology, a: Component, shard: number | undefined, shards: number): ArgList {
  const args = new ArgList().set('httpListenAddr', `:${VMAGENT_PORT}`, byDefault());
  const urls = remoteWriteUrls(t, a);
  if (urls.length > 0) args.set('remoteWrite.url', urls.join(','), byRule('one per remoteWrite entry, in order'));
  const q = queuePerUrl(a, urls.length);
  args.set('remoteWrite.maxDiskUsagePerURL', q.value, q.source);
  args.set('remoteWrite.tmpDataPath', queueVolume(a).mountPath, byRule(a.spec.statefulMode === true ? 'statefulMode: on the queue volume' : 'not statefulMode: on the pod’s ephemeral disk'));
  const locked: string[] = [];
  if (shard !== undefined) {
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
  if (volumes[0]!.persistence === 'emptyDir') plan.notes.push(`The remote-write queue at ${volumes[0]!.mountPath} is on ephemeral storage: samples buffered during a storage outage are lost when the pod is rescheduled.`);
  if (kind === 'DaemonSet') plan.notes.push('daemonSetMode: one pod per Kubernetes node; sharding, hpa and podDisruptionBudget do not apply.');
  return plan;
}
