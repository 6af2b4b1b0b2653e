import fc from 'fast-check';
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

  it('refuses numbers it cannot keep exactly, naming path and line, instead of rewriting them', () => {
    const agent = (value: string) => `apiVersion: operator.victoriametrics.com/v1beta1\nkind: VMAgent\nmetadata: {name: a}\nspec:\n  shardCount: ${value}\n`;
    expect(problems(agent('1e400'))).toEqual(['line 5: document 1: spec.shardCount 1e400 is out of range (not a finite number); write it in quotes if it is text']);
    expect(problems(agent('.nan'))).toEqual(['line 5: document 1: spec.shardCount .nan is not a number; write it in quotes if it is text']);
    expect(problems(agent('12345678901234567890'))[0]).toMatch(/^line 5: document 1: spec\.shardCount 12345678901234567890 is an integer too large/);
    // Any object: a number in a kept ConfigMap would be rewritten on render too.
    expect(problems('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  list: [1, -.inf]\n')[0]).toMatch(/^line 5: document 1: data\.list\.1 -\.inf is out of range/);
    expect(importManifests(agent('2')).topology.components[0]!.spec.shardCount).toBe(2);
  });

  it('refuses a quoted number in an integer field instead of rendering it back as a string', () => {
    const yaml = 'apiVersion: operator.victoriametrics.com/v1beta1\nkind: VMAgent\nmetadata: {name: a}\nspec:\n  replicaCount: "3"\n';
    expect(problems(yaml)).toEqual([`line 5: vmagent 'a': replicaCount "3" must be a whole number, not a quoted string (remove the quotes)`]);
  });

  it('refuses a document that expands aliases more than 100 times with the line, not a ReferenceError', () => {
    const yaml = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  x: &a [1]\n  y: [${Array(150).fill('*a').join(', ')}]\n`;
    try {
      importManifests([{ text: yaml, file: 'bomb.yaml' }]);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ImportError);
      expect((e as ImportError).code).toBe('VMT-I04');
      expect((e as ImportError).message).toBe('bomb.yaml: line 1: document 1 expands YAML aliases more than 100 times; vmtopo stops there (expand the aliases, or split the document)');
    }
    expect(importManifests(yaml.replace(/\[\*a.*\]/, '[*a, *a]')).kept).toEqual(['ConfigMap/c']);
  });

  it('assembles one design from several files: links across files, messages and positions name the file', () => {
    const single = { text: seed['vmsingle-dedup']!, file: 'storage/vmsingle.yaml' };
    const agents = { text: seed['vmagent-ha']!, file: 'agents/vmagent.yaml' };
    const { topology, warnings, sourceOf } = importManifests([single, agents]);
    expect(topology.links).toHaveLength(1);
    expect(warnings).toContain('agents/vmagent.yaml: removed the "cat <<EOF | kubectl apply -f -" wrapper');
    expect(warnings).toContain('agents/vmagent.yaml: line 12: VMAgent/example-vmagent: spec.vmAgentExternalLabelName is deprecated; use spec.externalLabelName (rewritten)');
    const agent = topology.components.find((c) => c.kind === 'VMAgent')!;
    expect(sourceOf(agent.id)).toEqual({ file: 'agents/vmagent.yaml', line: 2, col: 1 });
    expect(sourceOf(agent.id, 'replicaCount')).toEqual({ file: 'agents/vmagent.yaml', line: 13, col: 17 });
    // A field that is not written: the object's own line.
    expect(sourceOf(agent.id, 'shardCount')).toEqual(sourceOf(agent.id));
    const bad = { text: 'apiVersion: operator.victoriametrics.com/v1beta1\nkind: VMAuth\nmetadata:\n  name: a\n  labels: {team: obs/auth}\n', file: 'auth.yaml' };
    expect(() => importManifests([single, bad])).toThrow(/^auth\.yaml: line 5: VMAuth\/a: metadata\.labels/);
    expect(() => importManifests([single, { text: 'a: [', file: 'broken.yaml' }])).toThrow(/broken\.yaml: line 1, column/);
  });

  it('a cluster part and an object inside a List are located at their own lines', () => {
    const list = `apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: c}\n- ${seed.vmcluster!.split('\n').filter((l) => !/^(cat <<|EOF)/.test(l)).join('\n  ').trimEnd()}\n`;
    const { topology, sourceOf } = importManifests([{ text: list, file: 'list.yaml' }]);
    const lines = list.split('\n');
    const storage = topology.components.find((c) => c.kind === 'vmstorage')!;
    expect(lines[sourceOf(storage.id)!.line - 1]).toMatch(/^\s+vmstorage:/);
    expect(lines[sourceOf(storage.cluster!)!.line - 1]).toMatch(/^- apiVersion: operator/);
  });

  it('any split of manifests into files gives the design one text gives (property)', { timeout: 60_000 }, () => {
    const docs = Object.entries(seed)
      .filter(([name]) => ['vmsingle-dedup', 'vmagent-ha', 'alertmanager-ha', 'vmalert-selector', 'vmcluster'].includes(name))
      .flatMap(([, text]) => text.split(/^---$/m));
    fc.assert(
      fc.property(fc.array(fc.nat(3), { minLength: docs.length, maxLength: docs.length }), (where) => {
        // Documents keep their order; each goes to one of up to four files.
        const files = [0, 1, 2, 3].map((f) => ({ text: docs.filter((_, i) => where[i] === f).join('\n---\n'), file: `f${f}.yaml` })).filter((f) => f.text !== '');
        const whole = importManifests([...files].map((f) => f.text).join('\n---\n'));
        const split = importManifests(files);
        // Links across files (the agents write to the VMSingle, vmalert notifies the alertmanager).
        expect(split.topology.links.filter((l) => !l.external).length).toBeGreaterThanOrEqual(2);
        expect(split.topology).toEqual(whole.topology);
        expect(split.kept).toEqual(whole.kept);
      }),
      { numRuns: 40 },
    );
  });
});
