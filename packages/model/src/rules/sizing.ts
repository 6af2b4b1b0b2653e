/**
 * Capacity findings (issue #14): the sizing checks of sizing/problems.ts as rules of the lint.
 * They judge only what the design says: without a workload on any VMAgent there is nothing to
 * judge, and an agent without one counts as sending nothing, so every need they report is a lower
 * bound of the real one — a finding never rests on an assumed workload.
 */
import { fieldOf } from '../kinds/index.ts';
import { applySizingFix, sizingProblems } from '../sizing/problems.ts';
import type { SizingProblem } from '../sizing/types.ts';
import { designInputs, hasWorkload } from '../sizing/workload.ts';
import type { Topology } from '../topology.ts';
import { getComponent } from '../access.ts';
import { type Finding, type Rule, finding } from './types.ts';

type SizingRuleId = SizingProblem['id'];

/** The design's sizing problems of one rule, grouped by the component they are about (in design order). */
function problemsOf(t: Topology, id: SizingRuleId): Map<string, SizingProblem[]> {
  const out = new Map<string, SizingProblem[]>();
  if (!hasWorkload(t)) return out;
  for (const p of sizingProblems(t, designInputs(t, { unknownAgents: 'zero' }))) {
    if (p.id !== id) continue;
    const list = out.get(p.componentId);
    if (list) list.push(p);
    else out.set(p.componentId, [p]);
  }
  return out;
}

/** One finding per component: a queue check may find several URLs of one agent short, and one Fix raises them all. */
function sizingRule(id: SizingRuleId, severity: 'warning' | 'info', title: string, source: string): Rule {
  return {
    id,
    severity,
    title,
    source,
    check(t) {
      const out: Finding[] = [];
      for (const [componentId, problems] of problemsOf(t, id)) {
        const c = getComponent(t, componentId)!;
        const field = problems.length === 1 && fieldOf(c.kind, problems[0]!.field) ? problems[0]!.field : undefined;
        const fixLabel = problems.map((p) => p.fixLabel).join('; ');
        out.push(finding(this, [componentId], problems.map((p) => p.message).join(' '), field || undefined, fixLabel));
      }
      return out;
    },
    fix(t, f) {
      let next = t;
      for (const p of problemsOf(t, id).get(f.componentIds[0]!) ?? []) next = applySizingFix(next, p);
      return next;
    },
  };
}

export const sizingRules: Rule[] = [
  sizingRule(
    'storage-undersized',
    'warning',
    'Storage volume smaller than the workload needs over the retention',
    'vm:docs/guides/understand-your-setup-size.md (disk formula, 20% free space); issue #14',
  ),
  sizingRule(
    'vmagent-queue-too-small-for-outage',
    'info',
    'vmagent queue cannot hold the design’s storage outage',
    'vm:docs/victoriametrics/vmagent.md §Calculating disk space for persistence queue; issue #14',
  ),
];
