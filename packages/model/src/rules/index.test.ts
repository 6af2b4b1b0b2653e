import { describe, expect, test } from 'vitest';
import { HA, agent, cluster, design, edit, link, single } from '../fixtures/build.ts';
import { haDesign } from '../fixtures/ha-design.ts';
import type { Component, Link, Topology } from '../topology.ts';
import { RULES, applyAllFixes, applyFix, findingKey, lint, ruleById } from './index.ts';

/** The catalog of vm-domain.md §c: id and severity, in order. */
const CATALOG: [string, string][] = [
  ['vmsingle-spof', 'warning'],
  ['vmsingle-multi-replica', 'error'],
  ['storage-ephemeral', 'warning'],
  ['vmcluster-rf-exceeds-storage', 'error'],
  ['vmcluster-rf-below-2n-1', 'warning'],
  ['vmcluster-storage-replicas-unset', 'error'],
  ['vmcluster-component-single-replica', 'warning'],
  ['vmcluster-no-replication', 'info'],
  ['ha-agents-without-dedup', 'error'],
  ['dedup-not-equal-scrape-interval', 'warning'],
  ['dedup-select-storage-mismatch', 'warning'],
  ['ha-agent-crs-label-mismatch', 'error'],
  ['ha-agent-crs-cluster-name', 'info'],
  ['vmagent-single-replica', 'warning'],
  ['vmagent-sharded-no-redundancy', 'info'],
  ['vmagent-double-replication', 'warning'],
  ['vmagent-ephemeral-queue', 'warning'],
  ['vmagent-queue-too-small', 'warning'],
  ['vmagent-duplicate-write-same-cluster', 'info'],
  ['vmagent-selects-nothing', 'warning'],
  ['vmalert-single-replica', 'warning'],
  ['vmalert-no-state-persistence', 'warning'],
  ['vmalert-recording-without-remotewrite', 'error'],
  ['vmalert-no-notifier', 'error'],
  ['vmalert-notifier-not-all-am-pods', 'error'],
  ['vmalert-dedup-vs-eval-interval', 'warning'],
  ['alertmanager-single-replica', 'warning'],
  ['alertmanager-even-replicas', 'info'],
  ['alertmanager-no-config', 'warning'],
  ['replicas-without-spreading', 'warning'],
  ['pdb-missing', 'info'],
  ['pdb-blocks-eviction', 'warning'],
  ['vmstorage-disruption-exceeds-rf', 'error'],
  ['vmagent-manual-cluster-members', 'error'],
  ['vmauth-single-replica', 'warning'],
  ['vmalert-remote-write-unbuffered', 'info'],
  ['storage-undersized', 'warning'],
  ['vmagent-queue-too-small-for-outage', 'info'],
];
const OPTIONAL = ['vmcluster-spans-zones', 'vmstorage-few-nodes', 'cluster-lb'];

/** Everything wrong at once: a single-replica stack without dedup, spreading or config. */
function badDesign(): Topology {
  const a = agent('scraper', { replicaCount: 2, serviceScrapeSelector: { matchLabels: { team: 'a' } } });
  const b = agent('backup', { selectAllByDefault: true });
  const idle = agent('idle', {});
  const s = single('main', { replicaCount: 2 });
  const [c, ins, sel, sto] = cluster('main', { replicationFactor: 3 }, { vmstorage: { replicaCount: 2, storage: { emptyDir: {} } } });
  const al: Component = { id: 'vmalert-rules', kind: 'VMAlert', name: 'rules', spec: { selectAllByDefault: true, replicaCount: 2 } };
  const am: Component = { id: 'vmalertmanager-am', kind: 'VMAlertmanager', name: 'am', spec: { replicaCount: 2 } };
  const links: Link[] = [
    link('remoteWrite', a.id, ins!.id),
    link('remoteWrite', b.id, ins!.id),
    link('remoteWrite', a.id, s.id),
    link('remoteWrite', idle.id, ins!.id),
    link('datasource', al.id, sel!.id),
    link('notifier', al.id, am.id, { notify: 'service' }),
  ];
  const rule = { apiVersion: 'operator.victoriametrics.com/v1beta1', kind: 'VMRule', metadata: { name: 'r' }, spec: { groups: [{ name: 'g', rules: [{ alert: 'A', expr: 'up == 0' }, { record: 'r', expr: 'up' }] }] } };
  return design([a, b, idle, s, c!, ins!, sel!, sto!, al, am], links, [rule]);
}

describe('RULES', () => {
  test('holds the 38 catalog rules with their ids and severities, then the 3 optional ones', () => {
    expect(RULES.filter((r) => !r.optional && !r.required).map((r) => [r.id, r.severity])).toEqual(CATALOG);
    expect(RULES.filter((r) => r.optional).map((r) => r.id)).toEqual(OPTIONAL);
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    for (const r of RULES) {
      expect(r.title.length).toBeGreaterThan(0);
      expect(r.source.length).toBeGreaterThan(0);
      expect(ruleById(r.id)).toBe(r);
    }
  });
});

describe('lint', () => {
  test('the HA design has no error and no warning; its one info: vmalert remote-writes straight to vminsert', () => {
    // fixtures/ha-design.ts predates vmalert-remote-write-unbuffered (VMAlert → VMAgent links are new).
    expect(lint(haDesign()).map((f) => `${f.severity} ${f.ruleId}`)).toEqual(['info vmalert-remote-write-unbuffered']);
  });
  test('the bad design trips every severity, errors first, then catalog order', () => {
    const found = lint(badDesign());
    const rank = { error: 0, warning: 1, info: 2 } as const;
    const index = (id: string) => RULES.findIndex((r) => r.id === id);
    for (let i = 1; i < found.length; i++) {
      const [p, q] = [found[i - 1]!, found[i]!];
      expect(rank[p.severity] < rank[q.severity] || (rank[p.severity] === rank[q.severity] && index(p.ruleId) <= index(q.ruleId))).toBe(true);
    }
    expect(new Set(found.map((f) => f.severity))).toEqual(new Set(['error', 'warning', 'info']));
    // The order relies on it: a finding has its rule's severity.
    for (const f of found) expect(f.severity).toBe(RULES.find((r) => r.id === f.ruleId)!.severity);
    expect(found.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['vmsingle-multi-replica', 'vmcluster-rf-exceeds-storage', 'ha-agents-without-dedup', 'vmalert-notifier-not-all-am-pods']));
  });
  test('is deterministic and leaves the topology untouched', () => {
    const t = badDesign();
    const before = structuredClone(t);
    expect(lint(t)).toEqual(lint(structuredClone(t)));
    expect(t).toEqual(before);
  });
  test('only= runs the named rules', () => {
    expect(new Set(lint(badDesign(), { only: ['pdb-missing'] }).map((f) => f.ruleId))).toEqual(new Set(['pdb-missing']));
  });
  test('stays fast on a large topology (indexed, no pairwise scans)', () => {
    const components: Component[] = [];
    const links: Link[] = [];
    for (let i = 0; i < 400; i++) {
      const parts = cluster(`c${i}`, { replicationFactor: 2 }, { vminsert: { replicaCount: 2 }, vmselect: { replicaCount: 2 }, vmstorage: { replicaCount: 3 } });
      components.push(...parts);
      for (let j = 0; j < 5; j++) {
        const a = agent(`a${i}-${j}`, { selectAllByDefault: true, replicaCount: 2 });
        components.push(a);
        links.push(link('remoteWrite', a.id, parts[1]!.id));
      }
    }
    const t = design(components, links);
    const start = performance.now();
    const found = lint(t, { optional: true });
    expect(found.length).toBeGreaterThan(0);
    expect(performance.now() - start).toBeLessThan(3000);
  });
});

describe('applyFix / applyAllFixes', () => {
  test('applyFix leaves the topology as is for a finding without a fix', () => {
    const t = edit(haDesign(), HA.am, ({ configSecret: _c, ...s }) => s);
    const [f] = lint(t);
    expect(f!.ruleId).toBe('alertmanager-no-config');
    expect(applyFix(t, f!)).toBe(t);
  });
  test('applyAllFixes clears every fixable finding of the bad design, without touching the input', () => {
    const t = badDesign();
    const before = structuredClone(t);
    const fixed = applyAllFixes(t);
    expect(t).toEqual(before);
    const left = lint(fixed);
    expect(left.filter((f) => f.fixable).map(findingKey)).toEqual([]);
    expect(left.filter((f) => f.severity === 'error')).toEqual([]);
    // Left: choices for a human (the config secret; selectors for the agent that would pair with
    // another; a VMAgent to buffer vmalert's writes through).
    expect(left.map((f) => f.ruleId).sort()).toEqual(['alertmanager-no-config', 'vmagent-selects-nothing', 'vmalert-remote-write-unbuffered']);
  });
  test('applyAllFixes on the HA design changes nothing', () => {
    const t = haDesign();
    expect(applyAllFixes(t)).toEqual(t);
  });
});
