import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { arbTopology } from '../fixtures/arbitrary.ts';
import type { Topology } from '../topology.ts';
import { retention } from './formulas.ts';
import { sizeTopology } from './size.ts';
import type { SizingInputs } from './types.ts';

/** Every number of a report, by its path (the same design gives the same paths). */
function figures(v: unknown, path = '', out = new Map<string, number>()): Map<string, number> {
  if (typeof v === 'number') out.set(path, v);
  else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) figures(x, `${path}/${k}`, out);
  return out;
}

function neverShrinks(before: Topology, beforeInputs: SizingInputs, after: Topology, afterInputs: SizingInputs) {
  const a = figures(sizeTopology(before, beforeInputs));
  const b = figures(sizeTopology(after, afterInputs));
  expect([...b.keys()]).toEqual([...a.keys()]);
  for (const [path, x] of a) expect(b.get(path)!, path).toBeGreaterThanOrEqual(x * (1 - 1e-12));
}

const agentIds = (t: Topology) => t.components.filter((c) => c.kind === 'VMAgent').map((c) => c.id);

/** Retention values in increasing length (ties allowed), as the CRD writes them. */
const RETENTIONS = ['12h', '1d', '2w', '30d', '31d', '1', '2', '12w', '4', '1y', '13', '2y'];
const ordered = [...RETENTIONS].sort((x, y) => retention(x).seconds - retention(y).seconds);

describe('sizing: more load never shrinks a figure', () => {
  test('more active series on any agent never shrinks any figure', () => {
    fc.assert(
      fc.property(
        arbTopology(),
        fc.array(fc.integer({ min: 0, max: 5_000_000 }), { minLength: 8, maxLength: 8 }),
        fc.array(fc.integer({ min: 0, max: 5_000_000 }), { minLength: 8, maxLength: 8 }),
        (t, base, extra) => {
          const ids = agentIds(t);
          const before: SizingInputs = { series: Object.fromEntries(ids.map((id, i) => [id, { active: base[i % 8]! }])) };
          const after: SizingInputs = { series: Object.fromEntries(ids.map((id, i) => [id, { active: base[i % 8]! + extra[i % 8]! }])) };
          neverShrinks(t, before, t, after);
        },
      ),
      { numRuns: 150 },
    );
  }, 60_000);

  test('a longer retention on the storages never shrinks any figure', () => {
    fc.assert(
      fc.property(arbTopology(), fc.integer({ min: 0, max: ordered.length - 1 }), fc.integer({ min: 0, max: ordered.length - 1 }), (t, i, j) => {
        const [short, long] = i <= j ? [ordered[i]!, ordered[j]!] : [ordered[j]!, ordered[i]!];
        const withRetention = (r: string): Topology => ({
          ...t,
          components: t.components.map((c) => (c.kind === 'VMSingle' || c.kind === 'VMCluster' ? { ...c, spec: { ...c.spec, retentionPeriod: r } } : c)),
        });
        neverShrinks(withRetention(short), {}, withRetention(long), {});
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  test('a longer outage never shrinks any figure', () => {
    fc.assert(
      fc.property(arbTopology(), fc.constantFrom('10m', '1h'), fc.constantFrom('6h', '1d'), (t, short, long) => {
        neverShrinks(t, { outage: short }, t, { outage: long });
      }),
      { numRuns: 50 },
    );
  }, 60_000);
});
