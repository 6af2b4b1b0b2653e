import { describe, expect, test } from 'vitest';
import { getComponent } from '../access.ts';
import { HA, agent, auth, cluster, design, edit, link, single, vmRule } from '../fixtures/build.ts';
import { haDesign } from '../fixtures/ha-design.ts';
import type { Topology } from '../topology.ts';
import { applyFix, lint } from './index.ts';
import { fires, quiet } from './check-case.ts';

const pvc = { resources: { requests: { storage: '20Gi' } } };
const dedupOf = (t: Topology, id: string) => (getComponent(t, id)!.spec.extraArgs as Record<string, string> | undefined)?.['dedup.minScrapeInterval'];

/** An agent with `replicas` replicas writing into a VMSingle with the given dedup. */
function singleDesign(replicas: number, dedup?: string, scrapeInterval?: string): Topology {
  const a = agent('scraper', { selectAllByDefault: true, replicaCount: replicas, ...(scrapeInterval ? { scrapeInterval } : {}) });
  const s = single('main', { storage: pvc, ...(dedup ? { extraArgs: { 'dedup.minScrapeInterval': dedup } } : {}) });
  return design([a, s], [link('remoteWrite', a.id, s.id)]);
}

/** The HA design plus a second VMAgent CR with the same selection into the same vminsert. */
function pairDesign(second: Record<string, unknown> = {}): Topology {
  const t = haDesign();
  const b = agent('backup', { selectAllByDefault: true, replicaCount: 2, statefulMode: true, ...second });
  return { ...t, components: [...t.components, b], links: [...t.links, link('remoteWrite', b.id, HA.vminsert, { tenant: '0' })] };
}

describe('ha-agents-without-dedup', () => {
  test('fires for a 2-replica agent into a VMSingle without dedup; the fix sets the scrape interval', () => {
    const t = singleDesign(2);
    const [f] = fires('ha-agents-without-dedup', t, {
      ids: ['vmsingle-main', 'vmagent-scraper'],
      includes: ["vmagent 'scraper' runs 2 replicas into vmsingle 'main', which has no dedup", 'Set dedup.minScrapeInterval to 30s'],
      fixable: true,
    });
    expect(f!.fixLabel).toBe('Set dedup.minScrapeInterval to 30s');
    expect(f!.field).toBe('dedupInterval');
    expect(dedupOf(applyFix(t, f!), 'vmsingle-main')).toBe('30s');
  });
  test('fires when dedup is shorter than the scrape interval', () => {
    fires('ha-agents-without-dedup', singleDesign(2, '15s'), { includes: ['15s is shorter than the 30s scrape interval'] });
  });
  test('quiet when dedup covers the scrape interval (60s = 1m) or the agent is single', () => {
    quiet('ha-agents-without-dedup', singleDesign(2, '60s', '1m'));
    quiet('ha-agents-without-dedup', singleDesign(2, '1m'));
    quiet('ha-agents-without-dedup', singleDesign(1));
  });
  test('on a cluster, the automatic 1ms does not count and the fix sets vmselect and vmstorage', () => {
    let t = edit(haDesign(), HA.vmselect, ({ extraArgs: _e, ...s }) => s);
    t = edit(t, HA.vmstorage, ({ extraArgs: _e, ...s }) => s);
    const [f] = fires('ha-agents-without-dedup', t, {
      ids: [HA.vmselect, HA.vmstorage, HA.agent],
      includes: ['automatic 1ms from replicationFactor 2', 'on both vmselect and vmstorage'],
    });
    const fixed = applyFix(t, f!);
    expect([dedupOf(fixed, HA.vmselect), dedupOf(fixed, HA.vmstorage)]).toEqual(['30s', '30s']);
  });
  test('fires for two VMAgent CRs scraping the same targets, even with one replica each', () => {
    const a = agent('a', { selectAllByDefault: true });
    const b = agent('b', { selectAllByDefault: true });
    const s = single('main', { storage: pvc });
    const t = design([a, b, s], [link('remoteWrite', a.id, s.id), link('remoteWrite', b.id, s.id)]);
    fires('ha-agents-without-dedup', t, { ids: ['vmsingle-main', 'vmagent-a', 'vmagent-b'], includes: ["vmagent 'a' and vmagent 'b' scrape the same targets"] });
    const c = agent('b', { serviceScrapeSelector: { matchLabels: { team: 'b' } } });
    quiet('ha-agents-without-dedup', design([a, c, s], [link('remoteWrite', a.id, s.id), link('remoteWrite', c.id, s.id)]));
  });
  test('quiet for ingestOnlyMode agents: their replicas share pushed traffic and never duplicate it', () => {
    const a = agent('gw-a', { ingestOnlyMode: true, replicaCount: 2 });
    const b = agent('gw-b', { ingestOnlyMode: true, replicaCount: 3, extraArgs: { 'promscrape.cluster.replicationFactor': '2' } });
    const s = single('main', { storage: pvc });
    quiet('ha-agents-without-dedup', design([a, b, s], [link('remoteWrite', a.id, s.id), link('remoteWrite', b.id, s.id)]));
    // An agent that selects nothing scrapes nothing either.
    const idle = agent('idle', { replicaCount: 2 });
    quiet('ha-agents-without-dedup', design([idle, s], [link('remoteWrite', idle.id, s.id)]));
    // A scraping agent next to them still counts, and only its interval is asked for.
    const c = agent('scraper', { selectAllByDefault: true, replicaCount: 2, scrapeInterval: '15s' });
    const t = design([a, c, s], [link('remoteWrite', a.id, s.id), link('remoteWrite', c.id, s.id)]);
    const [f] = fires('ha-agents-without-dedup', t, { ids: ['vmsingle-main', 'vmagent-scraper'], includes: ['Set dedup.minScrapeInterval to 15s'] });
    expect(dedupOf(applyFix(t, f!), 'vmsingle-main')).toBe('15s');
  });
  test('fires for promscrape.cluster.replicationFactor > 1', () => {
    const t = edit(singleDesign(1), 'vmagent-scraper', (s) => ({ ...s, extraArgs: { 'promscrape.cluster.replicationFactor': '2' } }));
    fires('ha-agents-without-dedup', t, { includes: ['promscrape.cluster.replicationFactor=2'] });
  });
});

describe('dedup-not-equal-scrape-interval', () => {
  test('fires when dedup differs from the scrape interval; the fix aligns it', () => {
    const t = singleDesign(2, '1m');
    const [f] = fires('dedup-not-equal-scrape-interval', t, { includes: ["dedup.minScrapeInterval 1m but vmagent 'scraper' scrapes every 30s"], fixable: true });
    expect(dedupOf(applyFix(t, f!), 'vmsingle-main')).toBe('30s');
  });
  test('fires without a fix when the agents use mixed intervals', () => {
    const a = agent('a', { selectAllByDefault: true, scrapeInterval: '15s' });
    const b = agent('b', { serviceScrapeSelector: {}, scrapeInterval: '30s' });
    const s = single('main', { storage: pvc, extraArgs: { 'dedup.minScrapeInterval': '30s' } });
    fires('dedup-not-equal-scrape-interval', design([a, b, s], [link('remoteWrite', a.id, s.id), link('remoteWrite', b.id, s.id)]), {
      includes: ['different scrape intervals (15s, 30s)'],
      fixable: false,
    });
  });
  test('counts only scraping agents: an ingest-only or idle agent with another interval does not make them mixed', () => {
    const a = agent('a', { selectAllByDefault: true, scrapeInterval: '30s' });
    const gw = agent('gw', { ingestOnlyMode: true, scrapeInterval: '1m' });
    const idle = agent('idle', { scrapeInterval: '15s' });
    const s = single('main', { storage: pvc, extraArgs: { 'dedup.minScrapeInterval': '30s' } });
    quiet('dedup-not-equal-scrape-interval', design([a, gw, idle, s], [link('remoteWrite', a.id, s.id), link('remoteWrite', gw.id, s.id), link('remoteWrite', idle.id, s.id)]));
    // With only agents that do not scrape, there is no scrape interval to compare with.
    quiet('dedup-not-equal-scrape-interval', design([gw, s], [link('remoteWrite', gw.id, s.id)]));
    // The fix aligns dedup with the scraping agents only.
    const t = design([a, gw, s], [link('remoteWrite', a.id, s.id), link('remoteWrite', gw.id, s.id)]);
    const off = edit(t, s.id, (x) => ({ ...x, extraArgs: { 'dedup.minScrapeInterval': '1m' } }));
    const [f] = fires('dedup-not-equal-scrape-interval', off, { includes: ["vmagent 'a' scrapes every 30s"], fixable: true });
    expect(dedupOf(applyFix(off, f!), 'vmsingle-main')).toBe('30s');
  });
  test('quiet when equal as durations, when dedup is unset, and with no agents', () => {
    quiet('dedup-not-equal-scrape-interval', singleDesign(2, '60s', '1m'));
    quiet('dedup-not-equal-scrape-interval', singleDesign(2));
    quiet('dedup-not-equal-scrape-interval', design([single('main', { extraArgs: { 'dedup.minScrapeInterval': '1m' } })]));
    quiet('dedup-not-equal-scrape-interval', haDesign());
  });
});

describe('dedup-select-storage-mismatch', () => {
  test('fires when only vmselect sets dedup; the fix copies it to vmstorage', () => {
    const t = edit(haDesign(), HA.vmstorage, ({ extraArgs: _e, ...s }) => s);
    const [f] = fires('dedup-select-storage-mismatch', t, { ids: [HA.vmselect, HA.vmstorage], includes: ['set on vmselect only', 'automatic 1ms'], fixable: true });
    expect(dedupOf(applyFix(t, f!), HA.vmstorage)).toBe('30s');
  });
  test('fires when both differ', () => {
    fires('dedup-select-storage-mismatch', edit(haDesign(), HA.vmstorage, (s) => ({ ...s, extraArgs: { 'dedup.minScrapeInterval': '1m' } })), {
      includes: ['vmselect has dedup.minScrapeInterval 30s but vmstorage has 1m'],
    });
  });
  test('quiet when equal as durations or both unset', () => {
    quiet('dedup-select-storage-mismatch', edit(haDesign(), HA.vmstorage, (s) => ({ ...s, extraArgs: { 'dedup.minScrapeInterval': '30000ms' } })));
    let t = edit(haDesign(), HA.vmselect, ({ extraArgs: _e, ...s }) => s);
    t = edit(t, HA.vmstorage, ({ extraArgs: _e, ...s }) => s);
    quiet('dedup-select-storage-mismatch', t);
  });
});

describe('ha-agent-crs-label-mismatch', () => {
  test('fires for two CRs with the default prometheus label; the fix makes the labels identical', () => {
    const t = pairDesign();
    const [f] = fires('ha-agent-crs-label-mismatch', t, {
      ids: [HA.agent, 'vmagent-backup'],
      includes: ['prometheus="monitoring/scraper"', 'prometheus="monitoring/backup"', "vmcluster 'main'"],
      fixable: true,
    });
    const fixed = applyFix(t, f!);
    expect(getComponent(fixed, 'vmagent-backup')!.spec.externalLabelName).toBe('');
    expect(lint(fixed).filter((x) => x.severity === 'error')).toEqual([]);
  });
  test('fires for two CRs writing the same targets through one VMAuth (it routes both copies alike)', () => {
    const gate = auth('gate', { selectAllByDefault: true, replicaCount: 2 });
    const a = agent('a', { selectAllByDefault: true });
    const b = agent('b', { selectAllByDefault: true });
    const t = design([gate, a, b], [link('remoteWrite', a.id, gate.id), link('remoteWrite', b.id, gate.id)]);
    const [f] = fires('ha-agent-crs-label-mismatch', t, { ids: [a.id, b.id], includes: ["into vmauth 'gate'"], fixable: true });
    expect(getComponent(applyFix(t, f!), b.id)!.spec.externalLabelName).toBe('');
  });
  /** Agents a → cluster one, b → cluster two; `reads` on one's vmselect names two's vmstorage. */
  function twoClusters(reads: Record<string, unknown>): Topology {
    const [c1, i1, s1, st1] = cluster('one', { replicationFactor: 2 }, { vmselect: { replicaCount: 2, ...reads }, vmstorage: { replicaCount: 3 } });
    const [c2, i2, s2, st2] = cluster('two', { replicationFactor: 2 }, { vmselect: { replicaCount: 2 }, vmstorage: { replicaCount: 3 } });
    const a = agent('a', { selectAllByDefault: true });
    const b = agent('b', { selectAllByDefault: true });
    return design([c1!, i1!, s1!, st1!, c2!, i2!, s2!, st2!, a, b], [link('remoteWrite', a.id, i1!.id), link('remoteWrite', b.id, i2!.id)]);
  }
  test('fires for two CRs writing the same targets into two clusters that one vmselect reads together', () => {
    const addr = 'vmstorage-two-0.vmstorage-two.monitoring.svc:8401';
    const t = twoClusters({ extraStorageNodes: [{ addr }] });
    const [f] = fires('ha-agent-crs-label-mismatch', t, {
      ids: ['vmagent-a', 'vmagent-b'],
      includes: ["into vmcluster 'one' and vmcluster 'two', which vmselect of vmcluster 'one' reads together", 'prometheus="monitoring/a"', 'prometheus="monitoring/b"'],
      fixable: true,
    });
    const fixed = applyFix(t, f!);
    expect(lint(fixed).filter((x) => x.severity === 'error')).toEqual([]);
    // The -storageNode flag (short host, the vmselect's namespace) reads them together just the same.
    fires('ha-agent-crs-label-mismatch', twoClusters({ extraArgs: { storageNode: 'vmstorage-two-0.vmstorage-two:8401,vmstorage-two-1.vmstorage-two:8401' } }));
    // Separate clusters that nothing reads together keep their copies apart.
    quiet('ha-agent-crs-label-mismatch', twoClusters({}));
    quiet('ha-agent-crs-label-mismatch', twoClusters({ extraStorageNodes: [{ addr: 'vmstorage-elsewhere-0.vmstorage-elsewhere.monitoring.svc:8401' }] }));
  });
  test('pairs that share a CR chain: the fix label counts the other CRs paired with them, and the fix gives all of them one label set', () => {
    // a+b scrape "x" into one VMSingle, c+d into another, b+c into a third: the third pair joins the first two.
    const sel = { serviceScrapeSelector: { matchLabels: { app: 'x' } } };
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((n) => agent(n, sel));
    const [s1, s2, s3] = ['one', 'two', 'three'].map((n) => single(n, { storage: pvc }));
    const wire = (x: { id: string }, y: { id: string }) => link('remoteWrite', x.id, y.id);
    const t = design([a!, b!, c!, d!, s1!, s2!, s3!], [wire(a!, s1!), wire(b!, s1!), wire(c!, s2!), wire(d!, s2!), wire(b!, s3!), wire(c!, s3!)]);
    const found = fires('ha-agent-crs-label-mismatch', t, { count: 3 });
    expect(found[0]!.fixLabel).toContain("vmagent 'a' and vmagent 'b' (and the 2 other CRs paired with them)");
    const fixed = applyFix(t, found[0]!);
    for (const x of [a, b, c, d]) expect(getComponent(fixed, x!.id)!.spec.externalLabelName).toBe('');
    quiet('ha-agent-crs-label-mismatch', fixed);
  });
  test('the same selectors written in another key order are the same targets', () => {
    const a = agent('a', { podScrapeSelector: { matchLabels: { app: 'x', tier: 'db' } }, serviceScrapeSelector: { matchLabels: { app: 'x' } } });
    const b = agent('b', { serviceScrapeSelector: { matchLabels: { app: 'x' } }, podScrapeSelector: { matchLabels: { tier: 'db', app: 'x' } } });
    const s = single('main', { storage: pvc });
    fires('ha-agent-crs-label-mismatch', design([a, b, s], [link('remoteWrite', a.id, s.id), link('remoteWrite', b.id, s.id)]), { ids: [a.id, b.id] });
  });
  test('quiet when every CR has identical labels, or the CRs scrape different targets', () => {
    const same = { externalLabelName: '', externalLabels: { cluster: 'eu' } };
    quiet('ha-agent-crs-label-mismatch', edit(pairDesign(same), HA.agent, (s) => ({ ...s, ...same })));
    quiet('ha-agent-crs-label-mismatch', pairDesign({ selectAllByDefault: undefined, podScrapeSelector: { matchLabels: { app: 'x' } } }));
    quiet('ha-agent-crs-label-mismatch', haDesign());
  });
});

describe('ha-agent-crs-cluster-name', () => {
  const same = { externalLabelName: '', externalLabels: { cluster: 'eu' } };
  test('fires for an HA pair without distinct promscrape.cluster.name; the fix names each CR', () => {
    const t = edit(pairDesign(same), HA.agent, (s) => ({ ...s, ...same }));
    const [f] = fires('ha-agent-crs-cluster-name', t, { ids: [HA.agent, 'vmagent-backup'], fixable: true });
    const fixed = applyFix(t, f!);
    expect(getComponent(fixed, HA.agent)!.spec.extraArgs).toMatchObject({ 'promscrape.cluster.name': 'scraper' });
    expect(getComponent(fixed, 'vmagent-backup')!.spec.extraArgs).toMatchObject({ 'promscrape.cluster.name': 'backup' });
  });
  test('quiet with distinct names, and for a single CR', () => {
    let t = pairDesign({ extraArgs: { 'promscrape.cluster.name': 'b' } });
    t = edit(t, HA.agent, (s) => ({ ...s, extraArgs: { 'promscrape.cluster.name': 'a' } }));
    quiet('ha-agent-crs-cluster-name', t);
    quiet('ha-agent-crs-cluster-name', haDesign());
  });
});

describe('vmalert-dedup-vs-eval-interval', () => {
  test('fires when dedup is below the (default 1m) evaluation interval; the fix aligns evaluationInterval', () => {
    const t = edit(haDesign(), HA.alert, ({ evaluationInterval: _e, ...s }) => s);
    const [f] = fires('vmalert-dedup-vs-eval-interval', t, {
      ids: [HA.alert, HA.vmselect, HA.vmstorage],
      includes: ["vmalert 'rules' runs 2 replicas", 'dedup 30s is shorter than the evaluation interval 1m'],
      fixable: true,
    });
    expect(f!.fixLabel).toBe('Set evaluationInterval to 30s');
    expect(getComponent(applyFix(t, f!), HA.alert)!.spec.evaluationInterval).toBe('30s');
  });
  test('fires when dedup is not a multiple of a group interval; the fix raises dedup', () => {
    const t = { ...haDesign(), extras: [vmRule('slow', { alert: true, interval: '45s' })] };
    const [f] = fires('vmalert-dedup-vs-eval-interval', t, { includes: ['not a multiple of the rule group intervals'] });
    const fixed = applyFix(t, f!);
    expect(dedupOf(fixed, HA.vmselect)).toBe('1m30s');
  });
  test('quiet when dedup matches, and for a single vmalert', () => {
    quiet('vmalert-dedup-vs-eval-interval', haDesign());
    quiet('vmalert-dedup-vs-eval-interval', edit(haDesign(), HA.alert, (s) => ({ ...s, evaluationInterval: '1m', replicaCount: 1 })));
  });
});
