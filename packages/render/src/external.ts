import { getComponent, isExternalKind, namespaceOf, urlsOf } from '@vmtopo/model';
import type { Component, Topology } from '@vmtopo/model';

/**
 * The external systems of a design (Grafana) in the YAML: a comment each, after the last document,
 * never an object (no CRD knows them, and an object nobody can apply would break `kubectl apply`).
 * The comment says where each datasource points, by the same URLs a VMAlert's datasource renders to.
 * Only comments: a rendered design imported again loses them (the editor keeps its own, yamlSync.ts).
 */

/**
 * A line break in a comment would end it, and what follows would be YAML: the checks let none into
 * a name or a URL field, but an external datasource entry is kept verbatim, so every value is
 * written on one line whatever it holds (YAML 1.1 breaks lines at U+0085, U+2028 and U+2029 too).
 */
const oneLine = (s: string) => s.replace(/[\r\n\u0085\u2028\u2029]+/g, ' ');

/** `# Grafana "grafana" in namespace "monitoring" (external, …)` and one `#   datasource → <url>` line per datasource. */
export function externalComment(t: Topology, c: Component): string {
  const url = typeof c.spec.url === 'string' ? `, ${c.spec.url}` : '';
  const head = `# ${c.kind} "${c.name ?? ''}" in namespace "${namespaceOf(t, c)}" (external, not an operator object${url})`;
  const urls = urlsOf(t, c, 'datasource');
  const lines = urls.length > 0 ? urls.map((u) => `#   datasource → ${u}`) : ['#   no datasource'];
  return [head, ...lines].map((l) => `${oneLine(l)}\n`).join('');
}

/** The ids of the design's external systems, in design order. */
export function externalIds(t: Topology): string[] {
  const out: string[] = [];
  for (const c of t.components) if (isExternalKind(c.kind)) out.push(c.id);
  return out;
}

/** The comments of `ids` (external systems of `t`), to follow the last document. */
export function externalComments(t: Topology, ids: readonly string[]): string {
  let out = '';
  for (const id of ids) {
    const c = getComponent(t, id);
    if (c) out += externalComment(t, c);
  }
  return out;
}
