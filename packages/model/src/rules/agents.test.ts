import { describe, expect, test } from 'vitest';
import { getComponent } from '../access.ts';
import { HA, agent, design, edit, externalLink, link, single } from '../fixtures/build.ts';
import { haDesign } from '../fixtures/ha-design.ts';
import type { Topology } from '../topology.ts';
import { applyFix, lint } from './index.ts';
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
    const [f] = fires('vmagent-queue-too-small', t, { includes: ['250Mi of queue per remote-write URL (500Mi statefulStorage over 2 URLs)'], fixable: true });
    expect(agentOf(applyFix(t, f!)).spec.statefulStorage).toEqual({ volumeClaimTemplate: { spec: { resources: { requests: { storage: '2Gi' } } } } });
  });
  test('fires for a small maxDiskUsagePerURL or per-URL maxDiskUsage', () => {
    fires('vmagent-queue-too-small', setAgent((s) => ({ ...s, remoteWriteSettings: { maxDiskUsagePerURL: '100Mi' } })), { includes: ['100Mi'] });
    const t = { ...haDesign(), links: haDesign().links.map((l) => (l.source === HA.agent ? { ...l, extra: { maxDiskUsage: '200MB' } } : l)) };
    fires('vmagent-queue-too-small', t, { includes: ['remoteWrite maxDiskUsage'] });
  });
  test('quiet with 2Gi for one URL, and with the 1Gi default', () => {
    quiet('vmagent-queue-too-small', haDesign());
    quiet('vmagent-queue-too-small', twoUrls(setAgent(({ statefulMode: _m, statefulStorage: _s, ...s }) => s)));
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
  test('quiet with a selector, ingestOnlyMode or an inline config', () => {
    quiet('vmagent-selects-nothing', edit(nothing(haDesign()), HA.agent, (s) => ({ ...s, serviceScrapeNamespaceSelector: {} })));
    quiet('vmagent-selects-nothing', edit(nothing(haDesign()), HA.agent, (s) => ({ ...s, ingestOnlyMode: true })));
    quiet('vmagent-selects-nothing', edit(nothing(haDesign()), HA.agent, (s) => ({ ...s, inlineScrapeConfig: 'scrape_configs: []' })));
  });
});
