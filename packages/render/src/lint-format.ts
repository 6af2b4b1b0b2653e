/**
 * Output formats of `vmtopo lint`: readable text grouped by component, JSON, and SARIF 2.1.0 for
 * code-scanning tools. Pure: findings (and the topology, for component names) in, a string out.
 */
import { type Finding, RULES, type Topology, describe, getComponent, namespaceOf, nameOf } from '@vmtopo/model';

type Level = 'error' | 'warning' | 'note';
const SARIF_LEVEL: Record<Finding['severity'], Level> = { error: 'error', warning: 'warning', info: 'note' };

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

/** Findings grouped by the component they are about (in order of first appearance). */
export function formatText(findings: Finding[], topology: Topology): string {
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
    lines.push(`${componentLabel(topology, id || undefined)}${id ? ` [${id}]` : ''}`);
    for (const f of list) {
      lines.push(`  ${f.severity.padEnd(7)} ${f.ruleId}: ${f.message}`);
      if (f.fixable && f.fixLabel) lines.push(`  ${''.padEnd(7)} fix: ${f.fixLabel}`);
    }
    lines.push('');
  }
  lines.push(count(findings));
  return `${lines.join('\n')}\n`;
}

/** `{"findings": [...]}`, each finding as the checker returns it. */
export function formatJson(findings: Finding[]): string {
  return `${JSON.stringify({ findings }, null, 2)}\n`;
}

/** The logical location of a component: `<namespace>/<CR kind>/<name>[/<part>]`. */
function logicalLocation(t: Topology, id: string) {
  const c = getComponent(t, id);
  if (!c) return { name: id, kind: 'resource' };
  const owner = c.cluster !== undefined ? getComponent(t, c.cluster) : undefined;
  const crKind = owner ? 'VMCluster' : c.kind;
  const fq = `${namespaceOf(t, c)}/${crKind}/${nameOf(t, c)}${owner ? `/${c.kind}` : ''}`;
  return { name: owner ? `${nameOf(t, c)}/${c.kind}` : (c.name ?? id), fullyQualifiedName: fq, kind: 'resource', properties: { componentId: id } };
}

/** SARIF 2.1.0: one run of the `vmtopo` driver, every catalog rule, one result per finding. */
export function formatSarif(findings: Finding[], topology: Topology, fileUri?: string): string {
  const ruleIndex = new Map(RULES.map((r, i) => [r.id, i]));
  const artifact = fileUri && fileUri !== '-' ? { uri: fileUri.replace(/\\/g, '/') } : undefined;
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'vmtopo',
            rules: RULES.map((r) => ({
              id: r.id,
              name: r.id,
              shortDescription: { text: r.title },
              fullDescription: { text: `${r.title}. Source: ${r.source}` },
              defaultConfiguration: { level: SARIF_LEVEL[r.severity] },
              properties: { source: r.source, ...(r.optional ? { optional: true } : {}) },
            })),
          },
        },
        ...(artifact ? { artifacts: [{ location: artifact }] } : {}),
        results: findings.map((f) => {
          const result: Record<string, unknown> = {
            ruleId: f.ruleId,
            level: SARIF_LEVEL[f.severity],
            message: { text: f.fixable && f.fixLabel ? `${f.message} (fix: ${f.fixLabel})` : f.message },
            locations: [
              {
                ...(artifact ? { physicalLocation: { artifactLocation: artifact } } : {}),
                logicalLocations: f.componentIds.map((id) => logicalLocation(topology, id)),
              },
            ],
            properties: { componentIds: f.componentIds, fixable: f.fixable, ...(f.fixLabel ? { fixLabel: f.fixLabel } : {}), ...(f.field ? { field: f.field } : {}) },
          };
          const idx = ruleIndex.get(f.ruleId);
          if (idx !== undefined) result.ruleIndex = idx;
          return result;
        }),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
