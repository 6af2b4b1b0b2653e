import { describe, expect, test } from 'vitest';
import { getComponent } from '../access.ts';
import { HA, design, edit, single } from '../fixtures/build.ts';
import { haDesign } from '../fixtures/ha-design.ts';
import { HOSTNAME_KEY, ZONE_KEY } from '../spreading.ts';
import { applyFix } from './index.ts';
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
  test('a zone-only constraint fires; the fix keeps it and adds hostname', () => {
    const zone = { maxSkew: 1, topologyKey: ZONE_KEY, whenUnsatisfiable: 'DoNotSchedule' };
    const t = edit(haDesign(), HA.am, (s) => ({ ...s, topologySpreadConstraints: [zone] }));
    const [f] = fires('replicas-without-spreading', t, { ids: [HA.am] });
    const tsc = getComponent(applyFix(t, f!), HA.am)!.spec.topologySpreadConstraints as unknown[];
    expect(tsc[0]).toEqual(zone);
    expect(tsc).toHaveLength(2);
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
