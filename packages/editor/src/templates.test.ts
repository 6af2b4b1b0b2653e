import { analyse, lint, validateTopology } from '@vmtopo/model';
import { describe, expect, it } from 'vitest';
import { TEMPLATES } from './templates.ts';

describe('templates', () => {
  it.each(TEMPLATES.map((t) => [t.id, t] as const))('%s is a valid design with every component placed', (_id, tpl) => {
    const t = tpl.build();
    expect(validateTopology(t)).toEqual([]);
    for (const c of t.components) expect(c.position).toBeDefined();
  });
  it('the sharded template runs 5 shards × 2 replicas', () => {
    const t = TEMPLATES.find((x) => x.id === 'sharded-agents')!.build();
    const agent = t.components.find((c) => c.kind === 'VMAgent')!;
    expect(agent.spec).toMatchObject({ shardCount: 5, replicaCount: 2 });
  });
});

describe('templates are their scenario done right', () => {
  const ids = (t: ReturnType<typeof lint>, severity: string) => t.filter((f) => f.severity === severity).map((f) => f.ruleId);
  it.each(TEMPLATES.map((t) => [t.id, t] as const))('%s opens with no error and no warning but vmsingle-spof, and no info', (_id, tpl) => {
    const t = tpl.build();
    const findings = lint(t);
    expect(ids(findings, 'error')).toEqual([]);
    expect(ids(findings, 'warning').filter((id) => id !== 'vmsingle-spof')).toEqual([]);
    expect(ids(findings, 'info')).toEqual([]);
    // Only a template about a VMSingle keeps vmsingle-spof, and its description says so.
    if (ids(findings, 'warning').includes('vmsingle-spof')) {
      expect(t.components.some((c) => c.kind === 'VMSingle')).toBe(true);
      expect(tpl.summary).toContain('vmsingle-spof');
    }
  });
  it('the VMCluster template survives the loss of any pod and of any node', () => {
    const t = TEMPLATES.find((x) => x.id === 'vmcluster')!.build();
    const { survives } = analyse(t);
    expect(survives.pod).toBe(true);
    expect(survives.node).toBe(true);
  });
  it('replicas are spread with DoNotSchedule on hostname and drained one at a time', () => {
    for (const tpl of TEMPLATES) {
      for (const c of tpl.build().components) {
        if (typeof c.spec.replicaCount !== 'number' || c.spec.replicaCount < 2) continue;
        expect(c.spec.topologySpreadConstraints, `${tpl.id}/${c.name}`).toEqual([
          { maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'DoNotSchedule' },
        ]);
        expect(c.spec.podDisruptionBudget, `${tpl.id}/${c.name}`).toEqual({ maxUnavailable: 1 });
      }
    }
  });
});

describe('alertmanagers in templates', () => {
  it('are selected by label: the notifier renders a selector and reads back as one', async () => {
    const { renderYaml } = await import('./core.ts');
    const { applyYamlText } = await import('./yamlSync.ts');
    const t = TEMPLATES.find((x) => x.id === 'ha-vmalert')!.build();
    const am = t.components.find((c) => c.kind === 'VMAlertmanager')!;
    expect(am.labels).toEqual({ 'app.kubernetes.io/instance': 'alertmanager' });
    const yaml = renderYaml(t);
    expect(yaml).toContain('selector:');
    expect(yaml).not.toMatch(/vmalertmanager-alertmanager-0\./);
    expect(applyYamlText(t, yaml)).toEqual({ ok: true, topology: null });
    expect(t.links.find((l) => l.type === 'notifier')?.notify ?? 'selector').toBe('selector');
  });
});
