import { isMap, isScalar } from 'yaml';
import type { Document, LineCounter } from 'yaml';
import {
  CLUSTER_PARTS,
  KINDS,
  checkKubeLabels,
  checkSize,
  checkTenant,
  describe,
  duplicateLinkProblem,
  fieldOf,
  linkKindProblem,
  namespaceOf,
  schemeOf,
  servicePort,
  validateTopology,
  VMSINGLE_ALIAS_PORT,
  VmtError,
} from '@vmtopo/model';
import type { Component, ComponentKind, ErrorCode, JsonObject, KubeObject, Link, LinkType, Topology, ValueProblem } from '@vmtopo/model';
import { API_VERSION } from './objects.ts';
import { generatedSelector, selectorIsExact, selectorMatches } from './notifier.ts';
import { type ParsedUrl, parseServiceUrl, serviceIndex } from './urls.ts';
import { type ManifestSource, type Problem, type SourcePos, documentValue, numbersOutOfRange, parseSource, placeOf } from './yaml-input.ts';

export type { ManifestSource, SourcePos } from './yaml-input.ts';

/** A problem that stops the import; the message names document, object and field. */
export class ImportError extends VmtError {
  constructor(
    message: string,
    readonly problems: Problem[] = [{ message }],
    code: ErrorCode = 'VMT-I03',
  ) {
    super(code, message, problems[0]?.pos ?? {});
    this.name = 'ImportError';
  }
}

export interface ImportResult {
  topology: Topology;
  /** Things the user should know: deprecated fields rewritten, URLs kept as external, fields dropped. */
  warnings: string[];
  /** Objects that are not components and were kept verbatim (`Kind/name`). */
  kept: string[];
  /** Documents of optional sources that are not Kubernetes objects, skipped (`file: document N`). */
  skipped: string[];
  /**
   * Where a component (or one of its fields, a key of kinds/*.ts) is written in the input: the
   * field's line when it is set, else the component's own (a cluster part's key, a CR's first line).
   */
  sourceOf(componentId: string, field?: string): SourcePos | undefined;
}

const CR_KINDS: Record<string, ComponentKind> = {
  VMAgent: 'VMAgent',
  VMSingle: 'VMSingle',
  VMCluster: 'VMCluster',
  VMAlert: 'VMAlert',
  VMAlertmanager: 'VMAlertmanager',
  VMAuth: 'VMAuth',
};

/** Fields the API server sets; applying them back would conflict, so they are dropped (with a warning). */
const SERVER_METADATA = ['creationTimestamp', 'resourceVersion', 'uid', 'generation', 'managedFields', 'selfLink'];

/** Fields that older docs use, with what the operator reads today. */
const RENAMED: Partial<Record<ComponentKind, Record<string, string>>> = {
  VMAgent: { vmAgentExternalLabelName: 'externalLabelName' },
  VMAlert: { replicas: 'replicaCount' },
};

const isObj = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

interface Source {
  doc: Document;
  index: number;
  lines: LineCounter;
  file?: string;
  optional?: boolean;
  namespace?: string;
  /** Where the object sits in its document: [] for a document of its own, ['items', i] inside a List. */
  base: (string | number)[];
}

type Ranged = { range?: [number, number, number] } | null | undefined;

/**
 * The node at `path` in the object, if it is written there: its value (a mapping's first entry),
 * or with `key` the line that names it (`vmstorage:` of a cluster part).
 */
function nodeAt(src: Source, path: (string | number)[], key: boolean): Ranged {
  const full = [...src.base, ...path];
  if (full.length === 0) return src.doc.contents as Ranged;
  if (!key) return src.doc.getIn(full, true) as Ranged;
  const parent = src.doc.getIn(full.slice(0, -1), true);
  return isMap(parent) ? (parent.items.find((p) => isScalar(p.key) && p.key.value === full.at(-1))?.key as Ranged) : undefined;
}

/** The position of the node at `path` in the object, if it is written there. */
function nodePos(src: Source, path: (string | number)[], key = false): SourcePos | undefined {
  const offset = nodeAt(src, path, key)?.range?.[0];
  if (offset === undefined) return undefined;
  const { line, col } = src.lines.linePos(offset);
  return { ...(src.file ? { file: src.file } : {}), line, col };
}

/** The position of `path`, or of the object when the path is not written. */
function posOf(src: Source, path: (string | number)[]): SourcePos | undefined {
  return nodePos(src, path) ?? nodePos(src, []);
}

const at = (pos: SourcePos | undefined) => placeOf(pos);

class Importer {
  readonly warnings: string[] = [];
  readonly kept: string[] = [];
  readonly skipped: string[] = [];
  readonly problems: Problem[] = [];
  readonly t: Topology;
  private readonly sources = new Map<string, { src: Source; obj: JsonObject }>();
  private readonly ids = new Set<string>();

  constructor(
    name: string,
    /** Where objects without metadata.namespace go: kubectl's "default", or the design's own. */
    private readonly defaultNamespace = 'default',
  ) {
    this.t = { name, namespace: defaultNamespace, components: [], links: [], extras: [] };
  }

  /**
   * Per source and type, its first link, and its first link to each target: all that
   * `duplicateLinkProblem` reads of the earlier links (the first of the type decides "one only",
   * one to the same target "already has"), so one agent with 8,000 URLs is not checked 8,000 times
   * against all of them.
   */
  private readonly firstOfType = new Map<string, Link>();
  private readonly firstToTarget = new Map<string, Link>();

  private pushLink(link: Link) {
    this.t.links.push(link);
    const key = `${link.source}\u0000${link.type}`;
    if (!this.firstOfType.has(key)) this.firstOfType.set(key, link);
    const pair = `${key}\u0000${link.target ?? ''}`;
    if (link.target !== undefined && !this.firstToTarget.has(pair)) this.firstToTarget.set(pair, link);
  }

  /** What `duplicateLinkProblem` needs of c's earlier links of `type`: the first one, and the first one to `targetId`, in design order. */
  private earlierLinks(c: Component, type: LinkType, targetId: string): Link[] {
    const key = `${c.id}\u0000${type}`;
    const first = this.firstOfType.get(key);
    const same = this.firstToTarget.get(`${key}\u0000${targetId}`);
    return first === undefined ? [] : same === undefined || same === first ? [first] : [first, same];
  }

  /** Per base id taken, the suffix to try next: ids are only added, so the first free one never goes down. */
  private readonly nextSuffix = new Map<string, number>();

  private uniqueId(base: string): string {
    let id = base;
    if (this.ids.has(id)) {
      // From the last suffix given: 8,000 external URLs of one agent share one base, and counting up from 2 each time was quadratic.
      let i = this.nextSuffix.get(base) ?? 2;
      while (this.ids.has((id = `${base}-${i}`))) i++;
      this.nextSuffix.set(base, i + 1);
    }
    this.ids.add(id);
    return id;
  }

  addObject(obj: unknown, src: Source) {
    const where = `document ${src.index + 1}`;
    if (src.optional && (!isObj(obj) || typeof obj.kind !== 'string' || typeof obj.apiVersion !== 'string')) {
      this.skipped.push(`${placeOf(undefined, src.file)}${where}`);
      return;
    }
    if (!isObj(obj)) {
      this.problems.push({ message: `${at(posOf(src, []))}${where} is not a Kubernetes object (a YAML mapping)`, pos: posOf(src, []) });
      return;
    }
    const kind = obj.kind;
    if (typeof kind !== 'string' || typeof obj.apiVersion !== 'string') {
      const pos = posOf(src, []);
      this.problems.push({ message: `${at(pos)}${where} has no apiVersion and kind`, pos });
      return;
    }
    const written = isObj(obj.metadata) ? obj.metadata : {};
    const label = `${kind}/${typeof written.name === 'string' ? written.name : '?'}`;
    const crKind = obj.apiVersion === API_VERSION ? CR_KINDS[kind] : undefined;
    // kustomize's namespace transformer: the operator CRs of a kustomization take its namespace.
    const md = crKind && src.namespace ? { ...written, namespace: src.namespace } : written;
    if (!crKind) {
      this.t.extras.push(obj as KubeObject);
      this.kept.push(label);
      return;
    }
    if (typeof md.name !== 'string') {
      const pos = posOf(src, ['metadata']);
      this.problems.push({ message: `${at(pos)}${where} (${kind}) has no metadata.name`, pos });
      return;
    }
    const spec: JsonObject = isObj(obj.spec) ? { ...obj.spec } : {};
    if (obj.spec !== undefined && !isObj(obj.spec)) {
      const pos = posOf(src, ['spec']);
      this.problems.push({ message: `${at(pos)}${label}: spec must be a mapping`, pos });
      return;
    }
    for (const [old, now] of Object.entries(RENAMED[crKind] ?? {})) {
      if (!(old in spec)) continue;
      const pos = posOf(src, ['spec', old]);
      if (now in spec) {
        this.warnings.push(`${at(pos)}${label}: spec.${old} is not a current field and spec.${now} is set; ${old} was dropped`);
      } else {
        this.warnings.push(`${at(pos)}${label}: spec.${old} is ${old === 'replicas' ? 'not a field' : 'deprecated'}; use spec.${now} (rewritten)`);
        spec[now] = spec[old];
      }
      delete spec[old];
    }
    if ('status' in obj) this.warnings.push(`${placeOf(undefined, src.file)}${label}: status was dropped (the operator writes it)`);
    const c = this.component(crKind, md, spec, src, label);
    this.sources.set(c.id, { src, obj: spec });
  }

  private component(kind: ComponentKind, md: JsonObject, spec: JsonObject, src: Source, label: string): Component {
    const { name, namespace, labels, annotations, ...rest } = md;
    const dropped = SERVER_METADATA.filter((k) => k in rest);
    for (const k of dropped) delete rest[k];
    if (dropped.length > 0) this.warnings.push(`${placeOf(undefined, src.file)}${label}: metadata ${dropped.join(', ')} dropped (set by the API server)`);
    if (labels !== undefined) {
      // Kubernetes labels of the CR (not Prometheus labels): the API server refuses anything else.
      const msg = checkKubeLabels(labels);
      if (msg) {
        const pos = posOf(src, ['metadata', 'labels']);
        this.problems.push({ message: `${at(pos)}${label}: metadata.labels ${msg}`, pos });
      }
    }
    const id = this.uniqueId(`${KINDS[kind].prefix}-${name as string}`);
    const c: Component = { id, kind, name: name as string, spec };
    if (typeof namespace === 'string') c.namespace = namespace;
    if (isObj(labels)) c.labels = labels as Record<string, string>;
    if (isObj(annotations)) c.annotations = annotations as Record<string, string>;
    if (Object.keys(rest).length > 0) c.metadata = rest;
    this.t.components.push(c);
    if (kind === 'VMCluster') {
      for (const part of CLUSTER_PARTS) {
        const partSpec = spec[part];
        if (partSpec === undefined) continue;
        delete spec[part];
        if (!isObj(partSpec)) {
          const pos = posOf(src, ['spec', part]);
          this.problems.push({ message: `${at(pos)}${label}: spec.${part} must be a mapping`, pos });
          continue;
        }
        this.t.components.push({ id: this.uniqueId(`${id}-${part}`), kind: part, cluster: id, spec: { ...partSpec } });
      }
    }
    return c;
  }

  /** Turns URL-bearing fields into links, once every component is known. */
  resolveLinks() {
    // The design's namespace is the most common one (objects without one are in the default
    // namespace, as kubectl would put them); components in it leave theirs unset, and render writes it back.
    const namespaces = new Map<string, number>();
    for (const c of this.t.components) {
      if (c.cluster !== undefined) continue;
      const ns = c.namespace ?? this.defaultNamespace;
      namespaces.set(ns, (namespaces.get(ns) ?? 0) + 1);
    }
    const top = [...namespaces.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
    this.t.namespace = top?.[0] ?? this.defaultNamespace;
    for (const c of this.t.components) {
      if (c.cluster !== undefined) continue;
      if ((c.namespace ?? this.defaultNamespace) === this.t.namespace) delete c.namespace;
      else c.namespace ??= this.defaultNamespace;
    }
    const services = serviceIndex(this.t);
    for (const c of this.t.components) {
      const source = this.sources.get(c.id);
      if (!source) continue;
      if (c.kind === 'VMAgent') this.agentLinks(c, services, source.src);
      if (c.kind === 'VMAlert') this.alertLinks(c, services, source.src);
    }
  }

  private agentLinks(c: Component, services: Map<string, Component>, src: Source) {
    const rw = c.spec.remoteWrite;
    if (rw === undefined) return;
    delete c.spec.remoteWrite;
    if (!Array.isArray(rw)) {
      this.fieldProblem(src, c, ['spec', 'remoteWrite'], 'must be a list of {url: ...} entries');
      return;
    }
    rw.forEach((entry, i) => {
      // A VictoriaMetrics size, like remoteWriteSettings.maxDiskUsagePerURL (which validateTopology checks).
      if (isObj(entry) && entry.maxDiskUsage !== undefined) {
        const msg = checkSize(entry.maxDiskUsage);
        if (msg) this.fieldProblem(src, c, ['spec', 'remoteWrite', i, 'maxDiskUsage'], `${JSON.stringify(entry.maxDiskUsage)} ${msg}`);
      }
      this.entryLink(c, 'remoteWrite', entry, services, src, ['spec', 'remoteWrite', i]);
    });
  }

  private alertLinks(c: Component, services: Map<string, Component>, src: Source) {
    for (const type of ['datasource', 'remoteWrite', 'remoteRead'] as const) {
      const entry = c.spec[type];
      if (entry === undefined) continue;
      delete c.spec[type];
      this.entryLink(c, type, entry, services, src, ['spec', type]);
    }
    if (c.spec.notifier !== undefined) {
      const entry = c.spec.notifier;
      delete c.spec.notifier;
      this.entryLink(c, 'notifier', entry, services, src, ['spec', 'notifier'], true);
    }
    const list = c.spec.notifiers;
    if (list === undefined) return;
    delete c.spec.notifiers;
    if (!Array.isArray(list)) {
      this.fieldProblem(src, c, ['spec', 'notifiers'], 'must be a list of {url: ...} or {selector: ...} entries');
      return;
    }
    list.forEach((entry, i) => this.entryLink(c, 'notifier', entry, services, src, ['spec', 'notifiers', i]));
  }

  private fieldProblem(src: Source, c: Component, path: (string | number)[], message: string) {
    const pos = posOf(src, path);
    this.problems.push({ message: `${at(pos)}${describe(this.t, c)}: ${path.join('.')} ${message}`, pos });
  }

  private external(c: Component, type: LinkType, entry: JsonObject, why: string, pos: SourcePos | undefined, single: boolean) {
    this.warnings.push(`${at(pos)}${describe(this.t, c)}: ${type} ${why}; kept as written`);
    const link: Link = { id: this.uniqueId(`${type}-${c.id}-external`), type, source: c.id, external: entry };
    if (single) link.single = true;
    this.pushLink(link);
  }

  private entryLink(
    c: Component,
    type: LinkType,
    entry: unknown,
    services: Map<string, Component>,
    src: Source,
    path: (string | number)[],
    single = false,
  ) {
    const pos = posOf(src, path);
    if (!isObj(entry)) {
      this.fieldProblem(src, c, path, 'must be a mapping');
      return;
    }
    const { url, selector, ...extra } = entry;
    if (type === 'notifier' && selector !== undefined && url === undefined) {
      this.selectorLink(c, entry, selector, extra, pos, single);
      return;
    }
    if (type === 'notifier' && selector !== undefined) {
      // The operator discovers alertmanagers by the selector and drops the entry's url.
      this.external(c, type, entry, 'has both a url and a selector (the operator uses the selector and ignores the url)', pos, single);
      return;
    }
    if (typeof url !== 'string' || url === '') {
      this.fieldProblem(src, c, path, type === 'notifier' ? 'needs a url or a selector' : 'needs a non-empty url');
      return;
    }
    const parsed = parseServiceUrl(url, namespaceOf(this.t, c));
    if (type === 'notifier' && parsed?.service === 'alertmanager-operated' && this.operatedAlias(c, entry, extra, parsed, url, pos, single)) return;
    const target = parsed && services.get(`${parsed.service}/${parsed.namespace}`);
    if (!parsed || !target) {
      this.external(c, type, entry, `URL ${url} is not a component of this design`, pos, single);
      return;
    }
    const kindProblem = this.targetKindProblem(c, type, target);
    if (kindProblem) {
      this.external(c, type, entry, `URL ${url} cannot be a link: ${kindProblem}`, pos, single);
      return;
    }
    const link = this.urlLink(c, type, target, parsed, url);
    if (typeof link === 'string') {
      this.external(c, type, entry, link, pos, single);
      return;
    }
    if (Object.keys(extra).length > 0) link.extra = extra;
    if (single) link.single = true;
    if (parsed.clusterDomain) link.clusterDomain = true;
    // Consecutive per-pod URLs of one alertmanager become one link.
    const prev = this.t.links.at(-1);
    if (
      link.notify === 'pods' &&
      prev?.source === c.id &&
      prev.notify === 'pods' &&
      prev.target === link.target &&
      !single &&
      !prev.single &&
      JSON.stringify(prev.extra) === JSON.stringify(link.extra) &&
      prev.clusterDomain === link.clusterDomain
    ) {
      prev.pods = [...(prev.pods ?? []), ...(link.pods ?? [])];
      return;
    }
    const problem = duplicateLinkProblem(this.t, c, type, target.id, this.earlierLinks(c, type, target.id));
    if (problem) {
      this.external(c, type, entry, `URL ${url} cannot be a link: ${problem}`, pos, single);
      return;
    }
    this.pushLink(link);
  }

  /**
   * `alertmanager-operated` is the prometheus-operator's Service for every alertmanager of a
   * namespace; the VictoriaMetrics operator creates none, so such a URL resolves nowhere. When the
   * design has exactly one VMAlertmanager there, the author meant it: the link becomes its single
   * Service address (which the checker then judges against its replicas), with a warning.
   */
  private operatedAlias(c: Component, entry: JsonObject, extra: JsonObject, parsed: ParsedUrl, url: string, pos: SourcePos | undefined, single: boolean): boolean {
    const ams = this.t.components.filter((x) => x.kind === 'VMAlertmanager' && namespaceOf(this.t, x) === parsed.namespace);
    if (ams.length !== 1) {
      this.external(c, 'notifier', entry, `URL ${url} uses alertmanager-operated, the prometheus-operator's naming; the VictoriaMetrics operator's Service is vmalertmanager-<name>`, pos, single);
      return true;
    }
    const am = ams[0]!;
    if (parsed.scheme !== schemeOf(am)) {
      this.external(c, 'notifier', entry, `URL ${url} uses alertmanager-operated, the prometheus-operator's naming, and ${parsed.scheme}, but ${describe(this.t, am)} serves ${schemeOf(am)}`, pos, single);
      return true;
    }
    const link: Link = { id: this.uniqueId(`notifier-${c.id}-${am.id}`), type: 'notifier', source: c.id, target: am.id, notify: 'service' };
    if (Object.keys(extra).length > 0) link.extra = extra;
    if (single) link.single = true;
    if (parsed.clusterDomain) link.clusterDomain = true;
    this.warnings.push(
      `${at(pos)}${describe(this.t, c)}: notifier URL ${url} uses alertmanager-operated, the prometheus-operator's naming, which the VictoriaMetrics operator does not create; read as the Service of ${describe(this.t, am)} and rewritten to its address`,
    );
    this.pushLink(link);
    return true;
  }

  /** Why a link of `type` from `c` cannot reach `target`'s kind, worded for a URL that names it. */
  private targetKindProblem(c: Component, type: LinkType, target: Component): string | undefined {
    if (target.kind === 'VMAgent' && (type === 'datasource' || type === 'remoteRead')) {
      return `${describe(this.t, target)} serves no queries (a ${type} must be a VMSingle, vmselect or VMAuth)`;
    }
    return linkKindProblem(this.t, type, c, target);
  }

  /** Matches a URL's scheme, path and port to the operator's conventions for the target; a string says why not. */
  private urlLink(c: Component, type: LinkType, target: Component, parsed: ReturnType<typeof parseServiceUrl> & {}, url: string): Link | string {
    const scheme = schemeOf(target);
    if (parsed.scheme !== scheme) {
      const tls = target.kind === 'VMAlertmanager' ? (scheme === 'https' ? ' (webConfig.tls_server_config is set)' : ' (no webConfig.tls_server_config)') : '';
      return `URL ${url} uses ${parsed.scheme}, but ${describe(this.t, target)} serves ${scheme}${tls}`;
    }
    const link: Link = { id: this.uniqueId(`${type}-${c.id}-${target.id}`), type, source: c.id, target: target.id };
    const defaultPort = servicePort(target);
    if (parsed.port !== undefined && parsed.port !== defaultPort) {
      if (target.kind === 'VMSingle' && parsed.port === VMSINGLE_ALIAS_PORT) link.port = VMSINGLE_ALIAS_PORT;
      else return `URL ${url} uses port ${parsed.port}, not ${target.kind}'s ${defaultPort}`;
    }
    if (parsed.port === undefined) return `URL ${url} has no port; ${target.kind} listens on ${defaultPort}`;
    const agentWrite = type === 'remoteWrite' && c.kind === 'VMAgent';
    const path = parsed.path;
    const clusterPath = /^\/(insert|select)\/([^/]+)\/prometheus(\/api\/v1\/write)?$/;
    switch (target.kind) {
      case 'VMSingle':
      case 'VMAuth':
        if (path !== (agentWrite ? '/api/v1/write' : '')) return `URL ${url} has path "${path}", not the one vmtopo writes`;
        break;
      case 'vminsert':
      case 'vmselect': {
        const m = clusterPath.exec(path);
        const want = target.kind === 'vminsert' ? 'insert' : 'select';
        if (!m || m[1] !== want || checkTenant(m[2]) !== undefined || Boolean(m[3]) !== agentWrite) return `URL ${url} has path "${path}", not /${want}/<tenant>/prometheus${agentWrite ? '/api/v1/write' : ''}`;
        if (m[2] !== '0') link.tenant = m[2];
        break;
      }
      case 'VMAgent':
        // VMAlert remoteWrite through a VMAgent (the only link into one): vmalert appends /api/v1/write.
        if (path !== '') return `URL ${url} has path "${path}", not the base URL vmtopo writes (vmalert appends /api/v1/write)`;
        break;
      case 'VMAlertmanager':
        if (path !== '') return `URL ${url} has path "${path}"`;
        if (parsed.pod === undefined) link.notify = 'service';
        else {
          link.notify = 'pods';
          link.pods = [parsed.pod];
        }
        break;
      default:
        return `URL ${url} points at ${target.kind}, which takes no ${type}`;
    }
    return link;
  }

  private selectorLink(c: Component, entry: JsonObject, selector: unknown, extra: JsonObject, pos: SourcePos | undefined, single: boolean) {
    const matches = this.t.components.filter((am) => am.kind === 'VMAlertmanager' && selectorMatches(selector, am, namespaceOf(this.t, am)));
    if (matches.length !== 1) {
      this.external(c, 'notifier', entry, `selector matches ${matches.length} alertmanagers of this design`, pos, single);
      return;
    }
    const am = matches[0]!;
    const link: Link = { id: this.uniqueId(`notifier-${c.id}-${am.id}`), type: 'notifier', source: c.id, target: am.id };
    // Kept as written unless it is exactly what the renderer would generate.
    const generated = selectorIsExact(this.t, am) ? generatedSelector(this.t, am) : undefined;
    if (JSON.stringify(generated) !== JSON.stringify(selector)) link.selector = selector as JsonObject;
    if (Object.keys(extra).length > 0) link.extra = extra;
    if (single) link.single = true;
    this.pushLink(link);
  }

  /** Where a component, or a field of it, is written: the field's node, else the component's. */
  sourceOf(componentId: string, field?: string): SourcePos | undefined {
    const c = this.t.components.find((x) => x.id === componentId);
    const owner = c?.cluster ?? c?.id;
    const source = owner === undefined ? undefined : this.sources.get(owner);
    if (!c || !source) return undefined;
    const own: (string | number)[] = c.cluster ? ['spec', c.kind] : [];
    const ownPos = nodePos(source.src, own, true) ?? posOf(source.src, []);
    if (field === undefined) return ownPos;
    const def = fieldOf(c.kind, field);
    const path: (string | number)[] =
      field === 'name' || field === 'namespace' ? ['metadata', field] : def?.path[0] === 'metadata' && !c.cluster ? [...def.path] : ['spec', ...(c.cluster ? [c.kind] : []), ...(def?.path ?? [])];
    return nodePos(source.src, path) ?? ownPos;
  }

  /** Adds the file and line of the offending field to a value problem. */
  locate(p: ValueProblem): Problem {
    const pos = this.sourceOf(p.componentId, p.field);
    return pos ? { message: `${at(pos)}${p.message}`, pos } : { message: p.message };
  }

  /** Per-pod notifier URLs that list every pod in order become "all pods" (they follow replicaCount). */
  normalisePods() {
    for (const l of this.t.links) {
      if (l.notify !== 'pods' || !l.pods) continue;
      const am = this.t.components.find((c) => c.id === l.target);
      const n = typeof am?.spec.replicaCount === 'number' ? am.spec.replicaCount : 1;
      if (l.pods.length === n && l.pods.every((p, i) => p === i)) delete l.pods;
    }
  }
}

/**
 * Reads multi-document YAML of operator CRs — one text, or several files assembled into one
 * design — into a topology. Objects of other kinds are kept; URLs and selectors become links when
 * they resolve anywhere in the input, else stay as written. Messages name the file (when the
 * source has one), line, object and field.
 */
export function importManifests(input: string | readonly ManifestSource[], opts: { name?: string; defaultNamespace?: string } = {}): ImportResult {
  const sources = typeof input === 'string' ? [{ text: input }] : input;
  const parsed = sources.map(parseSource);
  const syntax = parsed.flatMap((p) => ('problems' in p ? p.problems : []));
  if (syntax.length > 0) throw new ImportError(`invalid YAML: ${syntax[0]!.message}`, syntax, 'VMT-I02');
  const imp = new Importer(opts.name ?? 'imported', opts.defaultNamespace);
  for (const p of parsed) {
    if ('problems' in p) continue;
    if (p.unwrapped) imp.warnings.push(`${placeOf(undefined, p.file)}removed the "cat <<EOF | kubectl apply -f -" wrapper`);
    p.docs.forEach((doc, index) => {
      const label = `document ${index + 1}`;
      const range = numbersOutOfRange(doc, p.lines, p.file, label);
      if (range.length > 0) {
        imp.problems.push(...range);
        return;
      }
      const read = documentValue(doc, p.lines, p.file, label);
      if ('problem' in read) throw new ImportError(read.problem.message, [read.problem], 'VMT-I04');
      const value = read.value;
      if (value === null || value === undefined) return;
      const src = { doc, index, lines: p.lines, base: [], ...(p.file ? { file: p.file } : {}), ...(p.optional ? { optional: true } : {}), ...(p.namespace ? { namespace: p.namespace } : {}) };
      if (isObj(value) && value.kind === 'List' && Array.isArray(value.items)) {
        value.items.forEach((item, i) => imp.addObject(item, { ...src, base: ['items', i] }));
        return;
      }
      imp.addObject(value, src);
    });
  }
  if (imp.problems.length === 0) imp.resolveLinks();
  imp.normalisePods();
  if (imp.problems.length > 0) throw new ImportError(imp.problems[0]!.message, imp.problems);
  const invalid = validateTopology(imp.t).map((p) => imp.locate(p));
  if (invalid.length > 0) throw new ImportError(invalid[0]!.message, invalid, 'VMT-V01');
  if (imp.t.components.length === 0 && imp.t.extras.length === 0 && imp.skipped.length === 0) throw new ImportError('the input holds no Kubernetes objects', undefined, 'VMT-I01');
  // A fresh object: indexes cached for the topology while it was being built would be stale.
  return { topology: { ...imp.t }, warnings: imp.warnings, kept: imp.kept, skipped: imp.skipped, sourceOf: (id, field) => imp.sourceOf(id, field) };
}
