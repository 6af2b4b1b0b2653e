import { stringify } from 'yaml';
import { getComponent, isClusterPart, linksFrom, partsOf } from '@vmtopo/model';
import type { Component, KubeObject, Topology } from '@vmtopo/model';
import { selectorIsExact } from './notifier.ts';
import { componentObject, renderObjects } from './objects.ts';

/** Options shared by every emit, so that the same object always gives the same bytes. */
const YAML_OPTIONS = { lineWidth: 0, aliasDuplicateObjects: false } as const;

export function objectYaml(o: KubeObject): string {
  return stringify(o, YAML_OPTIONS);
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

/**
 * The design as multi-document YAML. Documents are cached per component and re-emitted only when
 * the component, its links, their targets or its cluster parts changed, so that an edit of one
 * field in a large design costs one document, not all of them.
 */
export function renderYaml(t: Topology): string {
  const docs: string[] = [];
  for (const c of t.components) if (!isClusterPart(c.kind)) docs.push(componentYaml(t, c));
  for (const o of t.extras) docs.push(extraYaml(o));
  return docs.join('---\n');
}

/** The uncached path, for checking the cache against it. */
export function renderYamlUncached(t: Topology): string {
  return objectsYaml(renderObjects(t));
}
