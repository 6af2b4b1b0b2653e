import { describe, expect, it } from 'vitest';
import { agent, auth, cluster, design, link } from '../fixtures/build.ts';
import { HOSTNAME_KEY, ZONE_KEY } from '../spreading.ts';
import type { JsonObject } from '../topology.ts';
import { placementOf, zoneSpread } from './placement.ts';

const tsc = (key: string, when: 'DoNotSchedule' | 'ScheduleAnyway', maxSkew = 1): JsonObject => ({ topologySpreadConstraints: [{ maxSkew, topologyKey: key, whenUnsatisfiable: when }] });
const anti = (key: string): JsonObject => ({
  affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { 'app.kubernetes.io/name': 'vmstorage' } }, topologyKey: key }] } },
});
const storage = (spec: JsonObject) => design(cluster('prod', { replicationFactor: 2 }, { vminsert: { replicaCount: 1 }, vmselect: { replicaCount: 1 }, vmstorage: { replicaCount: 3, ...spec } }));
const group = (spec: JsonObject, zones?: number) => placementOf(storage(spec), zones).groups.find((g) => g.componentId === 'vmcluster-prod-vmstorage')!;

describe('placement: which pods may share a node or a zone', () => {
  it('without a hard constraint, every pod may land on one node of one zone (soft spreading is only a score)', () => {
    for (const spec of [{}, tsc(HOSTNAME_KEY, 'ScheduleAnyway'), tsc(ZONE_KEY, 'ScheduleAnyway')]) {
      const g = group(spec);
      expect(g.perNode).toBe(3);
      expect(g.perZone).toEqual([3, 0, 0]);
      expect(g.rule).toMatch(/no hard spreading/);
    }
    const p = placementOf(storage({}));
    expect(p.worstNode).toEqual(expect.arrayContaining(['vmstorage-prod-0', 'vmstorage-prod-1', 'vmstorage-prod-2']));
    expect(p.zonePods[0]).toContain('vmstorage-prod-2');
  });

  it('DoNotSchedule or required anti-affinity on the hostname keeps pods on distinct nodes, not in distinct zones', () => {
    for (const spec of [tsc(HOSTNAME_KEY, 'DoNotSchedule'), anti(HOSTNAME_KEY)]) {
      const g = group(spec);
      expect(g.perNode).toBe(1);
      expect(g.perZone).toEqual([3, 0, 0]);
    }
    expect(group(tsc(HOSTNAME_KEY, 'DoNotSchedule', 2)).perNode).toBe(2);
    expect(placementOf(storage(tsc(HOSTNAME_KEY, 'DoNotSchedule'))).worstNode.filter((p) => p.startsWith('vmstorage'))).toEqual(['vmstorage-prod-0']);
  });

  it('a hard zone spread keeps pods on distinct nodes while replicas ≤ zones, and ⌈pods/zones⌉ per zone beyond', () => {
    expect(group(tsc(ZONE_KEY, 'DoNotSchedule'))).toMatchObject({ perNode: 1, perZone: [1, 1, 1] });
    const four = placementOf(design(cluster('prod', {}, { vmstorage: { replicaCount: 4, ...tsc(ZONE_KEY, 'DoNotSchedule') } }))).groups.find((g) => g.componentId.endsWith('vmstorage'))!;
    expect(four).toMatchObject({ perNode: 2, perZone: [2, 1, 1] });
    expect(group(tsc(ZONE_KEY, 'DoNotSchedule'), 2)).toMatchObject({ perNode: 2, perZone: [2, 1] });
    expect(zoneSpread(5, 3, 2)).toEqual([3, 1, 1]);
    expect(zoneSpread(6, 3, 1)).toEqual([2, 2, 2]);
  });

  it('required anti-affinity on the zone allows one pod per zone: the others never run', () => {
    const p = placementOf(storage(anti(ZONE_KEY)), 2);
    const g = p.groups.find((x) => x.componentId.endsWith('vmstorage'))!;
    expect(g.pending).toEqual(['vmstorage-prod-2']);
    expect(p.pending.has('vmstorage-prod-2')).toBe(true);
    expect(g.rule).toMatch(/vmstorage-prod-2 cannot be scheduled/);
  });

  it('a component pinned to one zone (nodeSelector) shares it whatever its zone spread says', () => {
    const g = group({ ...tsc(ZONE_KEY, 'DoNotSchedule'), nodeSelector: { [ZONE_KEY]: 'eu-1a' } });
    expect(g.perZone).toEqual([3, 0, 0]);
    expect(g.perNode).toBe(3);
  });

  it('a VMAuth constraint without a labelSelector selects no pods (the operator does not fill it)', () => {
    const t = design([auth('gw', { replicaCount: 2, ...tsc(HOSTNAME_KEY, 'DoNotSchedule') })]);
    expect(placementOf(t).groups[0]!.perNode).toBe(2);
    const withSel = design([auth('gw', { replicaCount: 2, topologySpreadConstraints: [{ maxSkew: 1, topologyKey: HOSTNAME_KEY, whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { a: 'b' } } }] })]);
    expect(placementOf(withSel).groups[0]!.perNode).toBe(1);
  });

  it("a sharded VMAgent's constraint spans every shard (the operator fills cr.SelectorLabels(), without shard-num)", () => {
    const t = design([agent('big', { shardCount: 3, replicaCount: 2, ...tsc(HOSTNAME_KEY, 'DoNotSchedule') }), ...cluster('prod')], [link('remoteWrite', 'vmagent-big', 'vmcluster-prod-vminsert')]);
    const p = placementOf(t);
    expect(p.worstNode.filter((x) => x.startsWith('vmagent'))).toEqual(['vmagent-big-0-0']);
    // Zone 1 holds whole shards first: the worst the scheduler may do.
    expect(p.zonePods[0]!.filter((x) => x.startsWith('vmagent'))).toEqual(['vmagent-big-0-0', 'vmagent-big-0-1', 'vmagent-big-1-0', 'vmagent-big-1-1', 'vmagent-big-2-0', 'vmagent-big-2-1']);
  });

  it('a DaemonSet agent has one pod on every node: its stand-in fails with any node and any zone', () => {
    const t = design([agent('ds', { daemonSetMode: true })]);
    const p = placementOf(t);
    expect(p.pods.map((x) => x.name)).toEqual(['vmagent-ds@node']);
    expect(p.worstNode).toEqual(['vmagent-ds@node']);
    expect(p.zonePods.every((z) => z.includes('vmagent-ds@node'))).toBe(true);
  });
});
