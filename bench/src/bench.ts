import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { benchCore, benchCoreSize, growth } from './core.ts';
import { benchShare } from './share.ts';
import { type Results, evaluateTargets } from './targets.ts';
import { WEB_DEFAULTS, benchWeb } from './web.ts';

export type Part = 'core' | 'share' | 'web';
export const PARTS: Part[] = ['core', 'share', 'web'];

export interface BenchOptions {
  only: Part[];
  quick: boolean;
  log?: (line: string) => void;
}

/** Sizes of each part; quick mode (tests, smoke runs) uses tiny ones and few runs. */
export function plan(quick: boolean) {
  return quick
    ? { core: { sizes: [10, 30], runs: 3 }, share: { sizes: [26], runs: 3 }, web: { ...WEB_DEFAULTS, sizes: [50], editSizes: [50], rounds: 1, steps: 20 } }
    : { core: { sizes: [10, 100, 1000, 10000] }, share: { sizes: [130, 1300] }, web: WEB_DEFAULTS };
}

/** Share of all CPUs busy over `ms` while this process sleeps: work by others skews figures. */
async function cpuBusyPct(ms = 1000): Promise<number | null> {
  const read = () => {
    try {
      const f = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
      return { idle: f[3]! + (f[4] ?? 0), total: f.reduce((a, b) => a + b, 0) };
    } catch {
      return null;
    }
  };
  const a = read();
  await new Promise((r) => setTimeout(r, ms));
  const b = read();
  if (!a || !b || b.total === a.total) return null;
  return Math.round((100 * (1 - (b.idle - a.idle) / (b.total - a.total))));
}

export async function runBench(o: BenchOptions): Promise<Results> {
  const p = plan(o.quick);
  const log = o.log ?? (() => {});
  const cpu = cpus();
  const results: Results = {
    meta: {
      date: new Date().toISOString(),
      machine: `${cpu.length} vCPU (${cpu[0]?.model.trim() ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB`,
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      quick: o.quick,
      chromium: null,
      /** 1-minute load average at the start and end: other work on the machine skews figures. */
      loadAvg: { start: Number(loadavg()[0]!.toFixed(2)), end: null as number | null },
      /** % of all CPUs busy during 1 s before the run, with the bench idle (0 on a quiet machine). */
      cpuBusyBeforePct: o.quick ? null : await cpuBusyPct(),
    },
    core: null,
    share: null,
    web: null,
    skipped: {},
  };
  for (const part of PARTS) if (!o.only.includes(part)) results.skipped![part] = `not in --only ${o.only.join(',')}`;

  if (o.only.includes('core')) {
    log('core: warm-up');
    benchCoreSize(100, 3); // JIT warm-up for every code path, discarded
    results.core = benchCore({ ...p.core, log });
    results.coreGrowth = growth(results.core, 'n1000', 'n10000');
  }
  if (o.only.includes('share')) results.share = benchShare({ ...p.share, log });
  if (o.only.includes('web')) {
    results.web = await benchWeb({ ...p.web, log });
    results.meta.chromium = results.web.chromium;
  }
  (results.meta.loadAvg as { end: number | null }).end = Number(loadavg()[0]!.toFixed(2));
  results.targets = evaluateTargets(results);
  return results;
}
