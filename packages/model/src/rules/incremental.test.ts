import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { withField } from '../access.ts';
import { updateComponent } from '../edit.ts';
import { agent, alert, alertmanager, cluster, design, externalLink, link, single, vmRule } from '../fixtures/build.ts';
import { arbTopology } from '../fixtures/arbitrary.ts';
import { arbPick, edit } from '../fixtures/edits.ts';
import { type Checked, checkAll, indexByComponent, recheck } from './incremental.ts';
import { RULES, createLinter, lint } from './index.ts';

const OPTS = { optional: true };
describe('incremental lint', () => {
  test('after random edits, lint(next) following lint(prev) equals a full lint of next, order included', () => {
    fc.assert(
      fc.property(arbTopology({ unfinished: true }), fc.array(arbPick, { minLength: 1, maxLength: 5 }), (t, picks) => {
        const linter = createLinter(OPTS);
        let current = t;
        linter.lint(current);
        for (const p of picks) {
          current = edit(current, p);
          expect(linter.lint(current)).toEqual(lint(current, OPTS));
        }
      }),
      { numRuns: 400 },
    );
  }, 60_000);

  test('prepared between edits (as the editor does when the user is idle), it still equals a full lint', () => {
    fc.assert(
      fc.property(arbTopology({ unfinished: true }), fc.array(fc.tuple(arbPick, fc.boolean()), { minLength: 1, maxLength: 5 }), (t, steps) => {
        const linter = createLinter(OPTS);
        let current = t;
        linter.lint(current);
        for (const [p, idle] of steps) {
          if (idle) linter.prepare();
          current = edit(current, p);
          expect(linter.lint(current)).toEqual(lint(current, OPTS));
        }
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  test('keeps its index of findings by component exact across edits (nothing stale left behind)', () => {
    const asPairs = (idx: NonNullable<Checked['byComponent']>) =>
      [...idx].flatMap(([id, es]) => es.map((e) => `${id}|${e.rule}|${e.finding.message}`)).sort();
    fc.assert(
      fc.property(arbTopology({ unfinished: true }), fc.array(arbPick, { minLength: 2, maxLength: 5 }), (t, picks) => {
        let checked: Checked = { topology: t, perRule: checkAll(t, RULES) };
        for (const p of picks) {
          const next = edit(checked.topology, p);
          checked = recheck(checked, next, RULES) ?? { topology: next, perRule: checkAll(next, RULES) };
          if (checked.byComponent) expect(asPairs(checked.byComponent)).toEqual(asPairs(indexByComponent(checked.perRule)));
        }
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  test('keeps the very finding objects of the part of the design an edit cannot reach', () => {
    const linter = createLinter();
    const [c1, i1, s1, st1] = cluster('one', {}, { vmstorage: { replicaCount: 1 } });
    const [c2, i2, s2, st2] = cluster('two', {}, { vmstorage: { replicaCount: 1 } });
    const a1 = agent('a1');
    const a2 = agent('a2');
    const t = design([c1!, i1!, s1!, st1!, c2!, i2!, s2!, st2!, a1, a2], [link('remoteWrite', a1.id, i1!.id), link('remoteWrite', a2.id, i2!.id)]);
    const before = linter.lint(t);
    const next = updateComponent(t, a1.id, (c) => withField(c, 'replicaCount', 2));
    const after = linter.lint(next);
    expect(after).toEqual(lint(next));
    const untouched = before.filter((f) => !f.componentIds.some((id) => [c1, i1, s1, st1, a1].some((c) => c!.id === id)));
    expect(untouched.length).toBeGreaterThan(0);
    for (const f of untouched) expect(after).toContain(f);
  });

  test('an edit that drops and adds many findings of one rule, or a few of a long list, keeps the order of a full lint', () => {
    // 60 single-replica agents into one VMSingle, and 60 more into another: each rule keeps a long list.
    const [one, two] = [single('one'), single('two')];
    const agents = Array.from({ length: 120 }, (_, i) => agent(`a${i}`, { selectAllByDefault: true }));
    const links = agents.map((a, i) => link('remoteWrite', a.id, (i % 2 === 0 ? one : two)!.id));
    let t = design([one!, ...agents, two!], links);
    const linter = createLinter(OPTS);
    linter.lint(t);
    // The VMSingle reaches its 60 agents: all their findings go and come back (more than a few).
    t = updateComponent(t, one!.id, (c) => withField(c, 'retentionPeriod', '30d'));
    expect(linter.lint(t)).toEqual(lint(t, OPTS));
    // One agent in the middle of the lists: a few findings spliced out and in.
    for (const i of [0, 61, 119]) {
      t = updateComponent(t, agents[i]!.id, (c) => withField(c, 'replicaCount', 2));
      expect(linter.lint(t)).toEqual(lint(t, OPTS));
    }
  });

  test('follows a remoteWrite URL to the cluster it names: renaming the cluster re-checks the agent', () => {
    const linter = createLinter();
    const [c, ins, sel, sto] = cluster('old');
    const a = agent('a');
    const url = 'http://vminsert-main.monitoring.svc:8480/insert/0/prometheus/api/v1/write';
    // No link joins the agent to the cluster: only the URL's host names it.
    const t = design([c!, ins!, sel!, sto!, a], [externalLink('remoteWrite', a.id, url, 0), externalLink('remoteWrite', a.id, url, 1)]);
    expect(linter.lint(t).map((f) => f.ruleId)).not.toContain('vmagent-duplicate-write-same-cluster');
    // A field edit first, so that the relations of the version before the rename exist (and could
    // be handed on to it stale, were a rename taken for a field edit).
    const edited = updateComponent(t, a.id, (x) => withField(x, 'replicaCount', 2));
    expect(linter.lint(edited)).toEqual(lint(edited));
    const renamed = updateComponent(edited, c!.id, (x) => ({ ...x, name: 'main' }));
    expect(linter.lint(renamed).map((f) => f.ruleId)).toContain('vmagent-duplicate-write-same-cluster');
    expect(linter.lint(renamed)).toEqual(lint(renamed));
  });

  test('follows a vmselect to the other cluster its extra storage nodes read: giving it one re-checks that cluster\'s agents', () => {
    const linter = createLinter();
    const [c1, i1, s1, st1] = cluster('one', { replicationFactor: 2 }, { vmstorage: { replicaCount: 3 } });
    const [c2, i2, s2, st2] = cluster('two', { replicationFactor: 2 }, { vmstorage: { replicaCount: 3 } });
    const a = agent('a', { selectAllByDefault: true });
    const b = agent('b', { selectAllByDefault: true });
    const t = design([c1!, i1!, s1!, st1!, c2!, i2!, s2!, st2!, a, b], [link('remoteWrite', a.id, i1!.id), link('remoteWrite', b.id, i2!.id)]);
    linter.lint(t);
    // A field edit first, so that relations exist to be handed on to the next version.
    const edited = updateComponent(t, a.id, (x) => withField(x, 'replicaCount', 2));
    expect(linter.lint(edited)).toEqual(lint(edited));
    const reads = updateComponent(edited, s1!.id, (x) => ({ ...x, spec: { ...x.spec, extraStorageNodes: [{ addr: 'vmstorage-two-0.vmstorage-two.monitoring.svc:8401' }] } }));
    expect(linter.lint(reads).map((f) => f.ruleId)).toContain('ha-agent-crs-label-mismatch');
    expect(linter.lint(reads)).toEqual(lint(reads));
    const apart = updateComponent(reads, s1!.id, (x) => ({ ...x, spec: { replicaCount: 2 } }));
    expect(linter.lint(apart)).toEqual(lint(apart));
    expect(linter.lint(apart).map((f) => f.ruleId)).not.toContain('ha-agent-crs-label-mismatch');
  });

  test('a change of what every rule reads (the namespace) re-checks everything', () => {
    const linter = createLinter();
    const s = single('main');
    const [a, b] = [agent('a', { selectAllByDefault: true }), agent('b', { selectAllByDefault: true })];
    const t = design([s, a, b], [link('remoteWrite', a.id, s.id), link('remoteWrite', b.id, s.id)]);
    expect(linter.lint(t).find((f) => f.ruleId === 'ha-agent-crs-label-mismatch')!.message).toContain('prometheus="monitoring/a"');
    const moved = { ...t, namespace: 'apps' };
    expect(linter.lint(moved).find((f) => f.ruleId === 'ha-agent-crs-label-mismatch')!.message).toContain('prometheus="apps/a"');
  });

  test('a VMAlert without a notifier reads every alertmanager: adding one re-checks it', () => {
    const linter = createLinter();
    const al = alert('rules', { selectAllByDefault: true });
    const t = design([al], [], [vmRule('r', { alert: true })]);
    const noFix = linter.lint(t).find((f) => f.ruleId === 'vmalert-no-notifier')!;
    expect(noFix.fixable).toBe(false);
    const am = alertmanager('am', { replicaCount: 3 });
    const next = { ...t, components: [...t.components, am] };
    const withFix = linter.lint(next).find((f) => f.ruleId === 'vmalert-no-notifier')!;
    expect(withFix.fixLabel).toBe("Notify vmalertmanager 'am' through a label selector");
    expect(linter.lint(next)).toEqual(lint(next));
  });
});
