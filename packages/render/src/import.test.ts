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

  it('keeps a URL whose tenant the model does not accept as written, and says why', () => {
    const yaml = `${seed.vmcluster}\n---\n${seed['vmagent-cluster']!.replace('/insert/0/', '/insert/seven/')}`;
    const { topology, warnings } = importManifests(yaml);
    expect(topology.links.map((l) => l.external)).toEqual([{ url: expect.stringContaining('/insert/seven/') }]);
    expect(warnings.join('\n')).toContain('has path "/insert/seven/prometheus/api/v1/write", not /insert/<tenant>/prometheus/api/v1/write; kept as written');
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

  it('reads VictoriaMetrics sizes (5GB, 10GB) for the queue and refuses Kubernetes quantities there', () => {
    const agent = (settings: string, perUrl: string) =>
      `apiVersion: operator.victoriametrics.com/v1beta1\nkind: VMAgent\nmetadata:\n  name: sample\nspec:\n  remoteWrite:\n    - url: "http://vmsingle-dc-1.default.svc:8429/api/v1/write"\n      maxDiskUsage: ${perUrl}\n  remoteWriteSettings:\n    maxDiskUsagePerURL: ${settings}\n`;
    const { topology } = importManifests(agent('5GB', '10GB'));
    expect(topology.components[0]!.spec.remoteWriteSettings).toEqual({ maxDiskUsagePerURL: '5GB' });
    expect(topology.links[0]!.external).toEqual({ url: 'http://vmsingle-dc-1.default.svc:8429/api/v1/write', maxDiskUsage: '10GB' });
    expect(importManifests(agent('1073741824', '1GiB')).topology.components).toHaveLength(1);
    expect(problems(agent('1Gi', '10GB'))).toEqual([
      `line 10: vmagent 'sample': maxDiskUsagePerURL "1Gi" must be a VictoriaMetrics size: a whole number of bytes, or a whole number with KB, MB, GB, TB (powers of 1000) or KiB, MiB, GiB, TiB (powers of 1024), such as 1GiB or 500MB; Kubernetes units such as Gi and Mi are not accepted (write 1GiB)`,
    ]);
    expect(problems(agent('5GB', '500Mi'))[0]).toMatch(/^line 8: vmagent 'sample': spec\.remoteWrite\.0\.maxDiskUsage "500Mi" must be a VictoriaMetrics size: .*\(write 500MiB\)$/);
  });

  it('external labels are Prometheus labels: any text as value, Prometheus names as keys', () => {
    const agent = (labels: string) =>
      `apiVersion: operator.victoriametrics.com/v1beta1\nkind: VMAgent\nmetadata:\n  name: scraper\n  namespace: obs\nspec:\n  externalLabels:\n${labels}\n  remoteWrite:\n    - url: "https://remote.example.com/api/v1/write"\n`;
    const { topology } = importManifests(agent('    prometheus: obs/scraper\n    region: "eu west 1"'));
    expect(topology.components[0]!.spec.externalLabels).toEqual({ prometheus: 'obs/scraper', region: 'eu west 1' });
    expect(problems(agent('    app.kubernetes.io/name: scraper'))).toEqual([
      `line 8: vmagent 'scraper': externalLabels {"app.kubernetes.io/name":"scraper"} has an invalid Prometheus label name "app.kubernetes.io/name": use letters, digits and "_", not starting with a digit (no ".", "-" or "/")`,
    ]);
    const alert = `apiVersion: operator.victoriametrics.com/v1beta1\nkind: VMAlert\nmetadata:\n  name: rules\nspec:\n  datasource: {url: "http://prometheus.example.com:9090"}\n  externalLabels:\n    source: obs/rules\n`;
    expect(importManifests(alert).topology.components[0]!.spec.externalLabels).toEqual({ source: 'obs/rules' });
    expect(problems(alert.replace('source: obs', 'my-source: obs'))[0]).toMatch(/vmalert 'rules': externalLabels .* invalid Prometheus label name "my-source"/);
  });

  it('metadata labels of a CR stay Kubernetes labels', () => {
    const yaml = (labels: string) => `apiVersion: operator.victoriametrics.com/v1beta1\nkind: VMAuth\nmetadata:\n  name: a\n  labels:\n${labels}\nspec: {}\n`;
    expect(importManifests(yaml('    app.kubernetes.io/name: vmauth')).topology.components[0]!.labels).toEqual({ 'app.kubernetes.io/name': 'vmauth' });
    expect(problems(yaml('    team: obs/auth'))).toEqual([
      'line 6: VMAuth/a: metadata.labels label "team" has an invalid Kubernetes label value "obs/auth": at most 63 letters, digits, "-", "_" or "." starting and ending with a letter or digit',
    ]);
  });

  it('keeps a notifier entry with both url and selector as written (the operator uses the selector only)', () => {
    const yaml = `${seed['alertmanager-ha']}\n---\napiVersion: operator.victoriametrics.com/v1beta1\nkind: VMAlert\nmetadata: {name: r, namespace: default}\nspec:\n  datasource: {url: "http://prometheus.example.com:9090"}\n  notifiers:\n    - url: http://vmalertmanager-example.default.svc:9093\n      selector: {labelSelector: {matchLabels: {x: y}}}\n`;
    const { topology, warnings } = importManifests(yaml);
    const n = topology.links.find((l) => l.type === 'notifier')!;
    expect(n.external).toEqual({ url: 'http://vmalertmanager-example.default.svc:9093', selector: { labelSelector: { matchLabels: { x: 'y' } } } });
    expect(warnings.some((w) => w.includes('has both a url and a selector'))).toBe(true);
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
