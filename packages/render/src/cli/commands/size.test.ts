import { describe, expect, it } from 'vitest';
import { toDocument } from '@vmtopo/model';
import { haDesign } from '@vmtopo/model/fixtures/ha-design.ts';
import { seedFixtures } from '../../testing/seed.ts';
import { runCli as run } from '../../testing/cli.ts';


const seed = Object.fromEntries(seedFixtures().map((f) => [f.name, f.text]));
const both = (a: string, b: string) => `${seed[a]}\n---\n${seed[b]}`;
const GIB = 1024 ** 3;

async function sizeJson(stdin: string, ...args: string[]) {
  const { code, out, err } = await run(['size', '--format', 'json', ...args, '-'], stdin);
  expect(code, err).toBe(0);
  return JSON.parse(out);
}

/**
 * Every expected figure below was worked out by hand from the formulas of vm-domain.md §d:
 *   samples/s = series / scrape interval; disk = 1.2 B × stored samples/s × RF × (retention + cycle) × 1.25;
 *   retention "1" = 31d + 30d cycle = 5,270,400 s; "4" = 124d + 30d = 13,305,600 s;
 *   queue per pod = pod samples/s × 25 B × outage.
 */
describe('vmtopo size', () => {
  it('the full HA design: 600k series → 20,000 samples/s stored, 294.5 GiB over 3 nodes, 20Gi each is too small', async () => {
    const doc = await sizeJson(JSON.stringify(toDocument(haDesign())), '--series', 'scraper=600k');
    // 600,000 / 30s = 20,000 per copy, 2 replicas send 40,000; dedup 30s keeps one copy.
    expect(doc.flows).toEqual([{ from: 'VMAgent/scraper', to: 'VMCluster/main/vminsert', storage: 'VMCluster/main', tenant: '0', samplesPerSecond: 40_000 }]);
    expect(doc.storages).toHaveLength(1);
    // 1.2 × 20,000 × RF 2 × 5,270,400 × 1.25 = 316,224,000,000; / 3 nodes = 105,408,000,000 (98.2 GiB).
    expect(doc.storages[0]).toMatchObject({
      component: 'main',
      ref: 'VMCluster/main',
      kind: 'VMCluster',
      samplesPerSecond: 20_000,
      ingestedSamplesPerSecond: 40_000,
      replicationFactor: 2,
      diskBytes: 316_224_000_000,
      pods: 3,
      diskBytesPerPod: 105_408_000_000,
      requestedBytesPerPod: 20 * GIB,
      fits: false,
      cpuCoresPerPod: 1,
      failover: { extraLoad: 0.5, samplesPerSecondPerSurvivor: 40_000 },
    });
    expect(doc.storages[0].formula).toContain('1.2 B/sample × 20,000 samples/s × RF 2 × (retention 31d + cycle 30d = 5,270,400 s) × 1.25 free space');
    expect(doc.storages[0].figures.diskBytes).toMatchObject({ basis: 'documented', source: expect.stringContaining('understand-your-setup-size') });
    expect(doc.storages[0].figures.cpuCoresPerPod.basis).toBe('guidance');
    // One pod sends 20,000 samples/s: × 25 B × 1h = 1.8 GB, within its 2Gi queue volume.
    expect(doc.agents[0]).toMatchObject({ component: 'scraper', series: 600_000, assumed: false, copies: 2, podSamplesPerSecond: 20_000 });
    expect(doc.agents[0].queues[0]).toMatchObject({ to: 'VMCluster/main/vminsert', limitBytes: 2 * GIB, neededBytes: 1_800_000_000, fits: true });
    expect(doc.agents[0].figures.queueBytesPerUrl.basis).toBe('estimate');
    expect(doc.problems).toEqual([expect.objectContaining({ component: 'VMCluster/main/vmstorage', id: 'storage-undersized', severity: 'warning', field: 'storageSize', fixValue: '99Gi' })]);
    expect(doc.notes[0]).toMatch(/no RAM-per-active-series figure/);
  });

  it('the full HA design at the default workload fits, and says the workload is assumed', async () => {
    const doc = await sizeJson(JSON.stringify(toDocument(haDesign())));
    expect(doc.inputs.series['VMAgent/scraper']).toEqual({ active: 50_000, assumed: true });
    // 50,000 / 30s = 1,666.7 stored: 1.2 × 1,666.7 × 2 × 5,270,400 × 1.25 = 26,352,000,000; / 3 = 8,784,000,000.
    expect(doc.storages[0]).toMatchObject({ diskBytes: 26_352_000_000, diskBytesPerPod: 8_784_000_000, fits: true });
    expect(doc.problems).toEqual([]);
  });

  it('seed VMCluster + its VMAgent: 100k series, RF 2 and no HA copies; retention 4 months needs 62 GiB per node, 10Gi requested', async () => {
    const doc = await sizeJson(both('vmcluster', 'vmagent-cluster'), '--series', 'example-vmagent=100000');
    // 100,000 / 30s = 3,333.3; 1.2 × 3,333.3 × 2 × 13,305,600 × 1.25 = 133,056,000,000; / 2 = 66,528,000,000 (61.96 GiB).
    expect(doc.storages[0]).toMatchObject({
      component: 'example-vmcluster-persistent',
      samplesPerSecond: 3333.33,
      retention: '4',
      retentionSeconds: 124 * 86_400,
      diskBytes: 133_056_000_000,
      pods: 2,
      diskBytesPerPod: 66_528_000_000,
      requestedBytesPerPod: 10 * GIB,
      fits: false,
      // One of two nodes down: the survivor takes both shares, 3,333.3 × 2 = 6,666.7.
      failover: { extraLoad: 1, samplesPerSecondPerSurvivor: 6666.67 },
    });
    expect(doc.problems).toEqual([expect.objectContaining({ id: 'storage-undersized', fixValue: '62Gi' })]);
    // 3,333.3 × 25 B × 1h = 300,000,000 B, within the 1 GiB default queue.
    expect(doc.agents[0].queues[0]).toMatchObject({ limitBytes: GIB, neededBytes: 300_000_000, fits: true });
  });

  it('seed HA vmagents into the deduplicating VMSingle: 120k at 60s, two copies sent, one stored; no claim to compare', async () => {
    const doc = await sizeJson(both('vmsingle-dedup', 'vmagent-ha'), '--series', 'example-vmagent=120k');
    expect(doc.agents[0]).toMatchObject({ scrapeIntervalSeconds: 60, samplesPerSecond: 2000, copies: 2, sentSamplesPerSecond: 4000 });
    // 1.2 × 2,000 × 5,270,400 × 1.25 = 15,811,200,000.
    expect(doc.storages[0]).toMatchObject({ kind: 'VMSingle', ingestedSamplesPerSecond: 4000, samplesPerSecond: 2000, diskBytes: 15_811_200_000, pods: 1, requestedBytesPerPod: null, fits: false });
    expect(doc.storages[0].notes.join(' ')).toMatch(/No volume claim/);
    expect(doc.problems).toEqual([]);
  });

  it('seed sharded vmagents: 5 shards × 2 replicas send two copies; the busiest pod carries a fifth', async () => {
    const doc = await sizeJson(both('vmsingle-dedup', 'vmagent-sharded'), '--series', 'VMAgent/example-vmagent=1.5M');
    // 1,500,000 / 60s = 25,000 per copy; 5 × 2 pods × 1/5 of the targets = 2 copies.
    expect(doc.agents[0]).toMatchObject({ samplesPerSecond: 25_000, copies: 2, sentSamplesPerSecond: 50_000, podSamplesPerSecond: 5000 });
    // Queue: 5,000 × 25 B × 1h = 450,000,000 B.
    expect(doc.agents[0].queues[0]).toMatchObject({ neededBytes: 450_000_000, fits: true });
    // 1.2 × 25,000 × 5,270,400 × 1.25 = 197,640,000,000; ingest 50,000/s → 0.5 core × 2 → 1.
    expect(doc.storages[0]).toMatchObject({ samplesPerSecond: 25_000, diskBytes: 197_640_000_000, cpuCoresPerPod: 1 });
  });

  it('seed stateful vmagents: dedup 60s over a 30s scrape keeps half the samples; a 3-day outage overflows the 20Gi queue', async () => {
    const doc = await sizeJson(both('vmsingle-dedup', 'vmagent-stateful'), '--series', 'example-persistent=100k', '--outage', '3d');
    // 100,000 / 30s = 3,333.3 per copy, 2 replicas send 6,666.7; dedup 60s keeps 100,000 / 60 = 1,666.7.
    expect(doc.storages[0]).toMatchObject({ ingestedSamplesPerSecond: 6666.67, samplesPerSecond: 1666.67, diskBytes: 13_176_000_000 });
    expect(doc.storages[0].notes.join(' ')).toMatch(/one sample per 1m per series is kept/);
    // 3,333.3 × 25 B × 259,200 s = 21,600,000,000 B > 20Gi (21,474,836,480): grow the volume to 21Gi.
    expect(doc.agents[0].queues[0]).toMatchObject({ limitBytes: 20 * GIB, neededBytes: 21_600_000_000, fits: false });
    expect(doc.problems).toEqual([expect.objectContaining({ component: 'VMAgent/example-persistent', id: 'vmagent-queue-too-small-for-outage', severity: 'info', field: 'storageSize', fixValue: '21Gi' })]);
  });

  it('--bytes-per-sample 1 on a one-year RF 2 cluster at 5,000 samples/s reproduces the guide’s 397 GiB', async () => {
    const yaml = `apiVersion: operator.victoriametrics.com/v1beta1
kind: VMCluster
metadata: {name: year}
spec:
  retentionPeriod: 1y
  replicationFactor: 2
  vminsert: {replicaCount: 2}
  vmstorage: {replicaCount: 3, storage: {volumeClaimTemplate: {spec: {resources: {requests: {storage: 200Gi}}}}}}
---
apiVersion: operator.victoriametrics.com/v1beta1
kind: VMAgent
metadata: {name: a}
spec:
  selectAllByDefault: true
  remoteWrite: [{url: "http://vminsert-year.default.svc:8480/insert/0/prometheus/api/v1/write"}]
`;
    const doc = await sizeJson(yaml, '--series', 'a=150000', '--bytes-per-sample', 'year=1');
    expect(doc.storages[0]).toMatchObject({ samplesPerSecond: 5000, diskBytes: 426_600_000_000, fits: true });
    expect(Math.round(doc.storages[0].diskBytes / GIB)).toBe(397);
  });

  it('prints text with formulas, tags and sources', async () => {
    const { code, out } = await run(['size', '--series', 'scraper=600k', '-'], JSON.stringify(toDocument(haDesign())));
    expect(code).toBe(0);
    expect(out).toContain('VMAgent/scraper: 600,000 active series every 30s');
    expect(out).toMatch(/disk per pod\s+98\.2 GiB\s+294\.5 GiB \/ 3 vmstorage nodes = 98\.2 GiB\s+\[documented\]/);
    expect(out).toMatch(/volume\s+requested 20Gi — DOES NOT FIT/);
    expect(out).toMatch(/one node down\s+\+50% per survivor/);
    expect(out).toContain('warning storage-undersized VMCluster/main/vmstorage');
    expect(out).toContain('fix: Set the vmstorage volume to 99Gi');
    expect(out).toMatch(/Sources\n(\s+- .*\n)+/);
  });

  it('bad input exits 2 naming the problem', async () => {
    const t = JSON.stringify(toDocument(haDesign()));
    expect(await run(['size', '--series', 'nobody=5', '-'], t)).toMatchObject({ code: 2, err: expect.stringContaining('the design has no VMAgent of that name; it has VMAgent/scraper') });
    expect(await run(['size', '--series', 'scraper=lots', '-'], t)).toMatchObject({ code: 2, err: expect.stringContaining('is not a number') });
    expect(await run(['size', '--outage', 'soon', '-'], t)).toMatchObject({ code: 2, err: expect.stringContaining('--outage "soon" is not a duration') });
    expect(await run(['size', '--format', 'yaml', '-'], t)).toMatchObject({ code: 2 });
  });
});
