/**
 * The one place where the designer reaches the checker and the renderer. Everything HA-related
 * (findings, fixes) and every byte of YAML comes from @vmtopo/model and @vmtopo/render; this
 * module only adapts their entry points, so a change of API touches this file alone.
 */
import * as model from '@vmtopo/model';
import type { Topology } from '@vmtopo/model';
import * as render from '@vmtopo/render';

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  componentIds: string[];
  /** A FieldDef key of the first component, when the finding is about one field. */
  field?: string;
  fixable: boolean;
  fixLabel?: string;
}

interface CheckerApi {
  lint?: (t: Topology) => Finding[];
  applyFix?: (t: Topology, f: Finding) => Topology;
}

const checker = model as unknown as CheckerApi;

/** Whether the checker package is present (the designer says so instead of showing "no findings"). */
export const checkerAvailable = (): boolean => typeof checker.lint === 'function';

export function lint(t: Topology): Finding[] {
  return checker.lint ? checker.lint(t) : [];
}

export function applyFix(t: Topology, f: Finding): Topology {
  if (!checker.applyFix) throw new Error('the checker is not available');
  return checker.applyFix(t, f);
}

/** The design as multi-document operator YAML, exactly what `vmtopo render` prints. */
export function renderYaml(t: Topology): string {
  return render.renderYaml(t);
}

/** Operator manifests as a design; throws with a line-numbered message on bad YAML. */
export function importManifests(text: string): { topology: Topology; warnings: string[] } {
  const r = render.importManifests(text);
  return { topology: r.topology, warnings: r.warnings };
}

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
