import { COMPONENT_KINDS, LINK_TYPES, NOTIFIER_MODES, isClusterPart } from './topology.ts';
import type { Component, JsonObject, Link, Note, Topology } from './topology.ts';
import { NOTE_LIMITS, noteTextProblem } from './notes.ts';
import { LINK_RULES, duplicateLinkProblem, linkKindProblem } from './links.ts';
import { checkTenant, vmSizeOfKube } from './values.ts';
import { DEFAULT_OUTAGE_MINUTES, outageMinutesProblem, workloadProblem, zonesProblem } from './sizing/workload.ts';
import { DEFAULT_ZONES } from './spreading.ts';
import { VmtError, type ErrorCode } from './errors.ts';
import { validateTopology } from './validate.ts';

/**
 * The versioned file format (`.vmtopo.json`, and the payload of share links). Every document
 * carries `version`; older versions are brought forward through MIGRATIONS one step at a time, so
 * a file or link made today keeps opening after the format changes.
 *
 * Within v2 (not released yet) the external Grafana kind was added: every earlier document opens
 * as before, and a reader from before it refuses a document holding one by name
 * (`$.components[3].kind: has unknown kind "Grafana"`), rather than dropping it.
 */
export const DOCUMENT_VERSION = 2;

export interface TopologyDocument extends Topology {
  version: number;
}

/** One step of the format: turns a version-`from` document into version `from + 1`. */
export interface Migration {
  from: number;
  /** What the step changes, in a few words ("zones in the design"), for messages and the changelog. */
  name: string;
  migrate(doc: JsonObject): JsonObject;
}

/**
 * Every format step, in order: MIGRATIONS[i] takes version i + 1 to i + 2. Never edit or remove
 * one (documents and share links written by released versions go through it); add the next, with
 * a frozen fixture of the version it migrates from (packages/render/fixtures/frozen/).
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    // v2 adds the design's zones and outage and the components' workload inputs. A v1 design said
    // nothing about them: it gains the defaults every tool assumed for it, so it reads, checks,
    // sizes and renders exactly as before. v2 also checks every value on the way in, and v1's
    // queue fix wrote vmagent queue sizes in Kubernetes units ("1Gi"), which vmagent's
    // `-remoteWrite.maxDiskUsagePerURL` refuses: they become the same size in its units ("1GiB").
    from: 1,
    name: 'zones, outage and workload inputs in the design; vmagent queue sizes in VictoriaMetrics units',
    migrate: (doc) => vmQueueSizes({ ...doc, zones: DEFAULT_ZONES, outageMinutes: DEFAULT_OUTAGE_MINUTES }),
  },
];

/** Rewrites vmagent queue sizes written with a Kubernetes unit to the VictoriaMetrics unit of the same size. */
function vmQueueSizes(doc: JsonObject): JsonObject {
  const fix = (holder: unknown, key: string): unknown => {
    if (!isObj(holder)) return holder;
    const vm = vmSizeOfKube(holder[key]);
    return vm === undefined ? holder : { ...holder, [key]: vm };
  };
  const components = Array.isArray(doc.components)
    ? doc.components.map((c) => {
        if (!isObj(c) || !isObj(c.spec) || !isObj(c.spec.remoteWriteSettings)) return c;
        return { ...c, spec: { ...c.spec, remoteWriteSettings: fix(c.spec.remoteWriteSettings, 'maxDiskUsagePerURL') } };
      })
    : doc.components;
  const links = Array.isArray(doc.links)
    ? doc.links.map((l) => (isObj(l) ? { ...l, ...(isObj(l.extra) ? { extra: fix(l.extra, 'maxDiskUsage') } : {}), ...(isObj(l.external) ? { external: fix(l.external, 'maxDiskUsage') } : {}) } : l))
    : doc.links;
  return { ...doc, components, links } as JsonObject;
}

/** Brings a document of `version` up to `target` (the current version), one named step at a time. */
export function migrate(doc: JsonObject, version: number, steps: readonly Migration[] = MIGRATIONS, target = DOCUMENT_VERSION): JsonObject {
  let out = doc;
  for (let v = version; v < target; v++) {
    const step = steps[v - 1];
    if (step?.from !== v) throw new DocumentError(`no migration from version ${v} (the format's migration list is broken)`, '$.version');
    out = { ...step.migrate(out), version: v + 1 };
  }
  return out;
}

/** A document that cannot be opened, with the JSON path of the first problem. */
export class DocumentError extends VmtError {
  constructor(
    message: string,
    readonly path: string,
    code: ErrorCode = 'VMT-D02',
  ) {
    super(code, path ? `${path}: ${message}` : message, { path });
    this.name = 'DocumentError';
  }
}

export function toDocument(t: Topology): TopologyDocument {
  return { version: DOCUMENT_VERSION, ...t };
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_DEPTH = 64;

/** Refuses keys that could reach Object.prototype once spread, absurd nesting and numbers no way in keeps exactly. */
function checkPlainJson(v: unknown, path: string, depth: number): void {
  if (depth > MAX_DEPTH) throw new DocumentError(`nested deeper than ${MAX_DEPTH} levels`, path, 'VMT-D03');
  if (typeof v === 'number' && !Number.isFinite(v)) throw new DocumentError('is not a finite number', path, 'VMT-D03');
  // As the YAML reader refuses them: such a number may already have been rounded on its way here.
  if (typeof v === 'number' && Number.isInteger(v) && !Number.isSafeInteger(v)) throw new DocumentError('is an integer too large to keep exactly (beyond 2^53)', path, 'VMT-D03');
  if (typeof v !== 'object' || v === null) return;
  if (Array.isArray(v)) {
    v.forEach((item, i) => checkPlainJson(item, `${path}[${i}]`, depth + 1));
    return;
  }
  for (const key of Object.keys(v)) {
    if (FORBIDDEN_KEYS.has(key)) throw new DocumentError(`the key "${key}" is not allowed`, path, 'VMT-D03');
    // A key that is no plain name is quoted, so that the path reads unambiguously ($.a["b.c"]).
    checkPlainJson((v as JsonObject)[key], /^[A-Za-z_$][\w$-]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`, depth + 1);
  }
}

const isObj = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

function expect(cond: boolean, message: string, path: string, code?: ErrorCode): asserts cond {
  if (!cond) throw new DocumentError(message, path, code);
}

function stringMap(v: unknown, path: string): Record<string, string> | undefined {
  if (v === undefined) return undefined;
  expect(isObj(v) && Object.values(v).every((x) => typeof x === 'string'), 'must be a map of strings', path);
  return v as Record<string, string>;
}

function readComponent(v: unknown, path: string): Component {
  expect(isObj(v), 'must be an object', path);
  expect(typeof v.id === 'string' && v.id !== '', 'needs a non-empty string "id"', path);
  expect(COMPONENT_KINDS.includes(v.kind as never), `has unknown kind ${JSON.stringify(v.kind)}; expected one of ${COMPONENT_KINDS.join(', ')}`, `${path}.kind`);
  expect(v.spec === undefined || isObj(v.spec), 'must be an object', `${path}.spec`);
  for (const key of ['name', 'namespace', 'cluster'] as const) {
    expect(v[key] === undefined || typeof v[key] === 'string', 'must be a string', `${path}.${key}`);
  }
  const kind = v.kind as Component['kind'];
  if (isClusterPart(kind)) expect(typeof v.cluster === 'string', `a ${kind} needs "cluster", the id of its VMCluster`, path);
  else expect(typeof v.name === 'string', 'needs a "name"', path);
  const pos = v.position;
  expect(
    pos === undefined || (isObj(pos) && typeof pos.x === 'number' && typeof pos.y === 'number'),
    'must be {"x": number, "y": number}',
    `${path}.position`,
  );
  expect(v.metadata === undefined || isObj(v.metadata), 'must be an object', `${path}.metadata`);
  const c: Component = { id: v.id, kind, spec: (v.spec as JsonObject | undefined) ?? {} };
  if (v.name !== undefined) c.name = v.name as string;
  if (v.namespace !== undefined) c.namespace = v.namespace as string;
  if (v.cluster !== undefined) c.cluster = v.cluster as string;
  const labels = stringMap(v.labels, `${path}.labels`);
  if (labels) c.labels = labels;
  const annotations = stringMap(v.annotations, `${path}.annotations`);
  if (annotations) c.annotations = annotations;
  if (v.metadata !== undefined) c.metadata = v.metadata as JsonObject;
  if (pos !== undefined) c.position = { x: (pos as JsonObject).x as number, y: (pos as JsonObject).y as number };
  if (v.workload !== undefined) {
    const problem = workloadProblem(kind, v.workload);
    expect(problem === undefined, problem?.message ?? '', `${path}.workload${problem?.key === undefined ? '' : `.${problem.key}`}`);
    c.workload = { ...(v.workload as Component['workload']) };
  }
  return c;
}

function readLink(v: unknown, path: string): Link {
  expect(isObj(v), 'must be an object', path);
  expect(typeof v.id === 'string' && v.id !== '', 'needs a non-empty string "id"', path);
  expect(LINK_TYPES.includes(v.type as never), `has unknown type ${JSON.stringify(v.type)}; expected one of ${LINK_TYPES.join(', ')}`, `${path}.type`);
  expect(typeof v.source === 'string', 'needs "source", a component id', path);
  expect((v.target === undefined) !== (v.external === undefined), 'needs either "target" (a component id) or "external" (a verbatim entry)', path);
  expect(v.target === undefined || typeof v.target === 'string', 'must be a component id', `${path}.target`);
  for (const key of ['external', 'extra', 'selector'] as const) {
    expect(v[key] === undefined || isObj(v[key]), 'must be an object', `${path}.${key}`);
  }
  const tenantProblem = v.tenant === undefined ? undefined : checkTenant(v.tenant);
  expect(tenantProblem === undefined, tenantProblem ?? '', `${path}.tenant`);
  expect(v.notify === undefined || NOTIFIER_MODES.includes(v.notify as never), `must be one of ${NOTIFIER_MODES.join(', ')}`, `${path}.notify`);
  expect(v.pods === undefined || (Array.isArray(v.pods) && v.pods.length > 0 && v.pods.every((p) => Number.isInteger(p) && p >= 0)), 'must be a non-empty list of pod ordinals', `${path}.pods`);
  expect(v.port === undefined || (Number.isInteger(v.port) && (v.port as number) > 0 && (v.port as number) < 65536), 'must be a port number', `${path}.port`);
  for (const key of ['single', 'clusterDomain'] as const) {
    expect(v[key] === undefined || typeof v[key] === 'boolean', 'must be true or false', `${path}.${key}`);
  }
  const link: Link = { id: v.id, type: v.type as Link['type'], source: v.source };
  for (const key of ['target', 'external', 'extra', 'tenant', 'notify', 'pods', 'selector', 'single', 'clusterDomain', 'port'] as const) {
    if (v[key] !== undefined) (link as unknown as JsonObject)[key] = v[key];
  }
  return link;
}

/** Caps what a document may hold, so that a hostile file or link cannot freeze the page. */
export const DOCUMENT_LIMITS = { components: 20_000, links: 100_000, extras: 20_000 };

/**
 * Opens a document of any known version: checks its shape, migrates it, and checks that ids are
 * unique and links resolve. Throws DocumentError naming the path of the first problem.
 */
export function fromDocument(input: unknown): Topology {
  checkPlainJson(input, '$', 0);
  expect(isObj(input), 'a topology document must be a JSON object', '$');
  let doc: JsonObject = input;
  const version = doc.version;
  expect(Number.isInteger(version) && (version as number) >= 1, 'needs "version", a positive whole number', '$.version');
  expect((version as number) <= DOCUMENT_VERSION, `is ${version as number}, newer than this vmtopo understands (${DOCUMENT_VERSION}); update vmtopo`, '$.version', 'VMT-D04');
  doc = migrate(doc, version as number);

  expect(typeof doc.name === 'string', 'needs a "name"', '$.name');
  expect(typeof doc.namespace === 'string', 'needs a "namespace"', '$.namespace');
  for (const key of ['components', 'links', 'extras'] as const) {
    expect(doc[key] === undefined || Array.isArray(doc[key]), 'must be a list', `$.${key}`);
    const n = (doc[key] as unknown[] | undefined)?.length ?? 0;
    expect(n <= DOCUMENT_LIMITS[key], `holds ${n} entries; at most ${DOCUMENT_LIMITS[key]} are supported`, `$.${key}`, 'VMT-D05');
  }
  const components = ((doc.components as unknown[] | undefined) ?? []).map((c, i) => readComponent(c, `$.components[${i}]`));
  const ids = new Set<string>();
  components.forEach((c, i) => {
    expect(!ids.has(c.id), `duplicate component id "${c.id}"`, `$.components[${i}].id`, 'VMT-D06');
    ids.add(c.id);
  });
  const byId = new Map(components.map((c) => [c.id, c]));
  // A VMCluster CR holds one vminsert, one vmselect and one vmstorage: a second one of a kind has
  // no place in the YAML, so lint, render and the canvas would each pick a different one.
  const partAt = new Map<string, number>();
  components.forEach((c, i) => {
    if (c.cluster === undefined) return;
    const cluster = byId.get(c.cluster);
    expect(cluster?.kind === 'VMCluster', `"${c.cluster}" is not a VMCluster of this design`, `$.components[${i}].cluster`, 'VMT-D06');
    const key = `${c.cluster}\u0000${c.kind}`;
    const first = partAt.get(key);
    expect(
      first === undefined,
      `VMCluster "${cluster.name ?? c.cluster}" already has a ${c.kind} ("${components[first ?? 0]!.id}" at $.components[${first}]); a cluster holds one of each part, remove "${c.id}"`,
      `$.components[${i}]`,
      'VMT-D06',
    );
    partAt.set(key, i);
  });
  const extras = (doc.extras as unknown[] | undefined) ?? [];
  extras.forEach((e, i) => expect(isObj(e), 'must be an object', `$.extras[${i}]`));
  const t: Topology = { name: doc.name as string, namespace: doc.namespace as string, components, links: [], extras: extras as Topology['extras'] };
  for (const [key, problemOf] of [['zones', zonesProblem], ['outageMinutes', outageMinutesProblem]] as const) {
    if (doc[key] === undefined) continue;
    const problem = problemOf(doc[key]);
    expect(problem === undefined, problem ?? '', `$.${key}`);
    t[key] = doc[key] as number;
  }
  const linkIds = new Set<string>();
  // Earlier links by source+type+target and source+type, so that checking each link is O(1).
  const byPair = new Map<string, Link>();
  const byType = new Map<string, Link>();
  ((doc.links as unknown[] | undefined) ?? []).forEach((raw, i) => {
    const link = readLink(raw, `$.links[${i}]`);
    const at = `$.links[${i}]`;
    expect(!linkIds.has(link.id), `duplicate link id "${link.id}"`, `${at}.id`, 'VMT-D06');
    linkIds.add(link.id);
    const source = byId.get(link.source);
    expect(source !== undefined, `source "${link.source}" is not a component of this design`, `${at}.source`, 'VMT-D06');
    const typeKey = `${link.source}\u0000${link.type}`;
    const pairKey = `${typeKey}\u0000${link.target ?? ''}`;
    let problem: string | undefined;
    if (link.target !== undefined) {
      const target = byId.get(link.target);
      expect(target !== undefined, `target "${link.target}" is not a component of this design`, `${at}.target`, 'VMT-D06');
      problem = linkKindProblem(t, link.type, source, target);
    } else if (!LINK_RULES[link.type].from.includes(source.kind)) {
      problem = `${link.type} links start at ${LINK_RULES[link.type].from.join(', ')}, not at ${source.kind}`;
    }
    // An external entry counts too: VMAlert holds one datasource, wherever it points.
    const clash = [link.target === undefined ? undefined : byPair.get(pairKey), byType.get(typeKey)].filter((l): l is Link => l !== undefined);
    problem ??= duplicateLinkProblem(t, source, link.type, link.target ?? '', clash);
    expect(problem === undefined, `cannot link: ${problem}`, at, 'VMT-D06');
    byPair.set(pairKey, link);
    if (!byType.has(typeKey)) byType.set(typeKey, link);
    t.links.push(link);
  });
  const notes = readNotes(doc.notes, new Set([...ids, ...linkIds]));
  if (notes.length > 0) t.notes = notes;
  checkValues(t);
  return t;
}

/** The notes of a document, each checked; `taken`: the ids of its components and links. */
function readNotes(v: unknown, taken: Set<string>): Note[] {
  if (v === undefined) return [];
  expect(Array.isArray(v), 'must be a list', '$.notes');
  expect(v.length <= NOTE_LIMITS.count, `holds ${v.length} notes; at most ${NOTE_LIMITS.count} are supported`, '$.notes', 'VMT-D05');
  return v.map((raw, i) => {
    const at = `$.notes[${i}]`;
    expect(isObj(raw), 'must be an object', at);
    expect(typeof raw.id === 'string' && raw.id !== '', 'needs a non-empty string "id"', `${at}.id`);
    expect(!taken.has(raw.id), `duplicate id "${raw.id}" (ids are shared by components, links and notes)`, `${at}.id`, 'VMT-D06');
    taken.add(raw.id);
    const problem = noteTextProblem(raw.text);
    expect(problem === undefined, problem ?? '', `${at}.text`);
    const pos = raw.position;
    expect(isObj(pos) && typeof pos.x === 'number' && typeof pos.y === 'number', 'must be {"x": number, "y": number}', `${at}.position`);
    return { id: raw.id, text: raw.text as string, position: { x: pos.x as number, y: pos.y as number } };
  });
}

/**
 * The value gate every way in shares (the importer and the inspector apply the same checks): a
 * document, link or autosave holding a value no manifest could carry is refused, naming where.
 */
function checkValues(t: Topology): void {
  const problems = validateTopology(t);
  const first = problems[0];
  if (!first) return;
  let where: string;
  if (first.at.link !== undefined) where = `$.links[${t.links.findIndex((l) => l.id === first.at.link)}].${first.at.path}`;
  else {
    const i = t.components.findIndex((c) => c.id === first.componentId);
    // A component without a namespace of its own has the design's.
    where = first.at.path === 'namespace' && t.components[i]!.namespace === undefined ? '$.namespace' : `$.components[${i}].${first.at.path}`;
  }
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more invalid value${problems.length > 2 ? 's' : ''})` : '';
  throw new DocumentError(`${first.message}${more}`, where, 'VMT-V01');
}

/** Parses JSON text and opens it; JSON syntax errors become DocumentErrors too. */
export function parseDocument(text: string): Topology {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new DocumentError(`not valid JSON (${(e as Error).message})`, '', 'VMT-D01');
  }
  return fromDocument(json);
}
