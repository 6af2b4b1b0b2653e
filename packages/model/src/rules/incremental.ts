/**
 * The incremental lint. After one version of a design was checked, the next version re-checks only
 * the components its edit can affect (the edited ones and everything a rule may read with them,
 * reach.ts) and keeps every other finding, the very same objects. A field change in a design of
 * 10,000 components then costs one stack's rules instead of all of them.
 */
import { componentPositions, sharePositions } from '../access.ts';
import { type TopologyDiff, changeCount, diffTopology } from '../diff.ts';
import { linkIndex } from '../links.ts';
import type { Component, Link, Topology } from '../topology.ts';
import { prepareReach, reachable, sameUnlinkedRelations, shareReach } from './reach.ts';
import type { Finding, Rule } from './types.ts';

/**
 * Ids of the components an edit touched (links count for both ends), and whether every id kept
 * its place; undefined when more than `limit` items changed, or when some changed places (rules
 * report in component order).
 */
function touched(d: TopologyDiff, limit: number): { ids: Set<string>; samePlaces: boolean } | undefined {
  const { components, links } = d;
  if (components.order === 'moved' || links.order === 'moved') return undefined;
  if (changeCount(components) + changeCount(links) > limit) return undefined;
  const ids = new Set<string>();
  for (const c of components.removed) ids.add(c.id);
  for (const c of components.changed) ids.add(c.next.id);
  for (const a of components.added) ids.add(a.item.id);
  const ends = (l: Link) => {
    ids.add(l.source);
    if (l.target !== undefined) ids.add(l.target);
  };
  for (const l of links.removed) ends(l);
  for (const l of links.changed) {
    ends(l.prev);
    ends(l.next);
  }
  for (const a of links.added) ends(a.item);
  return ids.size <= limit ? { ids, samePlaces: components.order === 'same' } : undefined;
}

/**
 * For an edit that kept every id in its place, hands the indexes of `prev` on to `next`: the
 * positions (which also find components by id) and, when only what is inside components changed,
 * the relations rules read.
 */
function carryIndexes(d: TopologyDiff): void {
  sharePositions(d.prev, d.next);
  if (changeCount(d.links) > 0 || d.links.order !== 'same') return;
  for (const { prev, next } of d.components.changed) if (!sameShape(prev, next)) return;
  shareReach(d.prev, d.next);
}

/** Same place in the design's relations: id, kind, cluster, name and namespace (and a vmselect's extra storage nodes). */
const sameShape = (a: Component, b: Component) =>
  a.kind === b.kind && a.cluster === b.cluster && a.name === b.name && a.namespace === b.namespace && sameUnlinkedRelations(a, b);

/**
 * The part of `t` a re-check covers: the `affected` components (ids `t` has) and the links from
 * them, both in design order. Found through the indexes rather than by a pass over the design: in
 * a 10,000-component design that pass read every component and link, most of them out of cache.
 */
function part(t: Topology, affected: Set<string>): Topology {
  const pos = componentPositions(t);
  const from = linkIndex(t).from;
  const linkAt = linkPositions(t.links);
  const components: number[] = [];
  const links: number[] = [];
  for (const id of affected) {
    const i = pos.get(id);
    if (i !== undefined) components.push(i);
    for (const l of from.get(id) ?? []) links.push(linkAt.get(l)!);
  }
  const byIndex = (a: number, b: number) => a - b;
  return { ...t, components: components.sort(byIndex).map((i) => t.components[i]!), links: links.sort(byIndex).map((i) => t.links[i]!) };
}

/** Index of each link in its array, built once per links array (a field edit keeps the array). */
const linkPositionCache = new WeakMap<readonly Link[], Map<Link, number>>();
function linkPositions(links: readonly Link[]): Map<Link, number> {
  let out = linkPositionCache.get(links);
  if (!out) {
    out = new Map();
    for (let i = 0; i < links.length; i++) out.set(links[i]!, i);
    linkPositionCache.set(links, out);
  }
  return out;
}

/** Position in `t.components` of a finding's first component, the key findings are ordered by. */
function positionOf(t: Topology): (f: Finding) => number {
  const pos = componentPositions(t);
  return (f) => pos.get(f.componentIds[0]!) ?? Infinity;
}

/** A rule's findings in component order (of each finding's first component); stable, so a rule's own order breaks ties. */
function inComponentOrder(t: Topology, findings: Finding[]): Finding[] {
  if (findings.length < 2) return findings;
  const pos = componentPositions(t);
  // Most rules walk components in design order: one lookup per finding tells, and nothing is allocated.
  let last = -Infinity;
  let sorted = true;
  for (let i = 0; i < findings.length && sorted; i++) {
    const p = pos.get(findings[i]!.componentIds[0]!) ?? Infinity;
    sorted = last <= p;
    last = p;
  }
  if (sorted) return findings;
  const at = positionOf(t);
  const keyed = findings.map((f) => ({ f, at: at(f) }));
  keyed.sort((a, b) => a.at - b.at);
  return keyed.map((k) => k.f);
}

/**
 * Up to this many findings an edit drops from or adds to a rule's list are spliced into one copy
 * of it (native copies), instead of a step per kept finding: at 10,000 components a rule keeps
 * thousands of findings, and an edit changes one or two.
 */
const FEW = 16;

/** Lower bound: the index of the first of `kept` (in component order) at position `p` or after it. */
function firstAtOrAfter(kept: readonly Finding[], at: (f: Finding) => number, p: number, from: number): number {
  let lo = from;
  let hi = kept.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at(kept[mid]!) < p) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Merges fresh findings into the kept ones (both in component order): binary search per fresh
 * finding, so a 10,000-component design pays a few lookups, not one per finding. Kept and fresh
 * findings never share a first component (it was either re-checked or not).
 */
function merge(t: Topology, kept: Finding[], fresh: Finding[]): Finding[] {
  if (fresh.length === 0) return kept;
  const at = positionOf(t);
  const sorted = inComponentOrder(t, fresh);
  if (sorted.length <= FEW) {
    const out = kept.slice();
    // From the last to the first: an insertion moves only what comes after it.
    for (let j = sorted.length - 1; j >= 0; j--) out.splice(firstAtOrAfter(kept, at, at(sorted[j]!), 0), 0, sorted[j]!);
    return out;
  }
  const out: Finding[] = [];
  let i = 0;
  for (const f of sorted) {
    const lo = firstAtOrAfter(kept, at, at(f), i);
    while (i < lo) out.push(kept[i++]!);
    out.push(f);
  }
  while (i < kept.length) out.push(kept[i++]!);
  return out;
}

/** `list` without the findings of `gone`: a few are found by identity (indexOf) and spliced out of one copy. */
function without(list: Finding[], gone: Set<Finding>): Finding[] {
  if (gone.size > FEW) return list.filter((f) => !gone.has(f));
  const at: number[] = [];
  for (const f of gone) {
    const i = list.indexOf(f);
    if (i >= 0) at.push(i);
  }
  if (at.length === 0) return list;
  const out = list.slice();
  for (const i of at.sort((x, y) => y - x)) out.splice(i, 1);
  return out;
}

/** Every rule's findings on `t` from scratch, each in component order. */
export function checkAll(t: Topology, rules: readonly Rule[]): Finding[][] {
  return rules.map((rule) => inComponentOrder(t, rule.check(t)));
}

/** One version of a design, checked: its findings per rule, and which of them name each component. */
export interface Checked {
  topology: Topology;
  perRule: Finding[][];
  /** Built by the first re-check, then kept up to date: finds what an edit drops without a scan. */
  byComponent?: Map<string, { rule: number; finding: Finding }[]>;
}

/**
 * Builds now what the next re-check of `checked` would build first (the index of its findings by
 * component, the reach indexes of its design): a session does it while the user is idle, so that
 * the first edit does not pay for it.
 */
export function prepare(checked: Checked): void {
  checked.byComponent ??= indexByComponent(checked.perRule);
  prepareReach(checked.topology);
}

export function indexByComponent(perRule: Finding[][]): NonNullable<Checked['byComponent']> {
  const out: NonNullable<Checked['byComponent']> = new Map();
  perRule.forEach((findings, rule) => {
    for (const finding of findings) for (const id of new Set(finding.componentIds)) addEntry(out, id, { rule, finding });
  });
  return out;
}

function addEntry<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** What an edit can affect (editedPart). */
export interface EditedPart {
  /** The affected components of the new version and the links from them, in design order: what is checked again. */
  sub: Topology;
  /** Ids of every component the edit can affect, in either version (removed ones included). */
  affected: Set<string>;
}

/**
 * The part of `next` an edit from `prev` can affect: the components it touched and everything a
 * rule may read together with them (reach.ts), before the edit and after it. Null when the edit
 * touched no component or link; undefined when that part is most of the design, or when the edit
 * changed what everything reads (settings, extra objects, order): check the whole design then.
 * `diff` is the shared diffTopology(prev, next) when the caller has it (any other is ignored).
 */
export function editedPart(prev: Topology, next: Topology, diff?: TopologyDiff): EditedPart | null | undefined {
  const d = diff?.prev === prev && diff.next === next ? diff : diffTopology(prev, next);
  // Settings and extra objects (VMRules, ...) are read by every rule.
  if (d.settings.length > 0 || changeCount(d.extras) > 0 || d.extras.order !== 'same') return undefined;
  const limit = Math.max(16, next.components.length >> 2);
  const edit = touched(d, limit);
  if (!edit) return undefined;
  if (edit.samePlaces) carryIndexes(d);
  const seeds = edit.ids;
  if (seeds.size === 0) return null;
  // Everything the touched components reached before the edit (a removed link or component stops
  // counting there), then everything they reach after it.
  const before = reachable(prev, seeds, limit);
  const affected = before && reachable(next, [...seeds, ...before], limit);
  if (!affected) return undefined;
  const sub = part(next, affected);
  for (const id of before!) affected.add(id);
  return { sub, affected };
}

/**
 * `checkAll(next, rules)`, given the check of `prev`: only the part of the design the edit can
 * affect is checked again (editedPart); undefined when the whole design must be.
 */
export function recheck(prev: Checked, next: Topology, rules: readonly Rule[], diff?: TopologyDiff): Checked | undefined {
  const edited = editedPart(prev.topology, next, diff);
  if (edited === undefined) return undefined;
  if (edited === null) return { ...prev, topology: next };
  const { sub, affected } = edited;
  // Every finding that names an affected component goes; the rules re-check the affected part.
  const byComponent = prev.byComponent ?? indexByComponent(prev.perRule);
  const dropped = new Map<number, Set<Finding>>();
  for (const id of affected) {
    for (const e of byComponent.get(id) ?? []) {
      let gone = dropped.get(e.rule);
      if (!gone) dropped.set(e.rule, (gone = new Set()));
      gone.add(e.finding);
    }
  }
  const perRule = rules.map((rule, i) => {
    const old = prev.perRule[i]!;
    const gone = dropped.get(i);
    const fresh = rule.check(sub);
    for (const finding of fresh) for (const id of new Set(finding.componentIds)) addEntry(byComponent, id, { rule: i, finding });
    if (!gone && fresh.length === 0) return old;
    return merge(next, gone ? without(old, gone) : old, fresh);
  });
  for (const gone of dropped.values()) {
    for (const f of gone) {
      for (const id of new Set(f.componentIds)) {
        const rest = byComponent.get(id)?.filter((e) => e.finding !== f) ?? [];
        if (rest.length > 0) byComponent.set(id, rest);
        else byComponent.delete(id);
      }
    }
  }
  return { topology: next, perRule, byComponent };
}
