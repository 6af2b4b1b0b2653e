import type { Topology } from '../topology.ts';

export type Severity = 'error' | 'warning' | 'info';

export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** One problem the HA checker found, phrased so that a user can act on it. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  /** The components involved; the first is the one the finding is about (and the fix edits). */
  componentIds: string[];
  /** A field key (from kinds/*.ts) of the first component, when the finding is about one field. */
  field?: string;
  fixable: boolean;
  /** What the fix does, e.g. "Set dedup.minScrapeInterval to 30s". */
  fixLabel?: string;
}

/** A rule of the HA catalog (vm-domain.md §c): data plus pure functions. */
export interface Rule {
  id: string;
  severity: Severity;
  title: string;
  /** Where the rule comes from (code and docs, as cited in the catalog). */
  source: string;
  /** One of the catalog's lower-priority checks; `lint` runs it only when asked. */
  optional?: boolean;
  /** Not an HA rule of the catalog: a field the CRD requires, without which the YAML is refused. */
  required?: boolean;
  check(t: Topology): Finding[];
  /** Pure: a topology without this finding and without any new error-level finding. */
  fix?(t: Topology, finding: Finding): Topology;
}

/** A finding of `rule`; with `fixLabel` it is fixable (positional, not an options object: thousands are made per lint). */
export function finding(rule: Pick<Rule, 'id' | 'severity'>, componentIds: string[], message: string, field?: string, fixLabel?: string): Finding {
  const { id: ruleId, severity } = rule;
  // One literal per shape, the keys in one order: a key added later would go to a second block of
  // properties, and findings are most of what a lint allocates and keeps.
  if (fixLabel !== undefined) {
    return field !== undefined
      ? { ruleId, severity, message, componentIds, fixable: true, field, fixLabel }
      : { ruleId, severity, message, componentIds, fixable: true, fixLabel };
  }
  return field !== undefined ? { ruleId, severity, message, componentIds, fixable: false, field } : { ruleId, severity, message, componentIds, fixable: false };
}
