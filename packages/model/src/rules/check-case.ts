/** Test helpers (imported by the *.test.ts files only): a rule fires, or stays quiet, and its fix is sound. */
import { expect } from 'vitest';
import { fieldOf } from '../kinds/index.ts';
import { getComponent } from '../access.ts';
import type { Topology } from '../topology.ts';
import { validateTopology } from '../validate.ts';
import { applyFix, findingKey, lint, ruleById } from './index.ts';
import type { Finding } from './types.ts';

/** Every error-level finding of `after` that `before` did not have (by rule and components). */
export function newErrors(before: Topology, after: Topology): Finding[] {
  const had = new Set(lint(before, { optional: true }).map(findingKey));
  return lint(after, { optional: true }).filter((f) => f.severity === 'error' && !had.has(findingKey(f)));
}

/** Applies a fixable finding and checks the catalog's contract: it is gone, and no new error appears. */
export function expectSoundFix(t: Topology, f: Finding): Topology {
  const rule = ruleById(f.ruleId)!;
  const after = applyFix(t, f);
  expect(after).not.toBe(t);
  expect(rule.check(after).map(findingKey)).not.toContain(findingKey(f));
  expect(newErrors(t, after)).toEqual([]);
  expect(validateTopology(after)).toEqual(validateTopology(t));
  return after;
}

export function fires(
  ruleId: string,
  t: Topology,
  expected: { ids?: string[]; includes?: string[]; fixable?: boolean; count?: number } = {},
): Finding[] {
  const rule = ruleById(ruleId);
  expect(rule, ruleId).toBeDefined();
  const found = rule!.check(t);
  expect(found.length, `${ruleId} should fire`).toBeGreaterThan(0);
  if (expected.count !== undefined) expect(found).toHaveLength(expected.count);
  for (const f of found) {
    expect(f.ruleId).toBe(ruleId);
    expect(f.severity).toBe(rule!.severity);
    expect(f.fixable).toBe(f.fixLabel !== undefined);
    if (f.fixable) expect(rule!.fix, `${ruleId} has fixable findings but no fix`).toBeDefined();
    if (f.field !== undefined) {
      const c = getComponent(t, f.componentIds[0]);
      expect(c && fieldOf(c.kind, f.field), `${f.field} is a field of ${c?.kind}`).toBeTruthy();
    }
    for (const id of f.componentIds) expect(getComponent(t, id), id).toBeDefined();
  }
  const first = found[0]!;
  if (expected.ids) expect(first.componentIds).toEqual(expected.ids);
  for (const s of expected.includes ?? []) expect(first.message).toContain(s);
  if (expected.fixable !== undefined) expect(first.fixable).toBe(expected.fixable);
  for (const f of found) if (f.fixable) expectSoundFix(t, f);
  return found;
}

export function quiet(ruleId: string, t: Topology): void {
  const rule = ruleById(ruleId);
  expect(rule, ruleId).toBeDefined();
  expect(rule!.check(t).map((f) => f.message)).toEqual([]);
}
