import { describe, expect, test } from 'vitest';
import { HA, agent, auth, cluster, design, edit, link, single } from '../fixtures/build.ts';
import { haDesign } from '../fixtures/ha-design.ts';
import { applyFix } from './index.ts';
import { fires, quiet } from './check-case.ts';

const pvc = { resources: { requests: { storage: '20Gi' } } };

describe('vmsingle-spof', () => {
  const a = agent('scraper', { selectAllByDefault: true });
  const s = single('main', { storage: pvc });
  test('fires when a VMSingle is the only storage of an agent', () => {
    fires('vmsingle-spof', design([a, s], [link('remoteWrite', a.id, s.id)]), {
      ids: ['vmsingle-main', 'vmagent-scraper'],
      includes: ["vmsingle 'main' is the only storage vmagent 'scraper' writes to", 'Use a VMCluster', 'first_available'],
      fixable: false,
    });
  });
  test('fires when a VMSingle is the only datasource of a VMAlert', () => {
    const al = { id: 'vmalert-rules', kind: 'VMAlert' as const, name: 'rules', spec: {} };
    fires('vmsingle-spof', design([al, s], [link('datasource', al.id, s.id)]), { includes: ["the only datasource of vmalert 'rules'"] });
  });
  test('quiet when the agent writes to two VMSingles and reads go through VMAuth', () => {
    const s2 = single('copy', { storage: pvc });
    const lb = auth('reads');
    const al = { id: 'vmalert-rules', kind: 'VMAlert' as const, name: 'rules', spec: {} };
    quiet(
      'vmsingle-spof',
      design([a, s, s2, lb, al], [link('remoteWrite', a.id, s.id), link('remoteWrite', a.id, s2.id), link('datasource', al.id, lb.id)]),
    );
  });
  test('quiet for a cluster design', () => quiet('vmsingle-spof', haDesign()));
});

describe('vmsingle-multi-replica', () => {
  test('fires for replicaCount 2 and the fix sets 1', () => {
    const t = design([single('main', { replicaCount: 2, storage: pvc })]);
    const [f] = fires('vmsingle-multi-replica', t, { ids: ['vmsingle-main'], includes: ['replicaCount 2', 'at most one replica'], fixable: true });
    expect(applyFix(t, f!).components[0]!.spec.replicaCount).toBe(1);
  });
  test('quiet for replicaCount 1 or unset', () => {
    quiet('vmsingle-multi-replica', design([single('main', { replicaCount: 1 }), single('other')]));
  });
});

describe('storage-ephemeral', () => {
  test('fires for a VMSingle without storage; the fix adds a PVC', () => {
    const t = design([single('main')]);
    const [f] = fires('storage-ephemeral', t, { ids: ['vmsingle-main'], includes: ['emptyDir'], fixable: true });
    expect(applyFix(t, f!).components[0]!.spec.storage).toEqual(pvc);
  });
  test('quiet for a VMSingle with storage or storageDataPath', () => {
    quiet('storage-ephemeral', design([single('main', { storage: pvc }), single('b', { storageDataPath: '/data' })]));
  });
  test('fires for vmstorage on an emptyDir; the fix replaces it with a volumeClaimTemplate', () => {
    const t = design(cluster('main', { replicationFactor: 2 }, { vmstorage: { replicaCount: 3, storage: { emptyDir: {} } } }));
    const [f] = fires('storage-ephemeral', t, { ids: ['vmcluster-main-vmstorage'], includes: ['uses an emptyDir'] });
    const st = applyFix(t, f!).components[3]!.spec.storage as Record<string, unknown>;
    expect(st.emptyDir).toBeUndefined();
    expect(st.volumeClaimTemplate).toEqual({ spec: pvc });
  });
  test('fires for vmstorage without storage, quiet for the HA design', () => {
    fires('storage-ephemeral', edit(haDesign(), HA.vmstorage, ({ storage: _s, ...rest }) => rest), { includes: ['has no storage'] });
    quiet('storage-ephemeral', haDesign());
  });
});
