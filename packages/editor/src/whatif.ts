/**
 * The designer's "What if" mode (issue #13 §4): a set of failed pods simulated on the design,
 * never edited into it. The mode and its failed pods live in the editor store, outside the design
 * and its history; the outcome and the N−1 analysis are derived, memoised per design version.
 */
import {
  ALERTING_LEVELS,
  analyse,
  INGESTION_LEVELS,
  placementOf,
  QUERY_LEVELS,
  severity,
  whatIf,
  zonesFor,
  getComponent,
  type Analysis,
  type Link,
  type Survival,
  type Topology,
  type WhatIfScenario,
} from '@vmtopo/model';
import { createStructuralView, structuralViewOf } from './derive.ts';
import type { EditorStore } from './editorStore.ts';

export interface WhatIfState {
  on: boolean;
  /** Failed pod names, sorted. */
  failed: readonly string[];
}

export const WHATIF_OFF: WhatIfState = { on: false, failed: [] };

const sorted = (names: Iterable<string>): string[] => [...new Set(names)].sort();

function setFailed(store: EditorStore, failed: Iterable<string>): void {
  store.getState().setWhatIf({ on: true, failed: sorted(failed) });
}

/** Enters or leaves the mode; leaving forgets the failed pods. */
export function setWhatIfMode(store: EditorStore, on: boolean): void {
  const cur = store.getState().whatif;
  if (cur.on === on && (on || cur.failed.length === 0)) return;
  store.getState().setWhatIf(on ? { on: true, failed: cur.failed } : WHATIF_OFF);
}

export function toggleWhatIf(store: EditorStore): void {
  setWhatIfMode(store, !store.getState().whatif.on);
}

export function failPod(store: EditorStore, pod: string): void {
  setFailed(store, [...store.getState().whatif.failed, pod]);
}

export function restorePod(store: EditorStore, pod: string): void {
  setFailed(store, store.getState().whatif.failed.filter((p) => p !== pod));
}

/** Fails a running pod, restores a failed one. */
export function togglePod(store: EditorStore, pod: string): void {
  if (store.getState().whatif.failed.includes(pod)) restorePod(store, pod);
  else failPod(store, pod);
}

/** The pods of a component (a cluster part's own; a VMCluster's: all its parts' and its load balancer's). */
export function podsOfComponent(t: Topology, id: string): string[] {
  const ids = new Set([id, ...t.components.filter((c) => c.cluster === id).map((c) => c.id)]);
  return placementOf(t, zonesFor(t)).pods.filter((p) => ids.has(p.componentId)).map((p) => p.name);
}

/** Fails every pod of a component (added to those already failed). */
export function failComponent(store: EditorStore, id: string): void {
  setFailed(store, [...store.getState().whatif.failed, ...podsOfComponent(store.getState().topology, id)]);
}

/** Fails the pods of zone `zone` (1-based) under the worst placement, instead of those failed. */
export function failZone(store: EditorStore, zone: number): void {
  const t = store.getState().topology;
  setFailed(store, placementOf(t, zonesFor(t)).zonePods[zone - 1] ?? []);
}

/** Fails exactly these pods (a scenario of the N−1 table). */
export function applyScenario(store: EditorStore, failed: readonly string[]): void {
  setFailed(store, failed);
}

export function clearFailed(store: EditorStore): void {
  if (store.getState().whatif.failed.length > 0) setFailed(store, []);
}

/** A few failed pods by name: `a, b and 3 more`. */
export const podList = (pods: readonly string[]): string => (pods.length <= 2 ? pods.join(', ') : `${pods.slice(0, 2).join(', ')} and ${pods.length - 2} more`);

/** The scenario a picture of the canvas shows, for its caption; undefined outside What if or with nothing failed. */
export function whatIfCaption(w: WhatIfState): string | undefined {
  if (!w.on || w.failed.length === 0) return undefined;
  return `What if ${podList(w.failed)} ${w.failed.length === 1 ? 'fails' : 'fail'}`;
}

export type Tone = 'ok' | 'warn' | 'bad';

/** How bad an outcome is: ok, degraded somewhere (amber), or something lost or unavailable (red). */
export function toneOf(o: Pick<WhatIfScenario, 'ingestion' | 'queries' | 'alerting'>): Tone {
  const [i, q, a] = severity(o);
  if (i === INGESTION_LEVELS.length - 1 || q === QUERY_LEVELS.length - 1 || a === ALERTING_LEVELS.length - 1) return 'bad';
  return i + q + a === 0 ? 'ok' : 'warn';
}

/** How one component fares in a scenario: red when its part of the data path is lost or unavailable, amber when degraded; undefined when unharmed. */
export function componentTone(o: Pick<WhatIfScenario, 'harm'>, id: string): Tone | undefined {
  const h = o.harm[id];
  return h === undefined ? undefined : h === 'down' ? 'bad' : 'warn';
}

/**
 * How a link fares in a scenario: as the worse of its two ends (a cluster part counts as its
 * cluster), so the write into a cluster that answers nothing is red, an agent that only buffers amber.
 */
export function linkTone(t: Topology, o: Pick<WhatIfScenario, 'harm'>, link: Pick<Link, 'source' | 'target'>): Tone | undefined {
  const ends = [link.source, link.target].map((id) => id && componentTone(o, getComponent(t, id)?.cluster ?? id));
  return ends.includes('bad') ? 'bad' : ends.includes('warn') ? 'warn' : undefined;
}

/** The worst scenario of an analysis: by its worst dimension, then by the sum of the three. */
export function worstScenario(a: Analysis): WhatIfScenario | undefined {
  const score = (s: WhatIfScenario) => {
    const v = severity(s);
    return Math.max(...v) * 10 + v[0] + v[1] + v[2];
  };
  let worst: WhatIfScenario | undefined;
  for (const s of a.scenarios) if (!worst || score(s) > score(worst)) worst = s;
  return worst;
}

/** "✓" survives, "✗" not: the design summary's line. */
export function survivalLine(s: Survival): string {
  const m = (b: boolean) => (b ? '✓' : '✗');
  return `any pod ${m(s.pod)} · any node ${m(s.node)} · any zone ${m(s.zone)}`;
}

/** A scenario's name in the N−1 table: "pod", "worst node", "zone 1". */
export function scenarioLabel(s: WhatIfScenario): string {
  if (s.class === 'node') return 'worst node';
  if (s.class === 'zone') return `zone ${s.zone ?? ''}`.trim();
  return s.class;
}

/**
 * Above this many components the design summary's survival line is worked out in a worker: the
 * N−1 analysis takes about 90 ms at 1,000 components, more than a frame.
 */
export const SURVIVAL_IN_WORKER_COMPONENTS = 200;

/** A request to the survival worker: the design without positions, and a number to match the reply. */
export interface SurvivalRequest {
  id: number;
  topology: Topology;
}

export interface SurvivalReply {
  id: number;
  survives: Survival;
}

/** What the worker does with a request. */
export const answerSurvival = (req: SurvivalRequest): SurvivalReply => ({ id: req.id, survives: analyse(req.topology).survives });

export interface WhatIfView {
  /** The design as the simulation reads it: the same object while only positions change. */
  structure: (t: Topology) => Topology;
  /** The outcome of the failed pods (pods the design no longer has are left out). */
  outcome: (t: Topology, failed: readonly string[]) => WhatIfScenario;
  /** The N−1 analysis. */
  analysis: (t: Topology) => Analysis;
  /** A component's pod names as its pod grid shows them: one row per shard, one column per replica. */
  podRows: (t: Topology, id: string) => string[][];
}

/** The derived what-if data of one editor, memoised per design version (positions aside). */
export function createWhatIfView(structural: (t: Topology) => Topology = createStructuralView()): WhatIfView {
  let outcomeOf: { t: Topology; key: string; out: WhatIfScenario } | undefined;
  let analysisOf: { t: Topology; out: Analysis } | undefined;
  let rowsOf: { t: Topology; rows: Map<string, string[][]> } | undefined;
  const rowsFor = (s: Topology): Map<string, string[][]> => {
    if (rowsOf?.t === s) return rowsOf.rows;
    const rows = new Map<string, string[][]>();
    const byWorkload = new Map<string, string[]>();
    for (const p of placementOf(s, zonesFor(s)).pods) {
      let w = byWorkload.get(p.workload.name);
      if (!w) {
        byWorkload.set(p.workload.name, (w = []));
        const list = rows.get(p.componentId) ?? [];
        list.push(w);
        rows.set(p.componentId, list);
      }
      w.push(p.name);
    }
    rowsOf = { t: s, rows };
    return rows;
  };
  return {
    outcome(t, failed) {
      const s = structural(t);
      const key = failed.join('\n');
      if (outcomeOf?.t === s && outcomeOf.key === key) return outcomeOf.out;
      const known = new Set([...rowsFor(s).values()].flat(2));
      const out = whatIf(s, failed.filter((p) => known.has(p)));
      outcomeOf = { t: s, key, out };
      return out;
    },
    analysis(t) {
      const s = structural(t);
      if (analysisOf?.t === s) return analysisOf.out;
      const out = analyse(s);
      analysisOf = { t: s, out };
      return out;
    },
    podRows: (t, id) => rowsFor(structural(t)).get(id) ?? [],
    structure: structural,
  };
}

const views = new WeakMap<EditorStore, WhatIfView>();

/** The one what-if view of an editor. */
export function whatIfViewOf(store: EditorStore): WhatIfView {
  let v = views.get(store);
  if (!v) views.set(store, (v = createWhatIfView(structuralViewOf(store))));
  return v;
}

/** Enters the mode with the analysis' worst scenario failed (the design summary's "Survives" line). */
export function showWorstScenario(store: EditorStore): void {
  const worst = worstScenario(whatIfViewOf(store).analysis(store.getState().topology));
  setFailed(store, worst?.failed ?? []);
}
