import { describe, expect, it } from 'vitest';
import { agent, alert, alertmanager, cluster, design, link, single } from '../fixtures/build.ts';
import { haDesign } from '../fixtures/ha-design.ts';
import { getComponent } from '../access.ts';
import type { Arg, ComponentPlan } from './types.ts';
import { OPERATOR_VERSION, operatorModel, planOf, urlQueues } from './index.ts';

const arg = (plan: ComponentPlan, flag: string, w = 0): Arg | undefined => plan.workloads[w]!.args.find((a) => a.flag === flag);
const plan = (t: ReturnType<typeof design>, id: string) => planOf(t, getComponent(t, id)!);

describe('operator model: VMCluster', () => {
  const t = design(cluster('prod', { replicationFactor: 2 }, { vminsert: { replicaCount: 2 }, vmselect: { replicaCount: 2 }, vmstorage: { replicaCount: 3, storage: { volumeClaimTemplate: { spec: { resources: { requests: { storage: '50Gi' } } } } } } }));
  const insert = plan(t, 'vmcluster-prod-vminsert');
  const select = plan(t, 'vmcluster-prod-vmselect');
  const storage = plan(t, 'vmcluster-prod-vmstorage');

  it('names the workloads and pods as the operator and Kubernetes do', () => {
    expect(insert.workloads.map((w) => [w.kind, w.name, w.pods])).toEqual([['Deployment', 'vminsert-prod', ['vminsert-prod-0', 'vminsert-prod-1']]]);
    expect(insert.workloads[0]!.podNames).toBe('generated');
    expect(storage.workloads.map((w) => [w.kind, w.name, w.pods])).toEqual([['StatefulSet', 'vmstorage-prod', ['vmstorage-prod-0', 'vmstorage-prod-1', 'vmstorage-prod-2']]]);
    expect(select.workloads[0]!.kind).toBe('StatefulSet');
  });

  it('lists every vmstorage pod in -storageNode, port 8400 for vminsert and 8401 for vmselect', () => {
    expect(arg(insert, 'storageNode')!.value).toBe('vmstorage-prod-0.vmstorage-prod.monitoring:8400,vmstorage-prod-1.vmstorage-prod.monitoring:8400,vmstorage-prod-2.vmstorage-prod.monitoring:8400');
    expect(arg(select, 'storageNode')!.value).toBe('vmstorage-prod-0.vmstorage-prod.monitoring:8401,vmstorage-prod-1.vmstorage-prod.monitoring:8401,vmstorage-prod-2.vmstorage-prod.monitoring:8401');
  });

  it('derives -replicationFactor and the 1ms replica dedup from replicationFactor, saying so', () => {
    expect(arg(insert, 'replicationFactor')).toEqual({ flag: 'replicationFactor', dashes: '-', value: '2', source: { origin: 'field', note: 'from replicationFactor: 2' } });
    expect(arg(select, 'replicationFactor')!.value).toBe('2');
    expect(arg(select, 'dedup.minScrapeInterval')!.value).toBe('1ms');
    expect(arg(storage, 'dedup.minScrapeInterval')!.source.origin).toBe('rule');
    expect(arg(insert, 'dedup.minScrapeInterval')).toBeUndefined();
  });

  it('keeps the user’s dedup and leaves RF 1 without replica flags on vmselect', () => {
    const rf1 = design(cluster('a', { replicationFactor: 1 }, { vmselect: { extraArgs: { 'dedup.minScrapeInterval': '30s' } }, vmstorage: { replicaCount: 2 } }));
    expect(arg(plan(rf1, 'vmcluster-a-vminsert'), 'replicationFactor')!.value).toBe('1');
    expect(arg(plan(rf1, 'vmcluster-a-vmselect'), 'replicationFactor')).toBeUndefined();
    expect(arg(plan(rf1, 'vmcluster-a-vmselect'), 'dedup.minScrapeInterval')).toMatchObject({ value: '30s', source: { origin: 'field' } });
    expect(arg(plan(rf1, 'vmcluster-a-vmstorage'), 'dedup.minScrapeInterval')).toBeUndefined();
  });

  it('passes vmselect its peers while it has no hpa', () => {
    expect(arg(select, 'selectNode')!.value).toBe('vmselect-prod-0.vmselect-prod.monitoring:8481,vmselect-prod-1.vmselect-prod.monitoring:8481');
  });

  it('takes maintenance nodes out of the lists', () => {
    const m = design(cluster('m', { replicationFactor: 2 }, { vmstorage: { replicaCount: 3, maintenanceInsertNodeIDs: [1] } }));
    expect(arg(plan(m, 'vmcluster-m-vminsert'), 'storageNode')!.value).toBe('vmstorage-m-0.vmstorage-m.monitoring:8400,vmstorage-m-2.vmstorage-m.monitoring:8400');
    expect((arg(plan(m, 'vmcluster-m-vmselect'), 'storageNode')!.value as string).split(',')).toHaveLength(3);
  });

  it('gives services with ports and per-pod claims', () => {
    expect(storage.services).toEqual([{ componentId: 'vmcluster-prod-vmstorage', name: 'vmstorage-prod', headless: true, ports: [{ name: 'http', port: 8482 }, { name: 'vminsert', port: 8400 }, { name: 'vmselect', port: 8401 }] }]);
    expect(insert.services[0]).toMatchObject({ name: 'vminsert-prod', headless: false, ports: [{ port: 8480 }] });
    expect(storage.pvcs).toEqual([{ componentId: 'vmcluster-prod-vmstorage', names: ['vmstorage-db-vmstorage-prod-0', 'vmstorage-db-vmstorage-prod-1', 'vmstorage-db-vmstorage-prod-2'], size: '50Gi', holds: 'data' }]);
  });

  it('says when vmstorage.replicaCount is unset: one pod runs, no -storageNode flag', () => {
    const u = design(cluster('u', {}, { vmstorage: {} }));
    expect(arg(plan(u, 'vmcluster-u-vminsert'), 'storageNode')).toBeUndefined();
    expect(plan(u, 'vmcluster-u-vminsert').notes.join(' ')).toMatch(/no -storageNode/);
    expect(plan(u, 'vmcluster-u-vmstorage').workloads[0]!.pods).toEqual(['vmstorage-u-0']);
    expect(plan(u, 'vmcluster-u-vmstorage').notes.join(' ')).toMatch(/no -storageNode/);
  });

  it('passes -retentionPeriod only when set, and the data path as configured', () => {
    expect(arg(storage, 'retentionPeriod')).toBeUndefined();
    expect(storage.notes.join(' ')).toMatch(/one month/);
    expect(arg(storage, 'storageDataPath')!.value).toBe('vmstorage-data');
    const r = design(cluster('r', { retentionPeriod: '90d' }, { vmstorage: { replicaCount: 1 } }));
    expect(arg(plan(r, 'vmcluster-r-vmstorage'), 'retentionPeriod')).toMatchObject({ value: '90d', source: { origin: 'field' } });
  });

  it('adds the cluster domain to pod addresses when clusterDomainName is set', () => {
    const d = design(cluster('d', { clusterDomainName: 'cluster.local' }, { vmstorage: { replicaCount: 1 } }));
    expect(arg(plan(d, 'vmcluster-d-vminsert'), 'storageNode')!.value).toBe('vmstorage-d-0.vmstorage-d.monitoring.svc.cluster.local:8400');
  });

  it('leaves vmselect peers out while its replicaCount is unset, and a replicationFactor flag the user passes', () => {
    const s = design(cluster('s', { replicationFactor: 2 }, { vmselect: { extraArgs: { replicationFactor: '1' } }, vmstorage: { replicaCount: 3 } }));
    expect(arg(plan(s, 'vmcluster-s-vmselect'), 'selectNode')).toBeUndefined();
    expect(arg(plan(s, 'vmcluster-s-vmselect'), 'replicationFactor')).toMatchObject({ value: '1', source: { note: 'from extraArgs' } });
  });

  it('puts the load balancer in front of vminsert and vmselect when enabled', () => {
    const lb = design(cluster('lb', { requestsLoadBalancer: { enabled: true, spec: { replicaCount: 2 } } }, { vmstorage: { replicaCount: 1 } }));
    const p = plan(lb, 'vmcluster-lb');
    expect(p.workloads.map((w) => [w.kind, w.name, w.replicas])).toEqual([['Deployment', 'vmclusterlb-lb', 2]]);
    expect(p.services.map((s) => s.name)).toEqual(['vmclusterlb-lb', 'vminsertinternal-lb', 'vmselectinternal-lb']);
  });

  it('follows useLegacyNaming', () => {
    const l = design(cluster('old', { useLegacyNaming: true, replicationFactor: 2 }, { vmstorage: { replicaCount: 2 } }));
    expect(plan(l, 'vmcluster-old-vmstorage').workloads[0]!.name).toBe('old-vmstorage');
    expect(arg(plan(l, 'vmcluster-old-vminsert'), 'storageNode')!.value).toBe('old-vmstorage-0.old-vmstorage.monitoring:8400,old-vmstorage-1.old-vmstorage.monitoring:8400');
  });

  it('creates a PDB per workload resolved on its replicas', () => {
    const p = design(cluster('p', { replicationFactor: 2 }, { vmstorage: { replicaCount: 4, podDisruptionBudget: { maxUnavailable: '50%' } } }));
    expect(plan(p, 'vmcluster-p-vmstorage').pdbs).toEqual([{ componentId: 'vmcluster-p-vmstorage', name: 'vmstorage-p', workload: 'vmstorage-p', maxUnavailable: '50%', allowedDown: 2 }]);
  });
});

describe('operator model: VMAgent', () => {
  it('creates one workload per shard with its member number, replicas pods each', () => {
    const t = design([agent('big', { shardCount: 3, replicaCount: 2 })]);
    const p = plan(t, 'vmagent-big');
    expect(p.workloads.map((w) => w.name)).toEqual(['vmagent-big-0', 'vmagent-big-1', 'vmagent-big-2']);
    expect(p.workloads[2]!.pods).toEqual(['vmagent-big-2-0', 'vmagent-big-2-1']);
    expect(p.workloads[2]!.selectorLabels['shard-num']).toBe('2');
    expect(arg(p, 'promscrape.cluster.membersCount', 2)!.value).toBe('3');
    expect(arg(p, 'promscrape.cluster.memberNum', 2)!.value).toBe('2');
    expect(p.services.map((s) => s.name)).toEqual(['vmagent-big']);
  });

  it('overrides hand-set member flags on shards, passes them through on an unsharded agent', () => {
    const extraArgs = { 'promscrape.cluster.memberNum': '5', 'promscrape.cluster.replicationFactor': '2' };
    const sharded = plan(design([agent('s', { shardCount: 2, extraArgs })]), 'vmagent-s');
    expect(arg(sharded, 'promscrape.cluster.memberNum', 1)!.value).toBe('1');
    expect(arg(sharded, 'promscrape.cluster.replicationFactor', 1)!.value).toBe('2');
    const single_ = plan(design([agent('u', { extraArgs })]), 'vmagent-u');
    expect(arg(single_, 'promscrape.cluster.memberNum')).toMatchObject({ value: '5', source: { origin: 'field' } });
  });

  it('writes remote-write URLs in order and sizes the queue per URL', () => {
    const t = design(
      [agent('a', { statefulMode: true, statefulStorage: { volumeClaimTemplate: { spec: { resources: { requests: { storage: '2Gi' } } } } } }), single('one'), ...cluster('c')],
      [link('remoteWrite', 'vmagent-a', 'vmsingle-one'), link('remoteWrite', 'vmagent-a', 'vmcluster-c-vminsert')],
    );
    const p = plan(t, 'vmagent-a');
    expect(arg(p, 'remoteWrite.url')!.value).toBe('http://vmsingle-one.monitoring.svc:8429/api/v1/write,http://vminsert-c.monitoring.svc:8480/insert/0/prometheus/api/v1/write');
    expect(arg(p, 'remoteWrite.maxDiskUsagePerURL')).toMatchObject({ value: String(1024 ** 3), source: { origin: 'rule', note: 'queue volume 2Gi shared by 2 remote-write URLs' } });
    expect(arg(p, 'remoteWrite.tmpDataPath')!.value).toBe('/vmagent_pq/vmagent-remotewrite-data');
    expect(p.workloads[0]!.kind).toBe('StatefulSet');
    expect(p.services[0]!.headless).toBe(true);
    expect(p.pvcs[0]!.names).toEqual(['persistent-queue-data-vmagent-a-0']);
  });

  it('lists each URL’s queue when an entry sets its own maxDiskUsage', () => {
    const t = design(
      [agent('a', { remoteWriteSettings: { maxDiskUsagePerURL: '5GB' } }), single('one'), single('two')],
      [link('remoteWrite', 'vmagent-a', 'vmsingle-one', { extra: { maxDiskUsage: '100MiB' } }), link('remoteWrite', 'vmagent-a', 'vmsingle-two')],
    );
    expect(arg(plan(t, 'vmagent-a'), 'remoteWrite.maxDiskUsagePerURL')!.value).toBe('100MiB,5GB');
    expect(urlQueues(t, getComponent(t, 'vmagent-a')!).map((q) => q.bytes)).toEqual([100 * 1024 ** 2, 5e9]);
  });

  it('gives ingest-only agents no scrape config and no member flags', () => {
    const p = plan(design([agent('i', { ingestOnlyMode: true, shardCount: 2 })]), 'vmagent-i');
    expect(p.workloads).toHaveLength(2);
    expect(arg(p, 'promscrape.config')).toBeUndefined();
    expect(arg(p, 'promscrape.cluster.memberNum', 1)).toBeUndefined();
  });

  it('keeps the queue on ephemeral disk without statefulMode, and says so', () => {
    const p = plan(design([agent('e')]), 'vmagent-e');
    expect(arg(p, 'remoteWrite.tmpDataPath')!.value).toBe('/tmp/vmagent-remotewrite-data');
    expect(arg(p, 'remoteWrite.maxDiskUsagePerURL')).toMatchObject({ value: String(1024 ** 3), source: { origin: 'default' } });
    expect(p.notes.join(' ')).toMatch(/ephemeral/);
  });

  it('runs a DaemonSet in daemonSetMode, without PDB', () => {
    const p = plan(design([agent('d', { daemonSetMode: true, shardCount: 3, podDisruptionBudget: { maxUnavailable: 1 } })]), 'vmagent-d');
    expect(p.workloads.map((w) => [w.kind, w.name, w.pods])).toEqual([['DaemonSet', 'vmagent-d', []]]);
    expect(p.pdbs).toEqual([]);
  });
});

describe('operator model: alerting', () => {
  it('gossips between alertmanager replicas, not with one', () => {
    const three = plan(design([alertmanager('am', { replicaCount: 3 })]), 'vmalertmanager-am');
    expect(arg(three, 'cluster.peer')!.value).toEqual([
      'vmalertmanager-am-0.vmalertmanager-am.monitoring:9094',
      'vmalertmanager-am-1.vmalertmanager-am.monitoring:9094',
      'vmalertmanager-am-2.vmalertmanager-am.monitoring:9094',
    ]);
    expect(arg(three, 'cluster.peer')!.dashes).toBe('--');
    const one = plan(design([alertmanager('am')]), 'vmalertmanager-am');
    expect(arg(one, 'cluster.listen-address')).toMatchObject({ value: '', source: { origin: 'rule' } });
    // The operator still lists the one pod as its own peer; with no listen address it does not gossip.
    expect(arg(one, 'cluster.peer')!.value).toEqual(['vmalertmanager-am-0.vmalertmanager-am.monitoring:9094']);
    expect(one.services[0]!.ports).toEqual([{ name: 'http', port: 9093 }, { name: 'tcp-mesh', port: 9094, protocol: 'TCP' }, { name: 'udp-mesh', port: 9094, protocol: 'UDP' }]);
  });

  it('reaches a TLS alertmanager over https, discovered pods sorted as the operator sorts them', () => {
    const t = design(
      [alert('r'), alertmanager('am', { replicaCount: 2, webConfig: { tls_server_config: { cert_secret_ref: { name: 'tls', key: 'crt' } } } }, { labels: { team: 'x' } })],
      [link('notifier', 'vmalert-r', 'vmalertmanager-am')],
    );
    expect(arg(plan(t, 'vmalert-r'), 'notifier.url')!.value).toBe('https://vmalertmanager-am-1.vmalertmanager-am.monitoring.svc:9093,https://vmalertmanager-am-0.vmalertmanager-am.monitoring.svc:9093');
  });

  it('passes -evaluationInterval only when set', () => {
    expect(arg(plan(design([alert('r')]), 'vmalert-r'), 'evaluationInterval')).toBeUndefined();
    expect(arg(plan(design([alert('r', { evaluationInterval: '30s' })]), 'vmalert-r'), 'evaluationInterval')!.value).toBe('30s');
  });

  it('expands a notifier selector to every alertmanager pod', () => {
    const t = design([alert('r'), alertmanager('am', { replicaCount: 2 }, { labels: { team: 'x' } })], [link('notifier', 'vmalert-r', 'vmalertmanager-am')]);
    expect(arg(plan(t, 'vmalert-r'), 'notifier.url')!.value).toBe('http://vmalertmanager-am-1.vmalertmanager-am.monitoring.svc:9093,http://vmalertmanager-am-0.vmalertmanager-am.monitoring.svc:9093');
  });
});

describe('operatorModel', () => {
  it('pins the operator version and covers every component of the HA design', () => {
    const t = haDesign();
    const m = operatorModel(t);
    expect(m.operatorVersion).toBe(OPERATOR_VERSION);
    expect(m.plans).toHaveLength(t.components.length);
    expect(m.assumptions.length).toBeGreaterThan(0);
  });

  it('derives each plan once per design version', () => {
    const t = haDesign();
    expect(planOf(t, t.components[0]!)).toBe(planOf(t, t.components[0]!));
  });
});

describe('operator model: serviceSpec', () => {
  it('adds an extra Service, or keeps the main name and takes the http port when used as default', () => {
    const extra = plan(design([single('db', { serviceSpec: { spec: { type: 'LoadBalancer' } } })]), 'vmsingle-db');
    expect(extra.services.map((s) => s.name)).toEqual(['vmsingle-db', 'vmsingle-db-additional-service']);
    const named = plan(design([single('db', { serviceSpec: { metadata: { name: 'db-lb' }, spec: {} } })]), 'vmsingle-db');
    expect(named.services[1]!.name).toBe('db-lb');
    const t = design([agent('a'), single('db', { serviceSpec: { useAsDefault: true, spec: { type: 'NodePort', ports: [{ name: 'http', port: 9999 }] } } })], [link('remoteWrite', 'vmagent-a', 'vmsingle-db')]);
    expect(plan(t, 'vmsingle-db').services.map((s) => s.name)).toEqual(['vmsingle-db']);
    expect(arg(plan(t, 'vmagent-a'), 'remoteWrite.url')!.value).toBe('http://vmsingle-db.monitoring.svc:9999/api/v1/write');
  });
});
