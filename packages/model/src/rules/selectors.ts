/**
 * Which VMRules (kept verbatim in `t.extras`) a VMAlert selects, the way the operator does it:
 * `ruleNamespaceSelector` picks namespaces (unset: all with selectAllByDefault, else the VMAlert's
 * own), `ruleSelector` picks objects (unset: all), and with neither nor selectAllByDefault, none.
 */
import { namespaceOf } from '../access.ts';
import type { Component, Topology } from '../topology.ts';
import { isObj, ms } from './context.ts';

export interface RuleSet {
  /** Some selected group has an `alert` rule. */
  alert: boolean;
  /** Some selected group has a `record` rule. */
  record: boolean;
  /** The `interval` of every selected group that sets one, in ms. */
  intervals: number[];
}

interface VMRuleInfo extends RuleSet {
  namespace: string;
  labels: Record<string, string>;
}

const EMPTY: RuleSet = { alert: false, record: false, intervals: [] };

const infoCache = new WeakMap<Topology, { rules: VMRuleInfo[]; all: RuleSet }>();

function vmRules(t: Topology): { rules: VMRuleInfo[]; all: RuleSet } {
  let c = infoCache.get(t);
  if (c) return c;
  const rules: VMRuleInfo[] = [];
  for (const o of t.extras) {
    if (o.kind !== 'VMRule') continue;
    const meta = isObj(o.metadata) ? o.metadata : {};
    const labels: Record<string, string> = {};
    if (isObj(meta.labels)) for (const [k, v] of Object.entries(meta.labels)) labels[k] = String(v);
    const info: VMRuleInfo = {
      namespace: typeof meta.namespace === 'string' ? meta.namespace : t.namespace,
      labels,
      alert: false,
      record: false,
      intervals: [],
    };
    const spec = isObj(o.spec) ? o.spec : {};
    for (const g of Array.isArray(spec.groups) ? spec.groups : []) {
      if (!isObj(g)) continue;
      const interval = ms(g.interval);
      if (interval !== undefined && interval > 0) info.intervals.push(interval);
      for (const r of Array.isArray(g.rules) ? g.rules : []) {
        if (!isObj(r)) continue;
        if (typeof r.alert === 'string' && r.alert !== '') info.alert = true;
        if (typeof r.record === 'string' && r.record !== '') info.record = true;
      }
    }
    rules.push(info);
  }
  c = { rules, all: merge(rules) };
  infoCache.set(t, c);
  return c;
}

function merge(list: RuleSet[]): RuleSet {
  const out: RuleSet = { alert: false, record: false, intervals: [] };
  for (const r of list) {
    out.alert ||= r.alert;
    out.record ||= r.record;
    out.intervals.push(...r.intervals);
  }
  out.intervals = [...new Set(out.intervals)].sort((a, b) => a - b);
  return out;
}

/** Kubernetes label selector semantics: matchLabels plus matchExpressions; `{}` matches everything. */
export function matchesSelector(sel: unknown, labels: Record<string, string>): boolean {
  if (!isObj(sel)) return false;
  if (isObj(sel.matchLabels)) {
    for (const [k, v] of Object.entries(sel.matchLabels)) if (labels[k] !== String(v)) return false;
  }
  if (Array.isArray(sel.matchExpressions)) {
    for (const e of sel.matchExpressions) {
      if (!isObj(e) || typeof e.key !== 'string') return false;
      const values = Array.isArray(e.values) ? e.values.map(String) : [];
      const has = Object.hasOwn(labels, e.key);
      const v = labels[e.key];
      switch (e.operator) {
        case 'In':
          if (!has || !values.includes(v!)) return false;
          break;
        case 'NotIn':
          if (has && values.includes(v!)) return false;
          break;
        case 'Exists':
          if (!has) return false;
          break;
        case 'DoesNotExist':
          if (has) return false;
          break;
        default:
          return false;
      }
    }
  }
  return true;
}

const NS_NAME_LABEL = 'kubernetes.io/metadata.name';

/** Namespace labels are unknown to the design except their name: other keys are assumed to match. */
function namespaceMatches(sel: unknown, namespace: string): boolean {
  if (!isObj(sel)) return false;
  const keys = [
    ...(isObj(sel.matchLabels) ? Object.keys(sel.matchLabels) : []),
    ...(Array.isArray(sel.matchExpressions) ? sel.matchExpressions.map((e) => (isObj(e) ? e.key : undefined)) : []),
  ];
  if (keys.some((k) => k !== NS_NAME_LABEL)) return true;
  return matchesSelector(sel, { [NS_NAME_LABEL]: namespace });
}

const selCache = new WeakMap<Topology, Map<string, RuleSet>>();

/** What the VMRules selected by a VMAlert contain. */
export function selectedRules(t: Topology, alert: Component): RuleSet {
  let perAlert = selCache.get(t);
  if (!perAlert) {
    perAlert = new Map();
    selCache.set(t, perAlert);
  }
  const hit = perAlert.get(alert.id);
  if (hit) return hit;
  const { rules, all } = vmRules(t);
  const s = alert.spec;
  const selectAll = s.selectAllByDefault === true;
  const ruleSel = s.ruleSelector;
  const nsSel = s.ruleNamespaceSelector;
  let result: RuleSet;
  if (rules.length === 0 || (!selectAll && !isObj(ruleSel) && !isObj(nsSel))) result = EMPTY;
  else if (selectAll && !isObj(ruleSel) && !isObj(nsSel)) result = all;
  else {
    const own = namespaceOf(t, alert);
    result = merge(
      rules.filter((r) => {
        const nsOk = isObj(nsSel) ? namespaceMatches(nsSel, r.namespace) : selectAll || r.namespace === own;
        return nsOk && (isObj(ruleSel) ? matchesSelector(ruleSel, r.labels) : true);
      }),
    );
  }
  perAlert.set(alert.id, result);
  return result;
}
