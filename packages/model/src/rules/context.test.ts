import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import type { JsonObject } from '../topology.ts';
import { agent, cluster, design, link, single } from '../fixtures/build.ts';
import { describe as describeComponent } from '../access.ts';
import { SCRAPE_SELECTOR_FIELDS, haIndex, listOf, named, scrapes, selectionKey, stableJson } from './context.ts';

/** `v` with every object's keys inserted in reverse order. */
function reversed(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(reversed);
  if (typeof v !== 'object' || v === null) return v;
  return Object.fromEntries(Object.keys(v).reverse().map((k) => [k, reversed((v as Record<string, unknown>)[k])]));
}

describe('stableJson', () => {
  test('one text whatever order the keys were written in, and different texts for different values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        expect(stableJson(reversed(a))).toBe(stableJson(a));
        const norm = (x: unknown) => JSON.parse(JSON.stringify(x)) as unknown;
        expect(JSON.parse(stableJson(a))).toEqual(norm(a));
        if (stableJson(a) === stableJson(b)) expect(norm(a)).toEqual(norm(b));
      }),
    );
  });
  test('sorts nested keys, keeps array order', () => {
    expect(stableJson({ b: 1, a: [{ d: 1, c: 2 }, 3] })).toBe('{"a":[{"c":2,"d":1},3],"b":1}');
    expect(stableJson([2, 1])).not.toBe(stableJson([1, 2]));
  });
});

describe('selectionKey', () => {
  test('the same selection in any field or key order has one key; what the agent scrapes decides it', () => {
    const one = agent('a', { serviceScrapeSelector: { matchLabels: { app: 'x' } }, podScrapeSelector: { matchLabels: { a: '1', b: '2' } } });
    const two = agent('b', { podScrapeSelector: { matchLabels: { b: '2', a: '1' } }, serviceScrapeSelector: { matchLabels: { app: 'x' } } });
    expect(selectionKey(one)).toBe(selectionKey(two));
    expect(selectionKey(agent('c', { serviceScrapeSelector: { matchLabels: { app: 'y' } } }))).not.toBe(selectionKey(one));
    // The same value under another field is another selection.
    expect(selectionKey(agent('d', { podScrapeSelector: { matchLabels: { app: 'x' } } }))).not.toBe(selectionKey(agent('e', { serviceScrapeSelector: { matchLabels: { app: 'x' } } })));
  });
  test('none for an agent that scrapes nothing or only receives pushes; one key for selectAllByDefault', () => {
    const none = agent('a', {});
    expect(selectionKey(none)).toBeUndefined();
    expect(selectionKey(none)).toBeUndefined();
    expect(selectionKey(agent('b', { serviceScrapeSelector: { matchLabels: { app: 'x' } }, ingestOnlyMode: true }))).toBeUndefined();
    expect(selectionKey(agent('c', { serviceScrapeSelector: '' }))).toBeUndefined();
    expect(selectionKey(agent('d', { selectAllByDefault: true, podScrapeSelector: {} }))).toBe(selectionKey(agent('e', { selectAllByDefault: true })));
  });
});

describe('scrapes', () => {
  test('exactly the agents with a selection key', () => {
    const fields = [...SCRAPE_SELECTOR_FIELDS, 'inlineScrapeConfig', 'additionalScrapeConfigs', 'selectAllByDefault', 'ingestOnlyMode'];
    const value = fc.constantFrom(undefined, null, '', true, false, {}, { matchLabels: { app: 'x' } });
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...fields), value), (spec) => {
        const a = agent('a', spec as JsonObject);
        expect(scrapes(a)).toBe(selectionKey(a) !== undefined);
      }),
    );
  });
});

describe('listOf', () => {
  const t = design(['a', 'b', 'c', 'd', 'e'].map((n) => agent(n, {})), []);
  const names = (n: number) => listOf(t, t.components.slice(0, n));
  test('names up to three, then counts the rest', () => {
    expect([names(0), names(1), names(2), names(3), names(5)]).toEqual([
      '',
      "vmagent 'a'",
      "vmagent 'a' and vmagent 'b'",
      "vmagent 'a', vmagent 'b' and vmagent 'c'",
      "vmagent 'a', vmagent 'b', vmagent 'c' and 2 more",
    ]);
  });
});

describe('named', () => {
  test('is describe, asked again or not, for a part, a component outside the design and one whose id another component repeats', () => {
    const twin = single('s', {});
    const t = design([...cluster('main'), agent('a', {}), twin, { ...twin, name: 'other' }]);
    const outside = agent('b', {});
    for (const c of [...t.components, outside, ...t.components]) expect(named(t, c)).toBe(describeComponent(t, c));
    expect(named(t, t.components.at(-1)!)).toBe("vmsingle 'other'");
  });
});

describe('haIndex groups by selection', () => {
  // Selections written alike or differently (NaN and null, -0 and 0, undefined keys, key order), and a Date, which only the key compares right.
  const value = fc.constantFrom<unknown>({ matchLabels: { app: 'x' } }, { matchLabels: { app: 'y' } }, { matchLabels: { app: 'x', tier: undefined } }, [NaN, -0], [null, 0], new Date(0), '1970-01-01T00:00:00.000Z', '', null, undefined);
  const spec = fc.record({ serviceScrapeSelector: value, podScrapeSelector: value, selectAllByDefault: fc.boolean(), ingestOnlyMode: fc.boolean() }, { requiredKeys: [] });
  test('agents whose selectionKey is the same are a group, few or many, however their keys are ordered', () => {
    fc.assert(
      fc.property(fc.array(spec, { minLength: 1, maxLength: 4 }), fc.array(fc.tuple(fc.nat(3), fc.boolean()), { minLength: 1, maxLength: 20 }), (pool, picks) => {
        const agents = picks.map(([k, flip], i) => agent(`a${i}`, (flip ? reversed(pool[k % pool.length]) : pool[k % pool.length]) as JsonObject));
        const s = single('s');
        const t = design([s, ...agents], agents.map((a) => link('remoteWrite', a.id, s.id)));
        const byKey = new Map<string, string[]>();
        for (const a of agents) {
          const key = selectionKey(a);
          if (key !== undefined) byKey.set(key, [...(byKey.get(key) ?? []), a.id]);
        }
        expect(haIndex(t).groups.map((g) => g.agents.map((a) => a.id))).toEqual([...byKey.values()].filter((g) => g.length > 1));
      }),
      { numRuns: 500 },
    );
  });
});

describe('haIndex groups', () => {
  const SELECTIONS = [{}, { selectAllByDefault: true }, { serviceScrapeSelector: { matchLabels: { app: 'x' } } }, { podScrapeSelector: { matchLabels: { app: 'x' } } }];
  test('agents of one selection into one storage are a group, in design order, groups in the order of their first link; few or many agents alike', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 20 }).chain((sel) => fc.tuple(fc.constant(sel), fc.shuffledSubarray(sel.map((_, i) => i), { minLength: sel.length }))), ([sel, linkOrder]) => {
        const agents = sel.map((k, i) => agent(`a${i}`, SELECTIONS[k]!));
        const s = single('s');
        const t = design([s, ...agents], linkOrder.map((i) => link('remoteWrite', agents[i]!.id, s.id)));
        // Reference: by selection in link order, each group sorted by position, only pairs or more.
        const byKey = new Map<number, number[]>();
        for (const i of linkOrder) if (sel[i] !== 0) byKey.set(sel[i]!, [...(byKey.get(sel[i]!) ?? []), i]);
        const want = [...byKey.values()].filter((g) => g.length > 1).map((g) => g.sort((x, y) => x - y).map((i) => agents[i]!.id));
        expect(haIndex(t).groups.map((g) => g.agents.map((a) => a.id))).toEqual(want);
      }),
    );
  });
});
