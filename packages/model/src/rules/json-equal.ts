/**
 * JSON values compared as their stableJson texts (context.ts) compare, without making the texts:
 * the HA index groups thousands of agents by what they scrape, and one key string per agent was
 * most of what it allocated. Only for plain JSON, what YAML and the editor make: `jsonHash` tells
 * when a value holds anything else (a Date, whose text is its toJSON; a function), which only the
 * text compares right.
 */

const NULL_HASH = 0x6e756c6c;
const TRUE_HASH = 0x74727565;
const FALSE_HASH = 0x66616c73;
const ARRAY_SEED = 0x5b5d;
const OBJECT_SEED = 0x7b7d;

/** One FNV-1a step. */
export const mix = (h: number, x: number): number => Math.imul(h ^ x, 0x01000193);

function stringHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = mix(h, s.charCodeAt(i));
  return h;
}

/** JSON writes NaN and ±Infinity as null. */
const isJsonNull = (v: unknown) => v === null || (typeof v === 'number' && !Number.isFinite(v));

function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * A hash of `v`, the same for values with the same stableJson text (keys in any order, -0 and 0,
 * NaN and null); null when `v` is not plain JSON. `v` is not undefined.
 */
export function jsonHash(v: unknown): number | null {
  if (isJsonNull(v)) return NULL_HASH;
  switch (typeof v) {
    case 'string':
      return stringHash(v);
    case 'number':
      // -0 | 0 is 0, as JSON writes it; a fraction hashes its text.
      return Number.isSafeInteger(v) ? mix(v | 0, (v / 0x100000000) | 0) : stringHash(String(v));
    case 'boolean':
      return v ? TRUE_HASH : FALSE_HASH;
    case 'object':
      break;
    default:
      return null;
  }
  if (Array.isArray(v)) {
    let h = ARRAY_SEED;
    for (let i = 0; i < v.length; i++) {
      const item: unknown = v[i];
      const x = item === undefined ? NULL_HASH : jsonHash(item);
      if (x === null) return null;
      h = mix(h, x);
    }
    return mix(h, v.length);
  }
  if (!isPlainObject(v!)) return null;
  // A sum over the entries: the same whatever order the keys are in.
  let h = OBJECT_SEED;
  const o = v as Record<string, unknown>;
  for (const k in o) {
    if (!Object.hasOwn(o, k) || o[k] === undefined) continue;
    const x = jsonHash(o[k]);
    if (x === null) return null;
    h = (h + mix(stringHash(k), x)) | 0;
  }
  return h;
}

/** Whether `x` and `y` have the same stableJson text; both plain JSON (`jsonHash` not null) and not undefined. */
export function sameJson(x: unknown, y: unknown): boolean {
  if (x === y) return true;
  if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return isJsonNull(x) && isJsonNull(y);
  if (Array.isArray(x) || Array.isArray(y)) {
    if (!Array.isArray(x) || !Array.isArray(y) || x.length !== y.length) return false;
    // A hole or undefined in an array is written null.
    for (let i = 0; i < x.length; i++) if (!sameJson(x[i] ?? null, y[i] ?? null)) return false;
    return true;
  }
  // Keys whose value is undefined are not written.
  const a = x as Record<string, unknown>;
  const b = y as Record<string, unknown>;
  let n = 0;
  for (const k in a) {
    if (!Object.hasOwn(a, k) || a[k] === undefined) continue;
    if (!Object.hasOwn(b, k) || b[k] === undefined || !sameJson(a[k], b[k])) return false;
    n++;
  }
  for (const k in b) if (Object.hasOwn(b, k) && b[k] !== undefined) n--;
  return n === 0;
}
