import { describe, expect, test } from 'vitest';
import { getComponent } from '../access.ts';
import { HA, agent, auth, design, edit, externalLink, link, single } from '../fixtures/build.ts';
import { haDesign } from '../fixtures/ha-design.ts';
import type { Topology } from '../topology.ts';
import { applyAllFixes, applyFix, lint } from './index.ts';
import { fires, quiet } from './check-case.ts';

const pvc = { resources: { requests: { storage: '20Gi' } } };
const setAgent = (f: (s: Record<string, unknown>) => Record<string, unknown>) => edit(haDesign(), HA.agent, f);
const agentOf = (t: Topology) => getComponent(t, HA.agent)!;

describe('vmagent-single-replica', () => {
  test('fires for one replica; the fix sets 2', () => {
    const t = setAgent((s) => ({ ...s, replicaCount: 1 }));
    const [f] = fires('vmagent-single-replica', t, { ids: [HA.agent], includes: ["vmagent 'scraper' runs 1 replica"], fixable: true });
    expect(f!.fixLabel).toBe('Set replicaCount to 2');
    expect(agentOf(applyFix(t, f!)).spec.replicaCount).toBe(2);
  });
  test('the fix also sets dedup where the storage has none, so no HA error follows', () => {
    const a = agent('scraper', { selectAllByDefault: true });
    const s = single('main', { storage: pvc });
    const t = design([a, s], [link('remoteWrite', a.id, s.id)]);
    const [f] = fires('vmagent-single-replica', t);
    expect(f!.fixLabel).toBe("Set replicaCount to 2 and dedup.minScrapeInterval 30s on vmsingle 'main'");
    const fixed = applyFix(t, f!);
    expect(getComponent(fixed, 'vmsingle-main')!.spec.extraArgs).toEqual({ 'dedup.minScrapeInterval': '30s' });
    expect(lint(fixed).filter((x) => x.ruleId === 'ha-agents-without-dedup')).toEqual([]);
  });
  test('quiet for 2 replicas and for daemonSetMode', () => {
    quiet('vmagent-single-replica', haDesign());
    quiet('vmagent-single-replica', setAgent((s) => ({ ...s, replicaCount: undefined, daemonSetMode: true })));
  });
  const replicatedShards = { replicaCount: 1, shardCount: 3, extraArgs: { 'promscrape.cluster.replicationFactor': '2' } };
  test('quiet for shards made redundant by promscrape.cluster.replicationFactor >= 2 (each target scraped by two shards)', () => {
    quiet('vmagent-single-replica', setAgent((s) => ({ ...s, ...replicatedShards })));
    // Without shards, or with a factor of 1, one pod is still all there is.
    fires('vmagent-single-replica', setAgent((s) => ({ ...s, ...replicatedShards, shardCount: 1 })));
    fires('vmagent-single-replica', setAgent((s) => ({ ...s, ...replicatedShards, extraArgs: { 'promscrape.cluster.replicationFactor': '1' } })));
  });
  test('lint --fix keeps the replication factor that makes the shards redundant', () => {
    const t = setAgent((s) => ({ ...s, ...replicatedShards }));
    const fixed = agentOf(applyAllFixes(t));
    expect(fixed.spec.extraArgs).toEqual({ 'promscrape.cluster.replicationFactor': '2' });
    expect(fixed.spec.replicaCount).toBe(1);
  });
  test('an ingestOnlyMode agent loses pushes, not scrapes; its fix sets no dedup (its replicas share pushed traffic)', () => {
    const a = agent('gateway', { ingestOnlyMode: true });
    const s = single('main', { storage: pvc });
    const t = design([a, s], [link('remoteWrite', a.id, s.id)]);
    const [f] = fires('vmagent-single-replica', t, { includes: ['only receives pushes (ingestOnlyMode)', 'pushes to it fail'], fixable: true });
    expect(f!.message).not.toContain('scraping');
    expect(f!.fixLabel).toBe('Set replicaCount to 2');
    const fixed = applyFix(t, f!);
    expect(getComponent(fixed, a.id)!.spec.replicaCount).toBe(2);
    expect(getComponent(fixed, s.id)!.spec.extraArgs).toBeUndefined();
  });
});

describe('vmagent-sharded-no-redundancy', () => {
  test('fires for 3 shards of one pod', () => {
    fires('vmagent-sharded-no-redundancy', setAgent((s) => ({ ...s, replicaCount: 1, shardCount: 3 })), {
      includes: ['over 3 shards with one pod each', '1/3 of the targets'],
      fixable: true,
    });
  });
  test('quiet with 2 replicas per shard, with cluster.replicationFactor, or unsharded', () => {
    quiet('vmagent-sharded-no-redundancy', setAgent((s) => ({ ...s, shardCount: 3 })));
    quiet('vmagent-sharded-no-redundancy', setAgent((s) => ({ ...s, replicaCount: 1, shardCount: 3, extraArgs: { 'promscrape.cluster.replicationFactor': '2' } })));
    quiet('vmagent-sharded-no-redundancy', setAgent((s) => ({ ...s, replicaCount: 1, shardCount: 1 })));
  });
});

describe('vmagent-double-replication', () => {
  test('fires for replicas and cluster.replicationFactor together; the fix drops the latter', () => {
    const t = setAgent((s) => ({ ...s, extraArgs: { 'promscrape.cluster.replicationFactor': '2' } }));
    const [f] = fires('vmagent-double-replication', t, { includes: ['scraped 4 times'], fixable: true });
    expect(agentOf(applyFix(t, f!)).spec.extraArgs).toBeUndefined();
  });
  test('with shards, the factor is the redundancy mechanism: the fix keeps it and drops the extra replicas', () => {
    const t = setAgent((s) => ({ ...s, shardCount: 3, extraArgs: { 'promscrape.cluster.replicationFactor': '2' } }));
    const [f] = fires('vmagent-double-replication', t, { fixable: true });
    expect(f!.fixLabel).toContain('keep promscrape.cluster.replicationFactor=2');
    const fixed = agentOf(applyFix(t, f!));
    expect(fixed.spec.extraArgs).toEqual({ 'promscrape.cluster.replicationFactor': '2' });
    expect(fixed.spec.replicaCount).toBe(1);
    expect(agentOf(applyAllFixes(t)).spec.extraArgs).toEqual({ 'promscrape.cluster.replicationFactor': '2' });
  });
  test('quiet for replicationFactor 1, or one replica', () => {
    quiet('vmagent-double-replication', setAgent((s) => ({ ...s, extraArgs: { 'promscrape.cluster.replicationFactor': '1' } })));
    quiet('vmagent-double-replication', setAgent((s) => ({ ...s, replicaCount: 1, extraArgs: { 'promscrape.cluster.replicationFactor': '2' } })));
  });
});

describe('vmagent-ephemeral-queue', () => {
  test('fires without statefulMode; the fix enables it with a volume', () => {
    const t = setAgent(({ statefulMode: _m, statefulStorage: _s, ...s }) => s);
    const [f] = fires('vmagent-ephemeral-queue', t, { includes: ['ephemeral storage (/tmp)'], fixable: true });
    const fixed = agentOf(applyFix(t, f!));
    expect(fixed.spec.statefulMode).toBe(true);
    expect(fixed.spec.statefulStorage).toEqual({ volumeClaimTemplate: { spec: { resources: { requests: { storage: '1Gi' } } } } });
  });
  test('fires for statefulMode on an emptyDir', () => {
    fires('vmagent-ephemeral-queue', setAgent((s) => ({ ...s, statefulStorage: { emptyDir: {} } })), { includes: ['without statefulStorage.volumeClaimTemplate'] });
  });
  test('a DaemonSet agent without a hostPath volume fires without a fix; with one it is quiet', () => {
    const ds = setAgent(({ statefulMode: _m, statefulStorage: _s, podDisruptionBudget: _p, ...s }) => ({ ...s, daemonSetMode: true }));
    fires('vmagent-ephemeral-queue', ds, { fixable: false, includes: ['hostPath'] });
    quiet('vmagent-ephemeral-queue', edit(ds, HA.agent, (s) => ({ ...s, volumes: [{ name: 'queue', hostPath: { path: '/var/lib/vmagent' } }] })));
  });
  test('quiet for the HA design', () => quiet('vmagent-ephemeral-queue', haDesign()));
});

describe('vmagent-queue-too-small', () => {
  const twoUrls = (t: Topology) => ({ ...t, links: [...t.links, externalLink('remoteWrite', HA.agent, 'https://remote.example.com/api/v1/write')] });
  test('fires when the statefulStorage split over the URLs is below 500Mi; the fix grows the volume', () => {
    const t = twoUrls(setAgent((s) => ({ ...s, statefulStorage: { volumeClaimTemplate: { spec: { resources: { requests: { storage: '500Mi' } } } } } })));
    const [f] = fires('vmagent-queue-too-small', t, { includes: ['250Mi of queue per remote-write URL (queue volume 500Mi shared by 2 remote-write URLs)'], fixable: true });
    expect(agentOf(applyFix(t, f!)).spec.statefulStorage).toEqual({ volumeClaimTemplate: { spec: { resources: { requests: { storage: '2Gi' } } } } });
  });
  test('fires for a small maxDiskUsagePerURL or per-URL maxDiskUsage; the fix writes VictoriaMetrics sizes', () => {
    const t1 = setAgent((s) => ({ ...s, remoteWriteSettings: { maxDiskUsagePerURL: '100MiB' } }));
    const [f1] = fires('vmagent-queue-too-small', t1, { includes: ['100Mi', 'remoteWriteSettings.maxDiskUsagePerURL 100MiB'] });
    expect(agentOf(applyFix(t1, f1!)).spec.remoteWriteSettings).toEqual({ maxDiskUsagePerURL: '1GiB' });
    const t = { ...haDesign(), links: haDesign().links.map((l) => (l.source === HA.agent ? { ...l, extra: { maxDiskUsage: '200MB' } } : l)) };
    const [f] = fires('vmagent-queue-too-small', t, { includes: ['maxDiskUsage 200MB of the URL to vminsert'] });
    expect(applyFix(t, f!).links.find((l) => l.source === HA.agent)!.extra).toEqual({ maxDiskUsage: '1GiB' });
  });
  test('reads the maxDiskUsage of an entry kept verbatim (an external URL), and the fix raises it too', () => {
    const ext = { ...externalLink('remoteWrite', HA.agent, 'https://remote.example.com/api/v1/write'), external: { url: 'https://remote.example.com/api/v1/write', maxDiskUsage: '100MiB' } };
    const t = { ...haDesign(), links: [...haDesign().links, ext] };
    const [f] = fires('vmagent-queue-too-small', t, { includes: ['maxDiskUsage 100MiB of the URL to https://remote.example.com/api/v1/write'] });
    const fixed = applyFix(t, f!);
    expect(fixed.links.find((l) => l.id === ext.id)!.external).toEqual({ url: 'https://remote.example.com/api/v1/write', maxDiskUsage: '1GiB' });
  });
  test('the fix raises every small source: the agent setting and the per-URL overrides that keep a URL small', () => {
    const ext = { ...externalLink('remoteWrite', HA.agent, 'https://remote.example.com/api/v1/write'), external: { url: 'https://remote.example.com/api/v1/write', maxDiskUsage: '200MB' } };
    const t = { ...setAgent((s) => ({ ...s, remoteWriteSettings: { maxDiskUsagePerURL: '100MiB' } })), links: [...haDesign().links, ext] };
    const [f] = fires('vmagent-queue-too-small', t, { includes: ['and 1 more URL below 500Mi'] });
    const fixed = applyFix(t, f!);
    expect(agentOf(fixed).spec.remoteWriteSettings).toEqual({ maxDiskUsagePerURL: '1GiB' });
    expect(fixed.links.find((l) => l.id === ext.id)!.external!.maxDiskUsage).toBe('1GiB');
    expect(lint(fixed).map((x) => x.ruleId)).not.toContain('vmagent-queue-too-small');
  });
  test('a URL\'s own maxDiskUsage wins over a small agent setting; 0 means unlimited', () => {
    const own = (size: string) => (t: Topology) => ({ ...t, links: t.links.map((l) => (l.source === HA.agent ? { ...l, extra: { maxDiskUsage: size } } : l)) });
    quiet('vmagent-queue-too-small', own('2GiB')(setAgent((s) => ({ ...s, remoteWriteSettings: { maxDiskUsagePerURL: '100MiB' } }))));
    quiet('vmagent-queue-too-small', setAgent((s) => ({ ...s, remoteWriteSettings: { maxDiskUsagePerURL: '0' } })));
    quiet('vmagent-queue-too-small', own('0')(haDesign()));
  });
  test('quiet with 2Gi for one URL, and with the 1Gi default', () => {
    quiet('vmagent-queue-too-small', haDesign());
    quiet('vmagent-queue-too-small', twoUrls(setAgent(({ statefulMode: _m, statefulStorage: _s, ...s }) => s)));
  });
});

describe('vmagent-manual-cluster-members', () => {
  const members = { 'promscrape.cluster.membersCount': '3', 'promscrape.cluster.memberNum': '0' };
  test('fires for hand-set membership without shards; the fix removes it and shards by membersCount', () => {
    const t = setAgent((s) => ({ ...s, extraArgs: { ...members, 'promscrape.cluster.name': 'a' } }));
    const [f] = fires('vmagent-manual-cluster-members', t, {
      ids: [HA.agent],
      includes: ['-promscrape.cluster.membersCount=3 and -promscrape.cluster.memberNum=0', 'same member number (0)'],
      fixable: true,
    });
    expect(f!.fixLabel).toBe('Remove promscrape.cluster.membersCount and promscrape.cluster.memberNum and set shardCount to 3');
    const fixed = agentOf(applyFix(t, f!));
    expect(fixed.spec.extraArgs).toEqual({ 'promscrape.cluster.name': 'a' });
    expect(fixed.spec.shardCount).toBe(3);
  });
  test('a memberNum alone, or shardCount 1, or daemonSetMode: the fix only removes the flags', () => {
    const t = setAgent((s) => ({ ...s, extraArgs: { 'promscrape.cluster.memberNum': '1' } }));
    const [f] = fires('vmagent-manual-cluster-members', t, { fixable: true });
    expect(agentOf(applyFix(t, f!)).spec).not.toHaveProperty('extraArgs');
    expect(agentOf(applyFix(t, f!)).spec).not.toHaveProperty('shardCount');
    fires('vmagent-manual-cluster-members', setAgent((s) => ({ ...s, shardCount: 1, extraArgs: members })), { includes: ['with shardCount 1'] });
    const ds = setAgent(({ statefulMode: _m, statefulStorage: _s, podDisruptionBudget: _p, ...s }) => ({ ...s, daemonSetMode: true, shardCount: 3, extraArgs: members }));
    const [g] = fires('vmagent-manual-cluster-members', ds, { includes: ['daemonSetMode'] });
    expect(agentOf(applyFix(ds, g!)).spec.shardCount).toBe(3);
  });
  test('quiet with shardCount > 1 (the operator sets both per shard) or without the flags', () => {
    quiet('vmagent-manual-cluster-members', setAgent((s) => ({ ...s, shardCount: 3, extraArgs: members })));
    quiet('vmagent-manual-cluster-members', haDesign());
  });
});

describe('vmagent-duplicate-write-same-cluster', () => {
  const withUrl = (url: string) => ({ ...haDesign(), links: [...haDesign().links, externalLink('remoteWrite', HA.agent, url)] });
  test('fires for a second URL into the same cluster and tenant, whatever the host form; the fix removes it', () => {
    const t = withUrl('http://vminsert-main.monitoring.svc.cluster.local:8480/insert/0/prometheus/api/v1/write');
    const [f] = fires('vmagent-duplicate-write-same-cluster', t, { ids: [HA.agent, HA.cluster], includes: ["2 URLs into vmcluster 'main' tenant 0"], fixable: true });
    expect(applyFix(t, f!).links).toHaveLength(haDesign().links.length);
    fires('vmagent-duplicate-write-same-cluster', withUrl('http://vminsert-main.monitoring.svc:8480/insert/0/prometheus/api/v1/write'));
  });
  test('quiet for another tenant or another cluster', () => {
    quiet('vmagent-duplicate-write-same-cluster', withUrl('http://vminsert-main.monitoring.svc:8480/insert/1/prometheus/api/v1/write'));
    quiet('vmagent-duplicate-write-same-cluster', withUrl('http://vminsert-other.monitoring.svc:8480/insert/0/prometheus/api/v1/write'));
    quiet('vmagent-duplicate-write-same-cluster', haDesign());
  });
});

describe('vmagent-selects-nothing', () => {
  const nothing = (t: Topology) => edit(t, HA.agent, ({ selectAllByDefault: _s, ...s }) => s);
  test('fires without selectors; the fix selects all', () => {
    const t = nothing(haDesign());
    const [f] = fires('vmagent-selects-nothing', t, { includes: ['picks up no VMServiceScrape or VMPodScrape'], fixable: true });
    expect(agentOf(applyFix(t, f!)).spec.selectAllByDefault).toBe(true);
  });
  test('no fix when selecting all would pair it with another select-all agent', () => {
    const t = nothing(haDesign());
    const b = agent('other', { selectAllByDefault: true, replicaCount: 2 });
    fires('vmagent-selects-nothing', { ...t, components: [...t.components, b], links: [...t.links, link('remoteWrite', b.id, HA.vminsert)] }, { fixable: false });
  });
  test('no fix when selecting all would pair it behind one VMAuth with another select-all agent', () => {
    const gate = auth('gate', { selectAllByDefault: true, replicaCount: 2 });
    const a = agent('a', { replicaCount: 2 });
    const b = agent('b', { selectAllByDefault: true, replicaCount: 2 });
    fires('vmagent-selects-nothing', design([gate, a, b], [link('remoteWrite', a.id, gate.id), link('remoteWrite', b.id, gate.id)]), { fixable: false });
  });
  test('selecting all makes a 2-replica agent write HA copies: the fix also sets dedup', () => {
    const a = agent('a', { replicaCount: 2 });
    const s = single('main', { storage: pvc });
    const t = design([a, s], [link('remoteWrite', a.id, s.id)]);
    const [f] = fires('vmagent-selects-nothing', t, { fixable: true });
    expect(f!.fixLabel).toBe("Set selectAllByDefault: true and dedup.minScrapeInterval 30s on vmsingle 'main'");
    expect(getComponent(applyFix(t, f!), s.id)!.spec.extraArgs).toEqual({ 'dedup.minScrapeInterval': '30s' });
  });
  test('quiet with a selector, ingestOnlyMode or an inline config', () => {
    quiet('vmagent-selects-nothing', edit(nothing(haDesign()), HA.agent, (s) => ({ ...s, serviceScrapeNamespaceSelector: {} })));
    quiet('vmagent-selects-nothing', edit(nothing(haDesign()), HA.agent, (s) => ({ ...s, ingestOnlyMode: true })));
    quiet('vmagent-selects-nothing', edit(nothing(haDesign()), HA.agent, (s) => ({ ...s, inlineScrapeConfig: 'scrape_configs: []' })));
  });
});
