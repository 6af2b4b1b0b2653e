/**
 * The consequences of failed pods, each expected outcome written from what VictoriaMetrics and
 * Alertmanager document (the source is named in each test).
 */
import { describe, expect, it } from 'vitest';
import { agent, alert, alertmanager, auth, cluster, design, externalLink, link, single, vmRule } from '../fixtures/build.ts';
import type { JsonObject, Topology } from '../topology.ts';
import { baselineOf, nearPods, runScenario, simulate, unknownPods } from './simulate.ts';

const pvc = (size: string) => ({ volumeClaimTemplate: { spec: { resources: { requests: { storage: size } } } } });

/** An agent writing into a VMCluster 'prod' with `storage` vmstorage pods and replicationFactor `rf`. */
function clusterDesign(rf: number | undefined, storage = 3, more: { agent?: JsonObject; vmselect?: JsonObject; cluster?: JsonObject } = {}): Topology {
  return design(
    [
      agent('scraper', { replicaCount: 2, selectAllByDefault: true, ...more.agent }),
      ...cluster('prod', rf === undefined ? { ...more.cluster } : { replicationFactor: rf, ...more.cluster }, {
        vminsert: { replicaCount: 2 },
        vmselect: { replicaCount: 2, ...more.vmselect },
        vmstorage: { replicaCount: storage, storage: pvc('10Gi') },
      }),
    ],
    [link('remoteWrite', 'vmagent-scraper', 'vmcluster-prod-vminsert')],
  );
}

const levels = (o: ReturnType<typeof simulate>) => [o.ingestion, o.queries, o.alerting];

describe('vmstorage failures (Cluster-VictoriaMetrics.md §Cluster availability, §Replication and data safety)', () => {
  it('RF 1: vminsert re-routes around a down vmstorage, so ingestion goes on; its share of the series is missing from queries', () => {
    const o = simulate(clusterDesign(1), ['vmstorage-prod-1']);
    expect(levels(o)).toEqual(['ok', 'partial', 'ok']);
    expect(o.reasons).toContain('vmstorage-prod-1 down with replicationFactor 1: a third of the series are missing from queries');
    expect(o.affected).toEqual(['vmcluster-prod']);
    expect(o.harm).toEqual({ 'vmcluster-prod': 'degraded' });
    expect(o.reasons.join('\n')).toMatch(/vminsert re-routes the new samples meant for vmstorage-prod-1 to the 2 running vmstorage pods/);
  });

  it('RF unset behaves as RF 1 (vminsert stores one copy)', () => {
    expect(simulate(clusterDesign(undefined, 2), ['vmstorage-prod-0']).reasons).toContain('vmstorage-prod-0 down with replicationFactor 1: half of the series are missing from queries');
  });

  it('RF 2: vmselect answers completely with one vmstorage down, partially with two, and fails with all', () => {
    const t = clusterDesign(2);
    expect(levels(simulate(t, ['vmstorage-prod-0']))).toEqual(['ok', 'complete', 'ok']);
    expect(simulate(t, ['vmstorage-prod-0']).reasons[0]).toMatch(/-replicationFactor=2 and answers completely with up to 1 vmstorage node down/);
    const two = simulate(t, ['vmstorage-prod-0', 'vmstorage-prod-1']);
    expect(levels(two)).toEqual(['ok', 'partial', 'ok']);
    expect(two.reasons.join('\n')).toMatch(/replicationFactor 2: the series whose 2 copies all sat on them — a third of them — are missing from queries/);
    expect(two.reasons.join('\n')).toMatch(/with 1 of them up for replicationFactor 2, new samples get 1 copy instead of 2/);
    const all = simulate(t, ['vmstorage-prod-0', 'vmstorage-prod-1', 'vmstorage-prod-2']);
    expect(levels(all)).toEqual(['buffered', 'unavailable', 'ok']);
    // Each component by its own harm: the cluster answers no query (red), the agent only buffers (amber).
    expect(all.harm).toEqual({ 'vmcluster-prod': 'down', 'vmagent-scraper': 'degraded' });
  });

  it('-search.denyPartialResponse on vmselect turns a partial answer into a failed query', () => {
    const o = simulate(clusterDesign(1, 3, { vmselect: { extraArgs: { 'search.denyPartialResponse': 'true' } } }), ['vmstorage-prod-0']);
    expect(o.queries).toBe('unavailable');
    expect(o.reasons.join('\n')).toMatch(/-search.denyPartialResponse, so those queries fail instead/);
  });

  it('vmstorage on an emptyDir loses what the pod stored for good', () => {
    const t = design(cluster('prod', { replicationFactor: 2 }, { vminsert: { replicaCount: 2 }, vmselect: { replicaCount: 2 }, vmstorage: { replicaCount: 3 } }));
    expect(simulate(t, ['vmstorage-prod-2']).reasons.join('\n')).toMatch(/keeps its data on an emptyDir: what vmstorage-prod-2 stored is gone for good .* keep their other copies, one fewer from now on/);
  });
});

describe('vmagent buffering (vmagent.md §On-disk persistence; op:docs/resources/vmagent.md §StatefulMode)', () => {
  it('every vminsert down: vminsert rejects writes and the agent buffers in its emptyDir queue, 1 GiB per URL by default', () => {
    const o = simulate(clusterDesign(2), ['vminsert-prod-0', 'vminsert-prod-1']);
    expect(levels(o)).toEqual(['buffered', 'complete', 'ok']);
    expect(o.affected).toEqual(['vmagent-scraper']);
    expect(o.buffers).toEqual([{ agent: 'vmagent-scraper', pods: ['vmagent-scraper-0', 'vmagent-scraper-1'], destination: "vminsert of vmcluster 'prod'", bytesPerPod: 1024 ** 3, persistent: false }]);
    const text = o.reasons.join('\n');
    expect(text).toMatch(/every vminsert pod of vmcluster 'prod' is down, so it accepts no writes/);
    expect(text).toMatch(/vmagent 'scraper' buffers the samples for it in its queue — vmagent-scraper-0 and vmagent-scraper-1, up to 1 GiB per pod/);
    expect(text).toMatch(/on an emptyDir .*lost if it is replaced/);
    expect(text).toMatch(/about 17 min at 1 MiB\/s/);
  });

  it('statefulMode with a claim keeps the queue on a PVC; the queue splits the volume among URLs; a send rate gives the duration', () => {
    const t = clusterDesign(2, 3, { agent: { statefulMode: true, statefulStorage: pvc('2Gi') } });
    const o = simulate(t, ['vminsert-prod-0', 'vminsert-prod-1'], { sendRate: 1024 ** 2 });
    expect(o.buffers[0]).toMatchObject({ persistent: true, bytesPerPod: 2 * 1024 ** 3, lastsSeconds: 2048 });
    expect(o.reasons.join('\n')).toMatch(/on the persistent-queue-data PVC, which survives a pod restart; at 1 MiB\/s per pod it lasts about 34 min/);
    // A rate per agent (e.g. from the sizing model); an agent without one gets the reference wording.
    expect(simulate(t, ['vminsert-prod-0', 'vminsert-prod-1'], { sendRate: { 'vmagent-scraper': 4 * 1024 ** 2 } }).buffers[0]!.lastsSeconds).toBe(512);
    expect(simulate(t, ['vminsert-prod-0', 'vminsert-prod-1'], { sendRate: { other: 1 } }).buffers[0]!.lastsSeconds).toBeUndefined();
  });

  it('a VMSingle restart: queries fail, ingestion waits in the agents’ queues (Recreate strategy: op:factory/vmsingle/vmsingle.go)', () => {
    const t = design([agent('a', { replicaCount: 2 }), single('one', { storage: { resources: { requests: { storage: '10Gi' } } } })], [link('remoteWrite', 'vmagent-a', 'vmsingle-one')]);
    const o = simulate(t, ['vmsingle-one-0']);
    expect(levels(o)).toEqual(['buffered', 'unavailable', 'ok']);
    expect(o.reasons[0]).toMatch(/^vmsingle-one-0 down: vmsingle 'one' runs one pod \(a Deployment with the Recreate strategy\)/);
    const ephemeral = design([agent('a'), single('one')], [link('remoteWrite', 'vmagent-a', 'vmsingle-one')]);
    expect(simulate(ephemeral, ['vmsingle-one-0']).reasons.join('\n')).toMatch(/keeps its data on an emptyDir: every sample it stored is gone for good/);
  });

  it('a write target outside the design is assumed to take writes', () => {
    const t = design([agent('a')], [externalLink('remoteWrite', 'vmagent-a', 'http://remote/api/v1/write')]);
    expect(levels(simulate(t, []))).toEqual(['ok', 'complete', 'ok']);
  });
});

describe('vmagent scraping (op:docs/resources/vmagent.md §Replication, §Sharding; vmagent.md §Scraping big number of targets)', () => {
  const into = (spec: JsonObject) => design([agent('big', { selectAllByDefault: true, ...spec }), single('s', { storage: {} })], [link('remoteWrite', 'vmagent-big', 'vmsingle-s')]);

  it('replicas of a shard scrape the same targets: one down loses nothing, all down lose every target', () => {
    const t = into({ replicaCount: 2 });
    const one = simulate(t, ['vmagent-big-0']);
    expect(levels(one)).toEqual(['ok', 'complete', 'ok']);
    expect(one.reasons[0]).toMatch(/vmagent-big-0 down: vmagent-big-1 scrapes the same targets/);
    const both = simulate(t, ['vmagent-big-0', 'vmagent-big-1']);
    expect(both.ingestion).toBe('lost');
    expect(both.reasons[0]).toMatch(/no pod of vmagent 'big' runs, so none of its targets is scraped/);
  });

  it('a shard whose pods are all down loses its share of the targets', () => {
    const o = simulate(into({ shardCount: 3, replicaCount: 1 }), ['vmagent-big-2-0']);
    expect(o.ingestion).toBe('partial');
    expect(o.reasons[0]).toBe("vmagent-big-2-0 (shard 2) down: a third of the targets of vmagent 'big' are not scraped");
    expect(simulate(into({ shardCount: 3, replicaCount: 2 }), ['vmagent-big-2-0']).ingestion).toBe('ok');
  });

  it('promscrape.cluster.replicationFactor 2: each target is scraped by two consecutive members', () => {
    const t = into({ shardCount: 3, extraArgs: { 'promscrape.cluster.replicationFactor': '2' } });
    expect(simulate(t, ['vmagent-big-1-0']).ingestion).toBe('ok');
    const two = simulate(t, ['vmagent-big-1-0', 'vmagent-big-2-0']);
    expect(two.ingestion).toBe('partial');
    expect(two.reasons[0]).toMatch(/a third of the targets of vmagent 'big' are not scraped \(each target is scraped by 2 consecutive members/);
  });

  it('membersCount set by hand without shards: every pod is member 0 and the other members’ targets are never scraped', () => {
    const b = baselineOf(into({ replicaCount: 2, extraArgs: { 'promscrape.cluster.membersCount': '2' } }));
    expect(b.ingestion).toBe('partial');
    expect(b.reasons[0]).toMatch(/no workload is member 1 of 2 \(-promscrape\.cluster\.membersCount set by hand\?\): half of the targets/);
  });

  it('ingest-only replicas share pushes behind one Service; all down rejects the pushes', () => {
    const t = into({ ingestOnlyMode: true, replicaCount: 2 });
    expect(simulate(t, ['vmagent-big-0']).ingestion).toBe('ok');
    const o = simulate(t, ['vmagent-big-0', 'vmagent-big-1']);
    expect(o.ingestion).toBe('lost');
    expect(o.reasons[0]).toMatch(/samples pushed to it are rejected; clients outside the design must retry or lose them/);
  });

  it('daemonSetMode: the pod of one node scrapes that node only; it fails with its node without further loss', () => {
    const t = into({ daemonSetMode: true });
    const alone = simulate(t, ['vmagent-big@node']);
    expect(alone.ingestion).toBe('partial');
    expect(alone.reasons[0]).toMatch(/each pod scrapes the pods of its own node/);
    const withNode = runScenario(t, ['vmagent-big@node'], { wholeNodes: true });
    expect(withNode.ingestion).toBe('ok');
    expect(withNode.reasons[0]).toMatch(/loses its pod on the failed node together with the pods it scraped there/);
  });
});

describe('alerting (vmalert.md §Notifier configuration; am:docs/high_availability.md)', () => {
  const stack = (notify: Partial<Parameters<typeof link>[3]> = { notify: 'selector' }, amReplicas = 3, more: JsonObject = {}) =>
    design(
      [
        ...cluster('prod', { replicationFactor: 1 }, { vminsert: { replicaCount: 2 }, vmselect: { replicaCount: 2 }, vmstorage: { replicaCount: 2, storage: pvc('1Gi') } }),
        alert('rules', { replicaCount: 2, ...more }),
        alertmanager('am', { replicaCount: amReplicas, configSecret: 'c' }),
      ],
      [link('datasource', 'vmalert-rules', 'vmcluster-prod-vmselect'), link('notifier', 'vmalert-rules', 'vmalertmanager-am', notify)],
    );

  it('losing one of three alertmanager replicas that vmalert notifies pod by pod is ok: the others deliver and gossip needs no quorum', () => {
    const o = simulate(stack(), ['vmalertmanager-am-0']);
    expect(o.alerting).toBe('ok');
    expect(o.reasons[0]).toMatch(/still notifies vmalertmanager-am-1 and vmalertmanager-am-2, which gossip to deduplicate \(gossip needs no quorum\)/);
    expect(simulate(stack(), ['vmalertmanager-am-0', 'vmalertmanager-am-1', 'vmalertmanager-am-2']).alerting).toBe('lost');
  });

  it('a vmalert that lists only pod 0 loses its alerts with pod 0, though the others run', () => {
    const o = simulate(stack({ notify: 'pods', pods: [0] }), ['vmalertmanager-am-0']);
    expect(o.alerting).toBe('lost');
    expect(o.reasons[0]).toMatch(/no alertmanager that vmalert 'rules' notifies is up/);
  });

  it('two alertmanagers that do not gossip with each other send duplicate notifications (degraded)', () => {
    const t = design(
      [...stack().components, alertmanager('other', { replicaCount: 1, configSecret: 'c' })],
      [...stack().links, link('notifier', 'vmalert-rules', 'vmalertmanager-other')],
    );
    const b = baselineOf(t);
    expect(b.alerting).toBe('degraded');
    expect(b.reasons.join('\n')).toMatch(/which do not gossip with each other .* duplicates/);
    // With the other one down, only one gossiping cluster receives: no duplicates.
    expect(simulate(t, ['vmalertmanager-other-0']).alerting).toBe('ok');
  });

  it('vmalert replicas evaluate the same rules: one down is ok, all down loses alerting', () => {
    expect(simulate(stack(), ['vmalert-rules-0']).alerting).toBe('ok');
    const o = simulate(stack(), ['vmalert-rules-0', 'vmalert-rules-1']);
    expect(o.alerting).toBe('lost');
    expect(o.reasons[0]).toMatch(/its rules are not evaluated and no alert fires/);
  });

  it('a datasource answering partially degrades alerting; one that fails loses it', () => {
    const partial = simulate(stack(), ['vmstorage-prod-0']);
    expect(partial.alerting).toBe('degraded');
    expect(partial.reasons.join('\n')).toMatch(/evaluates its rules on partial responses from vmselect of vmcluster 'prod'/);
    expect(simulate(stack(), ['vmselect-prod-0', 'vmselect-prod-1']).alerting).toBe('lost');
  });

  it('without a notifier the operator drops alerting rules: lost with every pod running', () => {
    const t = design([single('s', { storage: {} }), alert('rules', { selectAllByDefault: true })], [link('datasource', 'vmalert-rules', 'vmsingle-s')], [vmRule('r', { alert: true })]);
    expect(baselineOf(t).alerting).toBe('lost');
    const o = simulate(t, ['vmsingle-s-0']);
    expect(o.reasons.at(-1)).toBe('Already with every pod running: alerting lost (see the baseline)');
  });

  it('a VMAuth datasource with every pod down: rules are not evaluated', () => {
    const t = design(
      [auth('gw', { replicaCount: 1 }), alert('rules'), alertmanager('am', { replicaCount: 2 })],
      [link('datasource', 'vmalert-rules', 'vmauth-gw'), link('notifier', 'vmalert-rules', 'vmalertmanager-am')],
    );
    const o = simulate(t, ['vmauth-gw-0']);
    expect(levels(o)).toEqual(['ok', 'unavailable', 'lost']);
  });

  it('vmalert has no disk queue: results written straight to a down storage are dropped; through a vmagent they wait in its queue', () => {
    const direct = design(
      [agent('a', { replicaCount: 2 }), single('s', { storage: {} }), alert('rules')],
      [link('remoteWrite', 'vmagent-a', 'vmsingle-s'), link('datasource', 'vmalert-rules', 'vmsingle-s'), link('remoteWrite', 'vmalert-rules', 'vmsingle-s')],
    );
    const o = simulate(direct, ['vmsingle-s-0']);
    expect(o.ingestion).toBe('partial');
    expect(o.reasons.join('\n')).toMatch(/vmalert 'rules' keeps no on-disk queue/);
  });

  it('vmalert writing through a vmagent: its results wait in the agent’s queue', () => {
    const t = design(
      [agent('a', { replicaCount: 2 }), ...cluster('prod', { replicationFactor: 2 }, { vminsert: { replicaCount: 1 }, vmselect: { replicaCount: 2 }, vmstorage: { replicaCount: 3 } }), alert('rules')],
      [link('remoteWrite', 'vmagent-a', 'vmcluster-prod-vminsert'), link('datasource', 'vmalert-rules', 'vmcluster-prod-vmselect'), link('remoteWrite', 'vmalert-rules', 'vmagent-a')],
    );
    const via = simulate(t, ['vminsert-prod-0']);
    expect(via.ingestion).toBe('buffered');
    expect(via.reasons.join('\n')).toMatch(/vmalert 'rules' writes its recording results and alert state through vmagent 'a', so they wait in its queue for vminsert of vmcluster 'prod' too/);
  });
});

describe('the cluster requests load balancer', () => {
  it('with every balancer pod down, writes and queries through vminsert-/vmselect-<name> fail', () => {
    const t = clusterDesign(2, 3, { cluster: { requestsLoadBalancer: { enabled: true } } });
    const o = simulate(t, ['vmclusterlb-prod-0']);
    expect(levels(o)).toEqual(['buffered', 'unavailable', 'ok']);
  });
});

describe('pod names', () => {
  it('names unknown pods and suggests near ones', () => {
    const t = clusterDesign(2);
    expect(unknownPods(t, ['vmstorage-prod-1', 'vmstorage-prd-1', 'x'])).toEqual(['vmstorage-prd-1', 'x']);
    expect(nearPods(t, 'vmstorage-prd-1')[0]).toBe('vmstorage-prod-1');
    expect(nearPods(t, 'vmstorage-prod')).toEqual(['vmstorage-prod-0', 'vmstorage-prod-1', 'vmstorage-prod-2']);
  });

  it('a pod nothing depends on says so', () => {
    const t = design([alertmanager('lonely', { replicaCount: 2 })]);
    const o = simulate(t, ['vmalertmanager-lonely-0']);
    expect(levels(o)).toEqual(['ok', 'complete', 'ok']);
    expect(o.reasons[0]).toMatch(/no vmalert of the design notifies it/);
  });
});
