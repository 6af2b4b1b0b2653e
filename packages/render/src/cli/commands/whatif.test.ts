import { describe, expect, it } from 'vitest';
import { runCli as run } from '../../testing/cli.ts';


const spread = (when: string) => `topologySpreadConstraints: [{maxSkew: 1, topologyKey: kubernetes.io/hostname, whenUnsatisfiable: ${when}}]`;

const STACK = (when = 'DoNotSchedule') => `apiVersion: operator.victoriametrics.com/v1beta1
kind: VMCluster
metadata: {name: prod, namespace: obs}
spec:
  replicationFactor: 2
  vminsert: {replicaCount: 2, ${spread(when)}}
  vmselect: {replicaCount: 2, ${spread(when)}}
  vmstorage:
    replicaCount: 3
    ${spread(when)}
    storage: {volumeClaimTemplate: {spec: {resources: {requests: {storage: 10Gi}}}}}
---
apiVersion: operator.victoriametrics.com/v1beta1
kind: VMAgent
metadata: {name: big, namespace: obs}
spec:
  shardCount: 3
  replicaCount: 2
  selectAllByDefault: true
  ${spread(when)}
  remoteWrite:
    - url: http://vminsert-prod.obs.svc:8480/insert/0/prometheus/api/v1/write
`;

describe('vmtopo whatif', () => {
  it('without --fail: the N−1 analysis as JSON, one pod scenario per pod', async () => {
    const { code, out } = await run(['whatif', '--format', 'json', '-'], STACK());
    expect(code).toBe(0);
    const doc = JSON.parse(out);
    expect(doc.zones).toBe(3);
    expect(doc.survives).toEqual({ pod: true, node: true, zone: false });
    const pods = doc.scenarios.filter((s: { class: string }) => s.class === 'pod').map((s: { failed: string[] }) => s.failed[0]);
    expect(pods).toEqual([
      'vminsert-prod-0',
      'vminsert-prod-1',
      'vmselect-prod-0',
      'vmselect-prod-1',
      'vmstorage-prod-0',
      'vmstorage-prod-1',
      'vmstorage-prod-2',
      'vmagent-big-0-0',
      'vmagent-big-0-1',
      'vmagent-big-1-0',
      'vmagent-big-1-1',
      'vmagent-big-2-0',
      'vmagent-big-2-1',
    ]);
    expect(doc.scenarios.filter((s: { class: string }) => s.class === 'zone')).toHaveLength(3);
  });

  it('--fail: one custom scenario with its reasons; --zones sets the zone count', async () => {
    const { code, out } = await run(['whatif', '--format', 'json', '--zones', '2', '--fail', 'vmagent-big-2-0,vmagent-big-2-1', '-'], STACK());
    expect(code).toBe(0);
    const doc = JSON.parse(out);
    expect(doc.zones).toBe(2);
    expect(doc.scenarios).toEqual([
      expect.objectContaining({ class: 'custom', failed: ['vmagent-big-2-0', 'vmagent-big-2-1'], ingestion: 'partial', queries: 'complete', alerting: 'ok', reasons: ["vmagent-big-2-0 and vmagent-big-2-1 (shard 2) down: a third of the targets of vmagent 'big' are not scraped"] }),
    ]);
  });

  it('text names the buffering agent, its queue and how long it lasts at --send-rate', async () => {
    const { code, out } = await run(['whatif', '--fail', 'vminsert-prod-0,vminsert-prod-1', '--send-rate', '2MiB/s', '-'], STACK());
    expect(code).toBe(0);
    expect(out).toMatch(/If vminsert-prod-0, vminsert-prod-1 fail:\n {2}ingestion buffered · queries complete · alerting ok/);
    expect(out).toMatch(/vmagent 'big' buffers the samples for it in its queue — .*up to 1 GiB per pod .*at 2 MiB\/s per pod it lasts about 9 min/);
  });

  it('--require exits 1 when a listed class is not survived, 0 when every one is', async () => {
    expect((await run(['whatif', '--require', 'pod,node', '-'], STACK())).code).toBe(0);
    const soft = await run(['whatif', '--require', 'pod,node', '-'], STACK('ScheduleAnyway'));
    expect(soft.code).toBe(1);
    expect(soft.err).toMatch(/does not survive every node failure \(--require pod,node\)/);
    const zone = await run(['whatif', '--format', 'json', '--require', 'zone', '-'], STACK());
    expect(zone.code).toBe(1);
    expect(JSON.parse(zone.out).survives.zone).toBe(false);
  });

  it('bad pod names exit 2 with near matches; bad options exit 2', async () => {
    const bad = await run(['whatif', '--fail', 'vmstorage-prd-1', '-'], STACK());
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--fail: the design has no pod "vmstorage-prd-1"; near: vmstorage-prod-1, /);
    expect((await run(['whatif', '--zones', '0', '-'], STACK())).code).toBe(2);
    expect((await run(['whatif', '--require', 'rack', '-'], STACK())).code).toBe(2);
    expect((await run(['whatif', '--format', 'yaml', '-'], STACK())).code).toBe(2);
    expect((await run(['whatif', '--send-rate', 'fast', '-'], STACK())).code).toBe(2);
  });
});
