import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fromDocument, toDocument } from '../document.ts';
import { arbTopology } from '../fixtures/arbitrary.ts';
import { validateTopology } from '../validate.ts';
import { applyAllFixes, applyFix, findingKey, lint, ruleById } from './index.ts';

describe('arbTopology', () => {
  test('generates valid topologies (document round trip, no invalid values)', () => {
    fc.assert(
      fc.property(arbTopology(), (t) => {
        expect(fromDocument(JSON.parse(JSON.stringify(toDocument(t))))).toEqual(t);
        expect(validateTopology(t)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  }, 30_000);
  test('covers every rule', () => {
    const seen = new Set<string>();
    for (const t of fc.sample(arbTopology(), { numRuns: 400, seed: 7 })) for (const f of lint(t, { optional: true })) seen.add(f.ruleId);
    // spans-zones needs zone spreading on a part: generated too.
    expect([...seen].sort()).toEqual(
      expect.arrayContaining(['ha-agents-without-dedup', 'ha-agent-crs-label-mismatch', 'vmalert-notifier-not-all-am-pods', 'vmagent-duplicate-write-same-cluster', 'vmalert-dedup-vs-eval-interval']),
    );
    expect(seen.size).toBeGreaterThanOrEqual(33);
  }, 30_000);
});

describe('fixes', () => {
  test('every fixable finding: the fix removes it and adds no new error-level finding', () => {
    fc.assert(
      fc.property(arbTopology(), (t) => {
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
  }, 60_000);
  test('applyAllFixes terminates and leaves no fixable error', () => {
    fc.assert(
      fc.property(arbTopology(), (t) => {
        const fixed = applyAllFixes(t);
        expect(() => fromDocument(JSON.parse(JSON.stringify(toDocument(fixed))))).not.toThrow();
        expect(lint(fixed).filter((f) => f.severity === 'error' && f.fixable).map((f) => f.message)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  }, 60_000);
});
