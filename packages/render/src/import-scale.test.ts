import { operations } from '@vmtopo/model/fixtures/operations.ts';
import { describe, expect, test } from 'vitest';
import { importManifests } from './import.ts';

/** One VMAgent with n remote-write URLs outside the design and n to VMSingles of it. */
function fanOutYaml(n: number): string {
  const singles = Array.from({ length: n }, (_, i) => `apiVersion: operator.victoriametrics.com/v1beta1\nkind: VMSingle\nmetadata:\n  name: s${i}\n  namespace: monitoring\nspec: {}\n`);
  const urls = Array.from({ length: n }, (_, i) => [`    - url: https://remote-${i}.example.com/api/v1/write`, `    - url: http://vmsingle-s${i}.monitoring.svc:8428/api/v1/write`]).flat();
  const agent = `apiVersion: operator.victoriametrics.com/v1beta1\nkind: VMAgent\nmetadata:\n  name: fanout\n  namespace: monitoring\nspec:\n  remoteWrite:\n${urls.join('\n')}\n`;
  return [agent, ...singles].join('---\n');
}

describe('import at scale', () => {
  test('one agent with thousands of URLs imports in linear work (unique link ids and duplicate checks do not rescan earlier links)', () => {
    const r = importManifests(fanOutYaml(50));
    expect(r.topology.links.filter((l) => l.external)).toHaveLength(50);
    expect(r.topology.links.filter((l) => l.target)).toHaveLength(50);
    expect(new Set(r.topology.links.map((l) => l.id)).size).toBe(100);
    const [small, large] = [400, 800].map((n) => operations(() => importManifests(fanOutYaml(n))));
    expect(large! / small!).toBeLessThan(2.3);
  });
});
