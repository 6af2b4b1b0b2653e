import { describe, expect, it } from 'vitest';
import { agent, design, externalLink, link, single } from './fixtures/build.ts';
import { validateTopology } from './validate.ts';

describe('validateTopology: what no manifest could carry is refused from a document or link too', () => {
  it('names an invalid Kubernetes label of a component', () => {
    const t = design([single('db', {}, { labels: { 'bad key!': 'x' } })]);
    expect(validateTopology(t)).toMatchObject([{ componentId: 'vmsingle-db', field: 'labels', message: expect.stringMatching(/^vmsingle 'db': metadata\.labels /) }]);
  });

  it('names a remote-write entry whose maxDiskUsage is not a VictoriaMetrics size, to a component or kept verbatim', () => {
    const a = agent('a');
    const t = design([a, single('db')], [link('remoteWrite', a.id, 'vmsingle-db', { extra: { maxDiskUsage: '1Gi' } }), { ...externalLink('remoteWrite', a.id, 'http://x:8429/api/v1/write'), external: { url: 'http://x:8429/api/v1/write', maxDiskUsage: 'lots' } }]);
    const problems = validateTopology(t);
    expect(problems.map((p) => [p.field, p.value])).toEqual([
      ['maxDiskUsage', '1Gi'],
      ['maxDiskUsage', 'lots'],
    ]);
    expect(problems[0]!.message).toMatch(/^vmagent 'a': remoteWrite\[0\]\.maxDiskUsage "1Gi" /);
    expect(problems[1]!.message).toMatch(/remoteWrite\[1\]\.maxDiskUsage "lots"/);
  });

  it('accepts valid labels and sizes', () => {
    const a = agent('a', {}, { labels: { 'app.kubernetes.io/name': 'x' } });
    expect(validateTopology(design([a, single('db')], [link('remoteWrite', a.id, 'vmsingle-db', { extra: { maxDiskUsage: '1GiB' } })]))).toEqual([]);
  });
});
