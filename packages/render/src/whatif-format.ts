/**
 * Output formats of `vmtopo whatif`: the N−1 analysis (or one scenario of named pods) as text an
 * SRE reads, or as JSON (issue #13 §5): {"zones", "survives", "scenarios": [{"class", "failed",
 * "ingestion", "queries", "alerting", "reasons"}], ...}. Pure: the analysis in, a string out.
 */
import { type Analysis, type Outcome, type Topology, WHATIF_ASSUMPTIONS, type WhatIfScenario } from '@vmtopo/model';
import { componentRef } from './explain-format.ts';

export interface WhatIfReport {
  analysis: Analysis;
  /** The scenario of `--fail`: shown instead of the N−1 scenarios. */
  custom?: WhatIfScenario;
}

function outcomeJson(t: Topology, o: Outcome) {
  return {
    ingestion: o.ingestion,
    queries: o.queries,
    alerting: o.alerting,
    reasons: o.reasons,
    ...(o.affected.length > 0 ? { affected: o.affected.map((id) => componentRef(t, id)) } : {}),
    ...(o.buffers.length > 0 ? { buffers: o.buffers.map((b) => ({ ...b, agent: componentRef(t, b.agent) })) } : {}),
  };
}

export function whatifJson(t: Topology, r: WhatIfReport): string {
  const a = r.analysis;
  const scenarios = r.custom ? [r.custom] : a.scenarios;
  const out = {
    zones: a.zones,
    survives: a.survives,
    scenarios: scenarios.map((s) => ({ class: s.class, failed: s.failed, ...(s.zone !== undefined ? { zone: s.zone } : {}), ...outcomeJson(t, s) })),
    baseline: outcomeJson(t, a.baseline),
    placement: a.placement.map((g) => ({
      component: componentRef(t, g.componentId),
      pods: g.pods,
      // Infinity (a DaemonSet: one pod on every node) has no JSON form.
      perNode: Number.isFinite(g.perNode) ? g.perNode : null,
      perZone: g.perZone,
      ...(g.pending.length > 0 ? { pending: g.pending } : {}),
      rule: g.rule,
    })),
    assumptions: WHATIF_ASSUMPTIONS,
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

const levels = (o: Outcome) => `ingestion ${o.ingestion} · queries ${o.queries} · alerting ${o.alerting}`;
const unharmed = (o: Outcome) => o.ingestion === 'ok' && o.queries === 'complete' && o.alerting === 'ok';
const yes = (b: boolean) => (b ? 'yes' : 'NO');

function pods(failed: string[], max = 6): string {
  if (failed.length === 0) return 'no pods';
  const shown = failed.slice(0, max).join(', ');
  return `${failed.length} pod${failed.length === 1 ? '' : 's'}: ${shown}${failed.length > max ? `, … (${failed.length - max} more)` : ''}`;
}

function scenarioText(title: string, s: Outcome): string[] {
  const lines = [`${title}`, `  ${levels(s)}`];
  for (const reason of s.reasons) lines.push(`  - ${reason}`);
  return lines;
}

export function whatifText(t: Topology, r: WhatIfReport): string {
  const a = r.analysis;
  const lines = [`What if it fails — design '${t.name}', ${a.zones} zone${a.zones === 1 ? '' : 's'}, the worst placement its spreading allows`, ''];
  lines.push(`Survives any pod: ${yes(a.survives.pod)} · any node: ${yes(a.survives.node)} · any zone: ${yes(a.survives.zone)}`, '');
  if (!unharmed(a.baseline)) lines.push(...scenarioText('With every pod running (baseline):', a.baseline), '');
  if (r.custom) {
    lines.push(...scenarioText(`If ${r.custom.failed.join(', ')} fail${r.custom.failed.length === 1 ? 's' : ''}:`, r.custom), '');
  } else {
    lines.push('Placement:');
    for (const g of a.placement) lines.push(`  ${componentRef(t, g.componentId)} (${g.pods.join(', ')}): ${g.rule}`);
    lines.push('');
    for (const s of a.scenarios) {
      if (s.class === 'node') lines.push(...scenarioText(`Worst single node (${pods(s.failed)}):`, s), '');
      else if (s.class === 'zone') lines.push(...(s.failed.length === 0 ? [`Zone ${s.zone}: no pod of the design there under the worst placement`] : scenarioText(`Zone ${s.zone} (${pods(s.failed)}):`, s)), '');
    }
    const podScenarios = a.scenarios.filter((s) => s.class === 'pod');
    const harmed = podScenarios.filter((s) => !unharmed(s));
    lines.push(`Single pods: ${podScenarios.length} scenario${podScenarios.length === 1 ? '' : 's'}, ${harmed.length} lose${harmed.length === 1 ? 's' : ''} or delay${harmed.length === 1 ? 's' : ''} something`);
    for (const s of harmed) lines.push(...scenarioText(`${s.failed[0]}:`, s));
    const ok = podScenarios.filter(unharmed);
    if (ok.length > 0) lines.push(`Unharmed: ${ok.map((s) => s.failed[0]).join(', ')}`);
    lines.push('');
  }
  lines.push('Assumptions:', ...WHATIF_ASSUMPTIONS.map((x) => `  - ${x}`));
  return `${lines.join('\n')}\n`;
}
