import type { JsonObject } from './topology.ts';

/** Reads a nested field; keys may contain dots (`extraArgs["dedup.minScrapeInterval"]`). */
export function getPath(obj: unknown, path: readonly string[]): unknown {
  let cur: unknown = obj;
  for (const key of path) {
    if (typeof cur !== 'object' || cur === null || Array.isArray(cur)) return undefined;
    cur = (cur as JsonObject)[key];
  }
  return cur;
}

function isPlainObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Returns a copy of `obj` with the field set; `undefined` removes it and prunes the objects it
 * leaves empty, so that no `{}` is ever rendered for a field the user cleared.
 */
export function setPath(obj: JsonObject, path: readonly string[], value: unknown): JsonObject {
  const [key, ...rest] = path;
  if (key === undefined) return obj;
  const out: JsonObject = { ...obj };
  if (rest.length === 0) {
    if (value === undefined) delete out[key];
    else out[key] = value;
    return out;
  }
  const child = isPlainObject(out[key]) ? (out[key] as JsonObject) : {};
  const next = setPath(child, rest, value);
  if (Object.keys(next).length === 0 && value === undefined) delete out[key];
  else out[key] = next;
  return out;
}
