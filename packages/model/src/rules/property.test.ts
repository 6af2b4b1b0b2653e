import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fromDocument, toDocument } from '../document.ts';
import { arbTopology } from '../fixtures/arbitrary.ts';
import { validateTopology } from '../validate.ts';
import { RULES, applyAllFixes, applyFix, findingKey, lint, ruleById } from './index.ts';

/** Designs as the designer holds them, unfinished ones (a VMAgent without remoteWrite, ...) and sizing inputs included. */
const arbDesign = () => arbTopology({ unfinished: true, workload: true });

describe('arbTopology', () => {
  test('generates valid topologies (document round trip, no invalid values)', () => {
    fc.assert(
      fc.property(arbDesign(), (t) => {
        expect(fromDocument(JSON.parse(JSON.stringify(toDocument(t))))).toEqual(t);
        expect(validateTopology(t)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  }, 30_000);
  test('covers every rule: each fires on some generated design and stays quiet on another', () => {
    const fired = new Map<string, number>(RULES.map((r) => [r.id, 0]));
    const samples = fc.sample(arbDesign(), { numRuns: 400, seed: 7 });
    for (const t of samples) for (const id of new Set(lint(t, { optional: true }).map((f) => f.ruleId))) fired.set(id, fired.get(id)! + 1);
    const never = RULES.filter((r) => fired.get(r.id) === 0).map((r) => r.id);
    const always = RULES.filter((r) => fired.get(r.id) === samples.length).map((r) => r.id);
    expect(never, 'rules that fire on no generated design').toEqual([]);
    expect(always, 'rules that fire on every generated design').toEqual([]);
    // Every finding comes from a rule of the catalog.
    expect([...fired.keys()].sort()).toEqual(RULES.map((r) => r.id).sort());
  }, 60_000);
  test('without { unfinished }, designs have the links the CRDs require (they render to applicable objects)', () => {
    for (const t of fc.sample(arbTopology(), { numRuns: 200, seed: 7 })) {
      expect(lint(t, { only: ['vmagent-no-remote-write', 'vmalert-no-datasource'] })).toEqual([]);
    }
  });
});

describe('fixes', () => {
  test('every fixable finding: the fix removes it and adds no new error-level finding', () => {
    fc.assert(
      fc.property(arbDesign(), (t) => {
        const before = lint(t, { optional: true });
        const had = new Set(before.map(findingKey));
        for (const f of before) {
          if (!f.fixable) continue;
          const after = applyFix(t, f);
          const again = ruleById(f.ruleId)!.check(after).map(findingKey);
          expect(again, `${f.ruleId}: ${f.message}`).not.toContain(findingKey(f));
          const added = lint(after, { optional: true }).filter((g) => g.severity === 'error' && !had.has(findingKey(g)));
          expect(added, `after fixing ${f.ruleId}: ${f.message}`).toEqual([]);
          expect(validateTopology(after), `fix of ${f.ruleId} made invalid values`).toEqual([]);
        }
      }),
      { numRuns: 300 },
    );
  }, 120_000); // the sizing rules size the design again after every fix
  test('applyAllFixes terminates and leaves no fixable error', () => {
    fc.assert(
      fc.property(arbDesign(), (t) => {
        const fixed = applyAllFixes(t);
        expect(() => fromDocument(JSON.parse(JSON.stringify(toDocument(fixed))))).not.toThrow();
        expect(lint(fixed).filter((f) => f.severity === 'error' && f.fixable).map((f) => f.message)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  }, 60_000);
});
