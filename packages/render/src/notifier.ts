import { namespaceOf } from '@vmtopo/model';
import type { Component, JsonObject, Topology } from '@vmtopo/model';

const isObj = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Whether a VMAlert notifier selector picks an alertmanager, as the operator evaluates it
 * (`op:internal/controller/operator/factory/vmalert` notifier discovery): it lists the
 * VMAlertmanagers of every namespace it watches by labelSelector (unset: all of them), then keeps
 * those that namespaceSelector matches (`any`, or one of `matchNames`). An unset namespaceSelector
 * keeps alertmanagers of EVERY namespace, not only the VMAlert's; a set but empty one (`{}`) keeps
 * none. matchExpressions are not evaluated: such selectors stay external entries.
 */
export function selectorMatches(selector: unknown, am: Component, amNamespace: string): boolean {
  if (!isObj(selector)) return false;
  const ns = selector.namespaceSelector;
  if (ns !== undefined && ns !== null) {
    if (!isObj(ns)) return false;
    if (ns.any !== true) {
      const names = Array.isArray(ns.matchNames) ? ns.matchNames : [];
      if (!names.includes(amNamespace)) return false;
    }
  }
  const ls = selector.labelSelector;
  if (ls === undefined || ls === null) return true;
  if (!isObj(ls)) return false;
  if (ls.matchExpressions !== undefined) return false;
  const want = isObj(ls.matchLabels) ? ls.matchLabels : {};
  const have = am.labels ?? {};
  return Object.entries(want).every(([k, v]) => have[k] === v);
}

/**
 * The selector vmtopo writes for a notifier link: the alertmanager's namespace and labels. The
 * namespace is always written as `matchNames`: without it the operator would also pick
 * alertmanagers with the same labels in every other namespace it watches.
 */
export function generatedSelector(t: Topology, am: Component): JsonObject {
  return { namespaceSelector: { matchNames: [namespaceOf(t, am)] }, labelSelector: { matchLabels: am.labels ?? {} } };
}

/** Alertmanagers by `<namespace>\0<label>=<value>`, built once per topology. */
const byLabelCache = new WeakMap<Topology, Map<string, Component[]>>();

function alertmanagersWithLabel(t: Topology, key: string): Component[] {
  let idx = byLabelCache.get(t);
  if (!idx) {
    idx = new Map();
    for (const am of t.components) {
      if (am.kind !== 'VMAlertmanager') continue;
      const ns = namespaceOf(t, am);
      for (const [k, v] of Object.entries(am.labels ?? {})) {
        const list = idx.get(`${ns}\u0000${k}=${v}`);
        if (list) list.push(am);
        else idx.set(`${ns}\u0000${k}=${v}`, [am]);
      }
    }
    byLabelCache.set(t, idx);
  }
  return idx.get(key) ?? [];
}

/**
 * Whether the generated selector picks exactly this alertmanager. When its labels are empty or
 * carried by another alertmanager in its namespace too, a selector would notify the wrong set, so
 * the renderer lists the pods instead. Alertmanagers with the same labels in other namespaces do not
 * count: the generated selector names its namespace in `matchNames`. Only the alertmanagers sharing
 * the rarest label are checked.
 */
export function selectorIsExact(t: Topology, am: Component): boolean {
  const labels = Object.entries(am.labels ?? {});
  if (labels.length === 0) return false;
  const ns = namespaceOf(t, am);
  let candidates: Component[] | undefined;
  for (const [k, v] of labels) {
    const list = alertmanagersWithLabel(t, `${ns}\u0000${k}=${v}`);
    if (!candidates || list.length < candidates.length) candidates = list;
  }
  return candidates!.every((other) => other.id === am.id || !labels.every(([k, v]) => other.labels?.[k] === v));
}
