import { changeCount, diffTopology, getComponent, isClusterPart, isExternalKind, linksFrom, linksTo, partsOf } from '@vmtopo/model';
import type { Component, KubeObject, Topology, TopologyDiff } from '@vmtopo/model';
import { externalComments, externalIds } from './external.ts';
import { selectorIsExact } from './notifier.ts';
import { componentObject, renderObjects } from './objects.ts';
import { portableEmitter } from './yaml-scalars.ts';

/** One writer, with the same options, for every emit, so that the same object always gives the same bytes. */
const emit = portableEmitter({ lineWidth: 0, aliasDuplicateObjects: false });

export function objectYaml(o: KubeObject): string {
  return emit(o);
}

/** Multi-document YAML, one document per object with `---` between them. */
export function objectsYaml(objects: KubeObject[]): string {
  return objects.map(objectYaml).join('---\n');
}

/**
 * What one component's document is made of. Edits replace only the objects they change, so when
 * every one of these is the very same object as last time, the document text is the same too.
 */
function inputsOf(t: Topology, c: Component): unknown[] {
  const inputs: unknown[] = [t.namespace, c];
  for (const l of linksFrom(t, c.id)) {
    const target = getComponent(t, l.target);
    // A part's URL carries its cluster's name and namespace.
    inputs.push(l, target, target && isClusterPart(target.kind) ? getComponent(t, target.cluster) : undefined);
    // A selector is written only while it picks exactly its alertmanager, which other ones decide.
    if (target?.kind === 'VMAlertmanager' && (l.notify ?? 'selector') === 'selector') inputs.push(selectorIsExact(t, target));
  }
  if (c.kind === 'VMCluster') {
    const parts = partsOf(t, c.id);
    inputs.push(parts.vminsert, parts.vmselect, parts.vmstorage);
  }
  return inputs;
}

const componentCache = new WeakMap<Component, { inputs: unknown[]; text: string }>();
const extraCache = new WeakMap<KubeObject, string>();

function sameInputs(a: unknown[], b: unknown[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function componentYaml(t: Topology, c: Component): string {
  const inputs = inputsOf(t, c);
  const hit = componentCache.get(c);
  if (hit && sameInputs(hit.inputs, inputs)) return hit.text;
  const text = objectYaml(componentObject(t, c));
  componentCache.set(c, { inputs, text });
  return text;
}

function extraYaml(o: KubeObject): string {
  let text = extraCache.get(o);
  if (text === undefined) {
    text = objectYaml(o);
    extraCache.set(o, text);
  }
  return text;
}

/** At most this many changed components take the fast path below; more are re-checked one by one. */
const FAST_LIMIT = 64;

/**
 * Which documents an edit can change, when it only replaced a few components (same ids in the
 * same order, same links, namespace and extras): the changed components', those of components
 * linking to them (their URLs name the target) and of a changed part's cluster (parts fold into
 * it). Undefined when the edit is anything else, or touches an alertmanager (whether a notifier
 * selector is written depends on every alertmanager's labels) or a cluster (its name is in the
 * URLs of every link into any of its parts) or an external system (the list of their comments
 * changes): `componentYaml` then checks each component's inputs.
 */
function affectedDocs(d: TopologyDiff): Set<string> | undefined {
  const { components, links, extras } = d;
  if (d.settings.includes('namespace') || changeCount(links) > 0 || links.order !== 'same' || changeCount(extras) > 0 || extras.order !== 'same') return undefined;
  if (components.order !== 'same' || components.changed.length > FAST_LIMIT) return undefined;
  const out = new Set<string>();
  for (const pair of components.changed) {
    for (const c of [pair.prev, pair.next]) {
      if (c.kind === 'VMAlertmanager' || c.kind === 'VMCluster' || isExternalKind(c.kind)) return undefined;
      out.add(c.id);
      for (const l of linksTo(d.next, c.id)) out.add(l.source);
      if (c.cluster !== undefined) out.add(c.cluster);
    }
  }
  return out;
}

/** A rendering session: it remembers the last design it rendered, so the next version re-emits only what its edit can change. */
export interface Renderer {
  /** `diff`: diffTopology(last design rendered, t), when the caller has it already (the editor shares one with the linter). */
  render(t: Topology, diff?: TopologyDiff): string;
}

/**
 * A renderer of its own for one editor (or one CLI run). Documents are cached per component and
 * re-emitted only when the component, its links, their targets or its cluster parts changed, so
 * an edit of one field in a large design costs one document, not all of them; after such an edit
 * the documents it cannot have changed are not even looked at (`affectedDocs`).
 */
export function createRenderer(): Renderer {
  // `externals`: the ids of the external systems, whose comments follow the documents. Their text
  // is written again on every render (a line per datasource, of a few systems at most): a target's
  // rename changes it, and the fast path does not follow links out of an external system.
  let last: { t: Topology; docs: string[]; blocks: string[]; at: Map<string, number>; externals: string[]; text: string } | undefined;
  const remember = (t: Topology, docs: string[], blocks: string[], at: Map<string, number>, externals: string[]): string => {
    last = { t, docs, blocks, at, externals, text: joined(blocks) + externalComments(t, externals) };
    return last.text;
  };
  return {
    render(t, diff) {
      if (last?.t === t) return last.text;
      const affected = last ? affectedDocs(diff?.prev === last.t && diff.next === t ? diff : diffTopology(last.t, t)) : undefined;
      if (last && affected) {
        const docs = last.docs.slice();
        const dirty = new Set<number>();
        for (const id of affected) {
          const i = last.at.get(id);
          const c = getComponent(t, id);
          if (i === undefined || !c) continue;
          const text = componentYaml(t, c);
          if (text === docs[i]) continue;
          docs[i] = text;
          dirty.add(Math.floor(i / BLOCK));
        }
        const blocks = dirty.size === 0 ? last.blocks : last.blocks.slice();
        for (const b of dirty) blocks[b] = block(docs, b);
        return remember(t, docs, blocks, last.at, last.externals);
      }
      const docs: string[] = [];
      const at = new Map<string, number>();
      for (const c of t.components) {
        if (isClusterPart(c.kind) || isExternalKind(c.kind)) continue;
        at.set(c.id, docs.length);
        docs.push(componentYaml(t, c));
      }
      for (const o of t.extras) docs.push(extraYaml(o));
      const blocks: string[] = [];
      for (let b = 0; b * BLOCK < docs.length; b++) blocks.push(block(docs, b));
      return remember(t, docs, blocks, at, externalIds(t));
    },
  };
}

/** Documents per block of a session's text: an edit re-joins the blocks it changed, not every document. */
const BLOCK = 64;

function block(docs: readonly string[], b: number): string {
  return docs.slice(b * BLOCK, (b + 1) * BLOCK).join('---\n');
}

/**
 * The blocks as one text, by `+`: V8 joins two strings without copying them (a rope), so an edit
 * of one document in 10,000 does not copy 4 MB of YAML. A reader of the whole text flattens it
 * once, when it reads it; the YAML view, hidden, never does.
 */
function joined(blocks: readonly string[]): string {
  let out = blocks[0] ?? '';
  for (let i = 1; i < blocks.length; i++) out = out + '---\n' + blocks[i];
  return out;
}

/** The design as multi-document YAML, in one call with no session kept (the CLI, one-off checks). */
export function renderYaml(t: Topology): string {
  return createRenderer().render(t);
}

/** The uncached path, for checking the cache against it. */
export function renderYamlUncached(t: Topology): string {
  return objectsYaml(renderObjects(t)) + externalComments(t, externalIds(t));
}
