import { changeCount, diffTopology } from '@vmtopo/model';
import type { Component, Topology, TopologyDiff } from '@vmtopo/model';
import type { Renderer } from '@vmtopo/render';
import { createLinter, loadedRenderer, SEVERITY_ORDER, type Finding, type Severity } from './core.ts';
import type { EditorStore } from './editorStore.ts';

/**
 * The design without node positions. Consecutive topologies that differ only in positions map to
 * the very same object, so everything memoised on it (findings, YAML) survives a drag. Reads what
 * changed from the shared diff: an edit of one component of 10,000 replaces one entry.
 */
export function createStructuralView(): (t: Topology) => Topology {
  let lastInput: Topology | undefined;
  let lastOutput: Topology | undefined;
  return (t) => {
    if (t === lastInput && lastOutput) return lastOutput;
    const d = lastInput && lastOutput ? diffTopology(lastInput, t) : undefined;
    lastInput = t;
    if (d && lastOutput && d.settings.length === 0 && d.links.order === 'same' && changeCount(d.links) === 0 && d.extras.order === 'same' && changeCount(d.extras) === 0) {
      const { components } = d;
      // A component that only moved is still the same object as before (its stripped self).
      const edited = components.changed.filter((c) => !sameComponent(c.prev, c.next));
      if (components.order === 'same' && edited.length === 0) return lastOutput;
      if (components.order === 'same') {
        const out = lastOutput.components.slice();
        for (const c of edited) out[c.at] = stripPosition(c.next);
        return (lastOutput = { ...t, components: out });
      }
    }
    const prev = lastOutput?.components;
    lastOutput = {
      ...t,
      components: t.components.map((c, i) => {
        const old = prev?.[i];
        return old !== undefined && old.id === c.id && sameComponent(old, c) ? old : stripPosition(c);
      }),
    };
    return lastOutput;
  };
}

const structuralViews = new WeakMap<EditorStore, (t: Topology) => Topology>();

/**
 * The one positions-free view of an editor's design, shared by the derivations, the sizing and the
 * what-if view: each version is diffed against the last once, not once per consumer (a node's
 * sizing figure asks for it in the store's own update, before the findings do).
 */
export function structuralViewOf(store: EditorStore): (t: Topology) => Topology {
  let view = structuralViews.get(store);
  if (!view) structuralViews.set(store, (view = createStructuralView()));
  return view;
}

/**
 * Each component without its position, memoised per component object: an edit of one component
 * leaves every other one the very same object, so the renderer's per-component cache (keyed by
 * identity) and anything else memoised on components keeps hitting.
 */
const stripped = new WeakMap<Component, Component>();
function stripPosition(c: Component): Component {
  if (c.position === undefined) return c;
  let out = stripped.get(c);
  if (!out) {
    const { position: _p, ...rest } = c;
    out = rest;
    stripped.set(c, out);
  }
  return out;
}

const COMPONENT_KEYS = ['id', 'kind', 'name', 'namespace', 'cluster', 'labels', 'annotations', 'metadata', 'spec', 'workload'] as const;

/** Same components, in the same order, at the same positions: nothing on the canvas moved, appeared or went. */
export function samePlaces(a: Topology, b: Topology): boolean {
  if (a.components === b.components) return true;
  if (a.components.length !== b.components.length) return false;
  return a.components.every((c, i) => c.id === b.components[i]!.id && c.position === b.components[i]!.position);
}

function sameComponent(x: Component, y: Component): boolean {
  if (x === y) return true;
  for (const k of COMPONENT_KEYS) if (x[k] !== y[k]) return false;
  return true;
}

/** One memo slot keyed by object identity. */
export function memoByIdentity<A extends object, R>(f: (a: A) => R): (a: A) => R {
  let lastA: A | undefined;
  let lastR: R;
  return (a) => {
    if (a !== lastA) {
      lastR = f(a);
      lastA = a;
    }
    return lastR;
  };
}

export interface NodeFindings {
  /** The worst severity, and how many findings of each severity (a badge shows the worst's). */
  severity: Severity;
  counts: Record<Severity, number>;
  count: number;
  messages: string[];
  /** Stable key for memoised nodes. */
  key: string;
}

/** Per component: its findings' worst severity, count and messages. */
export function findingsByComponent(findings: Finding[]): Map<string, NodeFindings> {
  const out = new Map<string, NodeFindings>();
  addFindings(out, findings);
  return out;
}

/** Adds each finding to the entries of its components (of those in `only`, when given) and keys the entries it made. */
function addFindings(out: Map<string, NodeFindings>, findings: Finding[], only?: ReadonlySet<string>): void {
  const made: NodeFindings[] = [];
  for (const f of findings) {
    if (only && !namesAny(f, only)) continue;
    for (const id of new Set(f.componentIds)) {
      if (only && !only.has(id)) continue;
      const cur = out.get(id);
      if (!cur) {
        const entry: NodeFindings = { severity: f.severity, counts: { error: 0, warning: 0, info: 0, [f.severity]: 1 }, count: 1, messages: [f.message], key: '' };
        out.set(id, entry);
        made.push(entry);
      } else {
        cur.count++;
        cur.counts[f.severity]++;
        cur.messages.push(f.message);
        if (SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[cur.severity]) cur.severity = f.severity;
      }
    }
  }
  for (const v of made) v.key = `${v.severity}|${v.messages.join('\n')}`;
}

function namesAny(f: Finding, ids: ReadonlySet<string>): boolean {
  for (const id of f.componentIds) if (ids.has(id)) return true;
  return false;
}

/**
 * The index of `findings`, built from the index of the version before: a component whose findings
 * are the very same objects in the same order keeps its entry; the others are built again.
 * Undefined when so much changed that building everything is cheaper. (An edit re-checks a few
 * components, and the linter hands the other findings over as the same objects: at 1,000
 * components, building the whole index again took 10 ms of an edit.)
 */
function updatedIndex(prev: Finding[], prevIndex: Map<string, NodeFindings>, findings: Finding[]): Map<string, NodeFindings> | undefined {
  const at = new Map<Finding, number>();
  prev.forEach((f, i) => at.set(f, i));
  const kept = new Uint8Array(prev.length);
  const touched = new Set<string>();
  // Kept findings must come in their old order; one that moved back counts as changed.
  let last = -1;
  for (const f of findings) {
    const i = at.get(f);
    if (i !== undefined && i > last) {
      kept[i] = 1;
      last = i;
    } else for (const id of f.componentIds) touched.add(id);
  }
  prev.forEach((f, i) => {
    if (!kept[i]) for (const id of f.componentIds) touched.add(id);
  });
  if (touched.size > (prevIndex.size >> 2) + 16) return undefined;
  const out = new Map(prevIndex);
  for (const id of touched) out.delete(id);
  addFindings(out, findings, touched);
  return out;
}

/**
 * findingsByComponent, giving back the very same map while every finding says what it said (the
 * canvas re-derives all of its nodes when the map changes, and an edit hands over the findings it
 * re-checked as new objects, mostly with the same words), and otherwise the same entries for the
 * components whose findings are the same objects (updatedIndex).
 */
export function createFindingsIndex(): (findings: Finding[]) => Map<string, NodeFindings> {
  let last: { findings: Finding[]; index: Map<string, NodeFindings> } | undefined;
  return (findings) => {
    const index = !last
      ? findingsByComponent(findings)
      : sameForBadges(last.findings, findings)
        ? last.index
        : (updatedIndex(last.findings, last.index, findings) ?? findingsByComponent(findings));
    last = { findings, index };
    return index;
  };
}

/** Same severities, messages and components, in the same order: all findingsByComponent reads. */
function sameForBadges(a: Finding[], b: Finding[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x !== y && (x.severity !== y.severity || x.message !== y.message || !sameIds(x.componentIds, y.componentIds))) return false;
  }
  return true;
}

const sameIds = (a: string[], b: string[]) => a === b || (a.length === b.length && a.every((id, i) => id === b[i]));

export interface Derivations {
  structural: (t: Topology) => Topology;
  findings: (t: Topology) => Finding[];
  byComponent: (t: Topology) => Map<string, NodeFindings>;
  /** The design's YAML, once the renderer has loaded (loadRenderer); before, it throws. */
  yaml: (t: Topology) => string;
  /**
   * Builds what the next edit's check needs first, for the design checked last, and runs an
   * edit's derivations once if none has run yet (call it when the user is idle).
   */
  prepare: () => void;
}

/**
 * Derived data of one editor, memoised on the positions-free design. What changed from one
 * version to the next is computed once (`diffTopology`) and handed to both the linter and the
 * renderer session. The renderer session starts with the first YAML asked for, the renderer being
 * loaded by then (it is not part of the first load).
 */
export function createDerivations(structural: (t: Topology) => Topology = createStructuralView()): Derivations {
  let last: Topology | undefined;
  const diffMemo = memoByIdentity((s: Topology): TopologyDiff | undefined => {
    const d = last && diffTopology(last, s);
    last = s;
    return d;
  });
  const linter = createLinter();
  /** The designs the linter and the renderer session were given last. */
  let checked: Topology | undefined;
  let rendered: Topology | undefined;
  const lintMemo = memoByIdentity((s: Topology) => linter.lint((checked = s), diffMemo(s)));
  const byMemo = memoByIdentity(createFindingsIndex());
  let renderer: Renderer | undefined;
  const yamlMemo = memoByIdentity((s: Topology): string => {
    renderer ??= loadedRenderer().createRenderer();
    rendered = s;
    try {
      // A first render gets the diff from the version the linter saw last; the session checks a
      // diff against its own last version and renders in full when they differ.
      return renderer.render(s, diffMemo(s));
    } catch (e) {
      return `# The renderer failed: ${(e as Error).message}\n`;
    }
  });
  const findings = (t: Topology) => lintMemo(structural(t));
  let warmed = { lint: false, render: false };
  /**
   * Runs an edit's derivations once, the first time they can run: one component swapped for an
   * equal copy and back, through the same memos, so that everything ends as it was. The first
   * edit of a session otherwise runs the incremental check, the incremental render and the
   * index update for the first time, code that V8 has not compiled yet (at 500 components about
   * three times as long as on the next edits). Incremental, so cheap at any size.
   */
  const warmUp = () => {
    const s = checked;
    // Only from where the renderer session stands: from elsewhere it would render in full.
    const render = !warmed.render && renderer !== undefined && rendered === s;
    if (!s || s.components.length === 0 || (warmed.lint && !render)) return;
    const [first, ...rest] = s.components;
    const copy: Topology = { ...s, components: [{ ...first! }, ...rest] };
    for (const v of [copy, s]) {
      byMemo(lintMemo(v));
      if (render) yamlMemo(v);
    }
    warmed = { lint: true, render: warmed.render || render };
  };
  return {
    structural,
    findings,
    byComponent: (t) => byMemo(findings(t)),
    yaml: (t) => yamlMemo(structural(t)),
    prepare: () => {
      warmUp();
      linter.prepare();
    },
  };
}
