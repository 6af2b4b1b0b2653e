import { describe, expect, test } from 'vitest';
import { VersionCache } from './versions.ts';

describe('VersionCache', () => {
  test('answers for every key set, whichever was asked last', () => {
    const cache = new VersionCache<object, number>();
    const a = {};
    const b = {};
    expect(cache.get(a)).toBeUndefined();
    expect(cache.has(a)).toBe(false);
    cache.set(a, 1);
    cache.set(b, 2);
    expect([cache.get(a), cache.get(b), cache.get(a), cache.has(b), cache.has({})]).toEqual([1, 2, 1, true, false]);
    // A miss keeps the last entry in front.
    expect(cache.get({})).toBeUndefined();
    expect(cache.get(a)).toBe(1);
    cache.set(a, 3);
    expect([cache.get(b), cache.get(a)]).toEqual([2, 3]);
  });
});
