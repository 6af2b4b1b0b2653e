/**
 * What changed between two versions of a design, computed once and read by every incremental
 * session (the lint session, the renderer session, the editor's derivations). Versions come from
 * pure edits, which keep every untouched component, link and extra object the very same object, so
 * changes are found by identity: an edit of one field in a design of 10,000 components costs a pass
 * of identity comparisons, not a deep compare.
 */
import type { Component, KubeObject, Link, Topology } from './topology.ts';

/** The changes of one list of a design: components and links by id, extra objects by identity. */
export interface ListDiff<T> {
  /** In `next`, with their index there. */
  added: { item: T; at: number }[];
  /** In `prev`, in its order. */
  removed: T[];
  /** Same id, a new object, in `next` order, with its index there. Always empty for extras (they have no id). */
  changed: { prev: T; next: T; at: number }[];
  /**
   * 'same': the same ids in the same order (only objects changed); 'kept': the ids in both keep
   * their relative order (some were added or removed); 'moved': some changed places.
   */
  order: 'same' | 'kept' | 'moved';
}

/** Top-level fields of a design besides its lists: name, namespace, zones, outageMinutes, ... */
export type Setting = Exclude<keyof Topology, 'components' | 'links' | 'extras'>;

export interface TopologyDiff {
  prev: Topology;
  next: Topology;
  components: ListDiff<Component>;
  links: ListDiff<Link>;
  extras: ListDiff<KubeObject>;
  /** The settings whose value changed (compared with ===), in no particular order. */
  settings: Setting[];
}

const NO_CHANGE: ListDiff<never> = Object.freeze({ added: Object.freeze([]), removed: Object.freeze([]), changed: Object.freeze([]), order: 'same' }) as unknown as ListDiff<never>;

/** How many items of a list were added, removed or replaced. */
export function changeCount(d: ListDiff<unknown>): number {
  return d.added.length + d.removed.length + d.changed.length;
}

/**
 * The changes from `prev` to `next`, of any two arrays whose items have unique keys. Linear: an
 * identity pass when the keys are in the same places, else one map of `next` and one set of `prev`.
 */
export function diffList<T, K>(prev: readonly T[], next: readonly T[], keyOf: (x: T) => K): ListDiff<T> {
  if (prev === next) return NO_CHANGE;
  const n = next.length;
  if (prev.length === n) {
    let i = 0;
    while (i < n && keyOf(prev[i]!) === keyOf(next[i]!)) i++;
    if (i === n) {
      const changed: { prev: T; next: T; at: number }[] = [];
      for (let j = 0; j < n; j++) if (prev[j] !== next[j]) changed.push({ prev: prev[j]!, next: next[j]!, at: j });
      return changed.length === 0 ? NO_CHANGE : { added: [], removed: [], changed, order: 'same' };
    }
  }
  const inNext = new Map<K, number>();
  for (let j = 0; j < n; j++) inNext.set(keyOf(next[j]!), j);
  const added: { item: T; at: number }[] = [];
  const removed: T[] = [];
  const changed: { prev: T; next: T; at: number }[] = [];
  const kept = new Set<K>();
  // Kept items in the same relative order have increasing indexes in `next`.
  let last = -1;
  let moved = false;
  for (const a of prev) {
    const key = keyOf(a);
    const j = inNext.get(key);
    if (j === undefined) {
      removed.push(a);
      continue;
    }
    kept.add(key);
    if (j <= last) moved = true;
    last = j;
  }
  for (let j = 0; j < n; j++) {
    const b = next[j]!;
    if (!kept.has(keyOf(b))) added.push({ item: b, at: j });
  }
  const order = moved ? 'moved' : 'kept';
  for (const a of prev) {
    const j = inNext.get(keyOf(a));
    if (j !== undefined && next[j] !== a) changed.push({ prev: a, next: next[j]!, at: j });
  }
  if (changed.length > 1 && moved) changed.sort((x, y) => x.at - y.at);
  return { added, removed, changed, order };
}

const byId = (x: { id: string }) => x.id;
const itself = <T>(x: T) => x;
const LISTS = new Set<string>(['components', 'links', 'extras']);

/** What changed from `prev` to `next`: components and links by id, extra objects by identity, and the settings. */
export function diffTopology(prev: Topology, next: Topology): TopologyDiff {
  const settings: Setting[] = [];
  if (prev !== next) {
    for (const k of Object.keys(prev)) if (!LISTS.has(k) && prev[k as Setting] !== next[k as Setting]) settings.push(k as Setting);
    for (const k of Object.keys(next)) if (!LISTS.has(k) && !(k in prev) && next[k as Setting] !== undefined) settings.push(k as Setting);
  }
  return {
    prev,
    next,
    components: diffList(prev.components, next.components, byId),
    links: diffList(prev.links, next.links, byId),
    extras: diffList(prev.extras, next.extras, itself),
    settings,
  };
}
