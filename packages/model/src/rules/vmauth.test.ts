import { describe, expect, test } from 'vitest';
import { getComponent } from '../access.ts';
import { HA, agent, alert, auth, design, edit, link } from '../fixtures/build.ts';
import { haDesign } from '../fixtures/ha-design.ts';
import { applyFix } from './index.ts';
import { fires, quiet } from './check-case.ts';

describe('vmauth-single-replica', () => {
  const gate = (spec: Record<string, unknown> = {}) => auth('gate', { selectAllByDefault: true, ...spec });
  test('fires for one VMAuth pod that writes go through; the fix sets 2', () => {
    const a = agent('a', { selectAllByDefault: true });
    const t = design([gate(), a], [link('remoteWrite', a.id, 'vmauth-gate')]);
    const [f] = fires('vmauth-single-replica', t, {
      ids: ['vmauth-gate'],
      includes: ["vmauth 'gate' runs 1 replica and routes remote write traffic of vmagent 'a'", 'every request through it stops'],
      fixable: true,
    });
    expect(f!.fixLabel).toBe('Set replicaCount to 2');
    expect(getComponent(applyFix(t, f!), 'vmauth-gate')!.spec.replicaCount).toBe(2);
  });
  test('fires for reads too (a datasource), and counts an hpa minimum', () => {
    const al = alert('rules');
    fires('vmauth-single-replica', design([gate(), al], [link('datasource', al.id, 'vmauth-gate')]), { includes: ['routes datasource traffic'] });
    const scaled = design([gate({ hpa: { minReplicas: 2, maxReplicas: 4 } }), al], [link('datasource', al.id, 'vmauth-gate')]);
    quiet('vmauth-single-replica', scaled);
  });
  test('quiet for a VMAuth nothing in the design routes through, or with 2 replicas', () => {
    quiet('vmauth-single-replica', design([gate()]));
    const a = agent('a', { selectAllByDefault: true });
    quiet('vmauth-single-replica', design([gate({ replicaCount: 2 }), a], [link('remoteWrite', a.id, 'vmauth-gate')]));
  });
  test('fires for the cluster load balancer with one pod (the default); the fix sets its replicaCount', () => {
    const t = edit(haDesign(), HA.cluster, (s) => ({ ...s, requestsLoadBalancer: { enabled: true, spec: { resources: {} } } }));
    const [f] = fires('vmauth-single-replica', t, { ids: [HA.cluster], includes: ['requestsLoadBalancer with 1 vmauth pod (vmclusterlb-main)', 'reads and writes'], fixable: true });
    expect(getComponent(applyFix(t, f!), HA.cluster)!.spec.requestsLoadBalancer).toEqual({ enabled: true, spec: { resources: {}, replicaCount: 2 } });
    fires('vmauth-single-replica', edit(haDesign(), HA.cluster, (s) => ({ ...s, requestsLoadBalancer: { enabled: true, disableSelectBalancing: true } })), { includes: ["every client's writes"] });
  });
  test('quiet for a disabled balancer, one that balances nothing, or 2 pods', () => {
    quiet('vmauth-single-replica', haDesign());
    quiet('vmauth-single-replica', edit(haDesign(), HA.cluster, (s) => ({ ...s, requestsLoadBalancer: { enabled: false } })));
    quiet('vmauth-single-replica', edit(haDesign(), HA.cluster, (s) => ({ ...s, requestsLoadBalancer: { enabled: true, disableInsertBalancing: true, disableSelectBalancing: true } })));
    quiet('vmauth-single-replica', edit(haDesign(), HA.cluster, (s) => ({ ...s, requestsLoadBalancer: { enabled: true, spec: { replicaCount: 2 } } })));
  });
});
