import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { withField } from './access.ts';
import { type ListDiff, type TopologyDiff, diffList, diffTopology } from './diff.ts';
import { updateComponent } from './edit.ts';
import { arbTopology } from './fixtures/arbitrary.ts';
import { agent, design, link, single } from './fixtures/build.ts';
import { arbPick, edit } from './fixtures/edits.ts';
import type { Topology } from './topology.ts';

/** `prev` with a list's diff applied: removed items out, changed ones replaced, added ones at their index (and next's order when they moved). */
function applyList<T>(prev: readonly T[], d: ListDiff<T>, key: (x: T) => unknown, nextOrder: readonly T[]): T[] {
  const gone = new Set(d.removed);
  const replaced = new Map(d.changed.map((c) => [c.prev, c.next]));
  const out = prev.filter((x) => !gone.has(x)).map((x) => replaced.get(x) ?? x);
  for (const { item, at } of d.added) out.splice(at, 0, item);
  if (d.order !== 'moved') return out;
  // Only the order is taken from next: every item still comes from prev or the diff.
  const rank = new Map(nextOrder.map((x, i) => [key(x), i]));
  return out.sort((a, b) => rank.get(key(a))! - rank.get(key(b))!);
}

/** `prev` with the whole diff applied. */
function apply(prev: Topology, d: TopologyDiff): Topology {
  const out: Record<string, unknown> = {
    ...prev,
    components: applyList(prev.components, d.components, (c) => c.id, d.next.components),
    links: applyList(prev.links, d.links, (l) => l.id, d.next.links),
    extras: applyList(prev.extras, d.extras, (x) => x, d.next.extras),
  };
  for (const k of d.settings) {
    if (k in d.next) out[k] = d.next[k];
    else delete out[k];
  }
  return out as unknown as Topology;
}

/** Edits a list the way no designer edit does: items dropped, moved and copied anew at random. */
const arbShuffle = fc.record({ seed: fc.nat(), drop: fc.nat({ max: 3 }), copy: fc.nat({ max: 3 }), move: fc.boolean() });
function shuffle<T extends object>(xs: readonly T[], { seed, drop, copy, move }: { seed: number; drop: number; copy: number; move: boolean }): T[] {
  const out = xs.slice();
  for (let i = 0; i < drop && out.length > 0; i++) out.splice((seed + i * 7) % out.length, 1);
  for (let i = 0; i < copy && out.length > 0; i++) {
    const at = (seed + i * 5) % out.length;
    out[at] = { ...out[at]! };
  }
  if (move && out.length > 1) out.push(out.shift()!);
  return out;
}

describe('diffTopology', () => {
  test('applying the diff to prev gives next, after the designer\'s edits', () => {
    fc.assert(
      fc.property(arbTopology({ unfinished: true }), fc.array(arbPick, { minLength: 1, maxLength: 4 }), (t, picks) => {
        let prev = t;
        for (const p of picks) {
          const next = edit(prev, p);
          expect(apply(prev, diffTopology(prev, next))).toEqual(next);
          prev = next;
        }
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  test('applying the diff to prev gives next, after removals, copies, moves and new settings', () => {
    fc.assert(
      fc.property(arbTopology({ unfinished: true }), arbTopology(), arbShuffle, arbShuffle, fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }), (t, other, sc, sl, zones) => {
        // Some of another design's components and links come in: additions anywhere.
        const components = [...shuffle(t.components, sc), ...other.components.filter((c) => !t.components.some((x) => x.id === c.id)).slice(0, 2)];
        const next: Topology = { ...t, components, links: shuffle(t.links, sl), extras: shuffle(t.extras, sc), name: sc.move ? 'renamed' : t.name };
        if (zones !== undefined) next.zones = zones;
        const d = diffTopology(t, next);
        expect(apply(t, d)).toEqual(next);
        // Every item it lists really is what it says.
        for (const c of d.components.changed) expect([c.prev.id, next.components[c.at]]).toEqual([c.next.id, c.next]);
        for (const a of d.components.added) expect(next.components[a.at]).toBe(a.item);
        expect(d.settings.includes('zones')).toBe(zones !== undefined && zones !== t.zones);
        expect(d.settings.includes('name')).toBe(next.name !== t.name);
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  test('a field edit is one changed component, in place, found by identity', () => {
    const s = single('main');
    const a = agent('a');
    const t = design([s, a], [link('remoteWrite', a.id, s.id)]);
    const next = updateComponent(t, a.id, (c) => withField(c, 'replicaCount', 2));
    const d = diffTopology(t, next);
    expect(d.components).toEqual({ added: [], removed: [], changed: [{ prev: a, next: next.components[1], at: 1 }], order: 'same' });
    expect(d.links.order).toBe('same');
    expect(d.links.changed).toEqual([]);
    expect(d.settings).toEqual([]);
  });

  test('tells kept order from moved items', () => {
    const key = (x: { id: string }) => x.id;
    const [a, b, c] = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    expect(diffList([a, b, c], [a, c], key).order).toBe('kept');
    expect(diffList([a, c], [a, b, c], key)).toEqual({ added: [{ item: b, at: 1 }], removed: [], changed: [], order: 'kept' });
    expect(diffList([a, b, c], [c, a, b], key).order).toBe('moved');
    expect(diffList([a, b], [b, a], key).order).toBe('moved');
  });

  test('compares a design with thousands of components by identity alone: no key read when the arrays are the same, one pass when the ids stay', () => {
    const items = Array.from({ length: 5000 }, (_, i) => ({ id: `c${i}` }));
    let reads = 0;
    const key = (x: { id: string }) => {
      reads++;
      return x.id;
    };
    diffList(items, items, key);
    expect(reads).toBe(0);
    const next = items.slice();
    next[2500] = { id: 'c2500' };
    expect(diffList(items, next, key).changed).toHaveLength(1);
    expect(reads).toBe(2 * items.length);
  });
});
