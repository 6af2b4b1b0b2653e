import { describe, expect, it } from 'vitest';
import { runCli as run } from '../../testing/cli.ts';


const CLUSTER = `apiVersion: operator.victoriametrics.com/v1beta1
kind: VMCluster
metadata: {name: prod, namespace: obs}
spec:
  replicationFactor: 2
  vminsert: {replicaCount: 2}
  vmselect: {replicaCount: 2}
  vmstorage:
    replicaCount: 3
    podDisruptionBudget: {maxUnavailable: 1}
---
apiVersion: operator.victoriametrics.com/v1beta1
kind: VMAgent
metadata: {name: big, namespace: obs}
spec:
  shardCount: 3
  replicaCount: 2
  selectAllByDefault: true
  remoteWrite:
    - url: http://vminsert-prod.obs.svc:8480/insert/0/prometheus/api/v1/write
`;

describe('vmtopo explain', () => {
  it('names the cluster’s workloads, pods, -storageNode lists, -replicationFactor, services and PDBs as the operator does', async () => {
    const { code, out } = await run(['explain', '--format', 'json', '-'], CLUSTER);
    expect(code).toBe(0);
    const doc = JSON.parse(out);
    expect(doc.operatorVersion).toMatch(/^v0\.74\.1/);
    const byName = new Map(doc.workloads.map((w: { name: string }) => [w.name, w]));
    expect(byName.get('vmstorage-prod')).toMatchObject({ component: 'VMCluster/prod/vmstorage', kind: 'StatefulSet', pods: ['vmstorage-prod-0', 'vmstorage-prod-1', 'vmstorage-prod-2'] });
    expect(byName.get('vminsert-prod')).toMatchObject({
      kind: 'Deployment',
      args: {
        replicationFactor: '2',
        storageNode: 'vmstorage-prod-0.vmstorage-prod.obs:8400,vmstorage-prod-1.vmstorage-prod.obs:8400,vmstorage-prod-2.vmstorage-prod.obs:8400',
      },
    });
    expect(byName.get('vmselect-prod')).toMatchObject({ kind: 'StatefulSet', args: { replicationFactor: '2', 'dedup.minScrapeInterval': '1ms' } });
    expect(doc.services).toContainEqual({ component: 'VMCluster/prod/vmstorage', name: 'vmstorage-prod', ports: [8482, 8400, 8401], portNames: ['http', 'vminsert', 'vmselect'], headless: true });
    expect(doc.pdbs).toContainEqual(expect.objectContaining({ name: 'vmstorage-prod', maxUnavailable: 1, allowedDown: 1 }));
  });

  it('gives a sharded VMAgent one workload per shard with its member number', async () => {
    const { out } = await run(['explain', '--format', 'json', '--component', 'big', '-'], CLUSTER);
    const workloads = JSON.parse(out).workloads;
    expect(workloads.map((w: { name: string }) => w.name)).toEqual(['vmagent-big-0', 'vmagent-big-1', 'vmagent-big-2']);
    expect(workloads[1]).toMatchObject({ shard: 1, pods: ['vmagent-big-1-0', 'vmagent-big-1-1'], args: { 'promscrape.cluster.membersCount': '3', 'promscrape.cluster.memberNum': '1' } });
  });

  it('prints text with each flag’s source and the assumptions', async () => {
    const { code, out } = await run(['explain', '--component', 'VMCluster/prod/vmstorage', '-'], CLUSTER);
    expect(code).toBe(0);
    expect(out).toMatch(/StatefulSet vmstorage-prod — 3 pods: vmstorage-prod-0, vmstorage-prod-1, vmstorage-prod-2/);
    expect(out).toMatch(/-dedup\.minScrapeInterval=1ms\s+replicationFactor 2 > 1/);
    expect(out).toMatch(/PodDisruptionBudget vmstorage-prod: maxUnavailable 1 — at most 1 pod down at once/);
    expect(out).toMatch(/Assumptions:/);
    expect(out).not.toMatch(/vminsert-prod/);
  });

  it('refuses an unknown component or format with exit 2, listing what there is', async () => {
    const missing = await run(['explain', '--component', 'nope', '-'], CLUSTER);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/--component "nope" names no component of the design; it has VMCluster\/prod, /);
    expect((await run(['explain', '--format', 'yaml', '-'], CLUSTER)).code).toBe(2);
  });
});
