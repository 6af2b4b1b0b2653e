import { describe, expect, it } from 'vitest';
import { analyse, whatIf } from '@vmtopo/model';
import { haDesign } from '@vmtopo/model/fixtures/ha-design.ts';
import { importManifests } from './import.ts';
import { seedFixtures } from './testing/seed.ts';
import { whatifJson, whatifText } from './whatif-format.ts';

const seed = Object.fromEntries(seedFixtures().map((f) => [f.name, f.text]));
const load = (...names: string[]) => importManifests(names.map((n) => seed[n]!).join('\n---\n')).topology;
const pod = (a: ReturnType<typeof analyse>, name: string) => a.scenarios.find((s) => s.class === 'pod' && s.failed[0] === name)!;
const levels = (s: { ingestion: string; queries: string; alerting: string }) => [s.ingestion, s.queries, s.alerting];

/**
 * The survival summary of each scenario of the seed document (shared/domain/seed-high-availability.md),
 * combined as the document means its examples to run together (as in seed-findings.test.ts).
 */
describe('survival of the seed examples', () => {
  it('VMCluster (RF 2, 2 nodes of each part, required anti-affinity on the hostname): survives any pod and any node, not a zone', () => {
    const a = analyse(load('vmcluster'));
    expect(a.survives).toEqual({ pod: true, node: true, zone: false });
    expect(levels(pod(a, 'vmstorage-example-vmcluster-persistent-1'))).toEqual(['ok', 'complete', 'ok']);
    const zone = a.scenarios.find((s) => s.class === 'zone' && s.zone === 1)!;
    expect(zone.queries).toBe('unavailable');
  });

  it('VMCluster with its one-replica vmagent and vmalert: the agent or the vmalert pod alone loses something', () => {
    const a = analyse(load('vmcluster', 'vmagent-cluster', 'vmalert-cluster'));
    expect(a.survives).toEqual({ pod: false, node: false, zone: false });
    expect(levels(pod(a, 'vmagent-example-vmagent-0'))).toEqual(['lost', 'complete', 'ok']);
    expect(levels(pod(a, 'vmalert-example-vmalert-0'))).toEqual(['ok', 'complete', 'lost']);
  });

  it('HA vmagents into a deduplicating VMSingle: an agent pod is nothing, the VMSingle pod stops queries and fills the emptyDir queues', () => {
    const a = analyse(load('vmsingle-dedup', 'vmagent-ha'));
    expect(a.survives).toEqual({ pod: false, node: false, zone: false });
    expect(levels(pod(a, 'vmagent-example-vmagent-0'))).toEqual(['ok', 'complete', 'ok']);
    const s = pod(a, 'vmsingle-example-vmsingle-persisted-0');
    expect(levels(s)).toEqual(['buffered', 'unavailable', 'ok']);
    expect(s.buffers).toEqual([expect.objectContaining({ agent: 'vmagent-example-vmagent', persistent: false, bytesPerPod: 1024 ** 3 })]);
    expect(s.reasons.join('\n')).toMatch(/keeps its data on an emptyDir: every sample it stored is gone for good/);
  });

  it('sharded agents (5 shards × 2 replicas): no single agent pod loses a target; the worst node holds every shard', () => {
    const a = analyse(load('vmsingle-dedup', 'vmagent-sharded'));
    expect(a.survives).toEqual({ pod: false, node: false, zone: false });
    const agentPods = a.scenarios.filter((s) => s.class === 'pod' && s.failed[0]!.startsWith('vmagent-'));
    expect(agentPods).toHaveLength(10);
    expect(agentPods.every((s) => s.ingestion === 'ok')).toBe(true);
    expect(a.scenarios.find((s) => s.class === 'node')!.ingestion).toBe('lost');
  });

  it('stateful agents: a VMSingle restart waits in their PVC queues (20Gi for one URL)', () => {
    const a = analyse(load('vmsingle-dedup', 'vmagent-stateful'));
    expect(a.survives).toEqual({ pod: false, node: false, zone: false });
    const s = pod(a, 'vmsingle-example-vmsingle-persisted-0');
    expect(s.ingestion).toBe('buffered');
    expect(s.buffers).toEqual([expect.objectContaining({ persistent: true, bytesPerPod: 20 * 1024 ** 3 })]);
  });

  it('VMAlert listing both pods of a 2-replica alertmanager: an alertmanager pod is nothing, the single vmalert pod loses alerting', () => {
    for (const vmalert of ['vmalert-fqdns', 'vmalert-selector']) {
      const a = analyse(load(vmalert, 'alertmanager-ha'));
      expect(a.survives).toEqual({ pod: false, node: false, zone: false });
      expect(levels(pod(a, 'vmalertmanager-example-0'))).toEqual(['ok', 'complete', 'ok']);
      expect(levels(pod(a, 'vmalert-example-ha-0'))).toEqual(['ok', 'complete', 'lost']);
    }
  });
});

describe('whatif output', () => {
  it('JSON: zones, survives and one pod scenario per pod, then the node and the zones', () => {
    const t = haDesign();
    const doc = JSON.parse(whatifJson(t, { analysis: analyse(t) }));
    expect(doc.zones).toBe(3);
    expect(doc.survives).toEqual({ pod: true, node: false, zone: false });
    expect(doc.scenarios.filter((s: { class: string }) => s.class === 'pod')).toHaveLength(14);
    expect(doc.scenarios[0]).toEqual({ class: 'pod', failed: ['vmagent-scraper-0'], ingestion: 'ok', queries: 'complete', alerting: 'ok', reasons: [expect.stringMatching(/vmagent-scraper-1 scrapes the same targets/)] });
    expect(doc.placement[0]).toMatchObject({ component: 'VMAgent/scraper', perNode: 2, perZone: [2, 0, 0] });
    expect(doc.assumptions.length).toBeGreaterThan(0);
  });

  it('JSON of --fail: the one custom scenario', () => {
    const t = haDesign();
    const doc = JSON.parse(whatifJson(t, { analysis: analyse(t), custom: whatIf(t, ['vmstorage-main-0', 'vmstorage-main-1']) }));
    expect(doc.scenarios).toHaveLength(1);
    expect(doc.scenarios[0]).toMatchObject({
      class: 'custom',
      failed: ['vmstorage-main-0', 'vmstorage-main-1'],
      ingestion: 'partial',
      queries: 'partial',
      alerting: 'degraded',
      affected: ['VMCluster/main', 'VMAlert/rules'],
    });
  });

  it('text: the summary, the placement rule per component, the node and zones, harmed pods in full', () => {
    const t = haDesign();
    const text = whatifText(t, { analysis: analyse(t) });
    expect(text).toMatch(/Survives any pod: yes · any node: NO · any zone: NO/);
    expect(text).toMatch(/VMCluster\/main\/vmstorage \(vmstorage-main-0, vmstorage-main-1, vmstorage-main-2\): no hard spreading/);
    expect(text).toMatch(/Worst single node \(14 pods: .*\):\n {2}ingestion lost · queries unavailable · alerting lost/);
    expect(text).toMatch(/Single pods: 14 scenarios, 0 lose or delay something/);
  });
});
