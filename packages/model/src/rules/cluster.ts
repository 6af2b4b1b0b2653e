/** VMCluster rules: replication factor against storage nodes, replica counts of the parts. */
import { getComponent, rawField, replicasOf, partsOf } from '../access.ts';
import type { Component, Topology } from '../topology.ts';
import { isObj, num, ofKind, replicationFactor, setField, withStorageReplicas, named } from './context.ts';
import { type Finding, type Rule, finding } from './types.ts';

/** The storage node count the catalog recommends for a replication factor: 2·RF−1, at least 2. */
export function storageNodesFor(rf: number | undefined): number {
  return Math.max(2, 2 * (rf ?? 1) - 1);
}

interface RfCase {
  cluster: Component;
  vmstorage: Component;
  rf: number;
  nodes: number;
}

/** Clusters where both replicationFactor and vmstorage.replicaCount are set (the vmcluster-rf-* rules). */
function rfCases(t: Topology): RfCase[] {
  const out: RfCase[] = [];
  for (const cluster of ofKind(t, 'VMCluster')) {
    const vmstorage = partsOf(t, cluster.id).vmstorage;
    const rf = replicationFactor(cluster);
    const nodes = vmstorage ? num(rawField(vmstorage, 'replicaCount')) : undefined;
    if (vmstorage && rf !== undefined && nodes !== undefined) out.push({ cluster, vmstorage, rf, nodes });
  }
  return out;
}

function fixStorageNodes(t: Topology, f: Finding): Topology {
  const vs = getComponent(t, f.componentIds[0]);
  const cluster = getComponent(t, vs?.cluster);
  if (!vs || !cluster) return t;
  const want = storageNodesFor(replicationFactor(cluster));
  const have = num(rawField(vs, 'replicaCount'));
  return have !== undefined && have >= want ? t : withStorageReplicas(t, vs.id, want);
}

export const vmclusterRfExceedsStorage: Rule = {
  id: 'vmcluster-rf-exceeds-storage',
  severity: 'error',
  title: 'Replication factor above the number of vmstorage nodes',
  source: 'vm:Cluster-VictoriaMetrics.md §Replication and data safety (L1033-1040); no check in vmcluster_types.go:745-903',
  check(t) {
    return rfCases(t)
      .filter((c) => c.rf > c.nodes)
      .map(({ cluster, vmstorage, rf, nodes }) =>
        finding(
          this,
          [vmstorage.id, cluster.id],
          `${named(t, cluster)} has replicationFactor ${rf} but only ${nodes} vmstorage node${nodes === 1 ? '' : 's'}: vminsert cannot place ${rf} copies on distinct nodes (the webhook does not check this). ` +
            `Set vmstorage.replicaCount to at least ${storageNodesFor(rf)} (2·RF−1), or lower replicationFactor.`,
          'replicaCount',
          `Set vmstorage replicaCount to ${storageNodesFor(rf)}`,
        ),
      );
  },
  fix: fixStorageNodes,
};

export const vmclusterRfBelow2n1: Rule = {
  id: 'vmcluster-rf-below-2n-1',
  severity: 'warning',
  title: 'Fewer than 2·RF−1 vmstorage nodes',
  source: 'vm:Cluster-VictoriaMetrics.md:1039',
  check(t) {
    return rfCases(t)
      .filter((c) => c.rf > 1 && c.nodes < 2 * c.rf - 1)
      .map(({ cluster, vmstorage, rf, nodes }) =>
        finding(
          this,
          [vmstorage.id, cluster.id],
          `${named(t, cluster)} has replicationFactor ${rf} with ${nodes} vmstorage node${nodes === 1 ? '' : 's'}: with ${rf - 1} node${rf === 2 ? '' : 's'} down, new data can no longer be written ${rf} times. ` +
            `Set vmstorage.replicaCount to at least ${2 * rf - 1} (2·RF−1).`,
          'replicaCount',
          `Set vmstorage replicaCount to ${storageNodesFor(rf)}`,
        ),
      );
  },
  fix: fixStorageNodes,
};

export const vmclusterStorageReplicasUnset: Rule = {
  id: 'vmcluster-storage-replicas-unset',
  severity: 'error',
  title: 'vmstorage.replicaCount is not set',
  source: 'vmcluster_types.go:905-933; vmcluster.go:639-647,869-874 (inferred)',
  check(t) {
    const out: Finding[] = [];
    for (const cluster of ofKind(t, 'VMCluster')) {
      const vs = partsOf(t, cluster.id).vmstorage;
      if (!vs || rawField(vs, 'replicaCount') !== undefined || isObj(vs.spec.hpa)) continue;
      const want = storageNodesFor(replicationFactor(cluster));
      out.push(
        finding(
          this,
          [vs.id, cluster.id],
          `${named(t, vs)} has no replicaCount (and no hpa): the operator derives the -storageNode lists from it, so vminsert and vmselect would get no storage nodes. ` +
            `Set vmstorage.replicaCount explicitly (${want} for replicationFactor ${replicationFactor(cluster) ?? 'unset'}).`,
          'replicaCount',
          `Set vmstorage replicaCount to ${want}`,
        ),
      );
    }
    return out;
  },
  fix: fixStorageNodes,
};

/** Pods of a part: replicaCount, else the hpa minimum, else 1. */
function partReplicas(c: Component): number {
  if (rawField(c, 'replicaCount') === undefined && isObj(c.spec.hpa)) return num(c.spec.hpa.minReplicas) ?? 1;
  return replicasOf(c);
}

export const vmclusterComponentSingleReplica: Rule = {
  id: 'vmcluster-component-single-replica',
  severity: 'warning',
  title: 'Cluster component with fewer than 2 replicas',
  source: 'vm:Cluster-VictoriaMetrics.md:312 and §No downtime strategy',
  check(t) {
    const out: Finding[] = [];
    for (const cluster of ofKind(t, 'VMCluster')) {
      const p = partsOf(t, cluster.id);
      for (const part of [p.vminsert, p.vmselect, p.vmstorage]) {
        if (!part) continue;
        const r = partReplicas(part);
        if (r >= 2) continue;
        const want = part.kind === 'vmstorage' ? storageNodesFor(replicationFactor(cluster)) : 2;
        out.push(
          finding(
            this,
            [part.id],
            `${named(t, part)} runs ${r} replica${r === 1 ? '' : 's'}: a cluster needs at least 2 nodes of each type to stay available and to allow rolling upgrades without downtime. Set replicaCount to ${want}.`,
            'replicaCount',
            `Set replicaCount to ${want}`,
          ),
        );
      }
    }
    return out;
  },
  fix(t, f) {
    const part = getComponent(t, f.componentIds[0]);
    const cluster = getComponent(t, part?.cluster);
    if (!part) return t;
    const want = part.kind === 'vmstorage' ? storageNodesFor(cluster ? replicationFactor(cluster) : undefined) : 2;
    const n = Math.max(want, replicasOf(part));
    return part.kind === 'vmstorage' ? withStorageReplicas(t, part.id, n) : setField(t, part.id, 'replicaCount', n);
  },
};

export const vmclusterNoReplication: Rule = {
  id: 'vmcluster-no-replication',
  severity: 'info',
  title: 'VMCluster without replication',
  source: 'vm:Cluster-VictoriaMetrics.md §Replication and data safety, §Cluster availability; vm:docs/guides/vm-architectures/README.md §Application vs. Storage Replication',
  check(t) {
    const out: Finding[] = [];
    for (const cluster of ofKind(t, 'VMCluster')) {
      const vs = partsOf(t, cluster.id).vmstorage;
      const rf = replicationFactor(cluster);
      const nodes = vs ? num(rawField(vs, 'replicaCount')) : undefined;
      if (!vs || nodes === undefined || nodes < 2 || (rf !== undefined && rf !== 1)) continue;
      out.push(
        finding(
          this,
          [cluster.id, vs.id],
          `${named(t, cluster)} has ${rf === undefined ? 'no replicationFactor' : 'replicationFactor 1'} over ${nodes} vmstorage nodes: any vmstorage restart makes its share of the data unavailable (partial responses) until it returns. ` +
            'Set replicationFactor to 2 or more, or accept this and rely on replicated durable volumes.',
          'replicationFactor',
        ),
      );
    }
    return out;
  },
};

export const clusterRules: Rule[] = [
  vmclusterRfExceedsStorage,
  vmclusterRfBelow2n1,
  vmclusterStorageReplicasUnset,
  vmclusterComponentSingleReplica,
  vmclusterNoReplication,
];
