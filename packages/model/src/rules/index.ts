/**
 * The HA checker: every rule of the catalog in vm-domain.md §c, run over a topology. Rules are data
 * plus pure functions (see types.ts); fixes are pure topology transforms.
 */
import type { TopologyDiff } from '../diff.ts';
import type { Topology } from '../topology.ts';
import { agentRules, vmagentManualClusterMembers } from './agents.ts';
import { alertingRules, vmalertRemoteWriteUnbuffered } from './alerting.ts';
import { clusterRules } from './cluster.ts';
import { dedupRules, vmalertDedupVsEvalInterval } from './dedup.ts';
import { optionalRules } from './optional.ts';
import { requiredRules } from './required.ts';
import { schedulingRules } from './scheduling.ts';
import { sizingRules } from './sizing.ts';
import { storageRules } from './storage.ts';
import { vmauthSingleReplica } from './vmauth.ts';
import { type Checked, checkAll, prepare, recheck } from './incremental.ts';
import { type Finding, type Rule, SEVERITY_RANK } from './types.ts';

export type { Finding, Rule, Severity } from './types.ts';
export { SEVERITY_RANK } from './types.ts';
export { editedPart, type EditedPart } from './incremental.ts';
export { ofKind, storages } from './context.ts';

/** Every rule: the CRD's required links first, then the catalog in its order, the optional ones last. */
export const RULES: readonly Rule[] = [
  ...requiredRules,
  ...storageRules,
  ...clusterRules,
  ...dedupRules,
  ...agentRules,
  ...alertingRules.slice(0, 5),
  vmalertDedupVsEvalInterval,
  ...alertingRules.slice(5),
  ...schedulingRules,
  vmagentManualClusterMembers,
  vmauthSingleReplica,
  vmalertRemoteWriteUnbuffered,
  ...sizingRules,
  ...optionalRules,
];

const BY_ID = new Map(RULES.map((r) => [r.id, r]));

export function ruleById(id: string): Rule | undefined {
  return BY_ID.get(id);
}

export interface LintOptions {
  /** Also run the catalog's optional informational checks (vmcluster-spans-zones, vmstorage-few-nodes, cluster-lb). */
  optional?: boolean;
  /** Run only these rule ids. */
  only?: readonly string[];
}

function selectedRules(opts: LintOptions): Rule[] {
  const only = opts.only ? new Set(opts.only) : undefined;
  return RULES.filter((rule) => (only ? only.has(rule.id) : !rule.optional || opts.optional));
}

/** Every finding, errors first, then by catalog order, then in component order. */
function ordered(perRule: Finding[][]): Finding[] {
  // Rules run in catalog order and each rule's findings carry its severity (types.ts `finding`), so
  // a stable sort of the rules' lists by severity is the order the contract asks for.
  const lists = perRule.filter((findings) => findings.length > 0);
  lists.sort((a, b) => SEVERITY_RANK[a[0]!.severity] - SEVERITY_RANK[b[0]!.severity]);
  return ([] as Finding[]).concat(...lists);
}

/** Every finding, errors first, then by catalog order, then in component order: every rule over the whole design. */
export function lint(t: Topology, opts: LintOptions = {}): Finding[] {
  return ordered(checkAll(t, selectedRules(opts)));
}

/** A checking session: it remembers the last design it checked, so the next version is checked incrementally. */
export interface Linter {
  /** `diff`: diffTopology(last design checked, t), when the caller has it already (the editor shares one with the renderer). */
  lint(t: Topology, diff?: TopologyDiff): Finding[];
  /** Builds the indexes the next incremental check needs first, for the last design checked (call it when idle). */
  prepare(): void;
}

/**
 * A linter of its own for one editor (or one `--fix` run). After `lint(prev)`, `lint(next)`
 * re-checks only what the edit from prev to next can affect (incremental.ts); the result is the
 * same as the full `lint(next)`.
 */
export function createLinter(opts: LintOptions = {}): Linter {
  const rules = selectedRules(opts);
  let last: Checked | undefined;
  return {
    lint(t, diff) {
      last = (last && (last.topology === t ? last : recheck(last, t, rules, diff))) ?? { topology: t, perRule: checkAll(t, rules) };
      return ordered(last.perRule);
    },
    prepare() {
      if (last) prepare(last);
    },
  };
}

/** Identity of a finding across edits: rule and components. */
export function findingKey(f: Pick<Finding, 'ruleId' | 'componentIds'>): string {
  return `${f.ruleId}\u0000${f.componentIds.join('\u0000')}`;
}

/** Applies a finding's fix; a finding without one leaves the topology as it is. */
export function applyFix(t: Topology, f: Finding): Topology {
  const rule = ruleById(f.ruleId);
  if (!rule?.fix || !f.fixable) return t;
  return rule.fix(t, f);
}

/**
 * Applies every available fix, re-checking after each round, until nothing fixable is left or a
 * round changes nothing (at most `maxRounds` rounds, so conflicting suggestions cannot loop).
 */
export function applyAllFixes(t: Topology, opts: LintOptions & { maxRounds?: number } = {}): Topology {
  const maxRounds = opts.maxRounds ?? 8;
  const linter = createLinter(opts);
  let current = t;
  let lastKeys = '';
  for (let round = 0; round < maxRounds; round++) {
    const fixable = linter.lint(current).filter((f) => f.fixable);
    if (fixable.length === 0) break;
    const keys = fixable.map(findingKey).join('\u0001');
    if (keys === lastKeys) break;
    lastKeys = keys;
    // Rule by rule: re-check once (earlier fixes may have resolved or changed its findings), then fix.
    for (const rule of RULES) {
      if (!rule.fix || !fixable.some((f) => f.ruleId === rule.id)) continue;
      for (const f of rule.check(current)) if (f.fixable) current = rule.fix(current, f);
    }
  }
  return current;
}
