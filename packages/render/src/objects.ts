import { CLUSTER_PARTS, KINDS, getComponent, isClusterPart, isExternalKind, linkUrls, linksFrom, namespaceOf, partsOf } from '@vmtopo/model';
import type { Component, JsonObject, KubeObject, Link, Topology } from '@vmtopo/model';
import { generatedSelector, selectorIsExact } from './notifier.ts';

export const API_VERSION = 'operator.victoriametrics.com/v1beta1';

/** One remoteWrite / datasource / remoteRead / notifier entry as the CRD spells it. */
function entries(t: Topology, link: Link): JsonObject[] {
  if (link.external) return [link.external];
  const target = getComponent(t, link.target)!;
  const extra = link.extra ?? {};
  if (link.type === 'notifier' && (link.notify ?? 'selector') === 'selector') {
    if (link.selector) return [{ selector: link.selector, ...extra }];
    if (selectorIsExact(t, target)) return [{ selector: generatedSelector(t, target), ...extra }];
    // A selector would pick no alertmanager or more than this one: list its pods instead.
    return linkUrls(t, { ...link, notify: 'pods' }, target).map((url) => ({ url, ...extra }));
  }
  return linkUrls(t, link, target).map((url) => ({ url, ...extra }));
}

/** The spec fields that a component's outgoing links own. */
function linkedFields(t: Topology, c: Component): JsonObject {
  const out: JsonObject = {};
  const links = linksFrom(t, c.id);
  if (links.length === 0) return out;
  if (c.kind === 'VMAgent') {
    out.remoteWrite = links.filter((l) => l.type === 'remoteWrite').flatMap((l) => entries(t, l));
    return out;
  }
  if (c.kind !== 'VMAlert') return out;
  for (const type of ['datasource', 'remoteWrite', 'remoteRead'] as const) {
    const l = links.find((x) => x.type === type);
    if (l) out[type] = entries(t, l)[0];
  }
  const notifiers = links.filter((l) => l.type === 'notifier');
  const single = notifiers.find((l) => l.single);
  if (single) out.notifier = entries(t, single)[0];
  const many = notifiers.filter((l) => !l.single).flatMap((l) => entries(t, l));
  if (many.length > 0) out.notifiers = many;
  return out;
}

function metadata(t: Topology, c: Component): JsonObject {
  const md: JsonObject = { name: c.name, namespace: namespaceOf(t, c) };
  if (c.labels && Object.keys(c.labels).length > 0) md.labels = c.labels;
  if (c.annotations && Object.keys(c.annotations).length > 0) md.annotations = c.annotations;
  return { ...md, ...c.metadata };
}

/** The CR of one top-level component (cluster parts are folded into their VMCluster). */
export function componentObject(t: Topology, c: Component): KubeObject {
  let spec: JsonObject = { ...c.spec, ...linkedFields(t, c) };
  if (c.kind === 'VMCluster') {
    const parts = partsOf(t, c.id);
    for (const kind of CLUSTER_PARTS) {
      const part = parts[kind];
      if (!part) continue;
      spec[kind] = { ...part.spec };
    }
  }
  if (Object.keys(spec).length === 0) spec = {};
  return { apiVersion: API_VERSION, kind: KINDS[c.kind].crdKind, metadata: metadata(t, c), spec };
}

/** Every object of the design: its CRs in design order, then the other objects as they came (external systems are none). */
export function renderObjects(t: Topology): KubeObject[] {
  const out: KubeObject[] = [];
  for (const c of t.components) if (!isClusterPart(c.kind) && !isExternalKind(c.kind)) out.push(componentObject(t, c));
  out.push(...t.extras);
  return out;
}
