/**
 * What the operator creates for a VMCluster (`op:factory/vmcluster/vmcluster.go`): a vminsert
 * Deployment, vmselect and vmstorage StatefulSets, their Services, and the flags that tie them
 * together (vm-domain.md §b "Replication flags", `-storageNode` lists).
 */
import { namespaceOf, partsOf, rawField, replicasOf } from '../access.ts';
import type { Component, JsonObject, Topology } from '../topology.ts';
import { ArgList, byDefault, byRule, fromField } from './args.ts';
import { prefixedName } from './names.ts';
import type { ComponentPlan, Source, Workload } from './types.ts';
import { service, statefulClaims, statefulVolume, workload } from './workload.ts';
import { pdbsOf } from './pdb.ts';

const isObj = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

export const VMINSERT_PORT = 8480;
export const VMSELECT_PORT = 8481;
export const VMSTORAGE_HTTP_PORT = 8482;
export const VMSTORAGE_INSERT_PORT = 8400;
export const VMSTORAGE_SELECT_PORT = 8401;

const wholeNumber = (v: unknown): number | undefined => (typeof v === 'number' && Number.isInteger(v) ? v : undefined);

/** The cluster's replicationFactor as set (it has no default). */
export function clusterRF(cluster: Component): number | undefined {
  return wholeNumber(rawField(cluster, 'replicationFactor'));
}

/** vmstorage pods, or undefined while `vmstorage.replicaCount` and `hpa` are both unset (no -storageNode then). */
export function storageNodeCount(storage: Component | undefined): number | undefined {
  if (!storage) return undefined;
  const n = wholeNumber(storage.spec.replicaCount);
  if (n !== undefined) return n;
  return isObj(storage.spec.hpa) ? wholeNumber(storage.spec.hpa.minReplicas) : undefined;
}

function maintenanceIds(storage: Component, field: 'maintenanceInsertNodeIDs' | 'maintenanceSelectNodeIDs'): Set<number> {
  const ids = storage.spec[field];
  return new Set(Array.isArray(ids) ? ids.filter((i): i is number => typeof i === 'number') : []);
}

/** A StatefulSet pod's address in the operator's lists: `<sts>-<i>.<sts>.<ns>[.svc.<clusterDomainName>]:<port>` (`PodDNSAddress`). */
function podAddress(t: Topology, cluster: Component, part: Component, i: number, port: number): string {
  const sts = prefixedName(t, part);
  const domain = typeof cluster.spec.clusterDomainName === 'string' && cluster.spec.clusterDomainName !== '' ? `.svc.${cluster.spec.clusterDomainName}` : '';
  return `${sts}-${i}.${sts}.${namespaceOf(t, part)}${domain}:${port}`;
}

/**
 * `-storageNode` for vminsert (port 8400) or vmselect (8401): every vmstorage pod by its DNS name
 * behind the headless Service, minus the maintenance ids (`vmcluster.go:639-647,869-874`,
 * `AvailableStorageNodeIDs`).
 */
function storageNodes(t: Topology, cluster: Component, storage: Component, port: number, skip: Set<number>): string[] {
  const n = storageNodeCount(storage) ?? 0;
  const out: string[] = [];
  for (let i = 0; i < n; i++) if (!skip.has(i)) out.push(podAddress(t, cluster, storage, i, port));
  return out;
}

/** Whether any extraArgs key of the part contains `word`: the operator's test before adding its own flag. */
function extraArgsMention(part: Component, word: string): boolean {
  return isObj(part.spec.extraArgs) && Object.keys(part.spec.extraArgs).some((k) => k.includes(word));
}

/**
 * The `-dedup.minScrapeInterval` the operator gives vmselect and vmstorage of a cluster when their
 * extraArgs set none: the enterprise `downsampling.dedupInterval` when set, else 1ms when RF > 1
 * (`vmcluster.go:592-608,1089-1099`). The 1ms merges the replicas' copies of one sample only.
 */
export function operatorDedup(cluster: Component): { value: string; source: Source } | undefined {
  const ds = isObj(cluster.spec.downsampling) ? cluster.spec.downsampling.dedupInterval : undefined;
  if (typeof ds === 'string') return { value: ds, source: byRule(`from downsampling.dedupInterval: ${ds}`) };
  const rf = clusterRF(cluster) ?? 0;
  return rf > 1 ? { value: '1ms', source: byRule(`replicationFactor ${rf} > 1: merges the replicas' copies`) } : undefined;
}

function autoDedup(cluster: Component, part: Component, args: ArgList): void {
  const auto = operatorDedup(cluster);
  if (auto && !extraArgsMention(part, 'dedup.minScrapeInterval')) args.set('dedup.minScrapeInterval', auto.value, auto.source);
}

function vminsertPlan(t: Topology, cluster: Component, part: Component, storage: Component | undefined): Workload {
  const args = new ArgList().set('httpListenAddr', `:${VMINSERT_PORT}`, byDefault());
  const rf = clusterRF(cluster);
  if (rf !== undefined) args.set('replicationFactor', String(rf), fromField('replicationFactor', rf));
  const nodes = storage ? storageNodes(t, cluster, storage, VMSTORAGE_INSERT_PORT, maintenanceIds(storage, 'maintenanceInsertNodeIDs')) : [];
  if (nodes.length > 0) args.set('storageNode', nodes.join(','), byRule('one per vmstorage pod, port 8400'));
  args.extra(part.spec.extraArgs);
  return workload(t, part, { kind: 'Deployment', name: prefixedName(t, part), replicas: replicasOf(part), args });
}

function vmselectPlan(t: Topology, cluster: Component, part: Component, storage: Component | undefined): Workload {
  const name = prefixedName(t, part);
  const args = new ArgList().set('httpListenAddr', `:${VMSELECT_PORT}`, byDefault()).set('cacheDataPath', String(part.spec.cacheMountPath ?? '/cache'), part.spec.cacheMountPath ? fromField('cacheMountPath', part.spec.cacheMountPath) : byDefault());
  const rf = clusterRF(cluster);
  if (rf !== undefined && rf > 1 && !extraArgsMention(part, 'replicationFactor')) args.set('replicationFactor', String(rf), fromField('replicationFactor', rf));
  autoDedup(cluster, part, args);
  const extraNodes = Array.isArray(part.spec.extraStorageNodes) ? part.spec.extraStorageNodes.map((n) => String((n as JsonObject)?.addr ?? '')) : [];
  const nodes = [...(storage ? storageNodes(t, cluster, storage, VMSTORAGE_SELECT_PORT, maintenanceIds(storage, 'maintenanceSelectNodeIDs')) : []), ...extraNodes];
  if (nodes.length > 0) args.set('storageNode', nodes.join(','), byRule(extraNodes.length > 0 ? 'one per vmstorage pod, port 8401, then extraStorageNodes' : 'one per vmstorage pod, port 8401'));
  // Peers are listed only while the count is fixed: set, and no autoscaler.
  if (!isObj(part.spec.hpa) && typeof part.spec.replicaCount === 'number') {
    const peers = Array.from({ length: replicasOf(part) }, (_, i) => podAddress(t, cluster, part, i, VMSELECT_PORT));
    args.set('selectNode', peers.join(','), byRule('every vmselect pod (replicaCount set, no hpa)'));
  }
  args.extra(part.spec.extraArgs);
  const volumes = [statefulVolume(part.spec.storage, 'cache', String(part.spec.cacheMountPath ?? '/cache'), 'vmselect-cachedir')];
  return workload(t, part, { kind: 'StatefulSet', name, replicas: replicasOf(part), args, volumes });
}

function vmstoragePlan(t: Topology, cluster: Component, part: Component): Workload {
  const retention = rawField(cluster, 'retentionPeriod');
  const dataPath = typeof part.spec.storageDataPath === 'string' ? part.spec.storageDataPath : 'vmstorage-data';
  const args = new ArgList()
    .set('httpListenAddr', `:${VMSTORAGE_HTTP_PORT}`, byDefault())
    .set('vminsertAddr', `:${VMSTORAGE_INSERT_PORT}`, byDefault())
    .set('vmselectAddr', `:${VMSTORAGE_SELECT_PORT}`, byDefault())
    .set('storageDataPath', dataPath, part.spec.storageDataPath ? fromField('storageDataPath', dataPath) : byDefault());
  // Passed only when set; the binary then keeps one month.
  if (retention !== undefined && retention !== '') args.set('retentionPeriod', String(retention), fromField('retentionPeriod', retention));
  autoDedup(cluster, part, args);
  args.extra(part.spec.extraArgs);
  const volumes = [statefulVolume(part.spec.storage, 'data', dataPath, 'vmstorage-db')];
  return workload(t, part, { kind: 'StatefulSet', name: prefixedName(t, part), replicas: storageNodeCount(part) ?? 1, args, volumes });
}

/** The plan of one cluster part (its workload, Service, PDB and claims). */
export function clusterPartPlan(t: Topology, cluster: Component, part: Component): ComponentPlan {
  const storage = partsOf(t, cluster.id).vmstorage;
  const name = prefixedName(t, part);
  const plan: ComponentPlan = { componentId: part.id, workloads: [], services: [], pdbs: [], pvcs: [], notes: [] };
  if (part.kind === 'vminsert') {
    plan.workloads.push(vminsertPlan(t, cluster, part, storage));
    plan.services.push(service(part, name, [{ name: 'http', port: VMINSERT_PORT }], false));
  } else if (part.kind === 'vmselect') {
    plan.workloads.push(vmselectPlan(t, cluster, part, storage));
    plan.services.push(service(part, name, [{ name: 'http', port: VMSELECT_PORT }], true));
  } else {
    plan.workloads.push(vmstoragePlan(t, cluster, part));
    plan.services.push(
      service(part, name, [{ name: 'http', port: VMSTORAGE_HTTP_PORT }, { name: 'vminsert', port: VMSTORAGE_INSERT_PORT }, { name: 'vmselect', port: VMSTORAGE_SELECT_PORT }], true),
    );
    if (storageNodeCount(part) === undefined) plan.notes.push('vmstorage.replicaCount is unset: one pod runs, but the operator gives vminsert and vmselect no -storageNode.');
    if (rawField(cluster, 'retentionPeriod') === undefined) plan.notes.push('retentionPeriod unset: vmstorage keeps data for one month (binary default).');
  }
  if (part.kind !== 'vmstorage' && storageNodeCount(storage) === undefined) plan.notes.push(`${part.kind} gets no -storageNode: the cluster has no vmstorage with a replicaCount.`);
  for (const w of plan.workloads) {
    plan.pvcs.push(...statefulClaims(w));
    for (const v of w.volumes) if (v.persistence === 'emptyDir') plan.notes.push(`${v.holds === 'data' ? 'Data' : 'The cache'} at ${v.mountPath} is an emptyDir: it is lost when a pod is rescheduled.`);
  }
  plan.pdbs.push(...pdbsOf(part, plan.workloads));
  return plan;
}

/** The VMCluster's own objects: the requests load balancer (a vmauth Deployment) when enabled. */
export function clusterPlan(t: Topology, cluster: Component): ComponentPlan {
  const plan: ComponentPlan = { componentId: cluster.id, workloads: [], services: [], pdbs: [], pvcs: [], notes: [] };
  const lb = isObj(cluster.spec.requestsLoadBalancer) ? cluster.spec.requestsLoadBalancer : undefined;
  if (lb?.enabled !== true) return plan;
  const name = cluster.name ?? '';
  const lbSpec = isObj(lb.spec) ? lb.spec : {};
  const replicas = wholeNumber(lbSpec.replicaCount) ?? 1;
  const args = new ArgList()
    .set('auth.config', '/opt/vmauth-config/config.yaml', byRule('routes /insert/ to vminsertinternal, the rest to vmselectinternal'))
    .set('configCheckInterval', '30s', byDefault())
    .set('httpListenAddr', ':8427', byDefault())
    .extra(lbSpec.extraArgs);
  const w = workload(t, cluster, { kind: 'Deployment', name: `vmclusterlb-${name}`, replicas, args, labels: { 'app.kubernetes.io/name': 'vmclusterlb-vmauth-balancer' } });
  plan.workloads.push(w);
  plan.services.push(service(cluster, `vmclusterlb-${name}`, [{ name: 'http', port: 8427 }], false, 'the requests load balancer'));
  // Clients keep their URLs: vminsert-<name> / vmselect-<name> become proxies to the balancer's pods.
  if (lb.disableInsertBalancing !== true) plan.services.push(service(cluster, `vminsertinternal-${name}`, [{ name: 'http', port: VMINSERT_PORT }], true, `the vminsert pods; vminsert-${name} now points at the balancer`));
  if (lb.disableSelectBalancing !== true) plan.services.push(service(cluster, `vmselectinternal-${name}`, [{ name: 'http', port: VMSELECT_PORT }], true, `the vmselect pods; vmselect-${name} now points at the balancer`));
  plan.pdbs.push(...pdbsOf({ ...cluster, spec: lbSpec }, plan.workloads));
  return plan;
}
