import type { CoreResults } from './core.ts';
import type { ShareResults } from './share.ts';
import type { WebResults } from './web.ts';

/** Where each target of issue #6 stands. Benchmarks never fail on these: they are reported. */
export type Status = 'met' | 'missed' | 'unknown';

export interface Target {
  id: string;
  target: string;
  status: Status;
  /** The figures behind the status, in words. */
  actual: string;
}

export interface Results {
  meta: Record<string, unknown>;
  core: CoreResults | null;
  coreGrowth?: Record<string, number | null> | null;
  share: ShareResults | null;
  web: WebResults | null;
  targets?: Target[];
  skipped?: Record<string, string>;
}

const fmt = (x: number | null | undefined, unit = '', digits = 2): string =>
  x === null || x === undefined || !Number.isFinite(x) ? 'n/a' : `${Number(x.toFixed(digits))}${unit}`;

function t(id: string, target: string, ok: boolean | null, actual: string): Target {
  return { id, target, status: ok === null ? 'unknown' : ok ? 'met' : 'missed', actual };
}

/**
 * Growth 1,000 → 10,000 counts as close to linear up to this factor over linear. Linear is ×10, or
 * the walk floor's growth when even a bare visit of every object grows more than ×10 (a design of
 * 1,000 components fits in the CPU caches, one of 10,000 does not): no pass over a whole design
 * can grow less than that on the machine at hand.
 */
export const LINEAR_SLACK = 1.2;
export const FIRST_LOAD_LIMIT = 250 * 1024;

export function evaluateTargets(r: Results): Target[] {
  const out: Target[] = [];
  const core = r.core;
  const c1k = core?.n1000;
  out.push(
    t(
      'lint-1k',
      'lint of 1,000 components ≤ 5 ms',
      c1k ? c1k.lintMs <= 5 : null,
      c1k ? `${fmt(c1k.lintMs, ' ms')}` : 'size 1,000 not run',
    ),
  );
  if (core) {
    // Shapes (fan-in, fan-out, namespaces) measure lint and edits, no render.
    const sizes = Object.entries(core).filter(([, v]) => v.renderVsFloor !== null);
    const ratios = sizes.map(([k, v]) => `${k} ${fmt(v.renderVsFloor, '×')} (${fmt(v.renderMs, ' ms')} vs ${fmt(v.yamlStringifyMs, ' ms')})`);
    const bad = sizes.filter(([, v]) => v.renderVsFloor! > 1.25).map(([k]) => k);
    out.push(t('render-floor', 'full render ≤ 1.25× the `yaml` floor (every size)', bad.length === 0, `${ratios.join('; ')}${bad.length ? `; over at ${bad.join(', ')}` : ''}`));
  } else out.push(t('render-floor', 'full render ≤ 1.25× the `yaml` floor (every size)', null, 'core not run'));
  out.push(
    t(
      'edit-1k',
      'incremental edit on 1,000 components ≤ 16 ms',
      c1k ? c1k.editMs <= 16 : null,
      c1k ? `${fmt(c1k.editMs, ' ms')} (lint ${fmt(c1k.editParts.lintMs, ' ms')}, render ${fmt(c1k.editParts.renderMs, ' ms')})` : 'size 1,000 not run',
    ),
  );
  const c10k = core?.n10000;
  out.push(
    t(
      'edit-10k',
      'incremental edit on 10,000 components ≤ 16 ms',
      c10k ? c10k.editMs <= 16 : null,
      c10k ? `${fmt(c10k.editMs, ' ms')} (lint ${fmt(c10k.editParts.lintMs, ' ms')}, render ${fmt(c10k.editParts.renderMs, ' ms')})` : 'size 10,000 not run',
    ),
  );
  const fanin = core?.fanin5000;
  out.push(
    t(
      'lint-fanin',
      'lint of 5,000 VMAgents remote-writing into one VMSingle ≤ 50 ms (issue #18)',
      fanin ? fanin.lintMs <= 50 : null,
      fanin
        ? `${fmt(fanin.lintMs, ' ms')}; edit ${fmt(fanin.editMs, ' ms')}${core?.faninCluster5000 ? `; into one vminsert ${fmt(core.faninCluster5000.lintMs, ' ms')}` : ''}${core?.fanout4001?.importMs !== undefined ? `; import of 8,000 URLs of one agent ${fmt(core.fanout4001.importMs, ' ms')}` : ''}`
        : 'fan-in not run',
    ),
  );
  const whatif1k = c1k?.whatifMs;
  out.push(
    t(
      'whatif-1k',
      'N−1 failure analysis of 1,000 components ≤ 100 ms (issue #13)',
      whatif1k == null ? null : whatif1k <= 100,
      whatif1k == null ? 'size 1,000 not run' : `${fmt(whatif1k, ' ms')} (n100 ${fmt(core?.n100?.whatifMs ?? null, ' ms')})`,
    ),
  );
  const g = r.coreGrowth;
  const growthTarget = (limit: string) => `1,000 → 10,000 close to linear for lint, render, edit (counted ≤ ${LINEAR_SLACK}× linear: ${limit})`;
  if (g && Object.keys(g).length) {
    const keys = ['lintMs', 'renderMs', 'editMs'] as const;
    const floor = g.walkMs ?? null;
    const limit = LINEAR_SLACK * Math.max(10, floor ?? 10);
    const known = keys.filter((k) => g[k] !== null && g[k] !== undefined);
    const ok = known.length === 0 ? null : known.every((k) => g[k]! <= limit) && known.length === keys.length ? true : known.some((k) => g[k]! > limit) ? false : null;
    out.push(
      t(
        'growth',
        growthTarget(`≤ ×${fmt(limit)}`),
        ok,
        `${keys.map((k) => `${k} ×${fmt(g[k] ?? null)}`).join(', ')}; walk floor ×${fmt(floor)}, so linear here is ×${fmt(Math.max(10, floor ?? 10))}`,
      ),
    );
  } else out.push(t('growth', growthTarget('×10, or the walk floor’s growth'), null, 'needs sizes 1,000 and 10,000'));

  if (r.share) {
    const entries = Object.entries(r.share);
    const unknown = entries.some(([, v]) => v.oursShortest === null);
    const ok = unknown ? null : entries.every(([, v]) => v.oursShortest === true);
    out.push(
      t(
        'share-shortest',
        'our link is the shortest of the three at every size',
        ok,
        entries.map(([k, v]) => `${k}: ${v.ours?.linkChars ?? 'n/a'} vs lz ${v.lzString.linkChars} / deflate ${v.deflateBase64.linkChars}`).join('; '),
      ),
    );
  } else out.push(t('share-shortest', 'our link is the shortest of the three at every size', null, 'share not run'));

  const w = r.web;
  const reason = (k: string) => w?.reasons[k] ?? w?.reasons.app ?? w?.reasons.all ?? 'web not run';
  out.push(
    t(
      'first-load-js',
      'first-load JS ≤ 250 KiB gzip, monaco excluded',
      w?.initialJsGzipBytes == null ? null : w.initialJsGzipBytes <= FIRST_LOAD_LIMIT,
      w?.initialJsGzipBytes == null ? reason('initialJsGzipBytes') : `${fmt(w.initialJsGzipBytes / 1024, ' KiB', 1)} (${w.initialJsFiles.length} files)`,
    ),
  );
  out.push(
    t(
      'default-canvas',
      "the default design's canvas visible within 1 s",
      w?.defaultCanvasMs == null ? null : w.defaultCanvasMs <= 1000,
      w?.defaultCanvasMs == null ? reason('defaultCanvasMs') : fmt(w.defaultCanvasMs, ' ms', 0),
    ),
  );
  const ratio = (name: string, id: string, target: string, app: number | null | undefined, base: number | null | undefined, limit: number, atMost: boolean) => {
    if (app == null || base == null) return t(id, target, null, app == null ? reason(`n${id.split('-').pop()}`) : 'baseline not measured');
    const x = app / base;
    return t(id, target, atMost ? x <= limit : x >= limit, `${name}: app ${fmt(app)} vs baseline ${fmt(base)} = ${fmt(x, '×')}`);
  };
  out.push(ratio('first node ms', 'first-node-500', 'with 500 components, first node ≤ 1.5× the baseline', w?.firstNodeMs.n500, w?.baseline.firstNodeMs.n500, 1.5, true));
  out.push(ratio('ms/step', 'drag-step-500', 'dragging with 500: main-thread work per step ≤ 1.5× the baseline', w?.dragStepMs.n500, w?.baseline.dragStepMs.n500, 1.5, true));
  out.push(ratio('updates/s', 'drag-updates-500', 'dragging with 500: node updates/s ≥ 90% of the baseline', w?.dragUpdatesPerSec.n500, w?.baseline.dragUpdatesPerSec.n500, 0.9, false));
  out.push(ratio('ms/step', 'drag-step-1000', 'dragging with 1,000: main-thread work per step ≤ 1.5× the baseline', w?.dragStepMs.n1000, w?.baseline.dragStepMs.n1000, 1.5, true));
  out.push(ratio('updates/s', 'drag-updates-1000', 'dragging with 1,000: node updates/s ≥ 90% of the baseline', w?.dragUpdatesPerSec.n1000, w?.baseline.dragUpdatesPerSec.n1000, 0.9, false));
  for (const n of [500, 1000]) {
    const e = w?.editToFindingsMs[`n${n}`];
    out.push(t(`edit-${n}`, `a field change reflected within 50 ms at ${n} components`, e == null ? null : e <= 50, e == null ? reason(`editToFindingsMs.n${n}`) : fmt(e, ' ms', 1)));
  }
  return out;
}
