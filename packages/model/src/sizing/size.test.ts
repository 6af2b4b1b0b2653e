import { describe, expect, it } from 'vitest';
import { HA, agent, cluster, design, edit, link, single } from '../fixtures/build.ts';
import { haDesign } from '../fixtures/ha-design.ts';
import type { Component, Topology } from '../topology.ts';
import { DAY } from './formulas.ts';
import { sizeTopology } from './size.ts';
import { DEFAULT_ACTIVE_SERIES } from './types.ts';

const GIB = 1024 ** 3;
const pvc = (size: string) => ({ volumeClaimTemplate: { spec: { resources: { requests: { storage: size } } } } });
const storageOf = (t: Topology, id: string, inputs = {}) => sizeTopology(t, inputs).storages.find((s) => s.componentId === id)!;
const agentOf = (t: Topology, id: string, inputs = {}) => sizeTopology(t, inputs).agents.find((a) => a.componentId === id)!;

/** A VMSingle with dedup `dedup` (or none) and the agents writing to it. */
function intoSingle(agents: Component[], dedup?: string): Topology {
  const s = single('db', { retentionPeriod: '1', storage: { resources: { requests: { storage: '50Gi' } } }, ...(dedup ? { extraArgs: { 'dedup.minScrapeInterval': dedup } } : {}) });
  return design([s, ...agents], agents.map((a) => link('remoteWrite', a.id, s.id)));
}

describe('the full HA design (fixtures/ha-design.ts), figures checked by hand', () => {
  // vmagent 'scraper': 2 replicas, 30s, statefulMode with a 2Gi queue; VMCluster 'main': RF 2,
  // retention "1", 3 vmstorage nodes with 20Gi each, dedup 30s on vmselect and vmstorage.
  const inputs = { series: { [HA.agent]: { active: 600_000 } } };

  it('samples along the link: 600,000 series / 30s = 20,000 samples/s per copy, × 2 replicas = 40,000', () => {
    const r = sizeTopology(haDesign(), inputs);
    expect(r.flows).toHaveLength(1);
    expect(r.flows[0]).toMatchObject({ agentId: HA.agent, targetId: HA.vminsert, storageId: HA.cluster, tenant: '0' });
    expect(r.flows[0]!.samplesPerSecond.value).toBe(40_000);
  });

  it('storage: dedup 30s keeps one copy (20,000/s), RF 2 over 3 nodes; disk 1.2 × 20,000 × 2 × 61d × 1.25', () => {
    const s = storageOf(haDesign(), HA.cluster, inputs);
    expect(s.ingestedSamplesPerSecond.value).toBe(40_000);
    expect(s.samplesPerSecond.value).toBe(20_000);
    expect(s.activeSeries.value).toBe(1_200_000); // 600,000 × RF 2
    expect(s.replicationFactor).toBe(2);
    expect(s.retention).toMatchObject({ value: '1', seconds: 31 * DAY, cycleSeconds: 30 * DAY });
    // 1.2 × 20,000 × 2 × 5,270,400 s × 1.25 = 316,224,000,000 bytes (294.5 GiB); per node / 3.
    expect(s.diskBytes.value).toBeCloseTo(316_224_000_000, 0);
    expect(s.pods).toBe(3);
    expect(s.diskBytesPerPod.value).toBeCloseTo(105_408_000_000, 0); // 98.2 GiB
    expect(s.requestedBytesPerPod).toBe(20 * GIB);
    expect(s.fits).toBe(false);
    // Ingest per node: 40,000 arriving × RF 2 / 3 = 26,666.7 samples/s → 0.27 × 2 → 1 core.
    expect(s.samplesPerSecondPerPod.value).toBeCloseTo(26_666.67, 2);
    expect(s.cpuCoresPerPod.value).toBe(1);
    // One of 3 down: each survivor +50% = 40,000 samples/s.
    expect(s.failover!.extraLoad.value).toBe(0.5);
    expect(s.failover!.samplesPerSecondPerSurvivor.value).toBeCloseTo(40_000, 6);
  });

  it('queue: one pod sends 20,000 samples/s × 25 B × 1h = 1.8 GB, within the 2Gi volume; 6h is not', () => {
    const a = agentOf(haDesign(), HA.agent, inputs);
    expect(a.copies.value).toBe(2);
    expect(a.podSamplesPerSecond!.value).toBe(20_000);
    expect(a.queues[0]).toMatchObject({ limitBytes: 2 * GIB, fits: true });
    expect(a.queues[0]!.neededBytes.value).toBe(1_800_000_000);
    const six = agentOf(haDesign(), HA.agent, { ...inputs, outage: '6h' });
    expect(six.queues[0]!.neededBytes.value).toBe(10_800_000_000);
    expect(six.queues[0]!.fits).toBe(false);
  });

  it('without a workload, every agent is sized at the default and marked assumed', () => {
    const r = sizeTopology(haDesign());
    expect(r.agents[0]).toMatchObject({ series: DEFAULT_ACTIVE_SERIES, assumed: true });
    expect(r.agents[0]!.notes.join(' ')).toMatch(/assumption/);
    // 50,000 / 30s = 1,666.7/s stored; 1.2 × 1,666.7 × 2 × 5,270,400 × 1.25 = 26,352,000,000 B; / 3 = 8.2 GiB < 20Gi.
    expect(r.storages[0]!.diskBytes.value).toBeCloseTo(26_352_000_000, 0);
    expect(r.storages[0]!.fits).toBe(true);
    expect(r.notes[0]).toMatch(/no RAM-per-active-series figure/);
  });
});

describe('samples along remote-write links and the copies a storage keeps', () => {
  it('HA replicas: dedup ≥ scrape interval stores one copy; without dedup both', () => {
    const a = agent('a', { selectAllByDefault: true, replicaCount: 2 });
    const withDedup = storageOf(intoSingle([a], '30s'), 'vmsingle-db', { series: { [a.id]: { active: 30_000 } } });
    expect(withDedup.ingestedSamplesPerSecond.value).toBe(2000);
    expect(withDedup.samplesPerSecond.value).toBe(1000);
    const without = storageOf(intoSingle([a]), 'vmsingle-db', { series: { [a.id]: { active: 30_000 } } });
    expect(without.samplesPerSecond.value).toBe(2000);
    expect(without.notes.join(' ')).toMatch(/keeps them all/);
    // A dedup shorter than the scrape interval merges nothing.
    expect(storageOf(intoSingle([a], '15s'), 'vmsingle-db', { series: { [a.id]: { active: 30_000 } } }).samplesPerSecond.value).toBe(2000);
  });

  it('a dedup interval longer than the scrape interval keeps one sample per dedup interval', () => {
    const a = agent('a', { selectAllByDefault: true });
    const s = storageOf(intoSingle([a], '60s'), 'vmsingle-db', { series: { [a.id]: { active: 30_000 } } });
    expect(s.samplesPerSecond.value).toBe(500);
    expect(s.notes.join(' ')).toMatch(/one sample per 1m/);
  });

  it('two HA CRs with identical labels and dedup store one copy; with the default (different) labels two', () => {
    const same = { selectAllByDefault: true, externalLabelName: '', externalLabels: { cluster: 'x' } };
    const a = agent('a', same);
    const b = agent('b', same);
    const inputs = { series: { [a.id]: { active: 30_000 }, [b.id]: { active: 30_000 } } };
    expect(storageOf(intoSingle([a, b], '30s'), 'vmsingle-db', inputs).samplesPerSecond.value).toBe(1000);
    expect(storageOf(intoSingle([a, b], '30s'), 'vmsingle-db', inputs).activeSeries.value).toBe(30_000);
    const a2 = agent('a', { selectAllByDefault: true });
    const b2 = agent('b', { selectAllByDefault: true });
    const differ = storageOf(intoSingle([a2, b2], '30s'), 'vmsingle-db', inputs);
    expect(differ.samplesPerSecond.value).toBe(2000);
    expect(differ.activeSeries.value).toBe(60_000);
  });

  it('shards split the targets; promscrape.cluster.replicationFactor makes each scraped by that many shards', () => {
    const sharded = agent('a', { selectAllByDefault: true, shardCount: 5, replicaCount: 2 });
    const r = agentOf(intoSingle([sharded], '30s'), sharded.id, { series: { [sharded.id]: { active: 300_000 } } });
    expect(r.copies.value).toBe(2);
    expect(r.podSamplesPerSecond!.value).toBe(2000); // 10,000/s over 5 shards
    const crf = agent('a', { selectAllByDefault: true, shardCount: 3, extraArgs: { 'promscrape.cluster.replicationFactor': '2' } });
    const c = agentOf(intoSingle([crf], '30s'), crf.id, { series: { [crf.id]: { active: 300_000 } } });
    expect(c.copies.value).toBeCloseTo(2, 10);
    expect(c.podSamplesPerSecond!.value).toBeCloseTo(10_000 * (2 / 3), 6);
    // Without shards there are no cluster members: the replication factor changes nothing.
    const alone = agent('a', { selectAllByDefault: true, extraArgs: { 'promscrape.cluster.replicationFactor': '2' } });
    expect(agentOf(intoSingle([alone]), alone.id).copies.value).toBe(1);
  });

  it('member numbers set by hand: every pod is member 0, so only its share of the targets is scraped', () => {
    const a = agent('a', { selectAllByDefault: true, replicaCount: 2, extraArgs: { 'promscrape.cluster.membersCount': '4', 'promscrape.cluster.memberNum': '0' } });
    const s = storageOf(intoSingle([a], '30s'), 'vmsingle-db', { series: { [a.id]: { active: 40_000 } } });
    expect(s.ingestedSamplesPerSecond.value).toBeCloseTo(2 * (40_000 / 30) * 0.25, 6);
    expect(s.samplesPerSecond.value).toBeCloseTo((40_000 / 30) * 0.25, 6);
  });

  it('an ingest-only agent’s replicas share pushed samples: one copy, split over the pods', () => {
    const a = agent('push', { ingestOnlyMode: true, replicaCount: 3 });
    const r = agentOf(intoSingle([a]), a.id, { series: { [a.id]: { active: 90_000 } } });
    expect(r.copies.value).toBe(1);
    expect(r.podSamplesPerSecond!.value).toBeCloseTo(1000, 6);
  });

  it('every remote-write URL gets a full copy; writes through a VMAuth are not counted at a storage', () => {
    const a = agent('a', { selectAllByDefault: true });
    const s1 = single('one', {});
    const s2 = single('two', {});
    const auth: Component = { id: 'vmauth-lb', kind: 'VMAuth', name: 'lb', spec: {} };
    const t = design([a, s1, s2, auth], [link('remoteWrite', a.id, s1.id), link('remoteWrite', a.id, s2.id), link('remoteWrite', a.id, auth.id)]);
    const r = sizeTopology(t, { series: { [a.id]: { active: 3000 } } });
    expect(r.flows.map((f) => f.samplesPerSecond.value)).toEqual([100, 100, 100]);
    expect(r.storages.map((s) => s.samplesPerSecond.value)).toEqual([100, 100]);
    expect(r.notes.join(' ')).toMatch(/writes through vmauth 'lb'.*not counted/);
    expect(r.agents[0]!.queues).toHaveLength(3);
  });
});

describe('VMCluster nodes and replication', () => {
  it('per node: total / the nodes vminsert writes to (maintenance nodes left out); RF capped at the nodes', () => {
    const parts = cluster('c', { replicationFactor: 2, retentionPeriod: '1y' }, { vmstorage: { replicaCount: 4, storage: pvc('100Gi'), maintenanceInsertNodeIDs: [3] } });
    const a = agent('a', { selectAllByDefault: true });
    const t = design([...parts, a], [link('remoteWrite', a.id, 'vmcluster-c-vminsert')]);
    const s = storageOf(t, 'vmcluster-c', { series: { [a.id]: { active: 150_000 } }, bytesPerSample: { 'vmcluster-c': 1 } });
    expect(s.pods).toBe(3);
    // 1 × 5,000 × 2 × 34,128,000 × 1.25: the guide's example, 397.3 GiB, over 3 nodes.
    expect(s.diskBytes.value).toBe(426_600_000_000);
    expect(s.diskBytesPerPod.value).toBe(142_200_000_000);
    expect(s.notes.join(' ')).toMatch(/maintenanceInsertNodeIDs/);
    const rf3 = edit(t, 'vmcluster-c', (spec) => ({ ...spec, replicationFactor: 5 }));
    expect(storageOf(rf3, 'vmcluster-c', { series: { [a.id]: { active: 150_000 } } }).replicationFactor).toBe(3);
  });

  it('no automatic dedup for HA copies: RF > 1 brings only 1ms, so 2 replicas are stored twice', () => {
    const parts = cluster('c', { replicationFactor: 2 }, { vmstorage: { replicaCount: 3, storage: pvc('10Gi') } });
    const a = agent('a', { selectAllByDefault: true, replicaCount: 2 });
    const t = design([...parts, a], [link('remoteWrite', a.id, 'vmcluster-c-vminsert')]);
    expect(storageOf(t, 'vmcluster-c', { series: { [a.id]: { active: 30_000 } } }).samplesPerSecond.value).toBe(2000);
  });

  it('one vmstorage node: no failover figures, and a note saying why', () => {
    const parts = cluster('c', {}, { vmstorage: { replicaCount: 1, storage: pvc('10Gi') } });
    const s = storageOf(design(parts), 'vmcluster-c');
    expect(s.failover).toBeUndefined();
    expect(s.notes.join(' ')).toMatch(/no survivor/);
  });
});
