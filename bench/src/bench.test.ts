import { describe, expect, it } from 'vitest';
import { fromDocument, toDocument } from '@vmtopo/model';
import { runBench } from './bench.ts';
import { generate } from './generate.ts';
import { seedDesign } from './seed.ts';
import { formatResults } from './table.ts';
import { evaluateTargets } from './targets.ts';
import { _internal } from './web.ts';

/**
 * A quick run of the benchmark code at tiny sizes, so that it cannot rot. It checks shapes (keys
 * present, numbers finite), never timings: benchmarks do not fail CI on a number.
 */

const finite = (x: unknown) => typeof x === 'number' && Number.isFinite(x);

describe('generated designs', () => {
  it.each([1, 4, 10, 13, 27, 130])('%i components: exact size, every link valid', (n) => {
    const { topology } = generate(n);
    expect(topology.components).toHaveLength(n);
    // fromDocument checks ids, cluster references, link kinds and duplicates.
    const back = fromDocument(JSON.parse(JSON.stringify(toDocument(topology))));
    expect(back.links).toHaveLength(topology.links.length);
    if (n >= 13) expect(topology.links.length).toBeGreaterThanOrEqual(12);
  });

  it('the seed design is the seed document’s complete HA stack, fully linked', () => {
    const t = seedDesign();
    expect(t.components.map((c) => c.kind).sort()).toEqual(['VMAgent', 'VMAlert', 'VMAlertmanager', 'VMCluster', 'vminsert', 'vmselect', 'vmstorage']);
    expect(t.links.map((l) => l.type).sort()).toEqual(['datasource', 'notifier', 'remoteWrite']);
    expect(() => fromDocument(JSON.parse(JSON.stringify(toDocument(t))))).not.toThrow();
  });
});

describe('quick run (core, share)', () => {
  it('has every key, each a finite number or null with a reason', async () => {
    const r = await runBench({ only: ['core', 'share'], quick: true });
    expect(r.web).toBeNull();
    for (const size of ['n10', 'n30']) {
      const c = r.core![size]!;
      expect(c).toBeDefined();
      for (const k of ['lintMs', 'renderMs', 'renderObjectsMs', 'yamlStringifyMs', 'jsYamlDumpMs', 'renderVsFloor', 'editMs'] as const) expect(finite(c[k]), k).toBe(true);
      expect(c.floorSameText).toBe(true);
      expect(c.renderSameText).toBe(true);
    }
    for (const design of ['seed', 'n26']) {
      const s = r.share![design]!;
      for (const codec of [s.lzString, s.deflateBase64]) {
        for (const k of ['linkChars', 'encodeMs', 'decodeMs'] as const) expect(finite(codec[k])).toBe(true);
      }
      expect(s.ours === null ? typeof s.reasons?.ours : finite(s.ours.linkChars)).toBe(s.ours === null ? 'string' : true);
    }
    expect(r.targets!.map((t) => t.status).every((s) => ['met', 'missed', 'unknown'].includes(s))).toBe(true);
    expect(formatResults(r)).toContain('## core');
  }, 120_000);
});

describe('web helpers', () => {
  it('picks the baseline drag candidates from the left column', () => {
    expect(_internal.baselineDragIds(100).slice(0, 3)).toEqual(['n0', 'n10', 'n20']);
    expect(_internal.baselineDragIds(500)).toHaveLength(22);
  });

  it('reports web targets as unknown, not as figures, when nothing was measured', () => {
    const nulls = { n500: null };
    const web = {
      chromium: null,
      initialJsGzipBytes: null,
      initialJsFiles: [],
      defaultCanvasMs: null,
      firstNodeMs: nulls,
      dragStepMs: nulls,
      dragScriptMsPerStep: nulls,
      dragUpdatesPerSec: nulls,
      dragFps: nulls,
      editToFindingsMs: nulls,
      appPage: {},
      baseline: { initialJsGzipBytes: null, firstNodeMs: nulls, dragStepMs: nulls, dragScriptMsPerStep: nulls, dragUpdatesPerSec: nulls, dragFps: nulls },
      ratios: { firstNode: nulls, dragStep: nulls, dragUpdates: nulls },
      method: {},
      reasons: { all: 'no Chromium' },
    };
    const targets = evaluateTargets({ meta: {}, core: null, share: null, web });
    expect(targets.filter((t) => t.id.endsWith('500')).every((t) => t.status === 'unknown')).toBe(true);
    expect(formatResults({ meta: {}, core: null, share: null, web, targets })).toContain('no Chromium');
  });
  it('counts growth against linear, or against the walk floor when a bare walk grows more than ×10', () => {
    const growthStatus = (coreGrowth: Record<string, number | null>) =>
      evaluateTargets({ meta: {}, core: null, coreGrowth, share: null, web: null }).find((t) => t.id === 'growth')!.status;
    const figures = { renderMs: 7, editMs: 11 };
    // Linear is ×10 when the floor grows less: up to ×12 counts.
    expect(growthStatus({ ...figures, lintMs: 11.9, walkMs: 9 })).toBe('met');
    expect(growthStatus({ ...figures, lintMs: 12.5, walkMs: 9 })).toBe('missed');
    expect(growthStatus({ ...figures, lintMs: 12.5, walkMs: null })).toBe('missed');
    // A floor of ×13 makes linear ×13 here: up to ×15.6 counts.
    expect(growthStatus({ ...figures, lintMs: 15.5, walkMs: 13 })).toBe('met');
    expect(growthStatus({ ...figures, lintMs: 16, walkMs: 13 })).toBe('missed');
  });
});
