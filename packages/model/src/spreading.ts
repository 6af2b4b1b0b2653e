import { KINDS } from './kinds/index.ts';
import type { ComponentKind, JsonObject } from './topology.ts';

/** How a component's pods are spread, read from topologySpreadConstraints and pod anti-affinity. */
export type Spreading = 'none' | 'hostname' | 'zone' | 'custom';

export const HOSTNAME_KEY = 'kubernetes.io/hostname';
export const ZONE_KEY = 'topology.kubernetes.io/zone';

/** Zones a design is assumed to run in when nothing in a component's scheduling says otherwise. */
export const DEFAULT_ZONES = 3;

/**
 * Kinds whose `topologySpreadConstraints` entries without a `labelSelector` the operator fills with
 * the component's selector labels (vm-domain.md §a: vmagent, vmalert, vmalertmanager, vminsert,
 * vmselect, vmstorage). VMAuth and VMSingle are not among them: an entry without a selector selects
 * no pods there, so it spreads nothing.
 */
export const SELECTOR_FILLED_BY_OPERATOR: ReadonlySet<ComponentKind> = new Set(['VMAgent', 'VMAlert', 'VMAlertmanager', 'vminsert', 'vmselect', 'vmstorage']);

/** The component a spreading constraint is for: its kind, and its CR name (a cluster part's is its cluster's). */
export interface SpreadOwner {
  kind: ComponentKind;
  name?: string;
}

/**
 * The labelSelector a constraint of `owner` must carry, or undefined when the operator fills it in.
 * The operator's selector labels (vm-domain.md §b "Pod labels"): app.kubernetes.io/name,
 * app.kubernetes.io/instance, app.kubernetes.io/component: monitoring, managed-by: vm-operator.
 */
export function spreadLabelSelector(owner: SpreadOwner): JsonObject | undefined {
  if (SELECTOR_FILLED_BY_OPERATOR.has(owner.kind)) return undefined;
  return {
    matchLabels: {
      'app.kubernetes.io/name': KINDS[owner.kind].prefix,
      'app.kubernetes.io/instance': owner.name ?? '',
      'app.kubernetes.io/component': 'monitoring',
      'managed-by': 'vm-operator',
    },
  };
}

const isObj = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface SpreadTerm {
  key: string;
  /** A pod anti-affinity term (one pod per topology domain), not a spread constraint. */
  anti: boolean;
  /** DoNotSchedule / requiredDuringScheduling: the scheduler never breaks it. */
  hard: boolean;
  /** Selects the component's own pods: a labelSelector is written, or (constraints) the operator fills one. */
  selects: boolean;
  /** topologySpreadConstraints only: maxSkew (1 when unset or below 1). */
  maxSkew: number;
}

/** Every spreading term of a spec: topologySpreadConstraints entries and pod anti-affinity terms. */
export function spreadTerms(spec: JsonObject, kind: ComponentKind | undefined): SpreadTerm[] {
  const out: SpreadTerm[] = [];
  someTerm(spec, kind, collect, out);
  return out;
}

function collect(term: SpreadTerm, out: SpreadTerm[]): boolean {
  out.push(term);
  return false;
}

const ANTI_AFFINITY_FIELDS = ['requiredDuringSchedulingIgnoredDuringExecution', 'preferredDuringSchedulingIgnoredDuringExecution'] as const;

/**
 * Whether `test(term, arg)` holds for a spreading term of `spec`, in the order of `spreadTerms`:
 * stops at the first that does. `test` takes what it needs as `arg`, so that a caller allocates no
 * closure and no list of terms.
 */
function someTerm<A>(spec: JsonObject, kind: ComponentKind | undefined, test: (term: SpreadTerm, arg: A) => boolean, arg: A): boolean {
  const filled = kind === undefined || SELECTOR_FILLED_BY_OPERATOR.has(kind);
  const tsc = spec.topologySpreadConstraints;
  if (Array.isArray(tsc)) {
    for (const c of tsc) {
      if (!isObj(c)) continue;
      const skew = typeof c.maxSkew === 'number' && c.maxSkew >= 1 ? Math.floor(c.maxSkew) : 1;
      if (test({ key: String(c.topologyKey ?? ''), anti: false, hard: c.whenUnsatisfiable === 'DoNotSchedule', selects: filled || isObj(c.labelSelector), maxSkew: skew }, arg)) return true;
    }
  }
  const anti = isObj(spec.affinity) ? spec.affinity.podAntiAffinity : undefined;
  if (isObj(anti)) {
    for (const field of ANTI_AFFINITY_FIELDS) {
      const list = anti[field];
      if (!Array.isArray(list)) continue;
      for (const term of list) {
        if (!isObj(term)) continue;
        const inner = isObj(term.podAffinityTerm) ? term.podAffinityTerm : term;
        // A pod (anti-)affinity term without a labelSelector matches no pod: it keeps nothing apart.
        if (test({ key: String(inner.topologyKey ?? ''), anti: true, hard: field.startsWith('required'), selects: isObj(inner.labelSelector), maxSkew: 1 }, arg)) return true;
      }
    }
  }
  return false;
}

function topologyKeys(spec: JsonObject): string[] {
  return spreadTerms(spec, undefined).map((t) => t.key);
}

export function spreadingOf(spec: JsonObject): Spreading {
  const keys = topologyKeys(spec);
  if (keys.length === 0) return 'none';
  if (keys.includes(HOSTNAME_KEY)) return 'hostname';
  if (keys.includes(ZONE_KEY)) return 'zone';
  return 'custom';
}

/**
 * How many zones the pods can run in: the values of a required node affinity `In` on the zone key,
 * 1 with a nodeSelector on it, else `fallback` (the design's zone count, 3 unless it says otherwise).
 */
export function zonesOf(spec: JsonObject, fallback = DEFAULT_ZONES): number {
  const sel = spec.nodeSelector;
  if (isObj(sel) && typeof sel[ZONE_KEY] === 'string') return 1;
  const na = isObj(spec.affinity) ? spec.affinity.nodeAffinity : undefined;
  const req = isObj(na) ? na.requiredDuringSchedulingIgnoredDuringExecution : undefined;
  const nodeTerms = isObj(req) && Array.isArray(req.nodeSelectorTerms) ? req.nodeSelectorTerms : [];
  if (nodeTerms.length === 0) return fallback;
  // Terms are ORed: the pods may use the zones of every term together.
  const zones = new Set<string>();
  for (const term of nodeTerms) {
    if (!isObj(term) || !Array.isArray(term.matchExpressions)) return fallback;
    const e = term.matchExpressions.find((x) => isObj(x) && x.key === ZONE_KEY && x.operator === 'In' && Array.isArray(x.values));
    if (!isObj(e)) return fallback;
    for (const z of e.values as unknown[]) zones.add(String(z));
  }
  return zones.size > 0 ? zones.size : fallback;
}

/** What `spreadsOverNodes` needs to know of the component: its kind (who fills selectors) and its replicas. */
export interface SpreadContext {
  kind?: ComponentKind;
  replicas?: number;
}

/**
 * Whether no single node failure can take every replica down (catalog `replicas-without-spreading`):
 * a hard or soft spread on kubernetes.io/hostname (topologySpreadConstraints or pod anti-affinity),
 * or a hard spread on topology.kubernetes.io/zone (DoNotSchedule with maxSkew 1, or required
 * anti-affinity) with no more replicas than zones: each pod then sits in a zone of its own, and so
 * on a node of its own. Terms that select no pods do not count: anti-affinity without a
 * labelSelector, and constraints without one on kinds whose selector the operator does not fill
 * (VMAuth, VMSingle). Without `ctx.kind` constraints are taken as filled; without `ctx.replicas`
 * no zone spread counts.
 */
export function spreadsOverNodes(spec: JsonObject, ctx: SpreadContext = {}): boolean {
  return someTerm(spec, ctx.kind, keepsNodesApart, { spec, replicas: ctx.replicas });
}

function keepsNodesApart(t: SpreadTerm, of: { spec: JsonObject; replicas: number | undefined }): boolean {
  if (!t.selects) return false;
  if (t.key === HOSTNAME_KEY) return true;
  return t.key === ZONE_KEY && t.hard && t.maxSkew <= 1 && of.replicas !== undefined && of.replicas <= zonesOf(of.spec);
}

/**
 * How a written constraint binds: `ScheduleAnyway` (the default) is a preference the scheduler may
 * break; `DoNotSchedule` keeps a pod pending rather than break it, so only it (with maxSkew 1)
 * guarantees that the replicas sit on different nodes (the failure simulation counts only it).
 */
export interface SpreadOptions {
  whenUnsatisfiable?: 'ScheduleAnyway' | 'DoNotSchedule';
}

/** A standard constraint on `topologyKey` (soft unless `opts` says DoNotSchedule), with the labelSelector `owner` needs written out. */
export function spreadConstraint(topologyKey: string, owner?: SpreadOwner, opts: SpreadOptions = {}): JsonObject {
  const c: JsonObject = { maxSkew: 1, topologyKey, whenUnsatisfiable: opts.whenUnsatisfiable ?? 'ScheduleAnyway' };
  const selector = owner && spreadLabelSelector(owner);
  if (selector) c.labelSelector = selector;
  return c;
}

/**
 * Sets the standard constraint: one pod per node (or zone) where possible. The operator fills the
 * labelSelector with the component's own selector labels for most kinds; for VMAuth and VMSingle
 * it is written out from `owner` (the component), since the operator leaves it empty there.
 * The constraints are ScheduleAnyway unless `opts.whenUnsatisfiable` is DoNotSchedule.
 */
export function withSpreading(spec: JsonObject, choice: Exclude<Spreading, 'custom'>, owner: SpreadOwner, opts: SpreadOptions = {}): JsonObject {
  const { topologySpreadConstraints: _old, ...rest } = spec;
  if (choice === 'none') return rest;
  const keys = choice === 'zone' ? [ZONE_KEY, HOSTNAME_KEY] : [HOSTNAME_KEY];
  return { ...rest, topologySpreadConstraints: keys.map((k) => spreadConstraint(k, owner, opts)) };
}

/**
 * Makes `spec` spread over nodes, keeping what it has: constraints without a labelSelector get the
 * owner's where the operator would not fill it, and a soft hostname constraint is added unless one
 * on hostname is there already.
 */
export function ensureNodeSpreading(spec: JsonObject, owner: SpreadOwner): JsonObject {
  const selector = spreadLabelSelector(owner);
  const old = Array.isArray(spec.topologySpreadConstraints) ? spec.topologySpreadConstraints : [];
  const kept = old.map((c) => (selector && isObj(c) && !isObj(c.labelSelector) ? { ...c, labelSelector: structuredClone(selector) } : c));
  const hasHostname = kept.some((c) => isObj(c) && c.topologyKey === HOSTNAME_KEY);
  return { ...spec, topologySpreadConstraints: hasHostname ? kept : [...kept, spreadConstraint(HOSTNAME_KEY, owner)] };
}
