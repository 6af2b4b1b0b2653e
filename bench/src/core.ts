import { dump } from 'js-yaml';
import { analyse, createLinter, diffTopology, lint, updateComponent, withField } from '@vmtopo/model';
import type { KubeObject, Topology } from '@vmtopo/model';
import { createRenderer, importManifests, objectYaml, renderObjects, renderYaml } from '@vmtopo/render';
import { type ShapeName, generate, generateShape } from './generate.ts';
import { type Maybe, collectGarbage, median, round, timeMedian } from './stats.ts';

/** js-yaml options giving the same text as `yaml` for these objects (checked: `floorSameText`). */
const JS_YAML_OPTIONS = { lineWidth: -1, noRefs: true, quotingType: '"' } as const;

export interface CoreSize {
  components: number;
  links: number;
  findings: number;
  yamlBytes: number;
  /** Median ms of `lint(t)` on a design no cache has seen (a fresh deep copy per run): every rule over the whole design. */
  lintMs: number;
  /**
   * Floor of any pass over a whole design: median ms of a walk that visits every object, array and
   * string of a fresh copy once. Its growth from 1,000 to 10,000 components is what linear work
   * looks like on this machine (a 1,000-component design fits in the CPU cache, 10,000 do not).
   */
  walkMs: number | null;
  /** Median ms of `renderYaml(t)` on a design no cache has seen: the full text. */
  renderMs: number | null;
  /** Median ms of building the objects alone (`renderObjects`), no text: where render time goes. */
  renderObjectsMs: number | null;
  /** Floor: the objects the renderer produced, each stringified by `yaml` and joined. */
  yamlStringifyMs: number | null;
  /** Floor: the same objects dumped by js-yaml. */
  jsYamlDumpMs: number | null;
  /** Median of the run-by-run ratios render ÷ `yaml` floor (the renderer emits with `yaml`). */
  renderVsFloor: number | null;
  /** Whether both floors and the renderer produced the very same text. */
  floorSameText: boolean | null;
  renderSameText: boolean | null;
  /** One field of one component changed; findings and the full YAML text brought up to date. */
  editMs: number;
  /** Parts of editMs: the edit itself, lint (with the one diff of the two versions), render (the sessions warm from the previous state). */
  editParts: { updateMs: number; lintMs: number; renderMs: number };
  /** Median ms of the N−1 failure analysis (`analyse(t)`: every pod, the worst node, every zone) on a fresh copy; null above 1,000 components (issue #13 asks for 100 and 1,000). */
  whatifMs: number | null;
  /** Shapes only: median ms of `importManifests` of the design's own YAML (fan-out: one agent with thousands of URLs). */
  importMs?: number;
  runs: number;
}

export interface CoreOptions {
  sizes: number[];
  /** Extreme shapes measured after the sizes (lint, edit, import only); default: all of them unless `runs` is given (quick mode). */
  shapes?: readonly ShapeRun[];
  /** Override of the runs per size (quick mode). */
  runs?: number;
  log?: (line: string) => void;
}

/**
 * The designer lints and renders on every edit, so the figures are the JIT's steady state: enough
 * warm-up runs for V8 to optimise the checker and the emitter (a few runs measured the interpreter,
 * e.g. lint of 1,000 components at 8-13 ms instead of about 4).
 */
function runsFor(n: number): { runs: number; lintRuns: number; warmup: number; editRuns: number } {
  if (n <= 100) return { runs: 31, lintRuns: 31, warmup: 30, editRuns: 101 };
  if (n <= 1000) return { runs: 21, lintRuns: 21, warmup: 20, editRuns: 61 };
  // Lint at 10,000 varies by ±40% from run to run on this machine (GC and memory): more runs than
  // the render's, which take a second each.
  return { runs: 7, lintRuns: 21, warmup: 4, editRuns: 21 };
}

/**
 * Warm-up time of lint and of the edit loop on top of the warm-up runs: with 20 runs, lint of
 * 1,000 components still swung between 4.4 and 7.8 ms from process to process (functions in lower
 * tiers); after 300 runs it settled at 3.8-4.1 ms.
 */
const WARMUP_MS = 1500;

const clone = (t: Topology): Topology => structuredClone(t);

/** Visits every object, array and string once; returns a count so that nothing is optimised away. */
function walk(v: unknown): number {
  if (typeof v === 'string') return v.length;
  if (typeof v !== 'object' || v === null) return 1;
  let n = 1;
  if (Array.isArray(v)) for (const x of v) n += walk(x);
  else for (const k in v) n += walk((v as Record<string, unknown>)[k]);
  return n;
}

/**
 * The `yaml` floor: each object through the renderer's own `objectYaml` (`stringify` of the `yaml`
 * library with the renderer's options), joined. The same call site as the renderer's, so that V8
 * optimises both alike.
 */
function yamlFloor(objects: KubeObject[]): string {
  return objects.map(objectYaml).join('---\n');
}

function jsYamlFloor(objects: KubeObject[]): string {
  return objects.map((o) => dump(o, JS_YAML_OPTIONS)).join('---\n');
}

export function benchCoreSize(n: number, runsOverride?: number): CoreSize {
  const { topology } = generate(n);
  const plan = runsFor(n);
  const runs = runsOverride ?? plan.runs;
  const warmup = runsOverride ? 1 : plan.warmup;
  const editRuns = runsOverride ?? plan.editRuns;

  // lint, cold: a deep copy per run, so no per-topology cache helps and there is no previous
  // version to check incrementally against (every component differs from the last copy's).
  const lintRuns = runsOverride ?? plan.lintRuns;
  const cold = timeMedian((t: Topology) => lint(t), { runs: lintRuns, warmup, warmupMs: runsOverride ? 0 : WARMUP_MS, setup: () => clone(topology) });
  const findings = (cold.last as unknown[]).length;
  // The walk is cheap, and as the reference for growth it should not move with one slow run: 101 runs.
  // The N−1 analysis on a fresh copy: the operator model and the placement are derived inside it.
  const whatif = n <= 1000 ? timeMedian((t: Topology) => analyse(t), { runs: runsOverride ?? 21, warmup, warmupMs: runsOverride ? 0 : WARMUP_MS / 3, setup: () => clone(topology) }) : undefined;
  const walked = timeMedian(walk, { runs: runsOverride ?? 101, warmup, warmupMs: runsOverride ? 0 : WARMUP_MS / 3, setup: () => clone(topology) });

  // render (cold), objects only, and the two floors, interleaved run by run so that load from
  // elsewhere on the machine hits all four alike (their ratio is a target).
  const samples = { render: [] as number[], objects: [] as number[], yaml: [] as number[], js: [] as number[] };
  let text = '';
  let floorText = '';
  let jsText = '';
  // No forced full GC before these calls (as lint's have): V8 drops optimised code that checks
  // for hidden classes no object has any more, and a full GC left the yaml library's node classes
  // without objects, so each call measured the library being optimised again (100 objects: 27-34 ms
  // after a GC, 6-9 ms without), and the ratio swung with the host's background compile threads.
  const timed = (f: () => void): number => {
    const t0 = performance.now();
    f();
    return performance.now() - t0;
  };
  interface Run {
    a: Topology;
    b: Topology;
    objects: KubeObject[];
  }
  const measures: [keyof typeof samples, (r: Run) => void][] = [
    ['render', (r) => (text = renderYaml(r.a))],
    ['objects', (r) => renderObjects(r.b)],
    ['yaml', (r) => (floorText = yamlFloor(r.objects))],
    ['js', (r) => (jsText = jsYamlFloor(r.objects))],
  ];
  const renderWarmUntil = performance.now() + (runsOverride ? 0 : WARMUP_MS);
  for (let i = 0; i < warmup || performance.now() < renderWarmUntil; i++) {
    const run: Run = { a: clone(topology), b: clone(topology), objects: renderObjects(clone(topology)) };
    for (const [, f] of measures) f(run);
  }
  for (let i = 0; i < runs; i++) {
    // Every run starts from new copies, and the floors stringify objects the renderer has just
    // produced from one: objects as young as the ones a render builds (the floors once reused one
    // long-lived set, which V8 had promoted, and came out up to 30% faster at 100 components).
    const run: Run = { a: clone(topology), b: clone(topology), objects: renderObjects(clone(topology)) };
    // The order rotates run by run, so that none always runs first after the copies are made.
    for (let k = 0; k < measures.length; k++) {
      const [key, f] = measures[(i + k) % measures.length]!;
      samples[key].push(timed(() => f(run)));
    }
  }
  const render = { ms: round(median(samples.render), 3) };
  const objectsRun = { ms: round(median(samples.objects), 3) };
  const yamlRun = { ms: round(median(samples.yaml), 3) };
  const jsRun = { ms: round(median(samples.js), 3) };

  const agents = topology.components.filter((c) => c.kind === 'VMAgent');
  const edit = timeEdits(topology, agents[agents.length >> 1]!.id, editRuns, runsOverride ? 0 : WARMUP_MS);

  const out: CoreSize = {
    components: topology.components.length,
    links: topology.links.length,
    findings,
    yamlBytes: Buffer.byteLength(text),
    lintMs: cold.ms,
    walkMs: walked.ms,
    renderMs: render.ms,
    renderObjectsMs: objectsRun.ms,
    yamlStringifyMs: yamlRun.ms,
    jsYamlDumpMs: jsRun.ms,
    renderVsFloor: round(median(samples.render.map((r, i) => r / samples.yaml[i]!)), 3),
    floorSameText: floorText === jsText,
    renderSameText: floorText === text,
    editMs: edit.ms,
    editParts: edit.parts,
    whatifMs: whatif ? whatif.ms : null,
    runs,
  };
  return out;
}

/**
 * Incremental edit: state warm (findings and YAML of the previous version computed), then one field
 * of one component (`target`, an agent) flips between two values; median of `runs` edits.
 */
function timeEdits(topology: Topology, target: string, runs: number, warmupMs: number): { ms: number; parts: CoreSize['editParts'] } {
  let state = topology;
  // The editor's own renderer session: an edit re-emits only what it changed.
  const renderer = createRenderer();
  const linter = createLinter();
  linter.lint(state);
  renderer.render(state);
  const total: number[] = [];
  const upd: number[] = [];
  const lin: number[] = [];
  const ren: number[] = [];
  const warmUntil = performance.now() + warmupMs;
  for (let i = 0; total.length < runs; i++) {
    const value = i % 2 === 0 ? 3 : 2;
    const warming = i < 5 || performance.now() < warmUntil;
    if (!warming) collectGarbage();
    const t0 = performance.now();
    const next = updateComponent(state, target, (c) => withField(c, 'replicaCount', value));
    const t1 = performance.now();
    // As in the designer (createDerivations): what changed is worked out once, counted with the
    // lint that asks first, and handed to both sessions.
    const diff = diffTopology(state, next);
    linter.lint(next, diff);
    const t2 = performance.now();
    const y = renderer.render(next, diff);
    const t3 = performance.now();
    if (!y.includes(`replicaCount: ${value}`)) throw new Error('the edit did not reach the YAML');
    state = next;
    if (warming) continue;
    total.push(t3 - t0);
    upd.push(t1 - t0);
    lin.push(t2 - t1);
    ren.push(t3 - t2);
  }
  const med = (xs: number[]) => round(median(xs), 3);
  return { ms: med(total), parts: { updateMs: med(upd), lintMs: med(lin), renderMs: med(ren) } };
}

export interface ShapeRun {
  shape: ShapeName;
  n: number;
}

/**
 * The shapes of issue #18: 5,000 VMAgents into one VMSingle (`fanin5000`, target ≤ 50 ms) and into
 * one VMCluster's vminsert, one agent writing to 4,000 VMSingles and 4,000 URLs outside the design
 * (8,000 URLs, also imported back), and a stacked design with a namespace per stack.
 */
export const SHAPES: readonly ShapeRun[] = [
  { shape: 'fanin', n: 5000 },
  { shape: 'faninCluster', n: 5000 },
  { shape: 'fanout', n: 4001 },
  { shape: 'namespaces', n: 5000 },
];

/** Lint from scratch, an edit and (fan-out) an import on one shape; render and floors are not measured (null). */
export function benchShape(run: ShapeRun, runsOverride?: number): CoreSize {
  const { topology, sample } = generateShape(run.shape, run.n);
  const runs = runsOverride ?? 11;
  const warmup = runsOverride ? 1 : 4;
  const warmupMs = runsOverride ? 0 : WARMUP_MS / 3;
  const cold = timeMedian((t: Topology) => lint(t), { runs, warmup, warmupMs, setup: () => clone(topology) });
  const edit = timeEdits(topology, sample['agent-a']!, runsOverride ?? 21, warmupMs);
  const out: CoreSize = {
    components: topology.components.length,
    links: topology.links.length,
    findings: (cold.last as unknown[]).length,
    yamlBytes: 0,
    lintMs: cold.ms,
    walkMs: null,
    renderMs: null,
    renderObjectsMs: null,
    yamlStringifyMs: null,
    jsYamlDumpMs: null,
    renderVsFloor: null,
    floorSameText: null,
    renderSameText: null,
    editMs: edit.ms,
    editParts: edit.parts,
    whatifMs: null,
    runs,
  };
  if (run.shape === 'fanout') {
    const text = renderYaml(topology);
    out.yamlBytes = Buffer.byteLength(text);
    out.importMs = timeMedian((y: string) => importManifests(y), { runs: runsOverride ?? 5, warmup, warmupMs: 0, setup: () => text }).ms;
  }
  return out;
}

export type CoreResults = Record<string, CoreSize>;

export function benchCore(opts: CoreOptions): CoreResults {
  const out: CoreResults = {};
  for (const n of opts.sizes) {
    const t0 = performance.now();
    out[`n${n}`] = benchCoreSize(n, opts.runs);
    opts.log?.(`core n${n} done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  for (const run of opts.shapes ?? (opts.runs === undefined ? SHAPES : [])) {
    const t0 = performance.now();
    const key = `${run.shape}${run.n}`;
    out[key] = benchShape(run, opts.runs);
    opts.log?.(`core ${key} done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  return out;
}

/** Growth from the smaller to the larger size, per metric (10× components: linear is 10). */
export function growth(core: CoreResults, from: string, to: string): Record<string, Maybe<number>> {
  const a = core[from];
  const b = core[to];
  if (!a || !b) return {};
  const out: Record<string, Maybe<number>> = {};
  for (const k of ['lintMs', 'renderMs', 'yamlStringifyMs', 'jsYamlDumpMs', 'editMs', 'walkMs'] as const) {
    const x = a[k];
    const y = b[k];
    out[k] = x === null || y === null ? null : round(y / x, 2);
  }
  return out;
}
