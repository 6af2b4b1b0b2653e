/**
 * Shared readers for the rules. Everything that needs a pass over the whole topology is computed
 * once per topology version (WeakMap caches), so that every rule stays linear in its size.
 */
import { componentPositions, describe, getComponent, namespaceOf, rawField, replicasOf, withField } from '../access.ts';
import { updateComponent, updateLink } from '../edit.ts';
import { linksFrom, linksTo, storageOf } from '../links.ts';
import type { Component, ComponentKind, JsonObject, Link, Topology } from '../topology.ts';
import { isClusterPart } from '../topology.ts';
import { formatDuration, parseDuration, parseQuantity } from '../values.ts';

export type Parts = Partial<Record<'vminsert' | 'vmselect' | 'vmstorage', Component>>;

interface Ctx {
  byKind: Map<ComponentKind, Component[]>;
  parts: Map<string, Parts>;
  /** `<namespace>/<name>` of each VMCluster, to resolve URLs. */
  clusterByRef: Map<string, Component>;
  /** Answers by component id, filled as rules ask: several rules ask each of these about the same component. */
  agentsInto: Map<string, Component[]>;
  writtenBy: Map<string, Component[]>;
  holders: Map<string, Component[]>;
  explicitDedup: Map<string, ExplicitDedup | undefined>;
}

/** `table`'s answer about `c`, computed on the first ask (`compute` is a plain function: no closure per ask). */
function memo<T>(table: Map<string, T>, t: Topology, c: Component, compute: (t: Topology, c: Component) => T): T {
  if (table.has(c.id)) return table.get(c.id) as T;
  const value = compute(t, c);
  table.set(c.id, value);
  return value;
}

const ctxCache = new WeakMap<Topology, Ctx>();

function ctx(t: Topology): Ctx {
  let c = ctxCache.get(t);
  if (c) return c;
  c = { byKind: new Map(), parts: new Map(), clusterByRef: new Map(), agentsInto: new Map(), writtenBy: new Map(), holders: new Map(), explicitDedup: new Map() };
  for (const comp of t.components) {
    const list = c.byKind.get(comp.kind);
    if (list) list.push(comp);
    else c.byKind.set(comp.kind, [comp]);
    if (isClusterPart(comp.kind) && comp.cluster !== undefined) {
      const p = c.parts.get(comp.cluster) ?? {};
      p[comp.kind] ??= comp;
      c.parts.set(comp.cluster, p);
    }
    if (comp.kind === 'VMCluster') c.clusterByRef.set(`${comp.namespace ?? t.namespace}/${comp.name ?? ''}`, comp);
  }
  ctxCache.set(t, c);
  return c;
}

export function ofKind(t: Topology, kind: ComponentKind): Component[] {
  return ctx(t).byKind.get(kind) ?? [];
}

/** The parts of a cluster, by kind (indexed; `partsOf` in access.ts scans every component). */
export function parts(t: Topology, clusterId: string): Parts {
  return ctx(t).parts.get(clusterId) ?? {};
}

export function clusterByRef(t: Topology, namespace: string, name: string): Component | undefined {
  return ctx(t).clusterByRef.get(`${namespace}/${name}`);
}

// ---------- small value readers ----------

export const isObj = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A whole number, from a number or a string of digits (`extraArgs` hold strings). */
export function num(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^-?\d+$/.test(v.trim())) return Number(v.trim());
  return undefined;
}

export function ms(v: unknown): number | undefined {
  return typeof v === 'string' ? parseDuration(v) : undefined;
}

export const dur = (msValue: number): string => formatDuration(msValue);

const VM_BYTES: Record<string, number> = {
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
  tib: 1024 ** 4,
};

/** Bytes, from a Kubernetes quantity (`1Gi`), a VictoriaMetrics size (`1GB`, `500MiB`) or a number. */
export function bytes(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) && v >= 0 ? v : undefined;
  if (typeof v !== 'string') return undefined;
  const q = parseQuantity(v);
  if (q !== undefined) return q;
  const m = /^(\d+(?:\.\d+)?)\s*([kmgt]i?b)$/i.exec(v.trim());
  return m ? Number(m[1]) * VM_BYTES[m[2]!.toLowerCase()]! : undefined;
}

export const MI = 1024 ** 2;
export const GI = 1024 ** 3;

export function showBytes(b: number): string {
  if (b >= GI && b % GI === 0) return `${b / GI}Gi`;
  if (b >= MI) return `${Math.round((b / MI) * 10) / 10}Mi`;
  return `${b}B`;
}

export function extraArg(c: Component, key: string): unknown {
  const ea = c.spec.extraArgs;
  return isObj(ea) ? ea[key] : undefined;
}

export function withExtraArg(c: Component, key: string, value: string | undefined): Component {
  const ea = isObj(c.spec.extraArgs) ? { ...c.spec.extraArgs } : {};
  if (value === undefined) delete ea[key];
  else ea[key] = value;
  const spec = { ...c.spec };
  if (Object.keys(ea).length === 0) delete spec.extraArgs;
  else spec.extraArgs = ea;
  return { ...c, spec };
}

export function setSpec(t: Topology, id: string, patch: JsonObject): Topology {
  return updateComponent(t, id, (c) => {
    const spec = { ...c.spec };
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined) delete spec[k];
      else spec[k] = v;
    }
    return { ...c, spec };
  });
}

export function setField(t: Topology, id: string, key: string, value: unknown): Topology {
  return updateComponent(t, id, (c) => withField(c, key, value));
}

/** Deterministic JSON (sorted keys), for grouping by value. */
export function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (isObj(v)) {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson(v[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

/** `vmagent 'a', vmagent 'b' and 3 more`. */
export function listOf(t: Topology, comps: Component[], max = 3): string {
  const names = comps.slice(0, max).map((c) => describe(t, c));
  const more = comps.length - names.length;
  if (more > 0) return `${names.join(', ')} and ${more} more`;
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function uniqueById(comps: (Component | undefined)[]): Component[] {
  const seen = new Set<string>();
  const out: Component[] = [];
  for (const c of comps) {
    if (c && !seen.has(c.id)) {
      seen.add(c.id);
      out.push(c);
    }
  }
  return out;
}

// ---------- storage and dedup ----------

/** Every storage of the design: VMSingles and VMClusters, in component order. */
export function storages(t: Topology): Component[] {
  return t.components.length === 0 ? [] : [...ofKind(t, 'VMSingle'), ...ofKind(t, 'VMCluster')];
}

/** Where writes into a storage land: the VMSingle itself, or the cluster's vminsert. */
export function writeEntry(t: Topology, s: Component): Component | undefined {
  return s.kind === 'VMSingle' ? s : parts(t, s.id).vminsert;
}

// Memoized per design version (see `memo`); the compute functions are declared once, so that an
// ask allocates nothing.

function computeAgentsInto(t: Topology, s: Component): Component[] {
  const entry = writeEntry(t, s);
  return entry ? uniqueById(linksTo(t, entry.id, 'remoteWrite').map((l) => getComponent(t, l.source))).filter((c) => c.kind === 'VMAgent') : [];
}

/** The VMAgents with a remoteWrite link into storage S ("agents→S"). Shared: do not modify the array. */
export function agentsInto(t: Topology, s: Component): Component[] {
  return memo(ctx(t).agentsInto, t, s, computeAgentsInto);
}

function computeWrittenBy(t: Topology, c: Component): Component[] {
  return uniqueById(linksFrom(t, c.id, 'remoteWrite').map((l) => storageOf(t, getComponent(t, l.target))));
}

/** The storages (VMSingle / VMCluster) a component remote-writes to. Shared: do not modify the array. */
export function storagesWrittenBy(t: Topology, c: Component): Component[] {
  return memo(ctx(t).writtenBy, t, c, computeWrittenBy);
}

function computeHolders(t: Topology, s: Component): Component[] {
  if (s.kind === 'VMSingle') return [s];
  const p = parts(t, s.id);
  return [p.vmselect, p.vmstorage].filter((c): c is Component => c !== undefined);
}

/** The components whose extraArgs hold the dedup interval: the VMSingle, or vmselect and vmstorage. Shared: do not modify the array. */
export function dedupHolders(t: Topology, s: Component): Component[] {
  return memo(ctx(t).holders, t, s, computeHolders);
}

export function replicationFactor(cluster: Component): number | undefined {
  return num(rawField(cluster, 'replicationFactor'));
}

export interface ExplicitDedup {
  value: string;
  ms: number | undefined;
}

function computeExplicitDedup(t: Topology, s: Component): ExplicitDedup | undefined {
  for (const h of dedupHolders(t, s)) {
    const v = rawField(h, 'dedupInterval');
    if (typeof v === 'string') return { value: v, ms: parseDuration(v) };
  }
  return undefined;
}

/** dedup.minScrapeInterval as set by the user (cluster: vmselect's, else vmstorage's). */
export function explicitDedup(t: Topology, s: Component): ExplicitDedup | undefined {
  return memo(ctx(t).explicitDedup, t, s, computeExplicitDedup);
}

/** dedup(S) in effect: explicit, else (cluster) downsampling.dedupInterval or the automatic 1ms when RF>1. */
export function effectiveDedupMs(t: Topology, s: Component): number | undefined {
  const explicit = explicitDedup(t, s);
  if (explicit) return explicit.ms;
  if (s.kind !== 'VMCluster') return undefined;
  const ds = isObj(s.spec.downsampling) ? ms(s.spec.downsampling.dedupInterval) : undefined;
  if (ds !== undefined) return ds;
  return (replicationFactor(s) ?? 0) > 1 ? 1 : undefined;
}

export function setDedup(t: Topology, s: Component, value: string): Topology {
  let next = t;
  for (const h of dedupHolders(t, s)) next = setField(next, h.id, 'dedupInterval', value);
  return next;
}

export function dedupTarget(t: Topology, s: Component): string {
  return s.kind === 'VMCluster' ? 'on both vmselect and vmstorage' : `on ${describe(t, s)}`;
}

// ---------- agents ----------

export const DEFAULT_SCRAPE_MS = 30_000;
export const DEFAULT_EVAL_MS = 60_000;

export function scrapeMs(a: Component): number {
  return ms(rawField(a, 'scrapeInterval')) ?? DEFAULT_SCRAPE_MS;
}

/** The largest scrape interval of the agents writing to S (the dedup interval HA copies need). */
export function requiredDedupMs(t: Topology, s: Component): number | undefined {
  const agents = agentsInto(t, s);
  return agents.length === 0 ? undefined : Math.max(...agents.map(scrapeMs));
}

export const isDaemonSet = (a: Component): boolean => a.spec.daemonSetMode === true;

export function clusterReplication(a: Component): number | undefined {
  return num(rawField(a, 'clusterReplicationFactor'));
}

export const SCRAPE_SELECTOR_FIELDS = [
  'serviceScrapeSelector',
  'serviceScrapeNamespaceSelector',
  'podScrapeSelector',
  'podScrapeNamespaceSelector',
  'nodeScrapeSelector',
  'nodeScrapeNamespaceSelector',
  'probeSelector',
  'probeNamespaceSelector',
  'staticScrapeSelector',
  'staticScrapeNamespaceSelector',
  'scrapeConfigSelector',
  'scrapeConfigNamespaceSelector',
] as const;

const present = (v: unknown) => v !== undefined && v !== null && v !== '';

/** No selector, no selectAllByDefault, no inline or additional config: the agent scrapes nothing. */
export function selectsNothing(a: Component): boolean {
  const s = a.spec;
  return (
    s.selectAllByDefault !== true &&
    SCRAPE_SELECTOR_FIELDS.every((f) => !present(s[f])) &&
    !present(s.inlineScrapeConfig) &&
    !present(s.additionalScrapeConfigs)
  );
}

export const SELECT_ALL_KEY = 'all';

/** Every field that says what an agent scrapes. */
const SELECTION_FIELDS = [...SCRAPE_SELECTOR_FIELDS, 'inlineScrapeConfig', 'additionalScrapeConfigs'];

/**
 * What an agent scrapes, as a key: two CRs with the same key into the same storage are an HA pair.
 * Undefined for an agent that scrapes nothing (ingest only, or no selection).
 */
export function selectionKey(a: Component): string | undefined {
  if (a.spec.ingestOnlyMode === true || selectsNothing(a)) return undefined;
  if (a.spec.selectAllByDefault === true) return SELECT_ALL_KEY;
  const sel: JsonObject = {};
  for (const f of SELECTION_FIELDS) {
    if (present(a.spec[f])) sel[f] = a.spec[f];
  }
  return stableJson(sel);
}

/** The labels an agent adds to every scraped series: `<externalLabelName>=<ns>/<name>` merged with externalLabels. */
export function externalLabelsOf(t: Topology, a: Component): Record<string, string> {
  const raw = a.spec.externalLabelName ?? a.spec.vmAgentExternalLabelName;
  const name = typeof raw === 'string' ? raw : 'prometheus';
  const out: Record<string, string> = {};
  if (name !== '') out[name] = `${namespaceOf(t, a)}/${a.name ?? ''}`;
  const extra = a.spec.externalLabels;
  if (isObj(extra)) for (const [k, v] of Object.entries(extra)) out[k] = String(v);
  return out;
}

export interface HaGroup {
  /** Distinct VMAgent CRs that scrape the same targets into the same storage, in component order. */
  agents: Component[];
  storages: Component[];
}

interface HaIndex {
  groups: HaGroup[];
  /** Per storage id: the agents that are in an HA pair into it. */
  paired: Map<string, Set<string>>;
  /** Per storage id: the HA groups writing into it. */
  byStorage: Map<string, HaGroup[]>;
  /** Per agent id: every agent linked to it through HA pairs, transitively (itself included). */
  linked: Map<string, Component[]>;
}
const haCache = new WeakMap<Topology, HaIndex>();

export function haIndex(t: Topology): HaIndex {
  let idx = haCache.get(t);
  if (idx) return idx;
  idx = { groups: [], paired: new Map(), byStorage: new Map(), linked: new Map() };
  const pos = componentPositions(t);
  const bySet = new Map<string, HaGroup>();
  for (const s of storages(t)) {
    const byKey = new Map<string, Component[]>();
    for (const a of agentsInto(t, s)) {
      const key = selectionKey(a);
      if (key === undefined) continue;
      const list = byKey.get(key);
      if (list) list.push(a);
      else byKey.set(key, [a]);
    }
    for (const list of byKey.values()) {
      if (list.length < 2) continue;
      list.sort((x, y) => pos.get(x.id)! - pos.get(y.id)!);
      const paired = idx.paired.get(s.id) ?? new Set();
      for (const a of list) paired.add(a.id);
      idx.paired.set(s.id, paired);
      const setKey = list.map((a) => a.id).join('\u0000');
      let g = bySet.get(setKey);
      if (g) g.storages.push(s);
      else {
        g = { agents: list, storages: [s] };
        bySet.set(setKey, g);
        idx.groups.push(g);
      }
      idx.byStorage.set(s.id, [...(idx.byStorage.get(s.id) ?? []), g]);
    }
  }
  // Union-find over the groups: agents that share a pair end up in one set.
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  for (const g of idx.groups) {
    for (const a of g.agents) if (!parent.has(a.id)) parent.set(a.id, a.id);
    for (const a of g.agents.slice(1)) parent.set(find(a.id), find(g.agents[0]!.id));
  }
  const sets = new Map<string, Component[]>();
  for (const g of idx.groups) {
    for (const a of g.agents) {
      if (idx.linked.has(a.id)) continue;
      const root = find(a.id);
      const set = sets.get(root) ?? [];
      set.push(a);
      sets.set(root, set);
      idx.linked.set(a.id, set);
    }
  }
  haCache.set(t, idx);
  return idx;
}

/**
 * Sets `replicaCount` on an agent and, for every storage it writes to, raises dedup to the agents'
 * scrape interval where it is missing or shorter (HA agents need it; catalog `ha-agents-without-dedup`).
 */
export function withAgentReplicas(t: Topology, agentId: string, replicas: number): Topology {
  let next = setField(t, agentId, 'replicaCount', replicas);
  const agent = getComponent(next, agentId);
  if (!agent) return next;
  for (const s of storagesWrittenBy(next, agent)) next = ensureDedup(next, s.id);
  return next;
}

/** Raises dedup(S) to the largest scrape interval of the agents writing to S when it is below. */
export function ensureDedup(t: Topology, storageId: string): Topology {
  const s = getComponent(t, storageId);
  if (!s) return t;
  const need = requiredDedupMs(t, s);
  if (need === undefined) return t;
  const have = effectiveDedupMs(t, s);
  return have !== undefined && have >= need ? t : setDedup(t, s, dur(need));
}

/** The dedup changes `withAgentReplicas` would make, for the fix label. */
export function dedupChanges(t: Topology, agent: Component): string[] {
  const out: string[] = [];
  for (const s of storagesWrittenBy(t, agent)) {
    const agents = agentsInto(t, s);
    const need = Math.max(...agents.map(scrapeMs));
    const have = effectiveDedupMs(t, s);
    if (have === undefined || have < need) out.push(`dedup.minScrapeInterval ${dur(need)} ${dedupTarget(t, s)}${s.kind === 'VMCluster' ? ` of ${describe(t, s)}` : ''}`);
  }
  return out;
}

/** Whether every storage the agent writes to can carry a dedup setting. */
export function dedupSettable(t: Topology, agent: Component): boolean {
  return storagesWrittenBy(t, agent).every((s) => dedupHolders(t, s).length > 0);
}

// ---------- alertmanager notifiers ----------

export const INSTANCE_LABEL = 'app.kubernetes.io/instance';

/** Gives an unlabelled VMAlertmanager a label, so that a generated notifier selector has something to match. */
export function ensureLabels(t: Topology, amId: string): Topology {
  const am = getComponent(t, amId);
  if (!am || (am.labels && Object.keys(am.labels).length > 0)) return t;
  return updateComponent(t, amId, (c) => ({ ...c, labels: { [INSTANCE_LABEL]: c.name ?? '' } }));
}

/** Whether a notifier link reaches every one of `replicas` alertmanager pods. */
export function notifierReachesAll(l: Link, replicas: number): boolean {
  const mode = l.notify ?? 'selector';
  if (mode === 'selector') return true;
  if (mode === 'service') return replicas <= 1;
  if (!l.pods) return true;
  const listed = new Set(l.pods);
  for (let i = 0; i < replicas; i++) if (!listed.has(i)) return false;
  return true;
}

/** Switches the notifier links into an alertmanager (optionally from one VMAlert) that miss pods to `selector`. */
export function notifyBySelector(t: Topology, amId: string, fromId?: string): Topology {
  const am = getComponent(t, amId);
  if (!am) return t;
  const replicas = replicasOf(am);
  let next = t;
  for (const l of linksTo(t, amId, 'notifier')) {
    if (fromId !== undefined && l.source !== fromId) continue;
    if (notifierReachesAll(l, replicas)) continue;
    next = updateLink(next, l.id, (x) => {
      const { pods: _pods, ...rest } = x;
      return { ...rest, notify: 'selector' };
    });
  }
  return next === t ? t : ensureLabels(next, amId);
}

/** Sets an alertmanager's replicas and keeps every VMAlert reaching all of its pods. */
export function withAlertmanagerReplicas(t: Topology, amId: string, replicas: number): Topology {
  return notifyBySelector(setField(t, amId, 'replicaCount', replicas), amId);
}
