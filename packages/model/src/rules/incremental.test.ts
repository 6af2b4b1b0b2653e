import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { withField } from '../access.ts';
import { addLink, removeComponents, removeLinks, updateComponent } from '../edit.ts';
import { fieldOf } from '../kinds/index.ts';
import { linkProblem } from '../links.ts';
import { agent, alert, alertmanager, cluster, design, externalLink, link, single, vmRule } from '../fixtures/build.ts';
import { arbTopology } from '../fixtures/arbitrary.ts';
import type { LinkType, Topology } from '../topology.ts';
import { applyFix, lint, lintAll } from './index.ts';

const OPTS = { optional: true };
const NAMES = ['main', 'ha', 'edge', 'other'];
const LINK_TYPES: LinkType[] = ['remoteWrite', 'datasource', 'remoteRead', 'notifier'];

interface Pick {
  op: number;
  /** Which component, link, finding or value: taken modulo the number of choices. */
  a: number;
  b: number;
  v: number;
}
const arbPick: fc.Arbitrary<Pick> = fc.record({ op: fc.integer({ min: 0, max: 9 }), a: fc.nat(), b: fc.nat(), v: fc.nat() });

const choose = <T>(xs: readonly T[], i: number): T | undefined => xs[i % Math.max(1, xs.length)];

/** One edit of the kinds the designer makes. */
function edit(t: Topology, { op, a, b, v }: Pick): Topology {
  const comp = choose(t.components, a);
  const other = choose(t.components, b);
  switch (op) {
    case 0: {
      const fix = choose(lint(t, OPTS).filter((f) => f.fixable), v);
      return fix ? applyFix(t, fix) : t;
    }
    case 1:
      return comp && fieldOf(comp.kind, 'replicaCount') ? updateComponent(t, comp.id, (c) => withField(c, 'replicaCount', v % 5)) : t;
    case 2:
      // Renames change URLs (a cluster's name is in its vminsert's host) and messages.
      return comp && comp.name !== undefined ? updateComponent(t, comp.id, (c) => ({ ...c, name: choose(NAMES, v)! })) : t;
    case 3:
      return comp ? removeComponents(t, [comp.id]) : t;
    case 4: {
      const l = choose(t.links, v);
      return l ? removeLinks(t, [l.id]) : t;
    }
    case 5: {
      const type = choose(LINK_TYPES, v)!;
      return comp && other && linkProblem(t, type, comp.id, other.id) === undefined ? addLink(t, type, comp.id, other.id).topology : t;
    }
    case 6:
      return comp ? updateComponent(t, comp.id, (c) => ({ ...c, namespace: v % 2 ? 'apps' : undefined })) : t;
    case 7:
      // What every rule reads: the design's namespace and its extra objects (VMRules).
      return { ...t, namespace: v % 2 ? 'apps' : 'monitoring' };
    case 8:
      return { ...t, extras: t.extras.filter((_, i) => i !== v % Math.max(1, t.extras.length)) };
    default:
      return comp && fieldOf(comp.kind, 'scrapeInterval') ? updateComponent(t, comp.id, (c) => withField(c, 'scrapeInterval', v % 2 ? '15s' : '1m')) : t;
  }
}

describe('incremental lint', () => {
  test('after random edits, lint(next) following lint(prev) equals a full lint of next, order included', () => {
    fc.assert(
      fc.property(arbTopology(), fc.array(arbPick, { minLength: 1, maxLength: 5 }), (t, picks) => {
        let current = t;
        lint(current, OPTS);
        for (const p of picks) {
          current = edit(current, p);
          expect(lint(current, OPTS)).toEqual(lintAll(current, OPTS));
        }
      }),
      { numRuns: 400 },
    );
  }, 60_000);

  test('keeps the very finding objects of the part of the design an edit cannot reach', () => {
    const [c1, i1, s1, st1] = cluster('one', {}, { vmstorage: { replicaCount: 1 } });
    const [c2, i2, s2, st2] = cluster('two', {}, { vmstorage: { replicaCount: 1 } });
    const a1 = agent('a1');
    const a2 = agent('a2');
    const t = design([c1!, i1!, s1!, st1!, c2!, i2!, s2!, st2!, a1, a2], [link('remoteWrite', a1.id, i1!.id), link('remoteWrite', a2.id, i2!.id)]);
    const before = lint(t);
    const next = updateComponent(t, a1.id, (c) => withField(c, 'replicaCount', 2));
    const after = lint(next);
    expect(after).toEqual(lintAll(next));
    const untouched = before.filter((f) => !f.componentIds.some((id) => [c1, i1, s1, st1, a1].some((c) => c!.id === id)));
    expect(untouched.length).toBeGreaterThan(0);
    for (const f of untouched) expect(after).toContain(f);
  });

  test('follows a remoteWrite URL to the cluster it names: renaming the cluster re-checks the agent', () => {
    const [c, ins, sel, sto] = cluster('old');
    const a = agent('a');
    const url = 'http://vminsert-main.monitoring.svc:8480/insert/0/prometheus/api/v1/write';
    // No link joins the agent to the cluster: only the URL's host names it.
    const t = design([c!, ins!, sel!, sto!, a], [externalLink('remoteWrite', a.id, url, 0), externalLink('remoteWrite', a.id, url, 1)]);
    expect(lint(t).map((f) => f.ruleId)).not.toContain('vmagent-duplicate-write-same-cluster');
    const renamed = updateComponent(t, c!.id, (x) => ({ ...x, name: 'main' }));
    expect(lint(renamed).map((f) => f.ruleId)).toContain('vmagent-duplicate-write-same-cluster');
    expect(lint(renamed)).toEqual(lintAll(renamed));
  });

  test('a change of what every rule reads (the namespace) re-checks everything', () => {
    const s = single('main');
    const [a, b] = [agent('a', { selectAllByDefault: true }), agent('b', { selectAllByDefault: true })];
    const t = design([s, a, b], [link('remoteWrite', a.id, s.id), link('remoteWrite', b.id, s.id)]);
    expect(lint(t).find((f) => f.ruleId === 'ha-agent-crs-label-mismatch')!.message).toContain('prometheus="monitoring/a"');
    const moved = { ...t, namespace: 'apps' };
    expect(lint(moved).find((f) => f.ruleId === 'ha-agent-crs-label-mismatch')!.message).toContain('prometheus="apps/a"');
  });

  test('a VMAlert without a notifier reads every alertmanager: adding one re-checks it', () => {
    const al = alert('rules', { selectAllByDefault: true });
    const t = design([al], [], [vmRule('r', { alert: true })]);
    const noFix = lint(t).find((f) => f.ruleId === 'vmalert-no-notifier')!;
    expect(noFix.fixable).toBe(false);
    const am = alertmanager('am', { replicaCount: 3 });
    const next = { ...t, components: [...t.components, am] };
    const withFix = lint(next).find((f) => f.ruleId === 'vmalert-no-notifier')!;
    expect(withFix.fixLabel).toBe("Notify vmalertmanager 'am' through a label selector");
    expect(lint(next)).toEqual(lintAll(next));
  });
});
