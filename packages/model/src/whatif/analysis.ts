/**
 * N−1 analysis (issue #13 §3): every single-pod failure, the worst single-node failure and every
 * single-zone failure, under the worst placement the design's spreading allows (placement.ts).
 * A class survives when none of its scenarios loses or delays anything: ingestion ok, queries
 * complete, alerting ok.
 */
import type { Topology } from '../topology.ts';
import { type GroupPlacement, placementOf, zonesFor } from './placement.ts';
import { type Outcome, type WhatIfOptions, baselineOf, isUnharmed, runScenario, scenarioRunner } from './simulate.ts';

/** What the analysis takes for granted; shown with every report. */
export const WHATIF_ASSUMPTIONS: readonly string[] = [
  'Pods are placed as badly as the design’s hard spreading allows (DoNotSchedule topologySpreadConstraints, required pod anti-affinity); ScheduleAnyway and preferred anti-affinity are scores the scheduler may outweigh.',
  'The cluster has enough nodes in every zone for each hard constraint to be met; the worst node holds, of every component, as many pods as its constraints allow.',
  'A failed pod is gone until Kubernetes replaces it: its emptyDir volumes are lost, its PVCs are kept.',
  'Links that point outside the design (URLs, VMAuth backends, notifierConfigRef) are taken to work.',
  'How long a vmagent queue lasts depends on its remote-write rate, which the design does not hold: give it with sendRate (--send-rate), or read the reference figure at 1 MiB/s per pod and URL.',
];

export type ScenarioClass = 'pod' | 'node' | 'zone' | 'custom';

export interface Scenario extends Outcome {
  class: ScenarioClass;
  failed: string[];
  /** Zone scenarios: the zone, 1-based (zone 1 is the fullest under the worst placement). */
  zone?: number;
}

export interface Survival {
  pod: boolean;
  node: boolean;
  zone: boolean;
}

export interface Analysis {
  zones: number;
  survives: Survival;
  /** The design with every pod running. */
  baseline: Outcome;
  /** How each component's pods may be placed, and why. */
  placement: GroupPlacement[];
  /** One pod scenario per pod (design order), then the worst node, then each zone. */
  scenarios: Scenario[];
}

function scenario(cls: ScenarioClass, failed: string[], o: Outcome, zone?: number): Scenario {
  // Arrays copied: two scenarios may share one outcome (see `samePods`).
  const s: Scenario = { class: cls, failed, ingestion: o.ingestion, queries: o.queries, alerting: o.alerting, reasons: o.reasons.slice(), buffers: o.buffers.slice(), affected: o.affected.slice(), harm: { ...o.harm } };
  if (zone !== undefined) s.zone = zone;
  return s;
}

const samePods = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** The N−1 analysis of a design. */
export function analyse(t: Topology, opts: WhatIfOptions = {}): Analysis {
  const zones = zonesFor(t, opts.zones);
  const o = { ...opts, zones };
  const p = placementOf(t, zones);
  const scenarios: Scenario[] = [];
  const survives: Survival = { pod: true, node: true, zone: true };
  const run = scenarioRunner(t, o);
  for (const ref of p.pods) {
    if (p.pending.has(ref.name)) continue;
    const failed = [ref.name];
    const s = scenario('pod', failed, run(failed));
    if (!isUnharmed(s)) survives.pod = false;
    scenarios.push(s);
  }
  const nodeOutcome = run(p.worstNode, true);
  const node = scenario('node', p.worstNode, nodeOutcome);
  survives.node = isUnharmed(node);
  scenarios.push(node);
  p.zonePods.forEach((pods, z) => {
    // Without hard spreading the fullest zone holds just what the worst node holds: one failure, judged once.
    const s = scenario('zone', pods, samePods(pods, p.worstNode) ? nodeOutcome : run(pods, true), z + 1);
    if (!isUnharmed(s)) survives.zone = false;
    scenarios.push(s);
  });
  const baseline = baselineOf(t, o);
  // A design already harmed with every pod running survives nothing (no scenario is unharmed then);
  // a design without pods has no pod scenario, and survives a pod failure only if its baseline is unharmed.
  if (!isUnharmed(baseline)) {
    survives.pod = false;
    survives.node = false;
    survives.zone = false;
  }
  return { zones, survives, baseline, placement: p.groups, scenarios };
}

/** One scenario of the listed pods (class "custom"): each fails alone, not its node. */
export function whatIf(t: Topology, failed: readonly string[], opts: WhatIfOptions = {}): Scenario {
  return scenario('custom', [...failed], runScenario(t, failed, opts));
}
