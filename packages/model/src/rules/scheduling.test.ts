import { describe, expect, test } from 'vitest';
import { getComponent } from '../access.ts';
import { HA, auth, design, edit, single } from '../fixtures/build.ts';
import { haDesign } from '../fixtures/ha-design.ts';
import { HOSTNAME_KEY, ZONE_KEY } from '../spreading.ts';
import { applyFix, lint } from './index.ts';
import { fires, quiet } from './check-case.ts';

describe('replicas-without-spreading', () => {
  test('fires for 2 vminsert replicas without spreading; the fix adds a hostname constraint', () => {
    const t = edit(haDesign(), HA.vminsert, ({ topologySpreadConstraints: _t, ...s }) => s);
    const [f] = fires('replicas-without-spreading', t, { ids: [HA.vminsert], includes: ['runs 2 replicas', HOSTNAME_KEY], fixable: true });
    expect(f!.field).toBe('spreading');
    expect(getComponent(applyFix(t, f!), HA.vminsert)!.spec.topologySpreadConstraints).toEqual([
      { maxSkew: 1, topologyKey: HOSTNAME_KEY, whenUnsatisfiable: 'ScheduleAnyway' },
    ]);
  });
  const zone = { maxSkew: 1, topologyKey: ZONE_KEY, whenUnsatisfiable: 'DoNotSchedule' };
  test('a hard zone spread with more replicas than zones (3 assumed) fires; the fix keeps it and adds hostname', () => {
    const t = edit(haDesign(), HA.am, (s) => ({ ...s, replicaCount: 4, topologySpreadConstraints: [zone] }));
    const [f] = fires('replicas-without-spreading', t, { ids: [HA.am], includes: ['only up to 3 zones'] });
    const tsc = getComponent(applyFix(t, f!), HA.am)!.spec.topologySpreadConstraints as unknown[];
    expect(tsc[0]).toEqual(zone);
    expect(tsc).toHaveLength(2);
  });
  test('quiet for a hard zone spread with replicas <= zones: each pod in a zone, so on a node, of its own', () => {
    quiet('replicas-without-spreading', edit(haDesign(), HA.am, (s) => ({ ...s, replicaCount: 3, topologySpreadConstraints: [zone] })));
    const antiZone = { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'x' } }, topologyKey: ZONE_KEY }] } };
    quiet('replicas-without-spreading', edit(haDesign(), HA.vminsert, ({ topologySpreadConstraints: _t, ...s }) => ({ ...s, affinity: antiZone })));
  });
  test('a soft zone spread, a skew above 1, or zones pinned to fewer than the replicas still fires', () => {
    fires('replicas-without-spreading', edit(haDesign(), HA.am, (s) => ({ ...s, topologySpreadConstraints: [{ ...zone, whenUnsatisfiable: 'ScheduleAnyway' }] })));
    fires('replicas-without-spreading', edit(haDesign(), HA.am, (s) => ({ ...s, topologySpreadConstraints: [{ ...zone, maxSkew: 2 }] })));
    const twoZones = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: ZONE_KEY, operator: 'In', values: ['a', 'b'] }] }] } } };
    fires('replicas-without-spreading', edit(haDesign(), HA.am, (s) => ({ ...s, affinity: twoZones, topologySpreadConstraints: [zone] })), { includes: ['only up to 2 zones'] });
  });
  test('VMAuth: the fix writes the labelSelector the operator does not fill for it (its selector labels)', () => {
    const gate = auth('gate', { replicaCount: 2, podDisruptionBudget: { maxUnavailable: 1 } });
    const t = design([gate]);
    const [f] = fires('replicas-without-spreading', t, { includes: ['with a labelSelector on the VMAuth pod labels'], fixable: true });
    expect(getComponent(applyFix(t, f!), gate.id)!.spec.topologySpreadConstraints).toEqual([
      {
        maxSkew: 1,
        topologyKey: HOSTNAME_KEY,
        whenUnsatisfiable: 'ScheduleAnyway',
        labelSelector: {
          matchLabels: {
            'app.kubernetes.io/name': 'vmauth',
            'app.kubernetes.io/instance': 'gate',
            'app.kubernetes.io/component': 'monitoring',
            'managed-by': 'vm-operator',
          },
        },
      },
    ]);
  });
  test('VMAuth constraints without a labelSelector select no pods: the rule fires and the fix fills them in', () => {
    const bare = { maxSkew: 1, topologyKey: HOSTNAME_KEY, whenUnsatisfiable: 'ScheduleAnyway' };
    const t = design([auth('gate', { replicaCount: 2, topologySpreadConstraints: [bare] })]);
    const [f] = fires('replicas-without-spreading', t, { includes: ['no labelSelector, which the operator does not fill for VMAuth'] });
    const tsc = getComponent(applyFix(t, f!), 'vmauth-gate')!.spec.topologySpreadConstraints as Record<string, unknown>[];
    expect(tsc).toHaveLength(1);
    expect(tsc[0]!.labelSelector).toMatchObject({ matchLabels: { 'app.kubernetes.io/instance': 'gate' } });
    // The operator fills it for its other kinds: the same constraint spreads a vmalertmanager.
    quiet('replicas-without-spreading', edit(haDesign(), HA.am, (s) => ({ ...s, topologySpreadConstraints: [bare] })));
  });
  test('pod anti-affinity without a labelSelector matches no pod, so it spreads nothing', () => {
    const anti = { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: { topologyKey: HOSTNAME_KEY } }] } };
    fires('replicas-without-spreading', edit(haDesign(), HA.vminsert, ({ topologySpreadConstraints: _t, ...s }) => ({ ...s, affinity: anti })));
  });
  test('quiet with hostname anti-affinity, one replica, or a VMSingle', () => {
    const anti = {
      podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: {}, topologyKey: HOSTNAME_KEY }] },
    };
    quiet('replicas-without-spreading', edit(haDesign(), HA.vminsert, ({ topologySpreadConstraints: _t, ...s }) => ({ ...s, affinity: anti })));
    quiet('replicas-without-spreading', edit(haDesign(), HA.vminsert, ({ topologySpreadConstraints: _t, ...s }) => ({ ...s, replicaCount: 1 })));
    quiet('replicas-without-spreading', design([single('main', { replicaCount: 2 })]));
    quiet('replicas-without-spreading', haDesign());
  });
});

describe('vmstorage-disruption-exceeds-rf', () => {
  const budget = (pdb: Record<string, unknown>, rf = 2, replicas = 3) => {
    let t = edit(haDesign(), HA.vmstorage, (s) => ({ ...s, replicaCount: replicas, podDisruptionBudget: pdb }));
    t = edit(t, HA.cluster, (s) => ({ ...s, replicationFactor: rf }));
    return t;
  };
  test('fires when maxUnavailable reaches RF; the fix sets maxUnavailable 1', () => {
    const t = budget({ maxUnavailable: 2 });
    const [f] = fires('vmstorage-disruption-exceeds-rf', t, {
      ids: [HA.vmstorage, HA.cluster],
      includes: ['maxUnavailable 2, which lets 2 of its 3 pods be unavailable at once', 'replicationFactor 2', 'at most RF − 1 = 1'],
      fixable: true,
    });
    expect(f!.field).toBe('pdbMaxUnavailable');
    expect(getComponent(applyFix(t, f!), HA.vmstorage)!.spec.podDisruptionBudget).toEqual({ maxUnavailable: 1 });
  });
  test('fires for a percentage rounded up to RF, minAvailable <= replicas − RF, and maxUnavailable 100%', () => {
    fires('vmstorage-disruption-exceeds-rf', budget({ maxUnavailable: '50%' }), { includes: ['lets 2 of its 3 pods'] }); // ceil(1.5)
    const [f] = fires('vmstorage-disruption-exceeds-rf', budget({ minAvailable: 1, unhealthyPodEvictionPolicy: 'AlwaysAllow' }), { includes: ['minAvailable 1'] });
    expect(f!.field).toBe('pdbMinAvailable');
    expect(getComponent(applyFix(budget({ minAvailable: 1, unhealthyPodEvictionPolicy: 'AlwaysAllow' }), f!), HA.vmstorage)!.spec.podDisruptionBudget).toEqual({
      maxUnavailable: 1,
      unhealthyPodEvictionPolicy: 'AlwaysAllow',
    });
    fires('vmstorage-disruption-exceeds-rf', budget({ maxUnavailable: '100%' }, 3, 2));
    fires('vmstorage-disruption-exceeds-rf', budget({ minAvailable: '40%' }, 3, 5)); // ceil(2) stay, 3 may go
  });
  test('quiet below RF, without a budget, and with one copy (RF 1 or unset: vmcluster-no-replication says so)', () => {
    quiet('vmstorage-disruption-exceeds-rf', haDesign());
    quiet('vmstorage-disruption-exceeds-rf', budget({ maxUnavailable: '50%' }, 3, 3)); // ceil(1.5) = 2 < 3
    quiet('vmstorage-disruption-exceeds-rf', budget({ minAvailable: 2 }, 2, 3));
    quiet('vmstorage-disruption-exceeds-rf', budget({ unhealthyPodEvictionPolicy: 'AlwaysAllow' }));
    quiet('vmstorage-disruption-exceeds-rf', budget({ maxUnavailable: 2 }, 1, 3));
    quiet('vmstorage-disruption-exceeds-rf', edit(budget({ maxUnavailable: 2 }), HA.cluster, ({ replicationFactor: _r, ...s }) => s));
  });
  test('raising vmstorage replicas keeps a percentage budget below RF (the replica fixes add no error)', () => {
    let t = edit(haDesign(), HA.vmstorage, ({ replicaCount: _r, ...s }) => ({ ...s, podDisruptionBudget: { maxUnavailable: '50%' } }));
    t = edit(t, HA.cluster, (s) => ({ ...s, replicationFactor: 3 }));
    const f = lint(t).find((x) => x.ruleId === 'vmcluster-storage-replicas-unset')!;
    const fixed = applyFix(t, f);
    expect(getComponent(fixed, HA.vmstorage)!.spec).toMatchObject({ replicaCount: 5, podDisruptionBudget: { maxUnavailable: 1 } });
    expect(lint(fixed).map((x) => x.ruleId)).not.toContain('vmstorage-disruption-exceeds-rf');
  });
});

describe('pdb-missing', () => {
  test('fires for 2 replicas without a PDB; the fix sets maxUnavailable 1', () => {
    const t = edit(haDesign(), HA.alert, ({ podDisruptionBudget: _p, ...s }) => s);
    const [f] = fires('pdb-missing', t, { ids: [HA.alert], includes: ['may evict every replica at once'], fixable: true });
    expect(getComponent(applyFix(t, f!), HA.alert)!.spec.podDisruptionBudget).toEqual({ maxUnavailable: 1 });
  });
  test('quiet with a PDB, one replica, daemonSetMode or a VMSingle', () => {
    quiet('pdb-missing', haDesign());
    quiet('pdb-missing', edit(haDesign(), HA.alert, ({ podDisruptionBudget: _p, ...s }) => ({ ...s, replicaCount: 1 })));
    quiet('pdb-missing', edit(haDesign(), HA.agent, ({ podDisruptionBudget: _p, statefulMode: _m, ...s }) => ({ ...s, daemonSetMode: true })));
    quiet('pdb-missing', design([single('main', { replicaCount: 2 })]));
  });
});

describe('pdb-blocks-eviction', () => {
  const pdb = (value: Record<string, unknown>) => edit(haDesign(), HA.vmstorage, (s) => ({ ...s, podDisruptionBudget: value }));
  test('fires for minAvailable >= replicas; the fix uses maxUnavailable 1', () => {
    const t = pdb({ minAvailable: 3 });
    const [f] = fires('pdb-blocks-eviction', t, { ids: [HA.vmstorage], includes: ['minAvailable 3 is not below the 3 replicas'], fixable: true });
    expect(f!.field).toBe('pdbMinAvailable');
    expect(getComponent(applyFix(t, f!), HA.vmstorage)!.spec.podDisruptionBudget).toEqual({ maxUnavailable: 1 });
  });
  test('fires for minAvailable 100% and maxUnavailable 0', () => {
    fires('pdb-blocks-eviction', pdb({ minAvailable: '100%' }), { includes: ['minAvailable is 100%'] });
    fires('pdb-blocks-eviction', pdb({ maxUnavailable: 0 }), { includes: ['maxUnavailable is 0'] });
  });
  test('quiet for minAvailable below replicas, or a percentage', () => {
    quiet('pdb-blocks-eviction', pdb({ minAvailable: 2 }));
    quiet('pdb-blocks-eviction', pdb({ maxUnavailable: '50%' }));
    quiet('pdb-blocks-eviction', haDesign());
  });
});
