import { describe, expect, it } from 'vitest';
import { ImportError, importManifests } from './import.ts';
import { renderYaml } from './yaml.ts';
import { seedFixtures } from './testing/seed.ts';

const seed = Object.fromEntries(seedFixtures().map((f) => [f.name, f.text]));

function problems(text: string): string[] {
  try {
    importManifests(text);
  } catch (e) {
    expect(e).toBeInstanceOf(ImportError);
    return (e as ImportError).problems.map((p) => p.message);
  }
  throw new Error('expected an ImportError');
}

describe('import', () => {
  it('rebuilds links from URLs and selectors when their targets are in the input', () => {
    const { topology, warnings } = importManifests([seed['vmsingle-dedup'], seed['vmagent-ha']].join('\n---\n'));
    expect(topology.links).toEqual([
      { id: 'remoteWrite-vmagent-example-vmagent-vmsingle-example-vmsingle-persisted', type: 'remoteWrite', source: 'vmagent-example-vmagent', target: 'vmsingle-example-vmsingle-persisted' },
    ]);
    expect(warnings).toContain('line 24: VMAgent/example-vmagent: spec.vmAgentExternalLabelName is deprecated; use spec.externalLabelName (rewritten)');
  });

  it('turns per-pod notifier URLs into one link that follows the replica count', () => {
    const yaml = seed['alertmanager-ha']!.replace('namespace: default\n  labels', 'namespace: default\n  labels') + '\n---\n' + seed['vmalert-fqdns'];
    const { topology } = importManifests(yaml);
    const notifier = topology.links.find((l) => l.type === 'notifier')!;
    expect(notifier).toMatchObject({ target: 'vmalertmanager-example', notify: 'pods' });
    expect(notifier.pods).toBeUndefined();
  });

  it('resolves a notifier selector to the alertmanager whose labels it matches', () => {
    const { topology } = importManifests(seed['alertmanager-ha'] + '\n---\n' + seed['vmalert-selector']);
    expect(topology.links.find((l) => l.type === 'notifier')).toMatchObject({ target: 'vmalertmanager-example' });
  });

  it('keeps URLs it cannot resolve, with a warning, and other kinds verbatim', () => {
    const { topology, warnings, kept } = importManifests(seed['vmalert-cluster']!);
    expect(kept).toEqual([]);
    expect(topology.links.filter((l) => l.external)).toHaveLength(2);
    expect(warnings.some((w) => w.includes("alertmanager-operated, the prometheus-operator's naming"))).toBe(true);
    expect(warnings.some((w) => w.includes('spec.replicas is not a field; use spec.replicaCount'))).toBe(true);
    expect(renderYaml(topology)).toContain('url: http://alertmanager-operated.default.svc:9093');
  });

  it('reads alertmanager-operated as the Service of the only alertmanager in its namespace', () => {
    const { topology, warnings, kept } = importManifests(seed['vmalert-cluster']! + '\n---\n' + seed['alertmanager-ha']);
    expect(kept).toEqual(['Secret/vmalertmanager-example-alertmanager']);
    expect(topology.links.find((l) => l.type === 'notifier')).toMatchObject({ target: 'vmalertmanager-example', notify: 'service', single: true });
    expect(warnings.some((w) => w.includes("read as the Service of vmalertmanager 'example'"))).toBe(true);
    expect(renderYaml(topology)).toContain('url: http://vmalertmanager-example.default.svc:9093');
  });

  it('keeps .svc.cluster.local hosts and tenants as written', () => {
    const yaml = `${seed.vmcluster}\n---\n${seed['vmagent-cluster']!.replace('/insert/0/', '/insert/7:1/')}`;
    const { topology } = importManifests(yaml);
    expect(topology.links[0]).toMatchObject({ target: 'vmcluster-example-vmcluster-persistent-vminsert', clusterDomain: true, tenant: '7:1' });
    expect(renderYaml(topology)).toContain('http://vminsert-example-vmcluster-persistent.default.svc.cluster.local:8480/insert/7:1/prometheus/api/v1/write');
  });

  it('names line, object and field of bad input', () => {
    expect(problems('kind: [')[0]).toMatch(/^invalid YAML|line 1/);
    expect(problems('apiVersion: v1\nkind: ConfigMap\n---\n- 1\n- 2\n')[0]).toMatch(/line 4: document 2 is not a Kubernetes object/);
    expect(problems('foo: 1\n')[0]).toMatch(/document 1 has no apiVersion and kind/);
    const bad = 'apiVersion: operator.victoriametrics.com/v1beta1\nkind: VMSingle\nmetadata:\n  name: main\nspec:\n  retentionPeriod: 1m\n';
    expect(problems(bad)).toEqual([`line 6: vmsingle 'main': retentionPeriod "1m" must be a number of months (e.g. 1) or a number with h, d, w or y (e.g. 30d); "m" is not allowed`]);
    const cluster = 'apiVersion: operator.victoriametrics.com/v1beta1\nkind: VMCluster\nmetadata:\n  name: c\nspec:\n  vmstorage:\n    replicaCount: two\n';
    expect(problems(cluster)[0]).toMatch(/^line 7: vmstorage of vmcluster 'c': replicaCount "two" must be a whole number/);
    expect(problems('')[0]).toMatch(/no Kubernetes objects/);
  });

  it('puts objects without a namespace into the default namespace given (kubectl: "default")', () => {
    const yaml = 'apiVersion: operator.victoriametrics.com/v1beta1\nkind: VMAuth\nmetadata:\n  name: a\nspec: {}\n';
    expect(importManifests(yaml).topology.namespace).toBe('default');
    expect(importManifests(yaml, { defaultNamespace: 'monitoring' }).topology.namespace).toBe('monitoring');
  });

  it('drops server-set metadata and status with a warning', () => {
    const yaml = 'apiVersion: operator.victoriametrics.com/v1beta1\nkind: VMAuth\nmetadata:\n  name: a\n  uid: 123\n  resourceVersion: "9"\n  finalizers: [x]\nspec: {}\nstatus:\n  phase: ok\n';
    const { topology, warnings } = importManifests(yaml);
    expect(topology.components[0]!.metadata).toEqual({ finalizers: ['x'] });
    expect(warnings).toEqual(['VMAuth/a: status was dropped (the operator writes it)', 'VMAuth/a: metadata resourceVersion, uid dropped (set by the API server)']);
  });
});
