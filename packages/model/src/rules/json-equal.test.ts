import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { stableJson } from './context.ts';
import { jsonHash, sameJson } from './json-equal.ts';

/** `v` with every object's keys inserted in reverse order. */
function reversed(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(reversed);
  if (typeof v !== 'object' || v === null) return v;
  return Object.fromEntries(Object.keys(v).reverse().map((k) => [k, reversed((v as Record<string, unknown>)[k])]));
}

/** JSON values, with what JSON writes alike although they differ (NaN and null, -0 and 0, undefined keys and none) and what is not plain JSON. */
const jsonish: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom(NaN, Infinity, -0, 0, null, 1.5, 2 ** 40, [undefined, 1], [null, 1], { a: undefined, b: 1 }, { b: 1 }, new Date(0), '1970-01-01T00:00:00.000Z', { d: new Date(0) }),
);

/** The one value of `jsonish` that is not plain JSON. */
const holdsDate = (v: unknown): boolean =>
  v instanceof Date || (typeof v === 'object' && v !== null && Object.values(v).some((x) => holdsDate(x)));

describe('jsonHash and sameJson', () => {
  test('say what comparing stableJson texts says, for plain JSON; jsonHash is null for anything else', () => {
    fc.assert(
      fc.property(jsonish, jsonish, fc.boolean(), (a, b0, flip) => {
        const b = flip ? reversed(b0) : b0;
        const ha = jsonHash(a);
        const hb = jsonHash(b);
        expect(ha === null).toBe(holdsDate(a));
        if (ha === null || hb === null) return;
        const same = stableJson(a) === stableJson(b);
        expect(sameJson(a, b)).toBe(same);
        if (same) expect(ha).toBe(hb);
        expect(sameJson(a, reversed(a))).toBe(true);
        expect(jsonHash(reversed(a))).toBe(ha);
      }),
      { numRuns: 2000 },
    );
  });
});
