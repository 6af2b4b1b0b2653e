import { RULES, lint, type Topology } from '@vmtopo/model';
import { describe, expect, test } from 'vitest';
import { haDesign } from '../../model/src/fixtures/ha-design.ts';
import { formatJson, formatSarif, formatText } from './lint-format.ts';

/** The HA design with a few problems: vmstorage below RF, single vmalert, alertmanager without config. */
function broken(): Topology {
  let t = haDesign();
  t = edit(t, 'vmcluster-main-vmstorage', (s) => ({ ...s, replicaCount: 1 }));
  t = edit(t, 'vmalert-rules', (s) => ({ ...s, replicaCount: 1 }));
  t = edit(t, 'vmalertmanager-alertmanager', ({ configSecret: _c, ...s }) => s);
  return t;
}

function edit(t: Topology, id: string, f: (s: Record<string, unknown>) => Record<string, unknown>): Topology {
  return { ...t, components: t.components.map((c) => (c.id === id ? { ...c, spec: f(structuredClone(c.spec)) } : c)) };
}

describe('formatText', () => {
  test('groups findings by component, with severity, rule, message and fix', () => {
    const t = broken();
    const text = formatText(lint(t), t);
    expect(text).toContain("vmstorage of vmcluster 'main' [vmcluster-main-vmstorage]");
    expect(text).toMatch(/ {2}error {3}vmcluster-rf-exceeds-storage: vmcluster 'main' has replicationFactor 2 but only 1 vmstorage node/);
    expect(text).toContain('fix: Set vmstorage replicaCount to 3');
    expect(text).toContain("vmalertmanager 'alertmanager' [vmalertmanager-alertmanager]");
    expect(text).toMatch(/warning alertmanager-no-config: /);
    // One header per component, even with several findings.
    expect(text.split('\n').filter((l) => l.startsWith("vmstorage of vmcluster 'main'"))).toHaveLength(1);
    expect(text.trimEnd().split('\n').at(-1)).toMatch(/^1 error, \d+ warnings, \d+ info \(\d+ fixable with --fix\)$/);
  });
  test('says so when there is nothing to report', () => {
    expect(formatText([], haDesign())).toBe('No findings: the design passes every HA check.\n');
  });
});

describe('formatJson', () => {
  test('is {"findings": [...]} with the findings unchanged', () => {
    const findings = lint(broken());
    expect(JSON.parse(formatJson(findings))).toEqual({ findings });
    expect(JSON.parse(formatJson([]))).toEqual({ findings: [] });
  });
});

describe('formatSarif', () => {
  test('is a SARIF 2.1.0 run of the vmtopo driver with every rule and one result per finding', () => {
    const t = broken();
    const findings = lint(t);
    const sarif = JSON.parse(formatSarif(findings, t, 'designs/ha.vmtopo.json'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs).toHaveLength(1);
    const run = sarif.runs[0];
    expect(run.tool.driver.name).toBe('vmtopo');
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(RULES.map((r) => r.id));
    for (const r of run.tool.driver.rules) {
      expect(r.shortDescription.text.length).toBeGreaterThan(0);
      expect(r.helpUri).toBeUndefined();
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
  test('info findings are notes, and stdin input has no physical location', () => {
    const t = edit(haDesign(), 'vmalertmanager-alertmanager', (s) => ({ ...s, replicaCount: 4 }));
    const sarif = JSON.parse(formatSarif(lint(t), t, '-'));
    const [r] = sarif.runs[0].results;
    expect(r.ruleId).toBe('alertmanager-even-replicas');
    expect(r.level).toBe('note');
    expect(r.locations[0].physicalLocation).toBeUndefined();
    expect(sarif.runs[0].artifacts).toBeUndefined();
  });
});
