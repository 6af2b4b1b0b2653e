import { getComponent, isClusterPart, isExternalKind, PART_OFFSETS, partsOf, type Component, type Link, type Topology } from '@vmtopo/model';
import { importManifests, ImportProblem, renderYaml, type SourceProblem } from './core.ts';
import { freeSpot, NODE_W, DEFAULT_CLUSTER_W, estimateHeight, placeMissing } from './layout.ts';

/**
 * Two-way YAML: the text of the YAML panel back into the design. The text goes through the same
 * importer as an import, then is reconciled with the design on screen so that an edit changes only
 * what it changed: components keep their ids (matched by kind, namespace and name, so a renamed
 * component is still itself), their positions and, when nothing about them changed, the very same
 * objects (the canvas re-renders only what moved). External systems (Grafana) are comments in the
 * text, which the importer does not read: they stay as they are, with their links to what is left.
 */

export type YamlEdit =
  | { ok: true; /** null: the text describes the design on screen. */ topology: Topology | null }
  | { ok: false; problems: SourceProblem[] };

/** Only comments, blank lines and document markers: an empty design. */
const EMPTY = /^(\s*(#.*)?(---|\.\.\.)?\s*(#.*)?)$/;

export function applyYamlText(current: Topology, text: string): YamlEdit {
  let imported: Topology;
  if (text.split('\n').every((l) => EMPTY.test(l))) {
    imported = { ...current, components: [], links: [], extras: [] };
  } else {
    try {
      imported = importManifests(text, { name: current.name, defaultNamespace: current.namespace }).topology;
    } catch (e) {
      if (e instanceof ImportProblem) return { ok: false, problems: e.problems };
      return { ok: false, problems: [{ message: (e as Error).message }] };
    }
  }
  const next = reconcile(current, imported);
  return { ok: true, topology: next === current ? null : next };
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => deepEqual(x, bb[i]));
  }
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** The array `prev` itself when `next` holds the same items (by identity), else `next`. */
function sameArray<T>(prev: T[], next: T[]): T[] {
  return prev.length === next.length && prev.every((x, i) => x === next[i]) ? prev : next;
}

/**
 * `imported` expressed in the terms of `current`: ids, positions and unchanged objects carried
 * over; new components placed next to the others. Returns `current` itself when nothing changed.
 */
export function reconcile(current: Topology, imported: Topology): Topology {
  const nsOf = (t: Topology, c: Component) => c.namespace ?? t.namespace;
  const keyOf = (t: Topology, c: Component) => `${c.kind}\u0000${nsOf(t, c)}\u0000${c.name ?? ''}`;
  const currentById = new Map(current.components.map((c) => [c.id, c]));
  const currentByKey = new Map<string, Component>();
  for (const c of current.components) if (!isClusterPart(c.kind)) currentByKey.set(keyOf(current, c), c);

  // 1. Ids: top-level components by kind/namespace/name, then parts by (cluster, kind).
  const idMap = new Map<string, string>();
  const externals = current.components.filter((c) => isExternalKind(c.kind));
  // Their ids are taken: an imported component must not be given one.
  const used = new Set<string>(externals.map((c) => c.id));
  for (const c of imported.components) {
    if (isClusterPart(c.kind)) continue;
    const match = currentByKey.get(keyOf(imported, c));
    if (match && !used.has(match.id)) {
      idMap.set(c.id, match.id);
      used.add(match.id);
    }
  }
  // A rename in the text: as many unmatched components of a kind on both sides pair up in order.
  const unmatched = (list: Component[], taken: (c: Component) => boolean) => {
    const byKind = new Map<string, Component[]>();
    for (const c of list) if (!isClusterPart(c.kind) && !taken(c)) byKind.set(c.kind, [...(byKind.get(c.kind) ?? []), c]);
    return byKind;
  };
  const freshByKind = unmatched(imported.components, (c) => idMap.has(c.id));
  const goneByKind = unmatched(current.components, (c) => used.has(c.id));
  for (const [kind, list] of freshByKind) {
    const gone = goneByKind.get(kind);
    if (!gone || gone.length !== list.length) continue;
    list.forEach((c, i) => {
      idMap.set(c.id, gone[i]!.id);
      used.add(gone[i]!.id);
    });
  }
  for (const c of imported.components) {
    if (!isClusterPart(c.kind)) continue;
    const cluster = c.cluster !== undefined ? idMap.get(c.cluster) : undefined;
    const match = cluster !== undefined ? partsOf(current, cluster)[c.kind] : undefined;
    if (match && !used.has(match.id)) {
      idMap.set(c.id, match.id);
      used.add(match.id);
    }
  }
  const unique = (base: string) => {
    let id = base;
    for (let i = 2; used.has(id); i++) id = `${base}-${i}`;
    used.add(id);
    return id;
  };
  for (const c of imported.components) if (!idMap.has(c.id)) idMap.set(c.id, unique(c.id));
  const mapId = (id: string) => idMap.get(id) ?? id;

  // 2. Components: mapped ids, kept positions, the old object when equal.
  const fresh: string[] = [];
  let components = imported.components.map((c): Component => {
    const id = mapId(c.id);
    const old = currentById.get(id);
    const next: Component = { ...c, id, ...(c.cluster !== undefined ? { cluster: mapId(c.cluster) } : {}) };
    // What the YAML cannot say stays: the position, and the workload inputs sizing reads.
    if (old?.workload) next.workload = old.workload;
    if (old?.position) next.position = old.position;
    else if (isClusterPart(c.kind)) next.position = PART_OFFSETS[c.kind as keyof typeof PART_OFFSETS];
    else fresh.push(id);
    return old && deepEqual(old, next) ? old : next;
  });

  // 3. Links: ids of the same (type, source, target) carried over.
  const linkKey = (l: Link) => `${l.type}\u0000${l.source}\u0000${l.target ?? ''}`;
  const oldLinks = new Map<string, Link[]>();
  for (const l of current.links) oldLinks.set(linkKey(l), [...(oldLinks.get(linkKey(l)) ?? []), l]);
  const linkIds = new Set(components.map((c) => c.id));
  const links = imported.links.map((l): Link => {
    const mapped: Link = { ...l, source: mapId(l.source), ...(l.target !== undefined ? { target: mapId(l.target) } : {}) };
    const candidates = oldLinks.get(linkKey(mapped));
    const old = candidates?.shift();
    let id = old?.id ?? l.id;
    for (let i = 2; linkIds.has(id); i++) id = `${old?.id ?? l.id}-${i}`;
    linkIds.add(id);
    const next = { ...mapped, id };
    return old && deepEqual(old, next) ? old : next;
  });

  // 4. New top-level components: the role columns, then nudged off the others.
  if (fresh.length > 0) {
    const placed = placeMissing({ ...imported, components });
    const freshSet = new Set(fresh);
    let acc: Topology = { ...imported, components: components.filter((c) => !freshSet.has(c.id)) };
    components = placed.components.map((c) => {
      if (!freshSet.has(c.id)) return c;
      const size = { width: c.kind === 'VMCluster' ? DEFAULT_CLUSTER_W : NODE_W, height: estimateHeight(c) };
      const at = freeSpot(acc, {}, c.position!, size);
      const out = { ...c, position: at };
      acc = { ...acc, components: [...acc.components, out] };
      return out;
    });
  }

  // 5. External systems, after the others, with their links to components still there.
  if (externals.length > 0) {
    components = [...components, ...externals];
    const present = new Set(components.map((c) => c.id));
    for (const l of current.links) {
      if (!present.has(l.source) || !isExternalKind(getComponent(current, l.source)!.kind)) continue;
      if (l.target !== undefined && !present.has(l.target)) continue;
      let id = l.id;
      for (let i = 2; linkIds.has(id); i++) id = `${l.id}-${i}`;
      linkIds.add(id);
      links.push(id === l.id ? l : { ...l, id });
    }
  }

  const extras = deepEqual(current.extras, imported.extras) ? current.extras : imported.extras;
  const next: Topology = {
    ...current,
    namespace: imported.namespace,
    components: sameArray(current.components, components),
    links: sameArray(current.links, links),
    extras,
  };
  const same =
    next.namespace === current.namespace && next.components === current.components && next.links === current.links && next.extras === current.extras;
  // Equal output is the same design (a link can read back in an equivalent form).
  return same || renderYaml(next) === renderYaml(current) ? current : next;
}

/** "line 3: mapping values are not allowed here" (the importer's own "line 3, column 5: " prefix folded in). */
export function problemLine(p: SourceProblem): string {
  const message = p.message.replace(/^line \d+(, column \d+)?: /, '');
  return p.line ? `line ${p.line}: ${message}` : message;
}

const BLOCK = 256;

/** The one replacement that turns `a` into `b`: their common start and end left alone. */
export function textEdit(a: string, b: string): { start: number; end: number; text: string } | null {
  if (a === b) return null;
  const max = Math.min(a.length, b.length);
  // Whole blocks first (a compare of two slices is a memcmp), then characters: a large design's
  // YAML is some 600,000 characters, and a one-field change sits somewhere in the middle.
  let start = 0;
  while (start + BLOCK <= max && a.slice(start, start + BLOCK) === b.slice(start, start + BLOCK)) start += BLOCK;
  while (start < max && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA - BLOCK >= start && endB - BLOCK >= start && a.slice(endA - BLOCK, endA) === b.slice(endB - BLOCK, endB)) {
    endA -= BLOCK;
    endB -= BLOCK;
  }
  while (endA > start && endB > start && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) {
    endA--;
    endB--;
  }
  return { start, end: endA, text: b.slice(start, endB) };
}

/** The lines (1-based, inclusive) of a part of the YAML text. */
export interface LineRange {
  first: number;
  last: number;
}

/**
 * Where a component is in the design's YAML: its custom resource's document, or for a cluster
 * part the part's section (`  vmstorage:`) of its cluster's document, or for an external system
 * its comment. Found by kind, name and namespace, as the renderer writes them; undefined when the
 * text has no such document.
 */
export function componentLines(t: Topology, text: string, id: string): LineRange | undefined {
  const c = getComponent(t, id);
  if (!c) return undefined;
  const owner = isClusterPart(c.kind) ? getComponent(t, c.cluster) : c;
  if (!owner) return undefined;
  const lines = text.split('\n');
  if (isExternalKind(c.kind)) {
    const head = `# ${c.kind} "${c.name ?? ''}" in namespace "${c.namespace ?? t.namespace}" (`;
    const i = lines.findIndex((l) => l.startsWith(head));
    if (i < 0) return undefined;
    let last = i + 1;
    while (last < lines.length && lines[last]!.startsWith('#   ')) last++;
    return { first: i + 1, last };
  }
  const ns = owner.namespace ?? t.namespace;
  let start = 0;
  for (let i = 0; i <= lines.length; i++) {
    if (i < lines.length && lines[i] !== '---') continue;
    const doc = lines.slice(start, i);
    const isIt =
      doc.includes(`kind: ${owner.kind}`) && doc.includes(`  name: ${owner.name}`) && (doc.includes(`  namespace: ${ns}`) || !doc.some((l) => l.startsWith('  namespace: ')));
    if (isIt) {
      let last = start + doc.length;
      while (last > start + 1 && lines[last - 1]!.trim() === '') last--;
      if (owner === c) return { first: start + 1, last };
      const head = doc.indexOf(`  ${c.kind}:`);
      if (head < 0) return { first: start + 1, last };
      let end = head + 1;
      while (end < doc.length && (doc[end]!.startsWith('   ') || doc[end]!.trim() === '')) end++;
      return { first: start + head + 1, last: start + end };
    }
    start = i + 1;
  }
  return undefined;
}
