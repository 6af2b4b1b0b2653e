import { lint } from '@vmtopo/model';
import { describe, expect, test } from 'vitest';
import { formatJson, formatText } from './lint-format.ts';
import { haDesign } from '../../model/src/fixtures/ha-design.ts';
import { broken } from './testing/lint-designs.ts';

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

describe('locations', () => {
  test('text puts each component at its file and line; json gives each finding its location', () => {
    const t = broken();
    const findings = lint(t);
    const at = (id: string, field?: string) => ({ file: `k8s/${id}.yaml`, line: field ? 8 : 2, col: 1 });
    expect(formatText(findings, t, at)).toContain("vmstorage of vmcluster 'main' [vmcluster-main-vmstorage] k8s/vmcluster-main-vmstorage.yaml:2\n");
    const json = JSON.parse(formatJson(findings, at)).findings as { componentIds: string[]; field?: string; location: unknown }[];
    for (const f of json) expect(f.location).toEqual(at(f.componentIds[0]!, f.field));
    expect(JSON.parse(formatJson(findings)).findings[0].location).toBeUndefined();
  });
});
