/**
 * SARIF 2.1.0 for code-scanning tools (GitHub code scanning, IDE viewers): one run of the
 * `vmtopo` driver with every catalog rule (descriptions, help and the catalog source link) and one
 * result per finding, located at the file and line of its object — of its field where known.
 */
import { pathToFileURL } from 'node:url';
import { type Finding, RULES, type Topology, getComponent, namespaceOf, nameOf } from '@vmtopo/model';
import { type Locate, findingPlace } from './lint-format.ts';
import { sourceUrls } from './rule-sources.ts';

type Level = 'error' | 'warning' | 'note';
const SARIF_LEVEL: Record<Finding['severity'], Level> = { error: 'error', warning: 'warning', info: 'note' };

/** A file as a SARIF URI: relative paths stay relative (to the checkout, where CI runs), absolute ones become file: URIs. */
function fileUri(file: string): string {
  const posix = file.replace(/\\/g, '/');
  return posix.startsWith('/') || /^[A-Za-z]:\//.test(posix) ? pathToFileURL(file).href : posix.split('/').map(encodeURIComponent).join('/');
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

function physicalLocation(place: ReturnType<Locate>) {
  if (!place) return undefined;
  return {
    artifactLocation: { uri: fileUri(place.file) },
    // Code scanning needs a line: a design document has none to give, so its results sit on line 1.
    region: { startLine: place.line ?? 1, ...(place.col !== undefined ? { startColumn: place.col } : {}) },
  };
}

function rule(r: (typeof RULES)[number]) {
  const urls = sourceUrls(r.source);
  const help = `${r.title}.\n\nSource: ${r.source}${urls.length > 0 ? `\n${urls.join('\n')}` : ''}`;
  return {
    id: r.id,
    name: r.id,
    shortDescription: { text: r.title },
    fullDescription: { text: `${r.title}. Source: ${r.source}` },
    help: { text: help, markdown: `**${r.title}.**\n\nSource: ${r.source}${urls.map((u) => `\n- <${u}>`).join('')}` },
    ...(urls[0] ? { helpUri: urls[0] } : {}),
    defaultConfiguration: { level: SARIF_LEVEL[r.severity] },
    properties: { source: r.source, ...(urls.length > 0 ? { sourceUrls: urls } : {}), ...(r.optional ? { optional: true } : {}) },
  };
}

/** SARIF 2.1.0: one run of the `vmtopo` driver, every catalog rule, one result per finding. */
export function formatSarif(findings: Finding[], topology: Topology, locate?: Locate, version?: string): string {
  const ruleIndex = new Map(RULES.map((r, i) => [r.id, i]));
  const files = new Set<string>();
  const results = findings.map((f) => {
    const place = physicalLocation(findingPlace(f, locate));
    if (place) files.add(place.artifactLocation.uri);
    const related = f.componentIds.slice(1).flatMap((id, i) => {
      const at = physicalLocation(locate?.(id));
      return at ? [{ id: i + 1, physicalLocation: at, message: { text: logicalLocation(topology, id).name } }] : [];
    });
    const result: Record<string, unknown> = {
      ruleId: f.ruleId,
      level: SARIF_LEVEL[f.severity],
      message: { text: f.fixable && f.fixLabel ? `${f.message} (fix: ${f.fixLabel})` : f.message },
      locations: [{ ...(place ? { physicalLocation: place } : {}), logicalLocations: f.componentIds.map((id) => logicalLocation(topology, id)) }],
      ...(related.length > 0 ? { relatedLocations: related } : {}),
      properties: { componentIds: f.componentIds, fixable: f.fixable, ...(f.fixLabel ? { fixLabel: f.fixLabel } : {}), ...(f.field ? { field: f.field } : {}) },
    };
    const idx = ruleIndex.get(f.ruleId);
    if (idx !== undefined) result.ruleIndex = idx;
    return result;
  });
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'vmtopo', ...(version ? { version } : {}), rules: RULES.map(rule) } },
        ...(files.size > 0 ? { artifacts: [...files].map((uri) => ({ location: { uri } })) } : {}),
        results,
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
