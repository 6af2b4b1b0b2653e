/** Timing helpers: medians of repeated runs, with untimed per-run setup and warm-up runs. */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A full garbage collection before each timed run, so that a run does not pay for the garbage of
 * the setup or of earlier runs (only for its own). Exposed at run time, no node flag needed.
 */
setFlagsFromString('--expose-gc');
export const collectGarbage: () => void = runInNewContext('gc') as () => void;

export function median(xs: number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

export const round = (x: number, digits = 2): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

export interface TimeOptions<S> {
  runs: number;
  warmup?: number;
  /** Keep warming up this long, so that V8 has optimised the code (a fixed count left fast functions in lower tiers). */
  warmupMs?: number;
  /** Untimed, before each run (warm-ups included); its result is handed to the timed function. */
  setup?: () => S;
}

/**
 * Median ms of `runs` timed calls of `f`, after `warmup` untimed ones and, when `warmupMs` is set,
 * after warm-up calls for that long (wall clock; no forced GC between them, so that the time goes
 * into calls of `f`).
 */
export function timeMedian<S = undefined>(f: (s: S) => unknown, opts: TimeOptions<S>): { ms: number; samples: number[]; last: unknown } {
  const samples: number[] = [];
  let last: unknown;
  const warmUntil = performance.now() + (opts.warmupMs ?? 0);
  for (let i = 0; i < (opts.warmup ?? 1) || performance.now() < warmUntil; i++) f((opts.setup ? opts.setup() : undefined) as S);
  while (samples.length < opts.runs) {
    const s = (opts.setup ? opts.setup() : undefined) as S;
    collectGarbage();
    const t0 = performance.now();
    last = f(s);
    samples.push(performance.now() - t0);
  }
  return { ms: round(median(samples), 3), samples, last };
}

/** A figure that could not be measured: null plus the reason, never a made-up number. */
export type Maybe<T> = T | null;
