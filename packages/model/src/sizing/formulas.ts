/**
 * The documented capacity-planning arithmetic (shared/domain/vm-domain.md §d), as pure functions
 * of numbers. Each returns a Figure with its formula and source; sizing.ts feeds them the design.
 */
import { parseDuration } from '../values.ts';
import type { Figure, RetentionFigure } from './types.ts';

export const SRC = {
  ingestion: 'vm:docs/guides/understand-your-setup-size/README.md §Ingestion Rate (active series / scrape interval)',
  disk: 'vm:docs/guides/understand-your-setup-size/README.md §Retention Period/Disk Space',
  bytesPerSample: 'vm:docs/guides/understand-your-setup-size/README.md §Retention Period/Disk Space (~1 byte per sample; index ~20%, >50% with high cardinality)',
  replication: 'vm:docs/victoriametrics/Cluster-VictoriaMetrics.md §Replication and data safety; understand-your-setup-size §Active Time Series (RF multiplies stored series)',
  dedup: 'vm:docs/victoriametrics/README.md §Deduplication (one sample per series per dedup.minScrapeInterval)',
  scrapeCluster: 'vm:lib/promscrape/config.go needSkipScrapeWork (each target scraped by min(replicationFactor, membersCount) members); op:factory/vmagent/vmagent.go:819-838',
  cpu: 'vm:docs/victoriametrics/README.md:2254-2258 (signal: >1 core per 100K samples/s); §Capacity planning (50% spare CPU); vm:BestPractices.md §Kubernetes (whole vCPUs)',
  failover: 'vm:docs/victoriametrics/Cluster-VictoriaMetrics.md §Cluster resizing (1 of N down: each survivor +1/(N−1))',
  queue: 'vm:docs/victoriametrics/vmagent.md §Calculating disk space for persistence queue (bytes sent per second × buffer duration; at least 500Mi per URL)',
  wire: 'estimate: ~50 B/sample over Prometheus remote write (victoriametrics.com/blog/victoriametrics-remote-write) ÷ 2, the low end of the 2x-5x saving of the VictoriaMetrics protocol (vm:docs/victoriametrics/vmagent.md §VictoriaMetrics remote write protocol)',
  retention: 'vm:lib/flagutil/duration.go (a bare number is months of 31 days; y is 365 days); binary default 1 month',
  perPod: 'vm:docs/victoriametrics/Cluster-VictoriaMetrics.md §Architecture overview (vminsert spreads series over the -storageNode list)',
} as const;

export const DAY = 86_400;
/** VictoriaMetrics' month in `-retentionPeriod`: 31 days (`msecsPer31Days`). */
export const RETENTION_MONTH = 31 * DAY;
/**
 * The guide's retention cycle "month": 30 days. Its worked example, 1 year at 5k samples/s and RF 2,
 * uses 34,128,000 s = 395 days = 365 + 30.
 */
export const CYCLE_MONTH = 30 * DAY;
/** The guide's "recommended 20% of free space for merges": 1 / 0.8. */
export const FREE_SPACE_FACTOR = 1.25;
/** The documented signal: more than one core per 100K ingested samples/s. */
export const SAMPLES_PER_CORE = 100_000;
/** 50% spare CPU (documented headroom): plan twice the cores the signal implies. */
export const CPU_HEADROOM = 2;

const GIB = 1024 ** 3;
const MIB = 1024 ** 2;

/** One formatter for every figure: toLocaleString builds a new one per call, which made sizing the lint's slowest rule. */
const DECIMAL = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const WHOLE = new Intl.NumberFormat('en-US');

/** `12,345.7`: numbers in formulas, rounded to one decimal. */
export function n(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  return DECIMAL.format(Math.round(v * 10) / 10);
}

/** `24.5 GiB`: bytes in binary units (Kubernetes quantities are binary too). */
export function showBytes(b: number): string {
  if (!Number.isFinite(b)) return 'unlimited';
  if (b >= 1024 ** 4) return `${n(b / 1024 ** 4)} TiB`;
  if (b >= GIB) return `${n(b / GIB)} GiB`;
  if (b >= MIB) return `${n(b / MIB)} MiB`;
  if (b >= 1024) return `${n(b / 1024)} KiB`;
  return `${Math.round(b)} B`;
}

/** `61d`, `1y`, `12h`: a span of seconds for formulas. */
export function showSeconds(s: number): string {
  if (s % (365 * DAY) === 0 && s > 0) return `${s / (365 * DAY)}y`;
  if (s % DAY === 0 && s > 0) return `${s / DAY}d`;
  if (s % 3600 === 0 && s > 0) return `${s / 3600}h`;
  if (s % 60 === 0 && s > 0) return `${s / 60}m`;
  return `${n(s)}s`;
}

/**
 * `retentionPeriod` in seconds as VictoriaMetrics reads it: a bare number is months of 31 days,
 * otherwise h, d, w, y (365 days). Unset or unreadable: the binary default, 1 month.
 */
export function retention(raw: unknown): RetentionFigure {
  const s = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
  let seconds: number | undefined;
  if (/^\d+(\.\d+)?$/.test(s)) seconds = Number(s) * RETENTION_MONTH;
  else if (s !== '') {
    const ms = parseDuration(s);
    if (ms !== undefined) seconds = ms / 1000;
  }
  const set = seconds !== undefined;
  const secs = seconds ?? RETENTION_MONTH;
  return { value: set ? s : '1', set, seconds: secs, cycleSeconds: retentionCycle(secs), source: SRC.retention };
}

/** `1 month (31d)`, `4 months (124d)`, `1y`: a retention as written, with its length. */
export function showRetention(r: Pick<RetentionFigure, 'value' | 'seconds'>): string {
  if (/^\d+(\.\d+)?$/.test(r.value)) return `${r.value} month${r.value === '1' ? '' : 's'} (${n(r.seconds / DAY)}d)`;
  return r.value;
}

/** One retention cycle: a month (30 days) when the retention is over 30 days, else a day. */
export function retentionCycle(retentionSeconds: number): number {
  return retentionSeconds > 30 * DAY ? CYCLE_MONTH : DAY;
}

/** Ingestion rate: active series / scrape interval. */
export function ingestionRate(series: number, intervalSeconds: number): Figure {
  return {
    value: intervalSeconds > 0 ? series / intervalSeconds : 0,
    unit: 'samples/s',
    formula: `${n(series)} series / ${showSeconds(intervalSeconds)}`,
    source: SRC.ingestion,
    basis: 'documented',
  };
}

/**
 * Disk a storage needs (the guide's formula):
 * `bytesPerSample × ingestionRate × RF × (retentionSeconds + one retention cycle) × 1.25`.
 */
export function diskBytes(bytesPerSample: number, samplesPerSecond: number, rf: number, ret: Pick<RetentionFigure, 'seconds' | 'cycleSeconds'>): Figure {
  const span = ret.seconds + ret.cycleSeconds;
  const value = bytesPerSample * samplesPerSecond * rf * span * FREE_SPACE_FACTOR;
  return {
    value,
    unit: 'bytes',
    formula: `${n(bytesPerSample)} B/sample × ${n(samplesPerSecond)} samples/s × RF ${rf} × (retention ${showSeconds(ret.seconds)} + cycle ${showSeconds(ret.cycleSeconds)} = ${WHOLE.format(span)} s) × 1.25 free space = ${showBytes(value)}`,
    source: SRC.disk,
    basis: 'documented',
  };
}

/** Whole cores for a data pod: samples/s ÷ 100K, doubled for 50% spare CPU, rounded up to a whole vCPU (at least 1). */
export function cpuCores(samplesPerSecond: number): Figure {
  const signal = samplesPerSecond / SAMPLES_PER_CORE;
  const value = Math.max(1, Math.ceil(signal * CPU_HEADROOM - 1e-9));
  return {
    value,
    unit: 'cores',
    formula: `${n(samplesPerSecond)} samples/s ÷ 100K per core = ${signal.toFixed(2)} × 2 (50% spare CPU), rounded up to whole vCPUs = ${value}`,
    source: SRC.cpu,
    basis: 'guidance',
  };
}

/** One of N storage nodes down: each survivor takes 1/(N−1) more. Undefined for N < 2 (no survivor). */
export function survivorLoad(samplesPerSecondPerPod: number, nodes: number): { extraLoad: Figure; samplesPerSecondPerSurvivor: Figure; cpuCoresPerSurvivor: Figure } | undefined {
  if (nodes < 2) return undefined;
  const extra = 1 / (nodes - 1);
  const survivor = samplesPerSecondPerPod * (1 + extra);
  return {
    extraLoad: { value: extra, unit: 'ratio', formula: `1/(N−1) = 1/${nodes - 1} = +${n(extra * 100)}%`, source: SRC.failover, basis: 'documented' },
    samplesPerSecondPerSurvivor: {
      value: survivor,
      unit: 'samples/s',
      formula: `${n(samplesPerSecondPerPod)} samples/s × N/(N−1) = × ${nodes}/${nodes - 1} = ${n(survivor)}`,
      source: SRC.failover,
      basis: 'documented',
    },
    cpuCoresPerSurvivor: {
      value: survivor / SAMPLES_PER_CORE,
      unit: 'cores',
      formula: `${n(survivor)} samples/s ÷ 100K per core = ${(survivor / SAMPLES_PER_CORE).toFixed(2)} (no headroom: the 50% spare CPU absorbs it)`,
      source: `${SRC.cpu}; ${SRC.failover}`,
      basis: 'guidance',
    },
  };
}

/** Queue one vmagent pod needs per URL: bytes/s sent to that URL × the outage. */
export function queueBytes(podSamplesPerSecond: number, wireBytesPerSample: number, outageSeconds: number): Figure {
  const value = podSamplesPerSecond * wireBytesPerSample * outageSeconds;
  return {
    value,
    unit: 'bytes',
    formula: `${n(podSamplesPerSecond)} samples/s × ${n(wireBytesPerSample)} B/sample (estimate) × ${showSeconds(outageSeconds)} outage = ${showBytes(value)}`,
    source: `${SRC.queue}; bytes per sample: ${SRC.wire}`,
    basis: 'estimate',
  };
}

/** A Kubernetes quantity holding `b` bytes: whole Gi, rounded up (at least 1Gi). */
export function quantityFor(b: number): string {
  return `${Math.max(1, Math.ceil(b / GIB - 1e-9))}Gi`;
}

/** A VictoriaMetrics size holding `b` bytes and the documented 500MiB minimum: `500MiB`, else whole GiB rounded up. */
export function vmSizeFor(b: number): string {
  if (b <= 500 * MIB) return '500MiB';
  return `${Math.ceil(b / GIB - 1e-9)}GiB`;
}
