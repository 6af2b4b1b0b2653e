import type { Results } from './targets.ts';

type Cell = string | number | null | undefined;

const cell = (x: Cell): string => (x === null || x === undefined ? '—' : typeof x === 'number' ? String(Number(x.toFixed(2))) : x);

/** A GitHub-flavoured markdown table (also readable as plain text). */
export function mdTable(head: string[], rows: Cell[][]): string {
  const cells = [head, ...rows.map((r) => r.map(cell))];
  const widths = head.map((_, i) => Math.max(3, ...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(cells[0]!), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...cells.slice(1).map(line)].join('\n');
}

export function formatResults(r: Results): string {
  const parts: string[] = [];
  const m = r.meta;
  parts.push(`vmtopo benchmarks — ${String(m.date)} — ${String(m.machine)}, Node ${String(m.node)}, ${String(m.chromium ?? 'no chromium')}${m.quick ? ' — QUICK (tiny sizes, not figures)' : ''}`);
  const load = m.loadAvg as { start?: number; end?: number } | undefined;
  if (load) parts.push(`load average (1 min) ${load.start ?? '?'} → ${load.end ?? '?'}; CPUs busy before the run (bench idle): ${m.cpuBusyBeforePct ?? '?'}%`);

  if (r.core) {
    parts.push('\n## core (median ms)\n');
    parts.push(
      mdTable(
        ['size', 'comps', 'links', 'findings', 'walk floor', 'lint', 'render', 'objects only', 'yaml floor', 'js-yaml floor', 'render ÷ yaml floor', 'same text', 'edit', 'edit: lint', 'edit: render', 'what-if N−1'],
        Object.entries(r.core).map(([k, v]) => [
          k,
          v.components,
          v.links,
          v.findings,
          v.walkMs,
          v.lintMs,
          v.renderMs,
          v.renderObjectsMs,
          v.yamlStringifyMs,
          v.jsYamlDumpMs,
          v.renderVsFloor,
          v.floorSameText === null ? null : v.floorSameText && v.renderSameText ? 'yes' : 'NO',
          v.editMs,
          v.editParts.lintMs,
          v.editParts.renderMs,
          v.whatifMs,
        ]),
      ),
    );
    if (r.coreGrowth && Object.keys(r.coreGrowth).length) {
      parts.push(`\ngrowth n1000 → n10000 (×10 is linear; walkMs shows this machine's memory floor): ${Object.entries(r.coreGrowth).map(([k, v]) => `${k} ×${cell(v)}`).join(', ')}`);
    }
  }

  if (r.share) {
    parts.push('\n## share (link chars after the base URL; encode / decode median ms)\n');
    parts.push(
      mdTable(
        ['design', 'comps', 'doc JSON chars', 'ours', 'lz-string (TS playground)', 'deflate+base64 (Mermaid)', 'ours ÷ best other', 'ours enc/dec', 'lz enc/dec', 'deflate enc/dec'],
        Object.entries(r.share).map(([k, v]) => [
          k,
          v.components,
          v.documentJsonChars,
          v.ours?.linkChars,
          v.lzString.linkChars,
          v.deflateBase64.linkChars,
          v.oursVsBest,
          v.ours ? `${cell(v.ours.encodeMs)} / ${cell(v.ours.decodeMs)}` : null,
          `${cell(v.lzString.encodeMs)} / ${cell(v.lzString.decodeMs)}`,
          `${cell(v.deflateBase64.encodeMs)} / ${cell(v.deflateBase64.decodeMs)}`,
        ]),
      ),
    );
    const reasons = [...new Set(Object.values(r.share).flatMap((v) => Object.entries(v.reasons ?? {}).map(([f, why]) => `${f}: ${why}`)))];
    if (reasons.length) parts.push(`\nnull: ${reasons.join('; ')}`);
  }

  if (r.web) {
    const w = r.web;
    parts.push('\n## web (production build, headless Chromium; app vs bare React Flow baseline, same run, medians)\n');
    parts.push(
      `first-load JS: app ${w.initialJsGzipBytes === null ? '—' : `${(w.initialJsGzipBytes / 1024).toFixed(1)} KiB gzip`} (${w.initialJsFiles.join(', ') || 'n/a'}), baseline ${w.baseline.initialJsGzipBytes === null ? '—' : `${(w.baseline.initialJsGzipBytes / 1024).toFixed(1)} KiB`}; default design canvas visible ${cell(w.defaultCanvasMs)} ms\n`,
    );
    const sizes = Object.keys(w.firstNodeMs);
    parts.push(
      mdTable(
        ['size', 'first node ms app / base', 'ms per drag step app / base', 'script ms/step app / base', 'updates/s b2b app / base', 'drag fps app / base', 'app DOM nodes @ zoom', 'edit→findings+YAML ms'],
        sizes.map((k) => [
          k,
          `${cell(w.firstNodeMs[k])} / ${cell(w.baseline.firstNodeMs[k])}`,
          `${cell(w.dragStepMs[k])} / ${cell(w.baseline.dragStepMs[k])}`,
          `${cell(w.dragScriptMsPerStep[k])} / ${cell(w.baseline.dragScriptMsPerStep[k])}`,
          `${cell(w.dragUpdatesPerSec[k])} / ${cell(w.baseline.dragUpdatesPerSec[k])}`,
          `${cell(w.dragFps[k])} / ${cell(w.baseline.dragFps[k])}`,
          w.appPage[k] ? `${cell(w.appPage[k]!.domNodes)} @ ${cell(w.appPage[k]!.zoom)}` : null,
          k in w.editToFindingsMs ? w.editToFindingsMs[k] : 'n/a',
        ]),
      ),
    );
    const reasons = Object.entries(w.reasons);
    if (reasons.length) parts.push(`\nnull / notes:\n${reasons.map(([k, v]) => `- ${k}: ${v}`).join('\n')}`);
  }

  if (r.skipped && Object.keys(r.skipped).length) parts.push(`\nskipped: ${Object.entries(r.skipped).map(([k, v]) => `${k} (${v})`).join(', ')}`);

  if (r.targets) {
    parts.push('\n## targets (issue #6; reported, never enforced)\n');
    parts.push(mdTable(['target', 'status', 'figures'], r.targets.map((x) => [x.target, x.status, x.actual])));
  }
  return parts.join('\n');
}
