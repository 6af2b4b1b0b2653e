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
