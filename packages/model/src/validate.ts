import { describe, nameOf, namespaceOf, rawField } from './access.ts';
import { type FieldDef, KINDS, fieldCheck, fieldOf, nameScope } from './kinds/index.ts';
import { linksFrom } from './links.ts';
import { checkKubeLabels, checkName, checkSize } from './values.ts';
import type { Component, ComponentKind, Topology } from './topology.ts';
import { isClusterPart } from './topology.ts';
import { workloadProblem } from './sizing/workload.ts';

/** A value that breaks a rule: names the component, the field, the value and the rule. */
export interface ValueProblem {
  componentId: string;
  field: string;
  value: unknown;
  message: string;
  /** Where the value sits in a topology document: under the component, or under one of its links. */
  at: { link?: string; path: string };
}

const show = (v: unknown) => (typeof v === 'string' ? `"${v}"` : JSON.stringify(v));

/** Checks one value for one field of a kind; the inspector calls this before the value enters the model. */
export function fieldProblem(kind: ComponentKind, key: string, value: unknown): string | undefined {
  if (key === 'name' || key === 'namespace') return checkName(value);
  const def = fieldOf(kind, key);
  if (!def) return `${kind} has no field "${key}"`;
  if (value === undefined || value === '') return undefined;
  return fieldCheck(def)(value);
}

/** A CR's identity: names are unique per CR kind (a cluster part is its cluster's CR) and namespace. */
function crKey(t: Topology, c: Component): string {
  return `${nameScope(c.kind)}/${namespaceOf(t, c)}/${nameOf(t, c)}`;
}

/**
 * Whether `c`, named `name` in `namespace` (the design's when undefined), would be the same CR as
 * another component of the design: the duplicate name validateTopology reports.
 */
export function nameTaken(t: Topology, c: Component, name: string, namespace?: string): boolean {
  const key = crKey(t, { ...c, name, namespace });
  return t.components.some((o) => o.id !== c.id && !isClusterPart(o.kind) && crKey(t, o) === key);
}

function fieldValueProblem(def: FieldDef, value: unknown): string | undefined {
  return value === undefined ? undefined : fieldCheck(def)(value);
}

/** Every invalid value and duplicate name in the design. */
export function validateTopology(t: Topology): ValueProblem[] {
  const problems: ValueProblem[] = [];
  const seen = new Map<string, string>();
  for (const c of t.components) {
    const what = describe(t, c);
    if (!isClusterPart(c.kind)) {
      for (const key of ['name', 'namespace'] as const) {
        const value = key === 'name' ? c.name : namespaceOf(t, c);
        const msg = checkName(value);
        if (msg) problems.push({ componentId: c.id, field: key, value, message: `${what}: ${key} ${show(value)} ${msg}`, at: { path: key } });
      }
      const dupKey = crKey(t, c);
      const other = seen.get(dupKey);
      if (other !== undefined) {
        problems.push({
          componentId: c.id,
          field: 'name',
          value: c.name,
          message: `${what}: another ${c.kind} in namespace "${namespaceOf(t, c)}" is already named "${c.name}"; names must be unique per kind and namespace`,
          at: { path: 'name' },
        });
      } else seen.set(dupKey, c.id);
    }
    for (const def of KINDS[c.kind].fields) {
      const value = rawField(c, def);
      const msg = fieldValueProblem(def, value);
      if (msg) problems.push({ componentId: c.id, field: def.key, value, message: `${what}: ${def.key} ${show(value)} ${msg}`, at: { path: ['spec', ...def.path].join('.') } });
    }
    // The same checks the importer makes, so that a document, a link or an autosave holding what
    // no manifest could carry is refused too (one gate for every way in).
    if (c.labels !== undefined) {
      const msg = checkKubeLabels(c.labels);
      if (msg) problems.push({ componentId: c.id, field: 'labels', value: c.labels, message: `${what}: metadata.labels ${msg}`, at: { path: 'labels' } });
    }
    if (c.workload !== undefined) {
      const p = workloadProblem(c.kind, c.workload);
      const field = p?.key === undefined ? 'workload' : `workload.${p.key}`;
      if (p) problems.push({ componentId: c.id, field, value: p.key === undefined ? c.workload : (c.workload as Record<string, unknown>)[p.key], message: `${what}: ${field} ${p.message}`, at: { path: field } });
    }
    linksFrom(t, c.id, 'remoteWrite').forEach((l, i) => {
      const holder = l.extra ? 'extra' : 'external';
      const size = (l.extra ?? l.external)?.maxDiskUsage;
      const msg = size === undefined ? undefined : checkSize(size);
      if (msg) problems.push({ componentId: c.id, field: 'maxDiskUsage', value: size, message: `${what}: remoteWrite[${i}].maxDiskUsage ${show(size)} ${msg}`, at: { link: l.id, path: `${holder}.maxDiskUsage` } });
    });
  }
  return problems;
}
