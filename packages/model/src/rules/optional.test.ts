import { describe, expect, test } from 'vitest';
import { getComponent } from '../access.ts';
import { HA, edit } from '../fixtures/build.ts';
import { haDesign } from '../fixtures/ha-design.ts';
import { withSpreading } from '../spreading.ts';
import { applyFix, lint } from './index.ts';
import { fires, quiet } from './check-case.ts';

describe('optional rules', () => {
  test('lint runs them only when asked', () => {
    expect(lint(haDesign()).map((f) => f.ruleId)).toEqual(['vmalert-remote-write-unbuffered']);
    expect(lint(haDesign(), { optional: true }).map((f) => f.ruleId)).toEqual(['vmalert-remote-write-unbuffered', 'vmstorage-few-nodes', 'cluster-lb']);
  });
});

describe('vmcluster-spans-zones', () => {
  test('fires when a part spreads over zones', () => {
    fires('vmcluster-spans-zones', edit(haDesign(), HA.vmstorage, (s) => withSpreading(s, 'zone', { kind: 'vmstorage' })), {
      ids: [HA.cluster, HA.vmstorage],
      includes: ['across availability zones', 'independent VMCluster per zone'],
      fixable: false,
    });
  });
  test('quiet with hostname spreading only', () => quiet('vmcluster-spans-zones', haDesign()));
});

describe('vmstorage-few-nodes', () => {
  test('fires below 10 nodes', () => fires('vmstorage-few-nodes', haDesign(), { ids: [HA.vmstorage], includes: ['10–50'] }));
  test('quiet with 10 nodes', () => quiet('vmstorage-few-nodes', edit(haDesign(), HA.vmstorage, (s) => ({ ...s, replicaCount: 10 }))));
});

describe('cluster-lb', () => {
  test('fires for replicated vminsert/vmselect without the load balancer; the fix enables it with 2 pods', () => {
    const t = haDesign();
    const [f] = fires('cluster-lb', t, { ids: [HA.cluster], fixable: true });
    const fixed = applyFix(t, f!);
    expect(getComponent(fixed, HA.cluster)!.spec.requestsLoadBalancer).toEqual({ enabled: true, spec: { replicaCount: 2 } });
    // A one-pod balancer would be a single point of failure in front of the cluster.
    expect(lint(fixed).map((x) => x.ruleId)).not.toContain('vmauth-single-replica');
  });
  test('quiet when enabled', () => quiet('cluster-lb', edit(haDesign(), HA.cluster, (s) => ({ ...s, requestsLoadBalancer: { enabled: true } }))));
});
