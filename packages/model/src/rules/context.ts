/**
 * Shared readers for the rules. Everything that needs a pass over the whole topology is computed
 * once per topology version (WeakMap caches), so that every rule stays linear in its size.
 */
import { componentPositions, describe, getComponent, namespaceOf, partsOf, rawField, replicasOf, withField } from '../access.ts';
import { updateComponent, updateLink } from '../edit.ts';
import { podsAllowedDown } from '../operator/disruption.ts';
import { operatorDedup } from '../operator/vmcluster.ts';
import { linksFrom, linksTo, storageOf } from '../links.ts';
import type { Component, ComponentKind, JsonObject, Link, Topology } from '../topology.ts';
import { isClusterPart } from '../topology.ts';
import { formatDuration, parseDuration, parseQuantity } from '../values.ts';
import { VersionCache } from '../versions.ts';
import { jsonHash, mix, sameJson } from './json-equal.ts';

interface Ctx {
  byKind: Map<ComponentKind, Component[]>;
  /** `<namespace>/<name>` of each VMCluster, to resolve URLs. */
  clusterByRef: Map<string, Component>;
  /** Answers by component id, filled as rules ask: several rules ask each of these about the same component. */
  agentsInto: Answers<Component[]>;
  writtenBy: Answers<Component[]>;
  holders: Answers<Component[]>;
  explicitDedup: Answers<ExplicitDedup | undefined>;
  requiredDedup: Answers<number | undefined>;
  dedupChange: Answers<string | undefined>;
  /** `describe` of each component, by position in `t.components`, made on the first ask. */
  names: (string | undefined)[];
}

/** Stands for the answer `undefined` in a table of answers, so that finding any answer is one lookup. */
const UNDEFINED: unique symbol = Symbol('undefined');

/** Answers by component id. */
type Answers<T> = Map<string, T | typeof UNDEFINED>;

/** `table`'s answer about `c`, computed on the first ask (`compute` is a plain function: no closure per ask). */
function memo<T>(table: Answers<T>, t: Topology, c: Component, compute: (t: Topology, c: Component) => T): T {
  const known = table.get(c.id);
  if (known !== undefined) return known === UNDEFINED ? (undefined as T) : known;
  const value = compute(t, c);
  table.set(c.id, value === undefined ? UNDEFINED : value);
  return value;
}

const ctxCache = new VersionCache<Topology, Ctx>();

function ctx(t: Topology): Ctx {
  let c = ctxCache.get(t);
  if (c) return c;
  c = { byKind: new Map(), clusterByRef: new Map(), agentsInto: new Map(), writtenBy: new Map(), holders: new Map(), explicitDedup: new Map(), requiredDedup: new Map(), dedupChange: new Map(), names: new Array<string | undefined>(t.components.length) };
  for (const comp of t.components) {
    const list = c.byKind.get(comp.kind);
    if (list) list.push(comp);
    else c.byKind.set(comp.kind, [comp]);
    if (comp.kind === 'VMCluster') c.clusterByRef.set(`${comp.namespace ?? t.namespace}/${comp.name ?? ''}`, comp);
  }
  ctxCache.set(t, c);
  return c;
}

export function ofKind(t: Topology, kind: ComponentKind): Component[] {
  return ctx(t).byKind.get(kind) ?? [];
}

/**
 * How messages name a component (`describe`), made once per component and design version: the
 * rules name one component in several messages (and in fix labels), and each `describe` is a new
 * string of two concatenations.
 */
export function named(t: Topology, c: Component): string {
  const i = componentPositions(t).get(c.id);
  // Only the component at that position: a broken design may repeat an id.
  if (i === undefined || t.components[i] !== c) return describe(t, c);
  const names = ctx(t).names;
  return (names[i] ??= describe(t, c));
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

/** Whether every object in `v` has its keys in ascending order (then JSON.stringify is already stable). */
function keysSorted(v: unknown): boolean {
  if (Array.isArray(v)) {
    for (const x of v) if (!keysSorted(x)) return false;
    return true;
  }
  if (!isObj(v)) return true;
  let prev: string | undefined;
  for (const k in v) {
    if (prev !== undefined && prev >= k) return false;
    if (!keysSorted(v[k])) return false;
    prev = k;
  }
  return true;
}

function sortedCopy(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortedCopy);
  if (!isObj(v)) return v;
  // No prototype: a `__proto__` key stays a key.
  const out: JsonObject = Object.create(null) as JsonObject;
  for (const k of Object.keys(v).sort()) out[k] = sortedCopy(v[k]) as JsonObject[string];
  return out;
}

/**
 * Deterministic JSON (sorted keys), for grouping by value. Most values (a selector's one
 * `matchLabels` entry) are sorted already: they go to JSON.stringify as they are, with no copy.
 */
export function stableJson(v: unknown): string {
  return JSON.stringify(stable(v)) ?? 'null';
}

/** `v`, or a copy of it with its keys sorted when they are not already. */
const stable = (v: unknown) => (keysSorted(v) ? v : sortedCopy(v)) as JsonObject[string];

/** `vmagent 'a', vmagent 'b' and 3 more`. */
export function listOf(t: Topology, comps: readonly Component[], max = 3): string {
  // One string built in a loop: thousands of findings name their agents this way.
  const shown = Math.min(comps.length, max);
  const more = comps.length - shown;
  let out = '';
  for (let i = 0; i < shown; i++) out += (i === 0 ? '' : more === 0 && i === shown - 1 ? ' and ' : ', ') + named(t, comps[i]!);
  return more > 0 ? `${out} and ${more} more` : out;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The ids of the components of `lists`, in order, in one array of the exact size (a pushed-to array grows by 16 spare slots). */
export function idsOf(...lists: readonly (readonly Component[])[]): string[] {
  let n = 0;
  for (const list of lists) n += list.length;
  const out = new Array<string>(n);
  let i = 0;
  for (const list of lists) for (const c of list) out[i++] = c.id;
  return out;
}

/** Lists up to this long are deduplicated by scanning what is kept (no Set): most are one to three. */
export const SHORT_LIST = 8;

function hasId(list: readonly Component[], id: string): boolean {
  for (const x of list) if (x.id === id) return true;
  return false;
}

export function uniqueById(comps: (Component | undefined)[]): Component[] {
  const out: Component[] = [];
  if (comps.length <= SHORT_LIST) {
    for (const c of comps) if (c && !hasId(out, c.id)) out.push(c);
    return out;
  }
  const seen = new Set<string>();
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

/**
 * Where writes into a storage land: the VMSingle itself, or the cluster's vminsert. A VMAuth (a
 * write destination whose backends the design does not know) is its own entry.
 */
export function writeEntry(t: Topology, s: Component): Component | undefined {
  return s.kind === 'VMSingle' || s.kind === 'VMAuth' ? s : partsOf(t, s.id).vminsert;
}

// Memoized per design version (see `memo`); the compute functions are declared once, so that an
// ask allocates nothing.

function computeAgentsInto(t: Topology, s: Component): Component[] {
  const entry = writeEntry(t, s);
  if (!entry) return [];
  const links = linksTo(t, entry.id, 'remoteWrite');
  // As many places as links, cut to the agents among them (a pushed-to array grows by 16 spare
  // slots); an indexed loop: allocation profiles showed the for-of here making an iterator result per step.
  const writers = new Array<Component>(links.length);
  let n = 0;
  let repeats = false;
  for (let i = 0; i < links.length; i++) {
    const c = getComponent(t, links[i]!.source);
    if (c?.kind !== 'VMAgent') continue;
    writers[n++] = c;
    // An agent comes twice only through a second remote-write link: with one each, no dedup pass.
    repeats ||= linksFrom(t, c.id, 'remoteWrite').length > 1;
  }
  writers.length = n;
  return repeats ? uniqueById(writers) : writers;
}

/** The VMAgents with a remoteWrite link into storage S ("agents→S"), or into a VMAuth. Shared: do not modify the array. */
export function agentsInto(t: Topology, s: Component): Component[] {
  return memo(ctx(t).agentsInto, t, s, computeAgentsInto);
}

function computeWrittenBy(t: Topology, c: Component): Component[] {
  const links = linksFrom(t, c.id, 'remoteWrite');
  if (links.length === 1) {
    const s = storageOf(t, getComponent(t, links[0]!.target));
    return s ? [s] : [];
  }
  return uniqueById(links.map((l) => storageOf(t, getComponent(t, l.target))));
}

/** The storages (VMSingle / VMCluster) a component remote-writes to. Shared: do not modify the array. */
export function storagesWrittenBy(t: Topology, c: Component): Component[] {
  return memo(ctx(t).writtenBy, t, c, computeWrittenBy);
}

function computeHolders(t: Topology, s: Component): Component[] {
  if (s.kind === 'VMSingle') return [s];
  const { vmselect, vmstorage } = partsOf(t, s.id);
  const out: Component[] = [];
  if (vmselect) out.push(vmselect);
  if (vmstorage) out.push(vmstorage);
  return out;
}

/** The components whose extraArgs hold the dedup interval: the VMSingle, or vmselect and vmstorage. Shared: do not modify the array. */
export function dedupHolders(t: Topology, s: Component): Component[] {
  return memo(ctx(t).holders, t, s, computeHolders);
}

export function replicationFactor(cluster: Component): number | undefined {
  return num(rawField(cluster, 'replicationFactor'));
}

// ---------- vmstorage disruption budget against the replication factor ----------

const isSet = (v: unknown) => v !== undefined && v !== null;

export interface StorageBudget {
  rf: number;
  pdb: JsonObject;
  replicas: number;
  /** Pods the budget lets be unavailable at once. */
  down: number;
}

/**
 * The vmstorage budget of a cluster when it lets RF or more pods be unavailable at once (catalog
 * `vmstorage-disruption-exceeds-rf`: maxUnavailable ≥ RF, a percentage resolving to ≥ RF,
 * minAvailable ≤ replicas − RF, or maxUnavailable 100%). Only with RF ≥ 2: with one copy any
 * eviction makes data partial whatever the budget says.
 */
export function budgetExceedingRf(cluster: Component, vs: Component): StorageBudget | undefined {
  const rf = replicationFactor(cluster);
  const pdb = vs.spec.podDisruptionBudget;
  if (rf === undefined || rf < 2 || !isObj(pdb) || !(isSet(pdb.maxUnavailable) || isSet(pdb.minAvailable))) return undefined;
  const replicas = replicasOf(vs);
  const down = podsAllowedDown(pdb, replicas);
  return down >= rf || pdb.maxUnavailable === '100%' ? { rf, pdb, replicas, down } : undefined;
}

/** Sets a component's podDisruptionBudget to maxUnavailable: 1 (clearing minAvailable, keeping its other fields). */
export function withPdbMaxUnavailableOne(t: Topology, id: string): Topology {
  return updateComponent(t, id, (x) => {
    const old = isObj(x.spec.podDisruptionBudget) ? { ...x.spec.podDisruptionBudget } : {};
    delete old.minAvailable;
    return { ...x, spec: { ...x.spec, podDisruptionBudget: { ...old, maxUnavailable: 1 } } };
  });
}

/**
 * Sets vmstorage.replicaCount; when its budget then lets a replication factor of pods go at once (a
 * percentage or minAvailable grows with the pods), also sets it to maxUnavailable: 1.
 */
export function withStorageReplicas(t: Topology, vsId: string, replicas: number): Topology {
  const next = setField(t, vsId, 'replicaCount', replicas);
  const vs = getComponent(next, vsId);
  const cluster = getComponent(next, vs?.cluster);
  return vs && cluster && budgetExceedingRf(cluster, vs) ? withPdbMaxUnavailableOne(next, vsId) : next;
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

/** dedup(S) in effect: explicit, else (cluster) what the operator passes (downsampling.dedupInterval, or 1ms when RF > 1). */
export function effectiveDedupMs(t: Topology, s: Component): number | undefined {
  const explicit = explicitDedup(t, s);
  if (explicit) return explicit.ms;
  return s.kind === 'VMCluster' ? ms(operatorDedup(s)?.value) : undefined;
}

export function setDedup(t: Topology, s: Component, value: string): Topology {
  let next = t;
  for (const h of dedupHolders(t, s)) next = setField(next, h.id, 'dedupInterval', value);
  return next;
}

export function dedupTarget(t: Topology, s: Component): string {
  return s.kind === 'VMCluster' ? 'on both vmselect and vmstorage' : `on ${named(t, s)}`;
}

// ---------- agents ----------

export const DEFAULT_SCRAPE_MS = 30_000;
export const DEFAULT_EVAL_MS = 60_000;

export function scrapeMs(a: Component): number {
  return ms(rawField(a, 'scrapeInterval')) ?? DEFAULT_SCRAPE_MS;
}

/**
 * Whether an agent scrapes: not `ingestOnlyMode` and selecting something. Only scraping agents
 * write HA copies: the replicas of an agent that only receives pushes share the pushed traffic
 * behind its ClusterIP Service and never duplicate it (catalog `ha-agents-without-dedup`).
 */
export function scrapes(a: Component): boolean {
  // What selectionKey(a) !== undefined says, read from the spec: no key is made or looked up.
  return a.spec.ingestOnlyMode !== true && !selectsNothing(a);
}

/** The scraping VMAgents writing to S (a new array). */
export function scrapingAgentsInto(t: Topology, s: Component): Component[] {
  return agentsInto(t, s).filter(scrapes);
}

function computeRequiredDedup(t: Topology, s: Component): number | undefined {
  let max: number | undefined;
  for (const a of agentsInto(t, s)) if (scrapes(a)) max = Math.max(max ?? 0, scrapeMs(a));
  return max;
}

/**
 * The largest scrape interval of the scraping agents writing to S (the dedup interval HA copies
 * need). Memoized: every agent's fix label asks it of its storages, and 5,000 agents into one
 * storage made that 5,000 passes over 5,000 agents.
 */
export function requiredDedupMs(t: Topology, s: Component): number | undefined {
  return memo(ctx(t).requiredDedup, t, s, computeRequiredDedup);
}

export const isDaemonSet = (a: Component): boolean => a.spec.daemonSetMode === true;

export function clusterReplication(a: Component): number | undefined {
  return num(rawField(a, 'clusterReplicationFactor'));
}

/** An agent that writes HA copies when it scrapes: its own replicas (a DaemonSet's pods scrape different nodes), or cluster.replicationFactor > 1. */
export function writesCopies(a: Component): boolean {
  return (!isDaemonSet(a) && replicasOf(a) > 1) || (clusterReplication(a) ?? 1) > 1;
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
  if (s.selectAllByDefault === true) return false;
  for (const f of SELECTION_FIELDS) if (present(s[f])) return false;
  return true;
}

export const SELECT_ALL_KEY = 'all';

/** Every field that says what an agent scrapes. */
const SELECTION_FIELDS = [...SCRAPE_SELECTOR_FIELDS, 'inlineScrapeConfig', 'additionalScrapeConfigs'];

/** The place of each field in SELECTION_FIELDS. */
const SELECTION_FIELD_AT = new Map(SELECTION_FIELDS.map((f, i) => [f, i]));

/**
 * What an agent scrapes, as a key: two CRs with the same key into the same storage are an HA pair.
 * Undefined for an agent that scrapes nothing (ingest only, or no selection).
 */
export function selectionKey(a: Component): string | undefined {
  // Per component object (edits replace the object): the HA index and the sizing ask again and
  // again. One lookup per ask: no selection is stored as NO_SELECTION, so a miss means not computed yet.
  let key = selectionKeys.get(a);
  if (key === undefined) selectionKeys.set(a, (key = computeSelectionKey(a) ?? NO_SELECTION));
  return key === NO_SELECTION ? undefined : key;
}

const selectionKeys = new WeakMap<Component, string>();
/** Never a key: a computed key is SELECT_ALL_KEY or a JSON object. */
const NO_SELECTION = '';

function computeSelectionKey(a: Component): string | undefined {
  const s = a.spec;
  if (s.ingestOnlyMode === true) return undefined;
  if (s.selectAllByDefault === true) return SELECT_ALL_KEY;
  // The present fields in their fixed order (so the top level needs no sorting), stringified at
  // once into one flat string; no field present is `selectsNothing`.
  let selection: JsonObject | undefined;
  for (const f of SELECTION_FIELDS) {
    const v = s[f];
    if (present(v)) (selection ??= {})[f] = stable(v);
  }
  return selection && JSON.stringify(selection);
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
  /** Distinct VMAgent CRs that scrape the same targets into the same destination, in component order. */
  agents: Component[];
  /** Where their copies land together: storages (VMSingle, VMCluster), or a VMAuth that routes their writes alike. */
  storages: Component[];
}

/**
 * HA copies that land in different VMClusters which one vmselect reads together (its own cluster
 * plus `extraStorageNodes` / `-storageNode` of another): the vmselect merges both clusters' series,
 * so copies with different labels come back twice.
 */
export interface ReadGroup {
  agents: Component[];
  /** The clusters (read by `reader`) the agents write to. */
  storages: Component[];
  reader: Component;
}

// ---------- clusters one vmselect reads ----------

/**
 * The VMCluster a vmselect storage-node address names: `vmstorage-<name>-<i>.vmstorage-<name>.<ns>[.svc[...]]:8401`
 * (or the Service `vmstorage-<name>.<ns>...`; `<name>-vmstorage` with useLegacyNaming). A name
 * without a namespace is in `defaultNs`.
 */
export function storageNodeCluster(t: Topology, addr: unknown, defaultNs: string): Component | undefined {
  if (typeof addr !== 'string') return undefined;
  const host = addr
    .trim()
    .replace(/^[a-z]+:\/\//i, '')
    .replace(/[:/].*$/, '')
    .replace(/\.$/, '');
  const labels = host.split('.');
  const pod = labels.length >= 2 && labels[0]!.startsWith(`${labels[1]}-`) && /^\d+$/.test(labels[0]!.slice(labels[1]!.length + 1));
  const [svc, ns, ...rest] = pod ? labels.slice(1) : labels;
  if (!svc || (rest.length > 0 && rest[0] !== 'svc')) return undefined;
  const viaDefault = svc.startsWith('vmstorage-') ? clusterByRef(t, ns ?? defaultNs, svc.slice('vmstorage-'.length)) : undefined;
  if (viaDefault && viaDefault.spec.useLegacyNaming !== true) return viaDefault;
  const viaLegacy = svc.endsWith('-vmstorage') ? clusterByRef(t, ns ?? defaultNs, svc.slice(0, -'-vmstorage'.length)) : undefined;
  return viaLegacy && viaLegacy.spec.useLegacyNaming === true ? viaLegacy : undefined;
}

/** The storage-node addresses a vmselect is given beyond its own cluster's: `extraStorageNodes[].addr` and `extraArgs.storageNode`. */
function extraStorageAddrs(sel: Component): unknown[] {
  const out: unknown[] = [];
  const extra = sel.spec.extraStorageNodes;
  if (Array.isArray(extra)) for (const n of extra) if (isObj(n)) out.push(n.addr);
  const flag = extraArg(sel, 'storageNode');
  if (typeof flag === 'string') out.push(...flag.split(','));
  return out;
}

interface ReadIndex {
  /** Per vmselect id that reads another cluster too: its own cluster first, then the others, each once. */
  reads: Map<string, Component[]>;
  /** Per cluster id: the vmselects (of any cluster) that read it together with another. */
  readers: Map<string, Component[]>;
}
const readCache = new WeakMap<Topology, ReadIndex>();

export function readIndex(t: Topology): ReadIndex {
  let idx = readCache.get(t);
  if (idx) return idx;
  idx = { reads: new Map(), readers: new Map() };
  for (const sel of ofKind(t, 'vmselect')) {
    const addrs = extraStorageAddrs(sel);
    if (addrs.length === 0) continue;
    const own = getComponent(t, sel.cluster);
    const ns = namespaceOf(t, sel);
    const read = uniqueById([own?.kind === 'VMCluster' ? own : undefined, ...addrs.map((a) => storageNodeCluster(t, a, ns))]);
    if (read.length < 2) continue;
    idx.reads.set(sel.id, read);
    for (const c of read) {
      const list = idx.readers.get(c.id);
      if (list) list.push(sel);
      else idx.readers.set(c.id, [sel]);
    }
  }
  readCache.set(t, idx);
  return idx;
}

/** The clusters a vmselect reads together (its own and those its extra storage nodes name); empty when only its own. */
export function clustersReadBy(t: Topology, sel: Component): Component[] {
  return readIndex(t).reads.get(sel.id) ?? [];
}

// ---------- HA pairs ----------

interface HaIndex {
  groups: HaGroup[];
  /** Pairs whose copies only meet in a vmselect reading several clusters (not already a group). */
  readGroups: ReadGroup[];
  /** Per storage id: the HA groups writing into it. */
  byStorage: Map<string, HaGroup[]>;
  /**
   * Per agent, at its position in `t.components` (`pairedWith` reads it): every agent linked to it
   * through HA pairs and read groups, transitively (itself included). An array of the design's
   * size, made with the first pair: a map by id of thousands of paired agents allocated ten times more.
   */
  linked: (Component[] | undefined)[] | undefined;
}
const haCache = new WeakMap<Topology, HaIndex>();

/** The hash of selectAllByDefault, a selection no JSON selection equals (`sameSelectionOf` tells them apart). */
const SELECT_ALL_HASH = 0x616c6c;

/**
 * A hash of what an agent scrapes, the same for agents with the same selectionKey, made without
 * the key; undefined for an agent that scrapes nothing, null when its selection is not plain JSON.
 */
function selectionHash(a: Component): number | undefined | null {
  const s = a.spec;
  if (s.ingestOnlyMode === true) return undefined;
  if (s.selectAllByDefault === true) return SELECT_ALL_HASH;
  // The spec's keys, not the fourteen fields: a spec holds a few. A sum, whatever their order.
  let h: number | undefined;
  for (const f in s) {
    const i = SELECTION_FIELD_AT.get(f);
    if (i === undefined || !present(s[f])) continue;
    const x = jsonHash(s[f]);
    if (x === null) return null;
    h = ((h ?? 0) + mix(i + 1, x)) | 0;
  }
  return h;
}

/** Whether two scraping agents have the same selectionKey (their selections plain JSON), without the keys. */
function sameSelectionOf(a: Component, b: Component): boolean {
  const all = a.spec.selectAllByDefault === true;
  if (all || b.spec.selectAllByDefault === true) return all && b.spec.selectAllByDefault === true;
  // Every field `a` selects by, `b` selects by alike, and `b` selects by as many.
  let n = 0;
  for (const f in a.spec) {
    if (!SELECTION_FIELD_AT.has(f) || !present(a.spec[f])) continue;
    if (!present(b.spec[f]) || !sameJson(a.spec[f], b.spec[f])) return false;
    n++;
  }
  for (const f in b.spec) if (SELECTION_FIELD_AT.has(f) && present(b.spec[f])) n--;
  return n === 0;
}

/**
 * The agents of `agents` (each once) that share a selection with another: one list per selection,
 * in the order of their first agent. Selections are compared by hash and then by value (no key
 * string: thousands of agents into one destination made as many per lint); `sameSelectionByKey`
 * settles what that cannot (a selection that is not plain JSON, two selections with one hash).
 */
function sameSelection(agents: readonly Component[]): Component[][] {
  const out: Component[][] = [];
  if (agents.length <= SHORT_LIST) {
    // Few agents (most destinations have one to three): compared pairwise, with no map.
    for (let i = 0; i < agents.length; i++) {
      const h = selectionHash(agents[i]!);
      if (h === null) return sameSelectionByKey(agents);
      if (h === undefined || selectedBefore(agents, i, h)) continue;
      let list: Component[] | undefined;
      for (let j = i + 1; j < agents.length; j++) {
        if (selectionHash(agents[j]!) !== h || !sameSelectionOf(agents[i]!, agents[j]!)) continue;
        // A pair in an array of its size: most groups are one.
        if (list) list.push(agents[j]!);
        else list = [agents[i]!, agents[j]!];
      }
      if (list) out.push(list);
    }
    return out;
  }
  // The first agent of a selection stands alone until a second one makes a pair.
  const byHash = new Map<number, Component | Component[]>();
  for (const a of agents) {
    const h = selectionHash(a);
    if (h === undefined) continue;
    if (h === null) return sameSelectionByKey(agents);
    const seen = byHash.get(h);
    if (seen === undefined) {
      byHash.set(h, a);
      continue;
    }
    if (!sameSelectionOf(Array.isArray(seen) ? seen[0]! : seen, a)) return sameSelectionByKey(agents);
    if (Array.isArray(seen)) seen.push(a);
    else byHash.set(h, [seen, a]);
  }
  for (const list of byHash.values()) if (Array.isArray(list)) out.push(list);
  return out;
}

/** Whether an agent before `agents[i]` has the selection of `agents[i]` (whose hash is `h`). */
function selectedBefore(agents: readonly Component[], i: number, h: number): boolean {
  for (let j = 0; j < i; j++) if (selectionHash(agents[j]!) === h && sameSelectionOf(agents[j]!, agents[i]!)) return true;
  return false;
}

/** `sameSelection` by selection keys: what it means, for what the hashes cannot settle. */
function sameSelectionByKey(agents: readonly Component[]): Component[][] {
  const byKey = new Map<string, Component[]>();
  for (const a of agents) {
    const key = computeSelectionKey(a);
    if (key === undefined) continue;
    const list = byKey.get(key);
    if (list) list.push(a);
    else byKey.set(key, [a]);
  }
  const out: Component[][] = [];
  for (const list of byKey.values()) if (list.length > 1) out.push(list);
  return out;
}

/** Sorts `list` in place: short lists by insertion (Array.prototype.sort allocates its work arrays on every call). */
function sortInPlace<T>(list: T[], compare: (x: T, y: T) => number): T[] {
  if (list.length > SHORT_LIST) return list.sort(compare);
  for (let i = 1; i < list.length; i++) {
    const x = list[i]!;
    let j = i - 1;
    for (; j >= 0 && compare(list[j]!, x) > 0; j--) list[j + 1] = list[j]!;
    list[j + 1] = x;
  }
  return list;
}

function sameAgents(a: readonly Component[], b: readonly Component[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Puts every agent of `agents` into one set of `linked` (agent position → the agents linked to it),
 * merging the smaller sets into the larger: near-linear however the pairs chain.
 */
function link(linked: (Component[] | undefined)[], pos: Map<string, number>, agents: readonly Component[]): void {
  if (noneLinked(linked, pos, agents)) {
    // The common case, agents in no set yet: one set of exactly them.
    const set = agents.slice();
    for (const a of set) linked[pos.get(a.id)!] = set;
    return;
  }
  const first = agents[0]!;
  let set: Component[] = linked[pos.get(first.id)!] ?? [first];
  linked[pos.get(first.id)!] = set;
  for (let i = 1; i < agents.length; i++) {
    const a = agents[i]!;
    const other = linked[pos.get(a.id)!];
    if (other === set) continue;
    if (!other) {
      set.push(a);
      linked[pos.get(a.id)!] = set;
      continue;
    }
    const big = other.length > set.length ? other : set;
    for (const x of big === set ? other : set) {
      big.push(x);
      linked[pos.get(x.id)!] = big;
    }
    set = big;
  }
}

function noneLinked(linked: (Component[] | undefined)[], pos: Map<string, number>, agents: readonly Component[]): boolean {
  for (const a of agents) if (linked[pos.get(a.id)!]) return false;
  return true;
}

/** The agents linked to agent `id` through HA pairs and read groups, transitively (itself included); undefined when it is in none. */
export function pairedWith(t: Topology, id: string): Component[] | undefined {
  const { linked } = haIndex(t);
  const i = linked && componentPositions(t).get(id);
  return i === undefined ? undefined : linked![i];
}

export function haIndex(t: Topology): HaIndex {
  let idx = haCache.get(t);
  if (idx) return idx;
  idx = { groups: [], readGroups: [], byStorage: new Map(), linked: undefined };
  const pos = componentPositions(t);
  const byPosition = (x: Component, y: Component) => pos.get(x.id)! - pos.get(y.id)!;
  const inOrder = (list: Component[]) => sortInPlace(list, byPosition);
  // A VMAuth routes the writes of both CRs alike (same VMUser or unauthorized access), so their
  // copies land in the same backends: a destination like a storage.
  const destinations = [...storages(t), ...ofKind(t, 'VMAuth')];
  // The groups by their first agent: the same CRs writing into several destinations are one group
  // (with one destination, no group can come twice).
  const byFirst = new Map<Component, HaGroup[]>();
  const several = destinations.length > 1;
  for (const s of destinations) {
    for (const list of sameSelection(agentsInto(t, s))) {
      inOrder(list);
      const same = several ? byFirst.get(list[0]!) : undefined;
      let g = same?.find((x) => sameAgents(x.agents, list));
      if (g) g.storages.push(s);
      else {
        g = { agents: list, storages: [s] };
        if (same) same.push(g);
        else if (several) byFirst.set(list[0]!, [g]);
        idx.groups.push(g);
        link((idx.linked ??= new Array<Component[] | undefined>(t.components.length)), pos, list);
      }
      const here = idx.byStorage.get(s.id);
      if (here) here.push(g);
      else idx.byStorage.set(s.id, [g]);
    }
  }
  const readByFirst = new Map<Component, Component[][]>();
  for (const [selId, read] of readIndex(t).reads) {
    const into = read.map((s) => new Set(agentsInto(t, s)));
    for (const list of sameSelection(uniqueById(read.flatMap((s) => agentsInto(t, s))))) {
      // All of them into one of the clusters: that cluster's group already has them.
      if (into.some((set) => list.every((a) => set.has(a)))) continue;
      inOrder(list);
      const seen = readByFirst.get(list[0]!);
      if (byFirst.get(list[0]!)?.some((g) => sameAgents(g.agents, list)) || seen?.some((x) => sameAgents(x, list))) continue;
      if (seen) seen.push(list);
      else readByFirst.set(list[0]!, [list]);
      const written = read.filter((_, i) => list.some((a) => into[i]!.has(a)));
      idx.readGroups.push({ agents: list, storages: written, reader: getComponent(t, selId)! });
      link((idx.linked ??= new Array<Component[] | undefined>(t.components.length)), pos, list);
    }
  }
  haCache.set(t, idx);
  return idx;
}

/**
 * The agents whose copies would meet `a`'s if they scraped the same targets: those writing into a
 * storage or VMAuth it writes into, and those writing into a cluster that a vmselect reads together
 * with one it writes into.
 */
export function haPeers(t: Topology, a: Component): Component[] {
  const out: Component[] = [];
  for (const l of linksFrom(t, a.id, 'remoteWrite')) {
    const target = getComponent(t, l.target);
    const dest = target?.kind === 'VMAuth' ? target : storageOf(t, target);
    if (!dest) continue;
    out.push(...agentsInto(t, dest));
    for (const sel of readIndex(t).readers.get(dest.id) ?? []) for (const c of clustersReadBy(t, sel)) out.push(...agentsInto(t, c));
  }
  return uniqueById(out).filter((b) => b.id !== a.id);
}

/**
 * Sets `replicaCount` on an agent and, when it scrapes, for every storage it writes to raises dedup
 * to the agents' scrape interval where it is missing or shorter (HA agents need it; catalog
 * `ha-agents-without-dedup`). The replicas of an agent that does not scrape duplicate nothing.
 */
export function withAgentReplicas(t: Topology, agentId: string, replicas: number): Topology {
  const next = setField(t, agentId, 'replicaCount', replicas);
  const agent = getComponent(next, agentId);
  if (!agent || !scrapes(agent)) return next;
  return ensureDedups(next, storagesWrittenBy(next, agent));
}

/**
 * Whether HA copies are written into S (the `ha-agents-without-dedup` condition, dedup aside): a
 * scraping agent with replicas or cluster.replicationFactor > 1, or an HA pair of CRs.
 */
export function receivesCopies(t: Topology, s: Component): boolean {
  return agentsInto(t, s).some((a) => scrapes(a) && writesCopies(a)) || (haIndex(t).byStorage.get(s.id)?.length ?? 0) > 0;
}

/** Raises dedup(S) to the largest scrape interval of the agents writing to S when it is below. */
export function ensureDedup(t: Topology, storageId: string): Topology {
  const s = getComponent(t, storageId);
  return s ? ensureDedups(t, [s]) : t;
}

/**
 * `ensureDedup` for several storages, in one pass over the design: an agent writing to thousands
 * of storages made as many versions of it. Each storage's dedup holders are its own components, so
 * what one needs does not depend on another's.
 */
export function ensureDedups(t: Topology, ss: readonly Component[]): Topology {
  const values = new Map<string, string>();
  for (const s of ss) {
    const need = requiredDedupMs(t, s);
    if (need === undefined) continue;
    const have = effectiveDedupMs(t, s);
    if (have !== undefined && have >= need) continue;
    for (const h of dedupHolders(t, s)) values.set(h.id, dur(need));
  }
  if (values.size === 0) return t;
  return {
    ...t,
    components: t.components.map((c) => {
      const v = values.get(c.id);
      return v === undefined ? c : withField(c, 'dedupInterval', v);
    }),
  };
}

/** The dedup changes `withAgentReplicas` would make, for the fix label. */
export function dedupChanges(t: Topology, agent: Component): string[] {
  const out: string[] = [];
  if (!scrapes(agent)) return out;
  for (const s of storagesWrittenBy(t, agent)) {
    const change = memo(ctx(t).dedupChange, t, s, computeDedupChange);
    if (change !== undefined) out.push(change);
  }
  return out;
}

/** The dedup change a storage needs for HA copies, in words; undefined when its dedup is enough. One per storage: thousands of agents' labels name it. */
function computeDedupChange(t: Topology, s: Component): string | undefined {
  const need = requiredDedupMs(t, s)!;
  const have = effectiveDedupMs(t, s);
  if (have !== undefined && have >= need) return undefined;
  return `dedup.minScrapeInterval ${dur(need)} ${dedupTarget(t, s)}${s.kind === 'VMCluster' ? ` of ${named(t, s)}` : ''}`;
}

/** Whether every storage the agent writes to can carry a dedup setting (an agent that does not scrape needs none). */
export function dedupSettable(t: Topology, agent: Component): boolean {
  return !scrapes(agent) || storagesWrittenBy(t, agent).every((s) => dedupHolders(t, s).length > 0);
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
