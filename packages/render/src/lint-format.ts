/**
 * Output formats of `vmtopo lint` for people: readable text grouped by component, and JSON (SARIF
 * and GitHub workflow commands for CI are lint-sarif.ts and lint-github.ts). Pure: findings (and
 * the topology, for component names) in, a string out.
 */
import { type Finding, type Topology, describe, getComponent } from '@vmtopo/model';

/** Where a finding's component, or its field, is written: the CLI's view of the import's sourceOf. */
export type Locate = (componentId: string, field?: string) => { file: string; line?: number; col?: number } | undefined;

/** The place of a finding: its first component, at its field when the finding names one. */
export function findingPlace(f: Finding, locate: Locate | undefined) {
  const id = f.componentIds[0];
  return id === undefined ? undefined : locate?.(id, f.field);
}

function componentLabel(t: Topology, id: string | undefined): string {
  if (id === undefined) return 'design';
  const c = getComponent(t, id);
  return c ? describe(t, c) : id;
}

function count(findings: Finding[]): string {
  const n = { error: 0, warning: 0, info: 0 };
  for (const f of findings) n[f.severity]++;
  const part = (k: number, word: string) => `${k} ${word}${k === 1 || word === 'info' ? '' : 's'}`;
  const fixable = findings.filter((f) => f.fixable).length;
  return `${part(n.error, 'error')}, ${part(n.warning, 'warning')}, ${part(n.info, 'info')}${fixable ? ` (${fixable} fixable with --fix)` : ''}`;
}

/** `file:line`, as editors and terminals make clickable. */
function placeText(place: ReturnType<Locate>): string {
  return place ? ` ${place.file}${place.line !== undefined ? `:${place.line}` : ''}` : '';
}

/** Findings grouped by the component they are about (in order of first appearance), each group at the file and line of its component. */
export function formatText(findings: Finding[], topology: Topology, locate?: Locate): string {
  if (findings.length === 0) return 'No findings: the design passes every HA check.\n';
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = f.componentIds[0] ?? '';
    const list = groups.get(key);
    if (list) list.push(f);
    else groups.set(key, [f]);
  }
  const lines: string[] = [];
  for (const [id, list] of groups) {
    lines.push(`${componentLabel(topology, id || undefined)}${id ? ` [${id}]${placeText(locate?.(id))}` : ''}`);
    for (const f of list) {
      lines.push(`  ${f.severity.padEnd(7)} ${f.ruleId}: ${f.message}`);
      if (f.fixable && f.fixLabel) lines.push(`  ${''.padEnd(7)} fix: ${f.fixLabel}`);
    }
    lines.push('');
  }
  lines.push(count(findings));
  return `${lines.join('\n')}\n`;
}

/** `{"findings": [...]}`, each finding as the checker returns it, plus its `location` (file, line, column) when known. */
export function formatJson(findings: Finding[], locate?: Locate): string {
  const located = findings.map((f) => {
    const location = findingPlace(f, locate);
    return location ? { ...f, location } : f;
  });
  return `${JSON.stringify({ findings: located }, null, 2)}\n`;
}
