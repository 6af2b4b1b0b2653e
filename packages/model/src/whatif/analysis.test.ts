import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agent, alert, alertmanager, cluster, design, edit, link } from '../fixtures/build.ts';
import { haDesign } from '../fixtures/ha-design.ts';
import { HOSTNAME_KEY, ZONE_KEY } from '../spreading.ts';
import type { Component, JsonObject, Topology } from '../topology.ts';
import { type WhatIfScenario, analyse } from './index.ts';
import { severity } from './simulate.ts';

const hard = (key: string) => [{ maxSkew: 1, topologyKey: key, whenUnsatisfiable: 'DoNotSchedule' }];

/** Every component's spreading replaced by `f` (the HA design keeps everything else). */
function respread(t: Topology, constraints: JsonObject[]): Topology {
  return { ...t, components: t.components.map((c) => (c.kind === 'VMCluster' ? c : { ...c, spec: { ...c.spec, topologySpreadConstraints: structuredClone(constraints) } })) };
}

describe('N−1 analysis', () => {
  it('gives one pod scenario per pod, the worst node and each zone', () => {
    const a = analyse(haDesign());
    expect(a.zones).toBe(3);
    const pods = a.scenarios.filter((s) => s.class === 'pod');
    expect(pods.map((s) => s.failed[0])).toEqual([
      'vmagent-scraper-0',
      'vmagent-scraper-1',
      'vminsert-main-0',
      'vminsert-main-1',
      'vmselect-main-0',
      'vmselect-main-1',
      'vmstorage-main-0',
      'vmstorage-main-1',
      'vmstorage-main-2',
      'vmalert-rules-0',
      'vmalert-rules-1',
      'vmalertmanager-alertmanager-0',
      'vmalertmanager-alertmanager-1',
      'vmalertmanager-alertmanager-2',
    ]);
    expect(a.scenarios.filter((s) => s.class === 'node')).toHaveLength(1);
    expect(a.scenarios.filter((s) => s.class === 'zone').map((s) => s.zone)).toEqual([1, 2, 3]);
    expect(analyse(haDesign(), { zones: 2 }).scenarios.filter((s) => s.class === 'zone')).toHaveLength(2);
    // A zone count the design carries (for when the document format holds one) is read; the option wins.
    const withZones = { ...haDesign(), zones: 4 } as Topology;
    expect(analyse(withZones).zones).toBe(4);
    expect(analyse(withZones, { zones: 2 }).zones).toBe(2);
  });

  it('the HA design survives any pod; not any node, because its spreading is ScheduleAnyway (a score the scheduler may outweigh)', () => {
    const a = analyse(haDesign());
    expect(a.survives).toEqual({ pod: true, node: false, zone: false });
    const node = a.scenarios.find((s) => s.class === 'node')!;
    expect([node.ingestion, node.queries, node.alerting]).toEqual(['lost', 'unavailable', 'lost']);
    expect(a.placement.find((g) => g.componentId === 'vmcluster-main-vmstorage')!.rule).toMatch(/no hard spreading/);
  });

  it('with DoNotSchedule on the hostname the HA design survives any node too; with DoNotSchedule on the zone, any zone', () => {
    expect(analyse(respread(haDesign(), hard(HOSTNAME_KEY))).survives).toEqual({ pod: true, node: true, zone: false });
    // Replicas ≤ zones everywhere (2 or 3 pods, 3 zones): one pod per zone, so also one per node.
    expect(analyse(respread(haDesign(), hard(ZONE_KEY))).survives).toEqual({ pod: true, node: true, zone: true });
  });

  it('a hard zone spread stops protecting a zone once replicas pass the zone count: 4 vmstorage with RF 2 in 3 zones', () => {
    const zoned = respread(haDesign(), hard(ZONE_KEY));
    const four = edit(zoned, 'vmcluster-main-vmstorage', (s) => ({ ...s, replicaCount: 4 }));
    const a = analyse(four);
    expect(a.survives.zone).toBe(false);
    const z1 = a.scenarios.find((s) => s.class === 'zone' && s.zone === 1)!;
    expect(z1.queries).toBe('partial');
    expect(z1.reasons.join('\n')).toMatch(/vmstorage-main-0 and vmstorage-main-1 down with replicationFactor 2: .* a sixth of them — are missing from queries/);
    // ... and a node: two pods may share a node of the zone that holds two.
    expect(a.survives.node).toBe(false);
  });

  it('a daemonSetMode agent: its pod alone is a partial loss, its node takes nothing more', () => {
    const t = design(
      [agent('ds', { daemonSetMode: true }), ...cluster('prod', { replicationFactor: 2 }, { vminsert: { replicaCount: 2, topologySpreadConstraints: hard(HOSTNAME_KEY) }, vmselect: { replicaCount: 2, topologySpreadConstraints: hard(HOSTNAME_KEY) }, vmstorage: { replicaCount: 3, topologySpreadConstraints: hard(HOSTNAME_KEY), storage: { volumeClaimTemplate: {} } } })],
      [link('remoteWrite', 'vmagent-ds', 'vmcluster-prod-vminsert')],
    );
    const a = analyse(t);
    expect(a.survives).toEqual({ pod: false, node: true, zone: false });
  });
});

// ---------------------------------------------------------------------------------------------
// Property: adding a replica (the spreading kept) never makes a scenario worse.
//
// Spreading drawn from: none, soft (ScheduleAnyway) or hard (DoNotSchedule / required
// anti-affinity) on the hostname. A hard *zone* spread is left out on purpose: there, adding a
// replica past the zone count lets two pods share a zone (and a node), which is truly worse — see
// the test above.

type Spread = 'none' | 'soft' | 'hard' | 'anti';
const spreadArb = fc.constantFrom<Spread>('none', 'soft', 'hard', 'anti');

function spreadSpec(s: Spread, app: string): JsonObject {
  if (s === 'none') return {};
  if (s === 'anti') return { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { 'app.kubernetes.io/name': app } }, topologyKey: HOSTNAME_KEY }] } } };
  return { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: HOSTNAME_KEY, whenUnsatisfiable: s === 'hard' ? 'DoNotSchedule' : 'ScheduleAnyway' }] };
}

const part = fc.record({ replicas: fc.integer({ min: 1, max: 3 }), spread: spreadArb });
const designArb = fc.record({
  agents: fc.array(fc.record({ replicas: fc.integer({ min: 1, max: 3 }), shards: fc.constantFrom(0, 2, 3), spread: spreadArb, stateful: fc.boolean(), crf: fc.constantFrom(undefined, '2') }), { minLength: 1, maxLength: 2 }),
  rf: fc.constantFrom(undefined, 1, 2, 3),
  vminsert: part,
  vmselect: part,
  vmstorage: fc.record({ replicas: fc.integer({ min: 1, max: 5 }), spread: spreadArb, pvc: fc.boolean() }),
  vmalert: fc.option(part, { nil: undefined }),
  am: part,
  notify: fc.constantFrom('selector', 'service', 'pods0'),
  grow: fc.nat(),
});

type Plan = typeof designArb extends fc.Arbitrary<infer T> ? T : never;

function build(p: Plan): { t: Topology; growable: string[] } {
  const comps: Component[] = [];
  const links = [];
  p.agents.forEach((a, i) => {
    const spec: JsonObject = { replicaCount: a.replicas, selectAllByDefault: true, ...spreadSpec(a.spread, 'vmagent') };
    if (a.shards) spec.shardCount = a.shards;
    if (a.stateful) Object.assign(spec, { statefulMode: true, statefulStorage: { volumeClaimTemplate: { spec: { resources: { requests: { storage: '1Gi' } } } } } });
    if (a.crf) spec.extraArgs = { 'promscrape.cluster.replicationFactor': a.crf };
    comps.push(agent(`a${i}`, spec));
    links.push(link('remoteWrite', `vmagent-a${i}`, 'vmcluster-prod-vminsert'));
  });
  comps.push(
    ...cluster('prod', p.rf === undefined ? {} : { replicationFactor: p.rf }, {
      vminsert: { replicaCount: p.vminsert.replicas, ...spreadSpec(p.vminsert.spread, 'vminsert') },
      vmselect: { replicaCount: p.vmselect.replicas, ...spreadSpec(p.vmselect.spread, 'vmselect') },
      vmstorage: { replicaCount: p.vmstorage.replicas, ...spreadSpec(p.vmstorage.spread, 'vmstorage'), ...(p.vmstorage.pvc ? { storage: { volumeClaimTemplate: {} } } : {}) },
    }),
  );
  comps.push(alertmanager('am', { replicaCount: p.am.replicas, configSecret: 'c', ...spreadSpec(p.am.spread, 'vmalertmanager') }));
  if (p.vmalert) {
    comps.push(alert('rules', { replicaCount: p.vmalert.replicas, ...spreadSpec(p.vmalert.spread, 'vmalert') }));
    links.push(link('datasource', 'vmalert-rules', 'vmcluster-prod-vmselect'), link('remoteWrite', 'vmalert-rules', 'vmcluster-prod-vminsert'));
    links.push(link('notifier', 'vmalert-rules', 'vmalertmanager-am', p.notify === 'pods0' ? { notify: 'pods', pods: [0] } : { notify: p.notify as 'selector' | 'service' }));
  }
  const growable = comps.filter((c) => c.kind !== 'VMCluster').map((c) => c.id);
  return { t: design(comps, links), growable };
}

const worse = (after: WhatIfScenario, before: WhatIfScenario) => {
  const a = severity(after);
  const b = severity(before);
  return a.some((x, i) => x > b[i]!);
};

describe('property: adding a replica (the spreading kept) never makes a scenario worse', () => {
  it('pod scenarios of the same pod, the worst node, and the worst zone are never worse; no class stops surviving', () => {
    fc.assert(
      fc.property(designArb, (p) => {
        const { t, growable } = build(p);
        const id = growable[p.grow % growable.length]!;
        const grown = edit(t, id, (s) => ({ ...s, replicaCount: (typeof s.replicaCount === 'number' ? s.replicaCount : 1) + 1 }));
        const before = analyse(t);
        const after = analyse(grown);
        const byPod = new Map(before.scenarios.filter((s) => s.class === 'pod').map((s) => [s.failed[0], s]));
        for (const s of after.scenarios) {
          if (s.class !== 'pod') continue;
          const old = byPod.get(s.failed[0]);
          if (old && worse(s, old)) throw new Error(`${id} +1: ${s.failed[0]} got worse: ${JSON.stringify([old.ingestion, old.queries, old.alerting])} → ${JSON.stringify([s.ingestion, s.queries, s.alerting])}\n${s.reasons.join('\n')}`);
        }
        const node = (a: typeof before) => a.scenarios.find((s) => s.class === 'node')!;
        if (worse(node(after), node(before))) throw new Error(`${id} +1: the worst node got worse\n${node(after).reasons.join('\n')}`);
        const zones = (a: typeof before) => a.scenarios.filter((s) => s.class === 'zone');
        const worstZone = (a: typeof before) => zones(a).reduce((w, s) => severity(s).map((x, i) => Math.max(x, w[i]!)), [0, 0, 0]);
        if (worstZone(after).some((x, i) => x > worstZone(before)[i]!)) throw new Error(`${id} +1: the worst zone got worse`);
        for (const k of ['pod', 'node', 'zone'] as const) if (before.survives[k] && !after.survives[k]) throw new Error(`${id} +1: stops surviving a ${k} failure`);
      }),
      { numRuns: 150 },
    );
  }, 60_000);
});
