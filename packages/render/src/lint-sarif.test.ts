import { RULES, lint } from '@vmtopo/model';
import { describe, expect, test } from 'vitest';
import { haDesign } from '../../model/src/fixtures/ha-design.ts';
import { formatGithub } from './lint-github.ts';
import { formatSarif } from './lint-sarif.ts';
import { broken, edit } from './testing/lint-designs.ts';

describe('formatSarif', () => {
  test('is a SARIF 2.1.0 run of the vmtopo driver with every rule and one result per finding', () => {
    const t = broken();
    const findings = lint(t);
    const sarif = JSON.parse(formatSarif(findings, t, () => ({ file: 'designs/ha.vmtopo.json' })));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs).toHaveLength(1);
    const run = sarif.runs[0];
    expect(run.tool.driver.name).toBe('vmtopo');
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(RULES.map((r) => r.id));
    for (const r of run.tool.driver.rules) {
      expect(r.shortDescription.text.length).toBeGreaterThan(0);
      expect(['error', 'warning', 'note']).toContain(r.defaultConfiguration.level);
    }
    expect(run.results).toHaveLength(findings.length);
    run.results.forEach((r: Record<string, any>, i: number) => {
      const f = findings[i]!;
      expect(r.ruleId).toBe(f.ruleId);
      expect(run.tool.driver.rules[r.ruleIndex].id).toBe(f.ruleId);
      expect(r.level).toBe({ error: 'error', warning: 'warning', info: 'note' }[f.severity]);
      expect(r.message.text).toContain(f.message);
      expect(r.locations[0].physicalLocation.artifactLocation.uri).toBe('designs/ha.vmtopo.json');
      expect(r.locations[0].logicalLocations.map((l: { properties: { componentId: string } }) => l.properties.componentId)).toEqual(f.componentIds);
    });
    const rf = run.results.find((r: { ruleId: string }) => r.ruleId === 'vmcluster-rf-exceeds-storage');
    expect(rf.locations[0].logicalLocations[0]).toMatchObject({
      name: 'main/vmstorage',
      fullyQualifiedName: 'monitoring/VMCluster/main/vmstorage',
      kind: 'resource',
    });
    const am = run.results.find((r: { ruleId: string }) => r.ruleId === 'alertmanager-no-config');
    expect(am.locations[0].logicalLocations[0]).toMatchObject({ name: 'alertmanager', fullyQualifiedName: 'monitoring/VMAlertmanager/alertmanager' });
  });
  test('info findings are notes, and input without a file (stdin) has no physical location', () => {
    const t = edit(haDesign(), 'vmalertmanager-alertmanager', (s) => ({ ...s, replicaCount: 4 }));
    const sarif = JSON.parse(formatSarif(lint(t), t));
    const [r] = sarif.runs[0].results;
    expect(r.ruleId).toBe('alertmanager-even-replicas');
    expect(r.level).toBe('note');
    expect(r.locations[0].physicalLocation).toBeUndefined();
    expect(sarif.runs[0].artifacts).toBeUndefined();
  });

  test('rules carry help text and the catalog source link; results sit at the line and column given, related components too', () => {
    const t = broken();
    const findings = lint(t);
    const at = (id: string, field?: string) => ({ file: `manifests/${id}.yaml`, line: field ? 7 : 2, col: field ? 5 : 1 });
    const run = JSON.parse(formatSarif(findings, t, at, '1.2.3')).runs[0];
    expect(run.tool.driver.version).toBe('1.2.3');
    const rf = run.tool.driver.rules.find((r: { id: string }) => r.id === 'vmcluster-rf-exceeds-storage');
    expect(rf.helpUri).toMatch(/^https:\/\/github\.com\/VictoriaMetrics\/VictoriaMetrics\/blob\/[0-9a-f]{40}\/docs\/victoriametrics\/Cluster-VictoriaMetrics\.md/);
    expect(rf.help.text).toContain(RULES.find((r) => r.id === 'vmcluster-rf-exceeds-storage')!.source);
    run.results.forEach((r: Record<string, any>, i: number) => {
      const f = findings[i]!;
      const place = at(f.componentIds[0]!, f.field);
      expect(r.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: place.file }, region: { startLine: place.line, startColumn: place.col } });
      expect((r.relatedLocations ?? []).map((l: any) => l.physicalLocation.artifactLocation.uri)).toEqual(f.componentIds.slice(1).map((id) => `manifests/${id}.yaml`));
    });
    expect(run.artifacts.map((a: { location: { uri: string } }) => a.location.uri).sort()).toEqual([...new Set(findings.map((f) => `manifests/${f.componentIds[0]}.yaml`))].sort());
    // Absolute paths become file: URIs, spaces escaped.
    const abs = JSON.parse(formatSarif(findings.slice(0, 1), t, () => ({ file: '/tmp/my dir/a.yaml', line: 3 }))).runs[0].results[0];
    expect(abs.locations[0].physicalLocation.artifactLocation.uri).toBe('file:///tmp/my%20dir/a.yaml');
  });
});

describe('formatGithub', () => {
  test('one workflow command per finding at its file, line and column, escaped', () => {
    const t = broken();
    const findings = lint(t);
    const lines = formatGithub(findings, (id, field) => ({ file: `k8s/${id}.yaml`, line: field ? 9 : 4, col: 3 })).trimEnd().split('\n');
    expect(lines).toHaveLength(findings.length);
    lines.forEach((l, i) => {
      const f = findings[i]!;
      const cmd = { error: 'error', warning: 'warning', info: 'notice' }[f.severity];
      expect(l).toBe(`::${cmd} file=k8s/${f.componentIds[0]}.yaml,line=${f.field ? 9 : 4},col=3,title=vmtopo ${f.ruleId}::${(f.fixable && f.fixLabel ? `${f.message} (fix: ${f.fixLabel})` : f.message).replace(/%/g, '%25')}`);
    });
    const weird = formatGithub([{ ...findings[0]!, message: '50% down\nnext: line', fixable: false }], () => ({ file: 'a,b:c.yaml', line: 1 }));
    expect(weird).toBe(`::error file=a%2Cb%3Ac.yaml,line=1,title=vmtopo ${findings[0]!.ruleId}::50%25 down%0Anext: line\n`);
    expect(formatGithub([])).toBe('');
  });
});
