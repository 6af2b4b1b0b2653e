import type { Component, JsonObject, Topology } from '@vmtopo/model';

/**
 * The compact JSON of share formats v1 and v2: what a link carries before deflate and base64url.
 *
 *   { n?: name, s?: namespace, c?: [component...], l?: [link...], x?: [extra object...],
 *     z?: zones, o?: outageMinutes, t?: [note...] }                         (z, o, t: v2 only)
 *
 * component: [kind, nameOrCluster]            no position, nothing else
 *            [kind, nameOrCluster, opts]
 *            [kind, nameOrCluster, x, y]
 *            [kind, nameOrCluster, x, y, opts]
 *   kind          index into the kinds of its format (V1.kinds; V2.kinds appends to them)
 *   nameOrCluster the CR name; for a cluster part (vminsert / vmselect / vmstorage) the reference
 *                 of its VMCluster instead
 *   x, y          the position, whole numbers (the encoder rounds)
 *   opts          i: id (only when it is not the derived one), s: spec (whole), b: how many
 *                 components back the one is whose spec is the base (else the kind's V1 initial
 *                 spec is; counting back keeps repeated parts of a design byte-identical),
 *                 p: spec as a merge patch (RFC 7396: null deletes) of the base, ns: namespace, l: labels,
 *                 a: annotations, m: metadata, n: name of a cluster part, c: cluster reference of
 *                 a component that is not a part, w: workload (v2 only)
 *   With neither s nor p, the spec is the base.
 *
 * link:      [type, source, target]  [type, source, target, opts]  [type, source, opts] (external)
 *   type          index into V1.linkTypes
 *   source/target a reference
 *   opts          i: id (when not derived), e: external, x: extra, t: tenant, n: notify (index into
 *                 V1.notify), p: pods, s: selector, g: single, d: clusterDomain, o: port
 *
 * reference: a component's index in `c` (a whole number), or an id string when no component has it.
 * Derived ids: `<prefix>-<name>` for a component, `<cluster id>-<kind>` for a cluster part whose
 * cluster is referenced by index, `<type>-<source id>-<target id | "external">` for a link.
 * Defaults left out: name "design", namespace "monitoring", empty lists.
 *
 * note:      [text, x, y]  [text, x, y, id]   id only when it is not the derived one: `note` for
 *            the first, `note-<n>` for the n-th (1-based) after it
 *
 * v2 (document format v2) adds the design's zones and outage, the components' workloads, the
 * notes and the external Grafana kind (code 9, appended to V1's kinds), and nothing else: it
 * keeps every table of V1, so a v2 link made before Grafana decodes unchanged. A v1 link decodes to a version-1 document, which the
 * model migrates like any v1 file.
 */

/** Tables of format v1. Never edit them: a v1 link made today must open the same forever. */
export const V1 = Object.freeze({
  kinds: ['VMAgent', 'VMSingle', 'VMCluster', 'vminsert', 'vmselect', 'vmstorage', 'VMAlert', 'VMAlertmanager', 'VMAuth'],
  prefixes: ['vmagent', 'vmsingle', 'vmcluster', 'vminsert', 'vmselect', 'vmstorage', 'vmalert', 'vmalertmanager', 'vmauth'],
  /** The kinds' `initialSpec` when v1 was made; a later change to the model does not change these. */
  initialSpecs: [
    '{"selectAllByDefault":true}',
    '{"retentionPeriod":"1","storage":{"resources":{"requests":{"storage":"20Gi"}}}}',
    '{"retentionPeriod":"1","replicationFactor":2}',
    '{"replicaCount":2}',
    '{"replicaCount":2}',
    '{"replicaCount":3,"storage":{"volumeClaimTemplate":{"spec":{"resources":{"requests":{"storage":"20Gi"}}}}}}',
    '{"selectAllByDefault":true}',
    '{}',
    '{"selectAllByDefault":true}',
  ],
  linkTypes: ['remoteWrite', 'datasource', 'remoteRead', 'notifier'],
  notify: ['selector', 'pods', 'service'],
  name: 'design',
  namespace: 'monitoring',
  /**
   * The preset deflate dictionary: spec fragments common in HA designs, the likeliest last (a
   * nearer match costs fewer bits). It roughly halves the link of a typical design.
   */
  dictionary: [
    '{"apiVersion":"v1","kind":"Secret","metadata":{"name":"',
    '"type":"Opaque","stringData":{"alertmanager.yaml":"route:\\n  receiver: ',
    '{"apiVersion":"operator.victoriametrics.com/v1beta1","kind":"VMRule","metadata":{"name":"',
    '"spec":{"groups":[{"name":"',
    '"rules":[{"alert":"',
    '","expr":"',
    '","for":"5m","labels":{"severity":"',
    '{"record":"',
    '"labels":{"app.kubernetes.io/',
    '"externalLabels":{',
    '"resources":{"requests":{"cpu":"',
    '","memory":"',
    '"limits":{"cpu":"',
    '"clusterVersion":"v1.',
    '"shardCount":',
    '"remoteWriteSettings":{"maxDiskUsagePerURL":"',
    '"ingestOnlyMode":true',
    '"configRawYaml":"',
    '"retention":"',
    '"evaluationInterval":"',
    '"configSecret":"',
    '"podDisruptionBudget":{"minAvailable":',
    '"extraArgs":{"promscrape.cluster.replicationFactor":"',
    '"statefulMode":true,"statefulStorage":{"volumeClaimTemplate":{"spec":{"resources":{"requests":{"storage":"',
    '"extraArgs":{"promscrape.cluster.name":"',
    '"scrapeInterval":"30s"',
    '"retentionPeriod":"',
    '"replicationFactor":',
    '"selectAllByDefault":true',
    '"storage":{"resources":{"requests":{"storage":"',
    '"extraArgs":{"dedup.minScrapeInterval":"30s"}',
    '"storage":{"volumeClaimTemplate":{"spec":{"resources":{"requests":{"storage":"',
    '"podDisruptionBudget":{"maxUnavailable":1}',
    '"topologySpreadConstraints":[{"maxSkew":1,"topologyKey":"topology.kubernetes.io/zone","whenUnsatisfiable":"ScheduleAnyway"},',
    '"topologySpreadConstraints":[{"maxSkew":1,"topologyKey":"kubernetes.io/hostname","whenUnsatisfiable":"ScheduleAnyway"}]',
    '{"p":{"replicaCount":2,',
    '"replicaCount":3,',
    '{"s":{"replicaCount":2,"selectAllByDefault":true,',
    '{"t":"0"}]',
  ].join(''),
  /** The document version a v1 link decodes to (later versions migrate it through MIGRATIONS). */
  documentVersion: 1,
} as const);

/**
 * Format v2: the tables of V1, the kinds appended to (only ever appended: a code once given keeps
 * its kind); its links carry documents of this version. A v1 link knows V1's kinds only.
 */
export const V2 = Object.freeze({
  kinds: [...V1.kinds, 'Grafana'],
  prefixes: [...V1.prefixes, 'grafana'],
  initialSpecs: [...V1.initialSpecs, '{}'],
  documentVersion: 2,
} as const);

/** The kind tables a link of `version` is read with. */
const kindTables = (version: 1 | 2) => (version >= 2 ? V2 : V1);

const PARTS = new Set([3, 4, 5]);

type Ref = number | string;
type Json = unknown;

const isObj = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Rounds to a whole number; -0 becomes 0 so that the result survives JSON. */
export const roundCoord = (n: number) => Math.round(n) + 0;

// ---------------------------------------------------------------------------------------------
// Encoding

function makePatch(base: JsonObject, target: JsonObject): JsonObject {
  const patch: JsonObject = {};
  for (const [k, v] of Object.entries(target)) {
    if (v === undefined) continue;
    const b = Object.hasOwn(base, k) ? base[k] : undefined;
    if (isObj(b) && isObj(v)) {
      const sub = makePatch(b, v);
      if (Object.keys(sub).length > 0) patch[k] = sub;
    } else if (b === undefined || JSON.stringify(b) !== JSON.stringify(v)) {
      patch[k] = v;
    }
  }
  for (const k of Object.keys(base)) if (!Object.hasOwn(target, k) || target[k] === undefined) patch[k] = null;
  return patch;
}

/** Applies a merge patch (RFC 7396) to a fresh copy of base; patch values are used, not copied. */
function applyPatch(base: JsonObject, patch: JsonObject): JsonObject {
  const out: JsonObject = { ...base };
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else if (isObj(v) && isObj(out[k])) out[k] = applyPatch(out[k] as JsonObject, v);
    else out[k] = v;
  }
  return out;
}

/**
 * Writes the spec into opts the shortest way that gives it back exactly: nothing (the kind's initial
 * spec), `b` (the spec of an earlier component), `p` (a patch of either), or `s` (the whole spec).
 * `earlier` holds the indices and specs of the last few components of the same kind.
 */
function encodeSpec(kind: number, index: number, spec: JsonObject, earlier: { index: number; text: string }[], opts: JsonObject): void {
  const text = JSON.stringify(spec);
  const bases: { index?: number; text: string }[] = [{ text: V2.initialSpecs[kind]! }, ...earlier];
  let best: JsonObject = { s: spec };
  let bestLength = text.length + 4;
  for (const base of bases) {
    const option: JsonObject = base.index === undefined ? {} : { b: index - base.index };
    if (base.text !== text) {
      const baseSpec = JSON.parse(base.text) as JsonObject;
      const patch = makePatch(baseSpec, spec);
      const patchText = JSON.stringify(patch);
      if (JSON.stringify(applyPatch(baseSpec, JSON.parse(patchText) as JsonObject)) !== text) continue;
      option.p = patch;
    }
    const length = JSON.stringify(option).length;
    if (length < bestLength) [best, bestLength] = [option, length];
  }
  Object.assign(opts, best);
}

export function toCompact(t: Topology): JsonObject {
  const index = new Map<string, number>();
  t.components.forEach((c, i) => {
    if (!index.has(c.id)) index.set(c.id, i);
  });
  const ref = (id: string): Ref => index.get(id) ?? id;
  const kindOf = (c: Component) => (V2.kinds as readonly string[]).indexOf(c.kind);

  const recent: { index: number; text: string }[][] = V2.kinds.map(() => []);
  const components = t.components.map((c, i) => {
    const kind = kindOf(c);
    if (kind < 0) throw new Error(`kind ${c.kind} has no code in share format v2`);
    const opts: JsonObject = {};
    let derived: string | undefined;
    let head: Json;
    if (PARTS.has(kind)) {
      head = c.cluster === undefined ? null : ref(c.cluster);
      const j = typeof head === 'number' ? head : -1;
      if (j >= 0 && !PARTS.has(kindOf(t.components[j]!))) derived = `${t.components[j]!.id}-${c.kind}`;
      if (c.name !== undefined) opts.n = c.name;
    } else {
      head = c.name ?? null;
      if (c.name !== undefined) derived = `${V2.prefixes[kind]}-${c.name}`;
      if (c.cluster !== undefined) opts.c = ref(c.cluster);
    }
    if (c.id !== derived) opts.i = c.id;
    encodeSpec(kind, i, c.spec, recent[kind]!, opts);
    recent[kind] = [{ index: i, text: JSON.stringify(c.spec) }, ...recent[kind]!.slice(0, 2)];
    if (c.namespace !== undefined) opts.ns = c.namespace;
    if (c.labels !== undefined) opts.l = c.labels;
    if (c.annotations !== undefined) opts.a = c.annotations;
    if (c.metadata !== undefined) opts.m = c.metadata;
    if (c.workload !== undefined) opts.w = c.workload;
    const entry: Json[] = [kind, head];
    if (c.position) entry.push(roundCoord(c.position.x), roundCoord(c.position.y));
    if (Object.keys(opts).length > 0) entry.push(opts);
    return entry;
  });

  const links = t.links.map((l) => {
    const type = (V1.linkTypes as readonly string[]).indexOf(l.type);
    if (type < 0) throw new Error(`link type ${l.type} has no code in share format v2`);
    const opts: JsonObject = {};
    if (l.id !== `${l.type}-${l.source}-${l.target ?? 'external'}`) opts.i = l.id;
    if (l.external !== undefined) opts.e = l.external;
    if (l.extra !== undefined) opts.x = l.extra;
    if (l.tenant !== undefined) opts.t = l.tenant;
    if (l.notify !== undefined) opts.n = (V1.notify as readonly string[]).indexOf(l.notify);
    if (l.pods !== undefined) opts.p = l.pods;
    if (l.selector !== undefined) opts.s = l.selector;
    if (l.single !== undefined) opts.g = l.single;
    if (l.clusterDomain !== undefined) opts.d = l.clusterDomain;
    if (l.port !== undefined) opts.o = l.port;
    const entry: Json[] = [type, ref(l.source)];
    if (l.target !== undefined) entry.push(ref(l.target));
    if (Object.keys(opts).length > 0 || l.target === undefined) entry.push(opts);
    return entry;
  });

  const out: JsonObject = {};
  if (t.name !== V1.name) out.n = t.name;
  if (t.namespace !== V1.namespace) out.s = t.namespace;
  if (components.length) out.c = components;
  if (links.length) out.l = links;
  if (t.extras.length) out.x = t.extras;
  if (t.zones !== undefined) out.z = t.zones;
  if (t.outageMinutes !== undefined) out.o = t.outageMinutes;
  if (t.notes?.length) {
    out.t = t.notes.map((n, i) => {
      const entry: Json[] = [n.text, roundCoord(n.position.x), roundCoord(n.position.y)];
      if (n.id !== noteIdAt(i)) entry.push(n.id);
      return entry;
    });
  }
  return out;
}

/** The id a note at index `i` gets when the link leaves it out. */
const noteIdAt = (i: number) => (i === 0 ? 'note' : `note-${i + 1}`);

// ---------------------------------------------------------------------------------------------
// Decoding: from compact JSON (already checked for forbidden keys, depth and size) to a document
// for the model's fromDocument, which checks everything the model cares about.

/** A shape problem, with the document path it concerns. */
export class CompactError extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
  }
}

function need(cond: unknown, message: string, path: string): asserts cond {
  if (!cond) throw new CompactError(message, path);
}

const isIndex = (v: unknown, n: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < n;

/** The compact JSON of a link of share format `version` (1 or 2) as a document of the matching version. */
export function fromCompact(raw: unknown, limits: { components: number; links: number; extras: number; copiedChars: number }, version: 1 | 2): JsonObject {
  need(isObj(raw), 'the design must be a JSON object', '$');
  const c = raw.c ?? [];
  const l = raw.l ?? [];
  const x = raw.x ?? [];
  need(Array.isArray(c), 'must be a list', '$.components');
  need(Array.isArray(l), 'must be a list', '$.links');
  need(Array.isArray(x), 'must be a list', '$.extras');
  need(c.length <= limits.components, `holds ${c.length} components; a share link may hold at most ${limits.components}`, '$.components');
  need(l.length <= limits.links, `holds ${l.length} links; a share link may hold at most ${limits.links}`, '$.links');
  need(x.length <= limits.extras, `holds ${x.length} other objects; a share link may hold at most ${limits.extras}`, '$.extras');
  need(raw.n === undefined || typeof raw.n === 'string', 'must be a string', '$.name');
  need(raw.s === undefined || typeof raw.s === 'string', 'must be a string', '$.namespace');

  // Pass 1: shapes, and every id that does not depend on another component's.
  const n = c.length;
  const tables = kindTables(version);
  const entries = c.map((e: unknown, i: number) => {
    const at = `$.components[${i}]`;
    need(Array.isArray(e) && e.length >= 2 && e.length <= 5, 'must be [kind, name, x?, y?, options?]', at);
    const kind = e[0];
    need(isIndex(kind, tables.kinds.length), `has unknown kind code ${JSON.stringify(kind)}`, `${at}.kind`);
    let opts: unknown = {};
    let position: { x: unknown; y: unknown } | undefined;
    if (e.length === 3) opts = e[2];
    else if (e.length >= 4) {
      position = { x: e[2], y: e[3] };
      need(Number.isInteger(e[2]) && Number.isInteger(e[3]), 'must be whole numbers', `${at}.position`);
      if (e.length === 5) opts = e[4];
    }
    need(isObj(opts), 'options must be an object', at);
    const isPart = PARTS.has(kind);
    const head = e[1];
    const ref = isPart ? head : opts.c;
    need(ref === undefined || (isPart && ref === null) || typeof ref === 'string' || isIndex(ref, n), 'must be a component index or id', `${at}.cluster`);
    need(isPart ? opts.n === undefined || typeof opts.n === 'string' : head === null || typeof head === 'string', 'must be a string', `${at}.name`);
    need(opts.i === undefined || typeof opts.i === 'string', 'must be a string', `${at}.id`);
    const name = (isPart ? opts.n : head) as string | null | undefined;
    let id = opts.i as string | undefined;
    if (id === undefined && !isPart && typeof name === 'string') id = `${tables.prefixes[kind]}-${name}`;
    return { e, kind, opts, position, ref: ref as Ref | null | undefined, name, id, at };
  });
  const ids = entries.map((en: (typeof entries)[number]) => {
    if (en.id !== undefined) return en.id;
    need(PARTS.has(en.kind) && isIndex(en.ref, n) && !PARTS.has(entries[en.ref]!.kind) && entries[en.ref]!.id !== undefined, 'needs an id', `${en.at}.id`);
    return `${entries[en.ref]!.id}-${tables.kinds[en.kind]}`;
  });
  const resolve = (r: Ref) => (typeof r === 'number' ? ids[r]! : r);

  const specs: JsonObject[] = [];
  let copied = 0;
  const components = entries.map((en: (typeof entries)[number], i: number) => {
    const { kind, opts, at } = en;
    const out: JsonObject = { id: ids[i], kind: tables.kinds[kind] };
    if (typeof en.name === 'string') out.name = en.name;
    if (opts.ns !== undefined) out.namespace = opts.ns;
    if (en.ref !== undefined && en.ref !== null) out.cluster = resolve(en.ref);
    if (opts.l !== undefined) out.labels = opts.l;
    if (opts.a !== undefined) out.annotations = opts.a;
    if (opts.m !== undefined) out.metadata = opts.m;
    // v1 had no workloads: a `w` there was never written, and a v1 decoder ignored it.
    if (version >= 2 && opts.w !== undefined) out.workload = opts.w;
    need(opts.s === undefined || (opts.p === undefined && opts.b === undefined), 'has both a spec and a spec patch', `${at}.spec`);
    need(opts.s === undefined || isObj(opts.s), 'must be an object', `${at}.spec`);
    need(opts.p === undefined || isObj(opts.p), 'must be an object', `${at}.spec`);
    need(opts.b === undefined || (Number.isInteger(opts.b) && (opts.b as number) >= 1 && (opts.b as number) <= i), 'must count back to an earlier component', `${at}.spec`);
    let baseText: string = tables.initialSpecs[kind]!;
    if (opts.b !== undefined) {
      // A copy of an earlier spec: counted, so that many copies of a large spec cannot blow up.
      baseText = JSON.stringify(specs[i - (opts.b as number)]);
      copied += baseText.length;
      need(copied <= limits.copiedChars, `copies more than ${limits.copiedChars} characters of earlier specs`, `${at}.spec`);
    }
    const base = JSON.parse(baseText) as JsonObject;
    const spec = (opts.s as JsonObject | undefined) ?? (opts.p ? applyPatch(base, opts.p as JsonObject) : base);
    specs.push(spec);
    out.spec = spec;
    if (en.position) out.position = en.position;
    return out;
  });

  const links = l.map((e: unknown, i: number) => {
    const at = `$.links[${i}]`;
    need(Array.isArray(e) && e.length >= 3 && e.length <= 4, 'must be [type, source, target?, options?]', at);
    need(isIndex(e[0], V1.linkTypes.length), `has unknown type code ${JSON.stringify(e[0])}`, `${at}.type`);
    const isRef = (r: unknown): r is Ref => typeof r === 'string' || isIndex(r, n);
    need(isRef(e[1]), 'must be a component index or id', `${at}.source`);
    const external = e.length === 3 && isObj(e[2]);
    need(external || isRef(e[2]), 'must be a component index or id', `${at}.target`);
    const opts = external ? e[2] : (e[3] ?? {});
    need(isObj(opts), 'options must be an object', at);
    need(opts.i === undefined || typeof opts.i === 'string', 'must be a string', `${at}.id`);
    const type = V1.linkTypes[e[0]]!;
    const source = resolve(e[1]);
    const target = external ? undefined : resolve(e[2] as Ref);
    const out: JsonObject = { id: opts.i ?? `${type}-${source}-${target ?? 'external'}`, type, source };
    if (target !== undefined) out.target = target;
    if (opts.e !== undefined) out.external = opts.e;
    if (opts.x !== undefined) out.extra = opts.x;
    if (opts.t !== undefined) out.tenant = opts.t;
    if (opts.n !== undefined) {
      need(isIndex(opts.n, V1.notify.length), `has unknown notifier mode code ${JSON.stringify(opts.n)}`, `${at}.notify`);
      out.notify = V1.notify[opts.n];
    }
    if (opts.p !== undefined) out.pods = opts.p;
    if (opts.s !== undefined) out.selector = opts.s;
    if (opts.g !== undefined) out.single = opts.g;
    if (opts.d !== undefined) out.clusterDomain = opts.d;
    if (opts.o !== undefined) out.port = opts.o;
    return out;
  });

  const doc: JsonObject = {
    version: version === 1 ? V1.documentVersion : V2.documentVersion,
    name: raw.n ?? V1.name,
    namespace: raw.s ?? V1.namespace,
    components,
    links,
    extras: x,
  };
  if (version >= 2 && raw.z !== undefined) doc.zones = raw.z;
  if (version >= 2 && raw.o !== undefined) doc.outageMinutes = raw.o;
  if (version >= 2 && raw.t !== undefined) {
    need(Array.isArray(raw.t), 'must be a list', '$.notes');
    doc.notes = raw.t.map((e, i) => {
      need(Array.isArray(e) && (e.length === 3 || e.length === 4), 'must be [text, x, y] or [text, x, y, id]', `$.notes[${i}]`);
      return { id: e.length === 4 ? e[3] : noteIdAt(i), text: e[0], position: { x: e[1], y: e[2] } };
    });
  }
  return doc;
}
