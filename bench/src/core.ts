import { dump } from 'js-yaml';
import { stringify } from 'yaml';
import { updateComponent, withField } from '@vmtopo/model';
import type { KubeObject, Topology } from '@vmtopo/model';
import { renderObjects, renderYaml } from '@vmtopo/render';
import { getLint } from './apis.ts';
import { generate } from './generate.ts';
import { type Maybe, collectGarbage, median, round, timeMedian } from './stats.ts';

/** The renderer's emit options (packages/render/src/yaml.ts), so that the floor emits the same text. */
const YAML_OPTIONS = { lineWidth: 0, aliasDuplicateObjects: false } as const;
/** js-yaml options giving the same text as `yaml` for these objects (checked: `floorSameText`). */
const JS_YAML_OPTIONS = { lineWidth: -1, noRefs: true, quotingType: '"' } as const;

export interface CoreSize {
  components: number;
  links: number;
  findings: Maybe<number>;
  yamlBytes: number;
  /** Median ms of `lint(t)` on a design no cache has seen (a fresh deep copy per run). */
  lintMs: Maybe<number>;
  /** Median ms of `renderYaml(t)` on a design no cache has seen: the full text. */
  renderMs: number;
  /** Median ms of building the objects alone (`renderObjects`), no text: where render time goes. */
  renderObjectsMs: number;
  /** Floor: the objects the renderer produced, each stringified by `yaml` and joined. */
  yamlStringifyMs: number;
  /** Floor: the same objects dumped by js-yaml. */
  jsYamlDumpMs: number;
  /** renderMs ÷ yamlStringifyMs (the renderer emits with `yaml`). */
  renderVsFloor: number;
  /** Whether both floors and the renderer produced the very same text. */
  floorSameText: boolean;
  renderSameText: boolean;
  /** One field of one component changed; findings and the full YAML text brought up to date. */
  editMs: Maybe<number>;
  /** Parts of editMs: the edit itself, lint, renderYaml (cache warm from the previous state). */
  editParts: { updateMs: number; lintMs: Maybe<number>; renderMs: number };
  runs: number;
  reasons?: Record<string, string>;
}

export interface CoreOptions {
  sizes: number[];
  /** Override of the runs per size (quick mode). */
  runs?: number;
  log?: (line: string) => void;
}

/**
 * The designer lints and renders on every edit, so the figures are the JIT's steady state: enough
 * warm-up runs for V8 to optimise the checker and the emitter (a few runs measured the interpreter,
 * e.g. lint of 1,000 components at 8-13 ms instead of about 4).
 */
function runsFor(n: number): { runs: number; warmup: number; editRuns: number } {
  if (n <= 100) return { runs: 31, warmup: 30, editRuns: 101 };
  if (n <= 1000) return { runs: 21, warmup: 20, editRuns: 61 };
  return { runs: 7, warmup: 4, editRuns: 21 };
}

const clone = (t: Topology): Topology => structuredClone(t);

function yamlFloor(objects: KubeObject[]): string {
  return objects.map((o) => stringify(o, YAML_OPTIONS)).join('---\n');
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
  const reasons: Record<string, string> = {};
  const lint = getLint();

  // lint, cold: a deep copy per run, so no per-topology cache helps.
  let lintMs: Maybe<number> = null;
  let findings: Maybe<number> = null;
  if (typeof lint === 'function') {
    const r = timeMedian((t: Topology) => lint(t), { runs, warmup, setup: () => clone(topology) });
    lintMs = r.ms;
    findings = (r.last as unknown[]).length;
  } else reasons.lintMs = lint;

  // render (cold), objects only, and the two floors, interleaved run by run so that load from
  // elsewhere on the machine hits all four alike (their ratio is a target).
  const objects = renderObjects(topology);
  const samples = { render: [] as number[], objects: [] as number[], yaml: [] as number[], js: [] as number[] };
  let text = '';
  let floorText = '';
  let jsText = '';
  const timed = (f: () => void): number => {
    collectGarbage();
    const t0 = performance.now();
    f();
    return performance.now() - t0;
  };
  for (let i = 0; i < warmup + runs; i++) {
    const a = clone(topology);
    const b = clone(topology);
    const r = timed(() => (text = renderYaml(a)));
    const o = timed(() => renderObjects(b));
    const y = timed(() => (floorText = yamlFloor(objects)));
    const j = timed(() => (jsText = jsYamlFloor(objects)));
    if (i < warmup) continue;
    samples.render.push(r);
    samples.objects.push(o);
    samples.yaml.push(y);
    samples.js.push(j);
  }
  const render = { ms: round(median(samples.render), 3) };
  const objectsRun = { ms: round(median(samples.objects), 3) };
  const yamlRun = { ms: round(median(samples.yaml), 3) };
  const jsRun = { ms: round(median(samples.js), 3) };

  // incremental edit: state warm (findings and YAML of the previous version computed), then one
  // field of one component (an agent in the middle of the design) flips between two values.
  const agents = topology.components.filter((c) => c.kind === 'VMAgent');
  const target = agents[agents.length >> 1]!.id;
  let state = topology;
  if (typeof lint === 'function') lint(state);
  renderYaml(state);
  const total: number[] = [];
  const upd: number[] = [];
  const lin: number[] = [];
  const ren: number[] = [];
  const editWarm = runsOverride ? 1 : 5;
  for (let i = 0; i < editWarm + editRuns; i++) {
    const value = i % 2 === 0 ? 3 : 2;
    collectGarbage();
    const t0 = performance.now();
    const next = updateComponent(state, target, (c) => withField(c, 'replicaCount', value));
    const t1 = performance.now();
    if (typeof lint === 'function') lint(next);
    const t2 = performance.now();
    const y = renderYaml(next);
    const t3 = performance.now();
    if (!y.includes(`replicaCount: ${value}`)) throw new Error('the edit did not reach the YAML');
    state = next;
    if (i < editWarm) continue;
    total.push(t3 - t0);
    upd.push(t1 - t0);
    lin.push(t2 - t1);
    ren.push(t3 - t2);
  }
  const med = (xs: number[]) => round(median(xs), 3);
  const editMs = typeof lint === 'function' ? med(total) : null;
  if (editMs === null) reasons.editMs = `needs lint: ${lint as string}`;

  const out: CoreSize = {
    components: topology.components.length,
    links: topology.links.length,
    findings,
    yamlBytes: Buffer.byteLength(text),
    lintMs,
    renderMs: render.ms,
    renderObjectsMs: objectsRun.ms,
    yamlStringifyMs: yamlRun.ms,
    jsYamlDumpMs: jsRun.ms,
    renderVsFloor: round(render.ms / yamlRun.ms, 3),
    floorSameText: floorText === jsText,
    renderSameText: floorText === text,
    editMs,
    editParts: { updateMs: med(upd), lintMs: typeof lint === 'function' ? med(lin) : null, renderMs: med(ren) },
    runs,
  };
  if (Object.keys(reasons).length > 0) out.reasons = reasons;
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
  return out;
}

/** Growth from the smaller to the larger size, per metric (10× components: linear is 10). */
export function growth(core: CoreResults, from: string, to: string): Record<string, Maybe<number>> {
  const a = core[from];
  const b = core[to];
  if (!a || !b) return {};
  const out: Record<string, Maybe<number>> = {};
  for (const k of ['lintMs', 'renderMs', 'yamlStringifyMs', 'jsYamlDumpMs', 'editMs'] as const) {
    const x = a[k];
    const y = b[k];
    out[k] = x === null || y === null ? null : round(y / x, 2);
  }
  return out;
}
