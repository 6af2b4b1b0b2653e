import { validateTopology } from '@vmtopo/model';
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
