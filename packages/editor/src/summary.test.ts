import { addComponent, emptyTopology, lint, updateComponent, withField } from '@vmtopo/model';
import { describe, expect, it } from 'vitest';
import { designSummary, severityCounts, severityPhrase } from './summary.ts';

describe('design summary', () => {
  it('counts components, pods, namespaces, findings and kinds', () => {
    let t = emptyTopology('d');
    const agent = addComponent(t, 'VMAgent');
    t = updateComponent(agent.topology, agent.id, (c) => withField(withField(c, 'shardCount', 2), 'replicaCount', 2));
    const single = addComponent(t, 'VMSingle');
    t = updateComponent(single.topology, single.id, (c) => ({ ...c, namespace: 'team' }));
    const findings = lint(t);
    const s = designSummary(t, findings);
    expect(s).toMatchObject({ components: 2, pods: 5, links: 0, namespaces: [t.namespace, 'team'], kinds: [['VMAgent', 1], ['VMSingle', 1]] });
    expect(s.findings).toEqual(severityCounts(findings));
    expect(s.findings.error + s.findings.warning + s.findings.info).toBe(findings.length);
  });
  it('an empty design is in the design\'s namespace', () => {
    expect(designSummary(emptyTopology('d'), [])).toMatchObject({ components: 0, pods: 0, namespaces: [emptyTopology('d').namespace], kinds: [] });
  });
});

describe('severity phrase', () => {
  it('names the severities that occur, worst first, singular for one', () => {
    expect(severityPhrase({ error: 1, warning: 4, info: 0 })).toBe('1 error · 4 warnings');
    expect(severityPhrase({ error: 0, warning: 1, info: 2 })).toBe('1 warning · 2 info');
    expect(severityPhrase({ error: 0, warning: 0, info: 0 })).toBe('no findings');
  });
});
