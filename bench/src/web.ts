/**
 * Web benchmarks: the production build of the designer in headless Chromium, each figure next to
 * the bare React Flow baseline page (../baseline, the StressFlow of ../shared/perf-anchor.md)
 * measured in the same run with the same method:
 *
 * - one browser (Debian /usr/bin/chromium, the anchor's flags), a new context (1440×900, cold
 *   cache) per run; one discarded warm-up run; scenarios interleaved in rounds; medians per metric;
 * - first node visible: an init-script probe records performance.now() of the first animation
 *   frame in which the first `.react-flow__node` has a non-empty rect and passes checkVisibility;
 * - settle: node count stable, viewport transform unchanged for 10 frames, one idle callback, 300 ms;
 * - drag: 120 `mouse.move` steps across 600 px with a 25 ms pause each (main-thread ms per step =
 *   CDP Performance.getMetrics TaskDuration delta ÷ 120; rAF fps), then the same 120 steps back
 *   to back with no pause (dragged-node updates/s = frames in which its transform changed ÷ s).
 *
 * The app figures are null with a reason whenever they cannot be measured honestly (build fails,
 * the app cannot open a share link, no "Replicas" field, ...). Nothing is ever made up.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { type Browser, type BrowserContext, type Page, chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '@vmtopo/e2e/chromium';
import { shareLink } from '@vmtopo/render';
import { generate } from './generate.ts';
import { type Maybe, median, round } from './stats.ts';

/** First visits of the default design, each in a new browser context; the figure is their median. */
const DEFAULT_CANVAS_VISITS = 3;

const BENCH_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const REPO = resolve(BENCH_DIR, '..');
const WEB_DIR = join(REPO, 'apps/web');
const APP_DIST = join(BENCH_DIR, 'dist/app');
const BASELINE_DIST = join(BENCH_DIR, 'baseline/dist');
const APP_PORT = 4178;
const BASELINE_PORT = 4179;
const HOST = '127.0.0.1';


export interface WebOptions {
  sizes: number[];
  /** Sizes of the edit scenario (field change → findings and YAML). */
  editSizes: number[];
  rounds: number;
  steps: number;
  pauseMs: number;
  distance: number;
  log?: (line: string) => void;
  executablePath?: string;
}

/**
 * Five rounds: on this 2-core host one round's updates/s swings by ±15% for the app and the
 * baseline alike (the same build gave 0.73× and 1.03× at 1,000 in two runs of three rounds).
 */
export const WEB_DEFAULTS: WebOptions = { sizes: [100, 500, 1000], editSizes: [500, 1000], rounds: 5, steps: 120, pauseMs: 25, distance: 600 };

type BySize = Record<string, Maybe<number>>;

export interface WebResults {
  chromium: string | null;
  initialJsGzipBytes: Maybe<number>;
  initialJsFiles: string[];
  /** Navigation to the canvas of the default design (no share link) on screen: the median of three first visits. */
  defaultCanvasMs: Maybe<number>;
  firstNodeMs: BySize;
  dragStepMs: BySize;
  dragScriptMsPerStep: BySize;
  dragUpdatesPerSec: BySize;
  dragFps: BySize;
  editToFindingsMs: BySize;
  /** App page facts per size: nodes in the DOM after settling, zoom after fitView. */
  appPage: Record<string, { domNodes: Maybe<number>; zoom: Maybe<number>; shareLinkChars: Maybe<number> }>;
  baseline: {
    initialJsGzipBytes: Maybe<number>;
    firstNodeMs: BySize;
    dragStepMs: BySize;
    dragScriptMsPerStep: BySize;
    dragUpdatesPerSec: BySize;
    dragFps: BySize;
  };
  /** app ÷ baseline per size, for the targets (first node ≤ 1.5×, step ≤ 1.5×, updates ≥ 0.9×). */
  ratios: { firstNode: BySize; dragStep: BySize; dragUpdates: BySize };
  method: Record<string, unknown>;
  reasons: Record<string, string>;
}

// ---------------------------------------------------------------- processes

function run(cmd: string, args: string[], cwd: string): { ok: boolean; out: string } {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: process.env, maxBuffer: 64 * 1024 * 1024 });
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}`;
  return { ok: r.status === 0, out };
}

const tail = (s: string, lines = 12) => s.trim().split('\n').slice(-lines).join('\n');

function viteBin(dir: string): string {
  return join(dir, 'node_modules/vite/bin/vite.js');
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((res) => {
    const s = createConnection({ host: HOST, port });
    s.once('connect', () => {
      s.destroy();
      res(true);
    });
    s.once('error', () => res(false));
  });
}

async function waitHttp(url: string, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    try {
      const r = await fetch(url);
      if (r.ok) return true;
    } catch {
      /* not up yet */
    }
    await sleep(150);
  }
  return false;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Server {
  proc: ChildProcess;
  url: string;
}

async function startPreview(cwd: string, args: string[], port: number): Promise<Server | string> {
  if (await portOpen(port)) return `port ${port} is already in use; stop whatever listens there`;
  const proc = spawn(process.execPath, [...args, 'preview', '--host', HOST, '--port', String(port), '--strictPort'], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout?.on('data', (d) => (out += String(d)));
  proc.stderr?.on('data', (d) => (out += String(d)));
  const url = `http://${HOST}:${port}/`;
  if (!(await waitHttp(url, 20_000))) {
    stopServer({ proc, url });
    return `vite preview on ${port} did not answer: ${tail(out, 5)}`;
  }
  return { proc, url };
}

function stopServer(s: Server | string | undefined): void {
  if (!s || typeof s === 'string') return;
  if (s.proc.pid !== undefined && s.proc.exitCode === null) {
    try {
      process.kill(s.proc.pid);
    } catch {
      /* already gone */
    }
  }
}

// ---------------------------------------------------------------- builds and bundle size

export function buildBaseline(): string | undefined {
  const r = run(process.execPath, [viteBin(BENCH_DIR), 'build', '--config', 'baseline/vite.config.ts'], BENCH_DIR);
  return r.ok ? undefined : `baseline build failed: ${tail(r.out)}`;
}

/** `vite build` of @vmtopo/web (its own config, production mode) into bench/dist/app. */
export function buildApp(): string | undefined {
  const r = run('pnpm', ['--filter', '@vmtopo/web', 'exec', 'vite', 'build', '--outDir', APP_DIST, '--emptyOutDir'], REPO);
  return r.ok ? undefined : `app build failed (pnpm --filter @vmtopo/web exec vite build): ${tail(r.out)}`;
}

/** Monaco's chunks: the one setting MonacoEnvironment, or any that names monaco over and over. */
function isMonaco(text: string): boolean {
  return text.includes('MonacoEnvironment') || (text.match(/monaco/gi)?.length ?? 0) >= 20;
}

/** gzip bytes (level 9) of the given built files, monaco chunks left out. */
function gzipBytes(dist: string, paths: string[]): { bytes: number; files: string[]; excluded: string[] } {
  let bytes = 0;
  const files: string[] = [];
  const excluded: string[] = [];
  for (const p of new Set(paths)) {
    const file = join(dist, p.replace(/^\//, '').split('?')[0]!);
    if (!existsSync(file) || !file.endsWith('.js')) continue;
    const buf = readFileSync(file);
    if (isMonaco(buf.toString('utf8'))) {
      excluded.push(p);
      continue;
    }
    bytes += gzipSync(buf, { level: 9 }).length;
    files.push(p);
  }
  return { bytes, files, excluded };
}

/** The JS that index.html loads before anything runs: its module script and modulepreloads. */
function htmlScripts(dist: string): string[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const out: string[] = [];
  for (const m of html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)) out.push(m[1]!);
  for (const m of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)) out.push(m[1]!);
  return out;
}

// ---------------------------------------------------------------- in-page probes

/** Runs before the page's scripts: first visible node and canvas, per animation frame. */
const PROBE = `(() => {
  // tsx (esbuild keepNames) wraps functions handed to page.evaluate in __name(...).
  window.__name = window.__name || ((f) => f);
  const b = (window.__bench = { firstNode: null, canvas: null, nodeInDom: null });
  const visible = (el) => {
    if (!el) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && el.checkVisibility({ visibilityProperty: true, opacityProperty: true });
  };
  const loop = () => {
    const now = performance.now();
    const node = document.querySelector('.react-flow__node');
    if (node && b.nodeInDom === null) b.nodeInDom = now;
    if (b.firstNode === null && visible(node)) b.firstNode = now;
    if (b.canvas === null && visible(document.querySelector('.react-flow__renderer'))) b.canvas = now;
    if (b.firstNode === null || b.canvas === null) requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
})();`;

interface Probe {
  firstNode: number | null;
  canvas: number | null;
  nodeInDom: number | null;
}

async function readProbe(page: Page): Promise<Probe> {
  return page.evaluate(() => (window as unknown as { __bench: Probe }).__bench);
}

/** Node count stable, viewport transform unchanged for 10 frames, one idle callback, then 300 ms. */
async function settle(page: Page, timeoutMs = 20_000): Promise<{ domNodes: number; zoom: number }> {
  const r = await page.evaluate(
    (timeout) =>
      new Promise<{ domNodes: number; zoom: number }>((res) => {
        const start = performance.now();
        let last = '';
        let same = 0;
        const tick = () => {
          const vp = document.querySelector('.react-flow__viewport') as HTMLElement | null;
          const key = `${vp?.style.transform ?? ''}|${document.querySelectorAll('.react-flow__node').length}`;
          same = key === last ? same + 1 : 0;
          last = key;
          if (same >= 10 || performance.now() - start > timeout) {
            const m = /scale\(([\d.e-]+)\)/.exec(vp?.style.transform ?? '');
            const done = () => res({ domNodes: document.querySelectorAll('.react-flow__node').length, zoom: m ? Number(m[1]) : NaN });
            if ('requestIdleCallback' in window) requestIdleCallback(() => done(), { timeout: 2000 });
            else done();
          } else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
    timeoutMs,
  );
  await page.waitForTimeout(300);
  return r;
}

interface DragResult {
  fps: number;
  updatesPerSec: number;
  stepMs: number;
  scriptMsPerStep: number;
  tookMs: number;
  movedPx: number;
}

async function metrics(cdp: Awaited<ReturnType<BrowserContext['newCDPSession']>>): Promise<Record<string, number>> {
  const { metrics: list } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

/** Drags the node `[data-id=id]` by `dx` px in `steps` mouse moves, measuring as the anchor does. */
async function drag(page: Page, cdp: Awaited<ReturnType<BrowserContext['newCDPSession']>>, id: string, dx: number, steps: number, pauseMs: number): Promise<DragResult> {
  const sel = `.react-flow__node[data-id="${CSS_escape(id)}"]`;
  const box = await page.locator(sel).boundingBox();
  if (!box) throw new Error(`node ${id} has no box`);
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.mouse.move(cx, cy);
  await page.waitForTimeout(100);
  await page.evaluate((s) => {
    const first = document.querySelector(s) as HTMLElement | null;
    const b = { frames: [] as number[], moved: 0, last: first?.style.transform ?? '', run: true, start: performance.now(), stop: 0, from: first?.style.transform ?? '' };
    (window as unknown as { __drag: typeof b }).__drag = b;
    const tick = (ts: number) => {
      if (!b.run) return;
      b.frames.push(ts);
      const el = document.querySelector(s) as HTMLElement | null;
      const tr = el?.style.transform ?? '';
      if (tr !== b.last) {
        b.moved++;
        b.last = tr;
      }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }, sel);
  const before = await metrics(cdp);
  await page.mouse.down();
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(cx + (dx * i) / steps, cy);
    if (pauseMs > 0) await page.waitForTimeout(pauseMs);
  }
  await page.mouse.up();
  const after = await metrics(cdp);
  const r = await page.evaluate(() => {
    const b = (window as unknown as { __drag: { frames: number[]; moved: number; run: boolean; start: number; stop: number; from: string; last: string } }).__drag;
    b.run = false;
    b.stop = performance.now();
    return { frames: b.frames.length, moved: b.moved, elapsed: b.stop - b.start, from: b.from, to: b.last };
  });
  const xy = (tr: string) => {
    const m = /translate\(\s*([-\d.e]+)px,\s*([-\d.e]+)px\)/.exec(tr);
    return m ? Number(m[1]) : NaN;
  };
  const seconds = r.elapsed / 1000;
  return {
    fps: round(r.frames / seconds, 1),
    updatesPerSec: round(r.moved / seconds, 1),
    stepMs: round((((after.TaskDuration ?? 0) - (before.TaskDuration ?? 0)) * 1000) / steps, 2),
    scriptMsPerStep: round((((after.ScriptDuration ?? 0) - (before.ScriptDuration ?? 0)) * 1000) / steps, 2),
    tookMs: Math.round(r.elapsed),
    movedPx: round(Math.abs(xy(r.to) - xy(r.from)), 1),
  };
}

function CSS_escape(s: string): string {
  return s.replace(/["\\]/g, '\\$&');
}

/** Of the given node ids, the one whose centre is nearest the middle of the pane, fully on screen. */
async function pickNode(page: Page, ids: string[] | null, dx: number): Promise<{ id: string; dx: number } | null> {
  return page.evaluate(
    ({ ids, dx }) => {
      const pane = (document.querySelector('.react-flow') as HTMLElement | null)?.getBoundingClientRect();
      if (!pane) return null;
      const els = ids
        ? ids.map((id) => document.querySelector(`.react-flow__node[data-id="${id.replace(/["\\]/g, '\\$&')}"]`)).filter((e): e is Element => !!e)
        : [...document.querySelectorAll('.react-flow__node')];
      let best: { id: string; d: number; cx: number } | null = null;
      const midY = pane.top + pane.height / 2;
      const midX = pane.left + pane.width / 2;
      for (const el of els) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.left < pane.left || r.right > pane.right || r.top < pane.top || r.bottom > pane.bottom) continue;
        const cx = r.left + r.width / 2;
        const d = Math.abs(r.top + r.height / 2 - midY) + (ids ? Math.abs(cx - midX) * 0.1 : 0);
        if (!best || d < best.d) best = { id: el.getAttribute('data-id') ?? '', d, cx };
      }
      if (!best) return null;
      // Drag towards the side with more room, and stop 60 px inside the pane: React Flow pans the
      // whole viewport while the pointer is within 40 px of its edge, which would measure autopan,
      // not the drag. The app's pane is narrower than the baseline's, so its drag may be shorter.
      const right = pane.right - 60 - best.cx;
      const left = best.cx - pane.left - 60;
      return { id: best.id, dx: right >= left ? Math.min(dx, right) : -Math.min(dx, left) };
    },
    { ids, dx },
  );
}

// ---------------------------------------------------------------- scenarios

interface RunResult {
  firstNodeMs: number | null;
  canvasMs: number | null;
  domNodes: number;
  zoom: number;
  paused?: DragResult;
  backToBack?: DragResult;
  error?: string;
}

async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript(PROBE);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return { context, page, errors };
}

async function scenario(
  browser: Browser,
  url: string,
  opts: { dragIds: string[] | null; steps: number; pauseMs: number; distance: number; drag: boolean; expectNodes: number; idCheck?: string },
): Promise<RunResult> {
  const { context, page, errors } = await newPage(browser);
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
    try {
      await page.waitForFunction(() => (window as unknown as { __bench: Probe }).__bench.firstNode !== null, null, { timeout: 20_000, polling: 50 });
    } catch {
      const p = await readProbe(page);
      return {
        firstNodeMs: null,
        canvasMs: p.canvas,
        domNodes: await page.locator('.react-flow__node').count(),
        zoom: NaN,
        error: `no .react-flow__node became visible within 20 s${errors.length ? ` (page errors: ${errors.slice(0, 2).join(' | ')})` : ''}`,
      };
    }
    const probe = await readProbe(page);
    const { domNodes, zoom } = await settle(page);
    if (opts.idCheck !== undefined) {
      const hasId = (await page.locator(`.react-flow__node[data-id="${CSS_escape(opts.idCheck)}"]`).count()) > 0;
      if (!hasId && domNodes < opts.expectNodes / 2) {
        return {
          firstNodeMs: null,
          canvasMs: probe.canvas,
          domNodes,
          zoom,
          error: `the page shows ${domNodes} nodes and none has the design's ids: it did not open the ${opts.expectNodes}-component share link`,
        };
      }
    }
    const out: RunResult = { firstNodeMs: probe.firstNode, canvasMs: probe.canvas, domNodes, zoom };
    if (opts.drag) {
      const pick = await pickNode(page, opts.dragIds, opts.distance);
      if (!pick) throw new Error('no node fully on screen to drag');
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
      out.paused = await drag(page, cdp, pick.id, pick.dx, opts.steps, opts.pauseMs);
      await page.waitForTimeout(300);
      out.backToBack = await drag(page, cdp, pick.id, -pick.dx, opts.steps, 0);
    }
    if (errors.length) out.error = `page errors: ${errors.slice(0, 3).join(' | ')}`;
    return out;
  } catch (e) {
    return { firstNodeMs: null, canvasMs: null, domNodes: 0, zoom: NaN, error: (e as Error).message.split('\n')[0] };
  } finally {
    await context.close();
  }
}

/**
 * Field change in the inspector → findings and YAML on screen. Opens the YAML tab (Monaco) so the
 * text is on screen, selects an agent by clicking it, then fills its "Replicas" field. The clock
 * starts at the input event (capture listener) and stops at the first animation frame after the
 * last DOM change in the YAML view or the findings summary, once both have been quiet for 600 ms.
 */
async function editScenario(
  browser: Browser,
  url: string,
  agentIds: string[],
  load?: (page: Page) => Promise<void>,
): Promise<{ ms: number | null; error?: string; detail?: Record<string, unknown> }> {
  const { context, page, errors } = await newPage(browser);
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
    if (load) await load(page);
    try {
      await page.waitForFunction(() => (window as unknown as { __bench: Probe }).__bench.firstNode !== null, null, { timeout: 20_000, polling: 50 });
    } catch {
      return { ms: null, error: 'no .react-flow__node became visible within 20 s: the app did not open the share link' };
    }
    await settle(page);
    const yamlTab = page.getByRole('tab', { name: /yaml/i });
    if ((await yamlTab.count()) === 0) return { ms: null, error: 'no "YAML" tab to put the YAML on screen' };
    await yamlTab.first().click();
    try {
      await page.locator('.monaco-editor .view-lines').first().waitFor({ state: 'visible', timeout: 20_000 });
    } catch {
      return { ms: null, error: 'the YAML view (.monaco-editor) did not appear within 20 s' };
    }
    await page.waitForTimeout(500);
    const pick = await pickNode(page, agentIds, 0);
    if (!pick) return { ms: null, error: 'no agent node on screen to select' };
    await page.locator(`.react-flow__node[data-id="${CSS_escape(pick.id)}"]`).click();
    const field = page.getByLabel('Replicas', { exact: true });
    try {
      await field.first().waitFor({ state: 'visible', timeout: 5_000 });
    } catch {
      return { ms: null, error: 'no field labelled "Replicas" in the inspector after selecting an agent' };
    }
    const before = await field.first().inputValue();
    const value = before === '5' ? '4' : '5';
    await page.waitForTimeout(300);
    await page.evaluate(() => {
      const w = window as unknown as { __edit: { input: number | null; yaml: number | null; findings: number | null; paint: number | null } };
      const e = (w.__edit = { input: null as number | null, yaml: null as number | null, findings: null as number | null, paint: null as number | null });
      window.addEventListener('input', () => (e.input ??= performance.now()), { capture: true });
      const inFindings = (n: Node | null) =>
        !!(n instanceof Element ? n : n?.parentElement)?.closest('#tab-findings, #panel-findings, [aria-label="Findings"], .sev-counts, .findings');
      const inYaml = (n: Node | null) => !!(n instanceof Element ? n : n?.parentElement)?.closest('.monaco-editor .view-lines');
      new MutationObserver((records) => {
        if (e.input === null) return;
        const now = performance.now();
        let hit = false;
        for (const r of records) {
          if (inYaml(r.target)) {
            e.yaml = now;
            hit = true;
          } else if (inFindings(r.target)) {
            e.findings = now;
            hit = true;
          }
        }
        if (hit) requestAnimationFrame(() => (e.paint = performance.now()));
      }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    await field.first().fill(value);
    const res = await page.evaluate(
      () =>
        new Promise<{ input: number | null; yaml: number | null; findings: number | null; paint: number | null }>((resolveDone) => {
          const w = window as unknown as { __edit: { input: number | null; yaml: number | null; findings: number | null; paint: number | null } };
          const start = performance.now();
          const check = () => {
            const e = w.__edit;
            const last = Math.max(e.yaml ?? 0, e.findings ?? 0, e.input ?? 0);
            if (performance.now() - last > 600 || performance.now() - start > 8000) resolveDone({ ...e });
            else setTimeout(check, 50);
          };
          setTimeout(check, 50);
        }),
    );
    if (res.input === null) return { ms: null, error: 'filling "Replicas" fired no input event' };
    if (res.yaml === null) return { ms: null, error: `no YAML change on screen within 8 s of the field change${errors.length ? ` (page errors: ${errors[0]})` : ''}` };
    return {
      ms: round((res.paint ?? Math.max(res.yaml, res.findings ?? 0)) - res.input, 1),
      detail: { yamlMs: round(res.yaml - res.input, 1), findingsMs: res.findings === null ? null : round(res.findings - res.input, 1), node: pick.id },
    };
  } catch (e) {
    return { ms: null, error: (e as Error).message.split('\n')[0] };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------- the whole web bench

function chromiumVersion(path: string): string | null {
  const bin = path === '/usr/bin/chromium' && existsSync('/usr/lib/chromium/chromium') ? '/usr/lib/chromium/chromium' : path;
  const r = run(bin, ['--version'], REPO);
  return r.ok ? r.out.trim().split('\n').pop()!.trim() : null;
}

const med = (xs: (number | null | undefined)[]): Maybe<number> => {
  const v = xs.filter((x): x is number => typeof x === 'number' && Number.isFinite(x));
  return v.length ? round(median(v), 2) : null;
};

export async function benchWeb(o: Partial<WebOptions> = {}): Promise<WebResults> {
  const opts: WebOptions = { ...WEB_DEFAULTS, ...o };
  const log = opts.log ?? (() => {});
  const executablePath = opts.executablePath ?? CHROMIUM_PATH;
  const reasons: Record<string, string> = {};
  const keys = opts.sizes.map((n) => `n${n}`);
  const nulls = (): BySize => Object.fromEntries(keys.map((k) => [k, null]));
  const res: WebResults = {
    chromium: chromiumVersion(executablePath),
    initialJsGzipBytes: null,
    initialJsFiles: [],
    defaultCanvasMs: null,
    firstNodeMs: nulls(),
    dragStepMs: nulls(),
    dragScriptMsPerStep: nulls(),
    dragUpdatesPerSec: nulls(),
    dragFps: nulls(),
    editToFindingsMs: Object.fromEntries(opts.editSizes.map((n) => [`n${n}`, null])),
    appPage: {},
    baseline: { initialJsGzipBytes: null, firstNodeMs: nulls(), dragStepMs: nulls(), dragScriptMsPerStep: nulls(), dragUpdatesPerSec: nulls(), dragFps: nulls() },
    ratios: { firstNode: nulls(), dragStep: nulls(), dragUpdates: nulls() },
    method: {
      viewport: '1440x900',
      rounds: opts.rounds,
      steps: opts.steps,
      pauseMs: opts.pauseMs,
      distancePx: opts.distance,
      backToBack: 'second drag of the same node, same steps, no pause',
      gzip: 'level 9, per file',
      appLoad: 'share link in the URL fragment (shareLink from @vmtopo/render)',
      ports: { app: APP_PORT, baseline: BASELINE_PORT },
    },
    reasons,
  };
  if (!res.chromium) {
    reasons.all = `no Chromium at ${executablePath}`;
    return res;
  }

  log('web: building the baseline page');
  const baseErr = buildBaseline();
  log('web: building the app');
  const appErr = buildApp();
  if (baseErr) reasons.baseline = baseErr;
  if (appErr) reasons.app = appErr;
  if (!baseErr) res.baseline.initialJsGzipBytes = gzipBytes(BASELINE_DIST, htmlScripts(BASELINE_DIST)).bytes;


  let baseSrv: Server | string | undefined;
  let appSrv: Server | string | undefined;
  let browser: Browser | undefined;
  const onSignal = () => {
    stopServer(baseSrv);
    stopServer(appSrv);
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  try {
    if (!baseErr) {
      baseSrv = await startPreview(BENCH_DIR, [viteBin(BENCH_DIR), '--config', 'baseline/vite.config.ts'], BASELINE_PORT);
      if (typeof baseSrv === 'string') reasons.baseline = baseSrv;
    }
    if (!appErr) {
      appSrv = await startPreview(WEB_DIR, [viteBin(WEB_DIR), '--outDir', APP_DIST], APP_PORT);
      if (typeof appSrv === 'string') reasons.app = appSrv;
    }
    const base = typeof baseSrv === 'object' ? baseSrv.url : null;
    const app = typeof appSrv === 'object' ? appSrv.url : null;

    browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });

    // First-load JS of the app: what the browser fetched for the default design, monaco left out.
    // The default canvas: the median of three first visits, each in a new context (empty cache):
    // the first page a just-launched browser opens also pays for the browser's own start-up
    // (one sample of it came out at 1.2 s where the next runs gave 0.6).
    if (app) {
      const visits: number[] = [];
      for (let v = 0; v < DEFAULT_CANVAS_VISITS; v++) {
        const { context, page } = await newPage(browser);
        const scripts: string[] = [];
        page.on('request', (r) => {
          if (r.resourceType() === 'script' && r.url().startsWith(app)) scripts.push(new URL(r.url()).pathname);
        });
        try {
          await page.goto(app, { waitUntil: 'load', timeout: 30_000 });
          await page.waitForFunction(() => (window as unknown as { __bench: Probe }).__bench.canvas !== null, null, { timeout: 15_000, polling: 50 });
          visits.push((await readProbe(page)).canvas ?? NaN);
          if (v > 0) continue;
          await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => {});
          const seen = gzipBytes(APP_DIST, [...htmlScripts(APP_DIST), ...scripts]);
          res.initialJsGzipBytes = seen.bytes;
          res.initialJsFiles = seen.files;
          if (seen.excluded.length) res.method.initialJsExcluded = seen.excluded;
        } catch (e) {
          reasons.defaultCanvasMs = `the default design's canvas did not appear: ${(e as Error).message.split('\n')[0]}`;
          if (v === 0) {
            const seen = gzipBytes(APP_DIST, htmlScripts(APP_DIST));
            res.initialJsGzipBytes = seen.bytes;
            res.initialJsFiles = seen.files;
          }
          break;
        } finally {
          await context.close();
        }
      }
      if (!reasons.defaultCanvasMs) {
        res.defaultCanvasMs = round(median(visits), 1);
        res.method.defaultCanvasVisitsMs = visits.map((x) => round(x, 1));
      }
    }

    const designs = new Map<number, { url: string; agents: string[]; firstId: string } | string>();
    for (const n of new Set([...opts.sizes, ...opts.editSizes])) {
      if (!app) designs.set(n, reasons.app ?? 'no app');
      else {
        const { topology } = generate(n);
        try {
          const url = shareLink(topology, app);
          const agents = topology.components.filter((c) => c.kind === 'VMAgent').map((c) => c.id);
          designs.set(n, { url, agents, firstId: agents[0] ?? topology.components[0]!.id });
          res.appPage[`n${n}`] = { domNodes: null, zoom: null, shareLinkChars: url.length };
        } catch (e) {
          designs.set(n, `shareLink failed for ${n} components: ${(e as Error).message}`);
        }
      }
    }

    const dragOpts = { steps: opts.steps, pauseMs: opts.pauseMs, distance: opts.distance, drag: true };
    const baseRuns: Record<string, RunResult[]> = {};
    const appRuns: Record<string, RunResult[]> = {};
    const editRuns: Record<string, { ms: number | null; error?: string; detail?: Record<string, unknown> }[]> = {};

    if (base) {
      log('web: warm-up run (discarded)');
      await scenario(browser, `${base}?n=100`, { ...dragOpts, dragIds: baselineDragIds(100), expectNodes: 100 });
    }
    let appDead: string | undefined;
    for (let r = 1; r <= opts.rounds; r++) {
      for (const n of opts.sizes) {
        const k = `n${n}`;
        if (base) {
          const br = await scenario(browser, `${base}?n=${n}`, { ...dragOpts, dragIds: baselineDragIds(n), expectNodes: n });
          (baseRuns[k] ??= []).push(br);
          log(`web: round ${r} baseline ${k}: ${summary(br)}`);
        }
        const d = designs.get(n);
        if (d && typeof d === 'object' && !appDead) {
          const ar = await scenario(browser, d.url, { ...dragOpts, dragIds: d.agents, expectNodes: n, idCheck: d.firstId });
          (appRuns[k] ??= []).push(ar);
          log(`web: round ${r} app ${k}: ${summary(ar)}`);
          // The app could not open the share link: every later app run would only time out too.
          if (ar.firstNodeMs === null && /share link|became visible/.test(ar.error ?? '')) appDead = ar.error!;
        }
      }
      if (appDead) reasons.appDesigns = `app runs stopped after: ${appDead}`;
      else
        for (const n of opts.editSizes) {
          const d = designs.get(n);
          if (!d || typeof d !== 'object') continue;
          const er = await editScenario(browser, d.url, d.agents);
          (editRuns[`n${n}`] ??= []).push(er);
          log(`web: round ${r} app edit n${n}: ${er.ms ?? er.error}`);
        }
    }

    for (const n of opts.sizes) {
      const k = `n${n}`;
      const b = baseRuns[k] ?? [];
      res.baseline.firstNodeMs[k] = med(b.map((x) => x.firstNodeMs));
      res.baseline.dragStepMs[k] = med(b.map((x) => x.paused?.stepMs));
      res.baseline.dragScriptMsPerStep[k] = med(b.map((x) => x.paused?.scriptMsPerStep));
      res.baseline.dragFps[k] = med(b.map((x) => x.paused?.fps));
      res.baseline.dragUpdatesPerSec[k] = med(b.map((x) => x.backToBack?.updatesPerSec));
      const bErr = b.find((x) => x.error)?.error;
      if (bErr) reasons[`baseline.${k}`] = bErr;

      const d = designs.get(n);
      if (typeof d === 'string') {
        reasons[k] = d;
        continue;
      }
      const a = appRuns[k] ?? [];
      if (a.length === 0) {
        reasons[k] = appDead ? `not run: ${appDead}` : 'not run';
        continue;
      }
      res.firstNodeMs[k] = med(a.map((x) => x.firstNodeMs));
      res.dragStepMs[k] = med(a.map((x) => x.paused?.stepMs));
      res.dragScriptMsPerStep[k] = med(a.map((x) => x.paused?.scriptMsPerStep));
      res.dragFps[k] = med(a.map((x) => x.paused?.fps));
      res.dragUpdatesPerSec[k] = med(a.map((x) => x.backToBack?.updatesPerSec));
      const page = res.appPage[k];
      if (page) {
        page.domNodes = med(a.map((x) => x.domNodes));
        page.zoom = med(a.map((x) => x.zoom));
      }
      const aErr = a.find((x) => x.error)?.error;
      if (aErr) reasons[k] = aErr;
      const ratio = (x: Maybe<number>, y: Maybe<number>) => (x === null || y === null || y === 0 ? null : round(x / y, 2));
      res.ratios.firstNode[k] = ratio(res.firstNodeMs[k]!, res.baseline.firstNodeMs[k]!);
      res.ratios.dragStep[k] = ratio(res.dragStepMs[k]!, res.baseline.dragStepMs[k]!);
      res.ratios.dragUpdates[k] = ratio(res.dragUpdatesPerSec[k]!, res.baseline.dragUpdatesPerSec[k]!);
    }
    for (const n of opts.editSizes) {
      const ek = `n${n}`;
      const ed = designs.get(n);
      const runs = editRuns[ek] ?? [];
      if (typeof ed === 'string') reasons[`editToFindingsMs.${ek}`] = ed;
      else if (runs.length === 0) reasons[`editToFindingsMs.${ek}`] = appDead ? `not run: ${appDead}` : 'not run';
      else {
        res.editToFindingsMs[ek] = med(runs.map((x) => x.ms));
        const err = runs.find((x) => x.ms === null)?.error;
        if (err) reasons[`editToFindingsMs.${ek}`] = err;
        const detail = runs.find((x) => x.detail)?.detail;
        if (detail) res.method[`editDetail.${ek}`] = detail;
      }
    }
  } finally {
    await browser?.close().catch(() => {});
    stopServer(baseSrv);
    stopServer(appSrv);
    process.removeListener('SIGINT', onSignal);
  }
  return res;
}

/** The anchor's candidates: the left-column nodes (i % cols == 0). */
function baselineDragIds(n: number): string[] {
  const cols = Math.ceil(Math.sqrt(n));
  const ids: string[] = [];
  for (let i = 0; i < n; i += cols) ids.push(`n${i}`);
  return ids;
}

function summary(r: RunResult): string {
  if (r.error && r.firstNodeMs === null) return `null (${r.error})`;
  const p = r.paused;
  const b = r.backToBack;
  return [
    `first node ${r.firstNodeMs?.toFixed(0)} ms`,
    `${r.domNodes} nodes @ zoom ${r.zoom.toFixed(3)}`,
    p ? `step ${p.stepMs} ms (script ${p.scriptMsPerStep}), ${p.fps} fps, moved ${p.movedPx}px` : '',
    b ? `b2b ${b.updatesPerSec} upd/s` : '',
    r.error ? `(${r.error})` : '',
  ]
    .filter(Boolean)
    .join(', ');
}

/** For the quick test: whether a Chromium is there to run the web bench at all. */
export function chromiumAvailable(path = CHROMIUM_PATH): boolean {
  return existsSync(path);
}

export const _internal = { htmlScripts, gzipBytes, baselineDragIds, editScenario, scenario, startPreview, stopServer, buildApp, APP_DIST, WEB_DIR };
