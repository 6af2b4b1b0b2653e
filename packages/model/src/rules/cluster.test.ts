import { describe, expect, test } from 'vitest';
import { getComponent } from '../access.ts';
import { HA, edit } from '../fixtures/build.ts';
import { haDesign } from '../fixtures/ha-design.ts';
import { applyFix } from './index.ts';
import { fires, quiet } from './check-case.ts';

const rf = (n: number | undefined) => edit(haDesign(), HA.cluster, (s) => ({ ...s, replicationFactor: n }));
const storageReplicas = (t: ReturnType<typeof haDesign>, n: number | undefined) => edit(t, HA.vmstorage, (s) => ({ ...s, replicaCount: n }));

describe('vmcluster-rf-exceeds-storage', () => {
  test('fires when RF is above the vmstorage count; the fix sets 2·RF−1', () => {
    const t = rf(4);
    const [f] = fires('vmcluster-rf-exceeds-storage', t, {
      ids: [HA.vmstorage, HA.cluster],
      includes: ["vmcluster 'main' has replicationFactor 4 but only 3 vmstorage nodes", 'at least 7'],
      fixable: true,
    });
    expect(getComponent(applyFix(t, f!), HA.vmstorage)!.spec.replicaCount).toBe(7);
  });
  test('quiet when RF equals the node count, or when the count is unset', () => {
    quiet('vmcluster-rf-exceeds-storage', rf(3));
    quiet('vmcluster-rf-exceeds-storage', storageReplicas(rf(4), undefined));
  });
});

describe('vmcluster-rf-below-2n-1', () => {
  test('fires for RF 2 on 2 nodes', () => {
    fires('vmcluster-rf-below-2n-1', storageReplicas(haDesign(), 2), { includes: ['replicationFactor 2 with 2 vmstorage nodes', 'at least 3'], fixable: true });
  });
  test('quiet for RF 2 on 3 nodes and for RF 1', () => {
    quiet('vmcluster-rf-below-2n-1', haDesign());
    quiet('vmcluster-rf-below-2n-1', storageReplicas(rf(1), 1));
  });
});

describe('vmcluster-storage-replicas-unset', () => {
  test('fires when vmstorage.replicaCount is unset; the fix sets it', () => {
    const t = storageReplicas(haDesign(), undefined);
    const [f] = fires('vmcluster-storage-replicas-unset', t, { ids: [HA.vmstorage, HA.cluster], includes: ['-storageNode'], fixable: true });
    expect(getComponent(applyFix(t, f!), HA.vmstorage)!.spec.replicaCount).toBe(3);
  });
  test('quiet when set, or when an hpa drives vmstorage', () => {
    quiet('vmcluster-storage-replicas-unset', haDesign());
    quiet('vmcluster-storage-replicas-unset', edit(storageReplicas(haDesign(), undefined), HA.vmstorage, (s) => ({ ...s, hpa: { minReplicas: 3, maxReplicas: 5 } })));
  });
});

describe('vmcluster-component-single-replica', () => {
  test('fires for a single vminsert', () => {
    const t = edit(haDesign(), HA.vminsert, (s) => ({ ...s, replicaCount: 1 }));
    const [f] = fires('vmcluster-component-single-replica', t, { ids: [HA.vminsert], includes: ["vminsert of vmcluster 'main' runs 1 replica"], fixable: true });
    expect(getComponent(applyFix(t, f!), HA.vminsert)!.spec.replicaCount).toBe(2);
  });
  test('fires for an unset vmselect replicaCount (1)', () => {
    fires('vmcluster-component-single-replica', edit(haDesign(), HA.vmselect, ({ replicaCount: _r, ...s }) => s), { ids: [HA.vmselect] });
  });
  test('quiet with 2+ of each', () => quiet('vmcluster-component-single-replica', haDesign()));
});

describe('vmcluster-no-replication', () => {
  test('fires for RF unset over 3 vmstorage nodes, without a fix', () => {
    fires('vmcluster-no-replication', rf(undefined), { ids: [HA.cluster, HA.vmstorage], includes: ['partial responses'], fixable: false });
    fires('vmcluster-no-replication', rf(1));
  });
  test('quiet for RF 2, or a single vmstorage node', () => {
    quiet('vmcluster-no-replication', haDesign());
    quiet('vmcluster-no-replication', storageReplicas(rf(undefined), 1));
  });
});
