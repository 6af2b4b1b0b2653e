import { namespaceOf } from '@vmtopo/model';
import type { Component, JsonObject, Topology } from '@vmtopo/model';

const isObj = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Whether a VMAlert notifier selector picks an alertmanager, as the operator evaluates it:
 * namespaceSelector.matchNames / any (unset: the VMAlert's own namespace), then matchLabels.
 * matchExpressions are not evaluated: such selectors stay external entries.
 */
export function selectorMatches(selector: unknown, am: Component, amNamespace: string, callerNamespace: string): boolean {
  if (!isObj(selector)) return false;
  const ns = selector.namespaceSelector;
  if (isObj(ns)) {
    if (ns.any !== true) {
      const names = Array.isArray(ns.matchNames) ? ns.matchNames : [];
      if (!names.includes(amNamespace)) return false;
    }
  } else if (amNamespace !== callerNamespace) return false;
  const ls = selector.labelSelector;
  if (ls === undefined) return true;
  if (!isObj(ls)) return false;
  if (ls.matchExpressions !== undefined) return false;
  const want = isObj(ls.matchLabels) ? ls.matchLabels : {};
  const have = am.labels ?? {};
  return Object.entries(want).every(([k, v]) => have[k] === v);
}

/** The selector vmtopo writes for a notifier link: the alertmanager's namespace and labels. */
export function generatedSelector(t: Topology, am: Component): JsonObject {
  return { namespaceSelector: { matchNames: [namespaceOf(t, am)] }, labelSelector: { matchLabels: am.labels ?? {} } };
}

/**
 * Whether the generated selector picks exactly this alertmanager. When its labels are empty or
 * shared with another alertmanager in its namespace, a selector would notify the wrong set, so the
 * renderer lists the pods instead.
 */
export function selectorIsExact(t: Topology, am: Component, callerNamespace: string): boolean {
  if (Object.keys(am.labels ?? {}).length === 0) return false;
  const selector = generatedSelector(t, am);
  return !t.components.some(
    (other) => other.kind === 'VMAlertmanager' && other.id !== am.id && selectorMatches(selector, other, namespaceOf(t, other), callerNamespace),
  );
}
