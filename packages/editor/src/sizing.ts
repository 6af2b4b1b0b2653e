/**
 * The designer's sizing: the design's zones and outage, each component's workload inputs, the
 * sizing table of the design summary and "Apply sizing". Every edit is one undo step; typing in one
 * input merges into one step per input.
 */
import {
  applySizing as applySizingModel,
  describe,
  editedPart,
  getComponent,
  hasWorkload,
  ofKind,
  outageMinutesProblem,
  quantityFor,
  showSizingBytes,
  sizeTopology,
  storages,
  WORKLOAD_FIELDS,
  workloadValueProblem,
  zonesProblem,
  type Component,
  type SizingReport,
  type Topology,
  type WorkloadInputs,
  type WorkloadKey,
} from '@vmtopo/model';
import { memoByIdentity, structuralViewOf } from './derive.ts';
import type { EditorStore } from './editorStore.ts';

/** `600000`, `600,000`, `600k`, `1.5M`: a number as people type it; undefined when it is none. */
export function parseAmount(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*([kKmMgG]?)$/.exec(text.trim().replace(/[,_\s](?=\d)/g, ''));
  if (!m) return undefined;
  const scale = { '': 1, k: 1e3, m: 1e6, g: 1e9 }[m[2]!.toLowerCase() as '' | 'k' | 'm' | 'g'];
  return Math.round(Number(m[1]) * scale * 1e6) / 1e6;
}

/** Why typed text cannot be the design's zone count; undefined when it can. */
export function zonesTextProblem(text: string): string | undefined {
  const problem = zonesProblem(parseAmount(text) ?? text.trim());
  return problem && `Zones ${problem}`;
}

/** Why typed text cannot be the outage in minutes; undefined when it can. */
export function outageTextProblem(text: string): string | undefined {
  const problem = outageMinutesProblem(parseAmount(text) ?? text.trim());
  return problem && `Outage ${problem}`;
}

/** Sets the design's zone count from typed text; returns the problem instead when the text is not 1..64. */
export function setZones(store: EditorStore, text: string): string | undefined {
  return zonesTextProblem(text) ?? setSetting(store, 'zones', parseAmount(text)!);
}

/** Sets the outage (minutes) the queues must ride out; returns the problem instead. */
export function setOutageMinutes(store: EditorStore, text: string): string | undefined {
  return outageTextProblem(text) ?? setSetting(store, 'outageMinutes', parseAmount(text)!);
}

function setSetting(store: EditorStore, key: 'zones' | 'outageMinutes', n: number): undefined {
  const s = store.getState();
  if (s.topology[key] !== n) s.commit({ ...s.topology, [key]: n }, { mergeKey: `design:${key}` });
  return undefined;
}

/** Why typed text cannot be this workload input of component `c` (empty text unsets it); undefined when it can. */
export function workloadTextProblem(c: Component, key: WorkloadKey, text: string): string | undefined {
  const field = WORKLOAD_FIELDS[c.kind]?.find((f) => f.key === key);
  if (!field) return `${key} is not a workload input of ${c.id}`;
  if (text.trim() === '') return undefined;
  const value = parseAmount(text);
  const problem = value === undefined ? `must be a number such as 600000, 600k or 1.5M, not "${text.trim()}"` : workloadValueProblem(field, value);
  return problem && `${field.label} ${problem}`;
}

/**
 * Sets one workload input of a component from typed text (empty text unsets it); returns the
 * problem instead when the value cannot be one. Unsetting the input a workload cannot go without
 * (a VMAgent's active series) removes the whole workload.
 */
export function setWorkloadText(store: EditorStore, id: string, key: WorkloadKey, text: string): string | undefined {
  const s = store.getState();
  const c = getComponent(s.topology, id);
  if (!c) return `no component ${id}`;
  const problem = workloadTextProblem(c, key, text);
  if (problem) return problem;
  const value = text.trim() === '' ? undefined : parseAmount(text);
  if (c.workload?.[key] === value) return undefined;
  const rest: WorkloadInputs = { ...c.workload, [key]: value };
  if (value === undefined) delete rest[key];
  const { workload: _w, ...bare } = c;
  // A workload without its required input (series, bytes per sample) says nothing: it goes whole.
  const required = WORKLOAD_FIELDS[c.kind]!.find((f) => f.required)!.key;
  const next = rest[required] === undefined ? bare : { ...bare, workload: rest };
  s.commit({ ...s.topology, components: s.topology.components.map((x) => (x.id === id ? next : x)) }, { mergeKey: `${id}:workload.${key}` });
  return undefined;
}

/** Writes every size the sizing report asks for (volumes, whole CPUs, queues) as one undo step. */
export function applyDesignSizing(store: EditorStore): void {
  const s = store.getState();
  const next = applySizingModel(s.topology);
  if (next !== s.topology) s.commit(next);
}

/** One storage row of the design summary's sizing table. */
export interface StorageRow {
  id: string;
  /** The component holding the data (VMSingle or vmstorage), which the Fix edits. */
  dataId: string;
  name: string;
  samplesPerSecond: number;
  diskPerPod: string;
  /** The claim size as written, or "no volume". */
  requested: string;
  fits: boolean;
  /** What Apply sizing writes when it does not fit. */
  wanted: string;
  cpu: number;
}

export interface AgentRow {
  id: string;
  name: string;
  series: number;
  assumed: boolean;
  /** What one pod's queue needs per URL to hold the outage; undefined for a DaemonSet. */
  queueNeed?: string;
  fits: boolean;
}

export interface SizingTable {
  /** Any VMAgent describes its workload (without, every figure rests on the assumed default). */
  described: boolean;
  outageMinutes: number;
  storages: StorageRow[];
  agents: AgentRow[];
}

/** The design summary's sizing table: per storage disk and CPU, per agent the queue need. */
export function sizingTable(t: Topology, report: SizingReport = sizeTopology(t)): SizingTable {
  return {
    described: hasWorkload(t),
    outageMinutes: report.inputs.outageSeconds / 60,
    storages: report.storages.map((s) => ({
      id: s.componentId,
      dataId: s.dataComponentId,
      name: describe(t, getComponent(t, s.componentId)!),
      samplesPerSecond: s.samplesPerSecond.value,
      diskPerPod: showSizingBytes(s.diskBytesPerPod.value),
      requested: s.requested ?? (s.persistent ? 'no size' : 'no volume'),
      fits: s.fits,
      wanted: quantityFor(s.diskBytesPerPod.value),
      cpu: s.cpuCoresPerPod.value,
    })),
    agents: report.agents.map((a) => {
      const row: AgentRow = { id: a.componentId, name: describe(t, getComponent(t, a.componentId)!), series: a.series, assumed: a.assumed, fits: a.queues.every((q) => q.fits) };
      const need = a.queues[0]?.neededBytes.value;
      if (need !== undefined) row.queueNeed = showSizingBytes(need);
      return row;
    }),
  };
}

/** The figure a node shows: "≈ 73 GiB / pod of 200Gi" for storage, "600k series" for an agent; undefined without one. */
export function nodeSizingFigure(table: SizingTable, id: string): SizingFigure | undefined {
  return table.described ? figuresOf(table).get(id) : undefined;
}

export interface SizingFigure {
  text: string;
  fits: boolean;
}

/**
 * Every node's figure of a table, by component id: a storage under its own id and its data
 * component's, an agent only when its series are given. Built once per table, as every node of
 * the canvas asks for its own.
 */
const figures = new WeakMap<SizingTable, Map<string, SizingFigure>>();
function figuresOf(table: SizingTable): Map<string, SizingFigure> {
  let out = figures.get(table);
  if (out) return out;
  out = new Map();
  for (const s of table.storages) {
    const f = { text: `≈ ${s.diskPerPod} / pod of ${s.requested}`, fits: s.fits };
    for (const id of [s.id, s.dataId]) if (!out.has(id)) out.set(id, f);
  }
  for (const a of table.agents) {
    if (!a.assumed && !out.has(a.id)) out.set(a.id, { text: `${compact(a.series)} series${a.queueNeed ? ` · queue ${a.queueNeed}` : ''}`, fits: a.fits });
  }
  figures.set(table, out);
  return out;
}

const compact = (n: number) => (n >= 1e6 ? `${+(n / 1e6).toFixed(1)}M` : n >= 1e3 ? `${+(n / 1e3).toFixed(1)}k` : String(n));

/**
 * The sizing table of each version of a design, given the one before: after an edit only the rows
 * of the components it can affect are sized again, on the part of the design they read (as the
 * lint re-checks its capacity rules); every other row is the previous version's, as sizing a
 * whole design of 1,000 components takes tens of ms.
 */
export function createSizingTables(): (t: Topology) => SizingTable {
  let last: { t: Topology; table: SizingTable } | undefined;
  return (t) => {
    if (last?.t === t) return last.table;
    const edited = last && editedPart(last.t, t);
    let table: SizingTable;
    if (!last || edited === undefined) table = sizingTable(t);
    else if (edited === null) table = last.table;
    else {
      const fresh = sizingTable(edited.sub);
      const rows = <R extends { id: string }>(before: R[], now: R[], order: Component[]): R[] => {
        const was = new Map(before.map((r) => [r.id, r]));
        const is = new Map(now.map((r) => [r.id, r]));
        return order.flatMap((c) => (edited.affected.has(c.id) ? is.get(c.id) : was.get(c.id)) ?? []);
      };
      table = {
        described: hasWorkload(t),
        outageMinutes: fresh.outageMinutes,
        storages: rows(last.table.storages, fresh.storages, storages(t)),
        agents: rows(last.table.agents, fresh.agents, ofKind(t, 'VMAgent')),
      };
    }
    last = { t, table };
    return table;
  };
}

/**
 * An editor's sizing, per design version (a drag changes nothing). Lazy: the table is computed
 * only when something on screen shows it, and the node figures ask first whether the design
 * describes a workload at all (without one no node shows a figure, and the whole-design sizing
 * is not worth running on every edit).
 */
interface SizingView {
  table(t: Topology): SizingTable;
  figure(t: Topology, id: string): SizingFigure | undefined;
}

const views = new WeakMap<EditorStore, SizingView>();
function viewOf(store: EditorStore): SizingView {
  let view = views.get(store);
  if (!view) {
    const structural = structuralViewOf(store);
    const table = createSizingTables();
    const described = memoByIdentity(hasWorkload);
    view = {
      table: (t) => table(structural(t)),
      figure(t, id) {
        const s = structural(t);
        return described(s) ? nodeSizingFigure(table(s), id) : undefined;
      },
    };
    views.set(store, view);
  }
  return view;
}

/** The sizing table of an editor's design (the design summary's), computed once per design version. */
export function sizingTableOf(store: EditorStore, t: Topology): SizingTable {
  return viewOf(store).table(t);
}

/** The figure a node of an editor's design shows; undefined without one. */
export function sizingFigureOf(store: EditorStore, t: Topology, id: string): SizingFigure | undefined {
  return viewOf(store).figure(t, id);
}
