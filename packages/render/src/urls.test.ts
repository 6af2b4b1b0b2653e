import { describe, expect, it } from 'vitest';
import { agent, alert, alertmanager, design, link, single } from '@vmtopo/model/fixtures/build.ts';
import { importManifests } from './import.ts';
import { renderObjects } from './objects.ts';
import { linkUrls } from '@vmtopo/model';
import { parseServiceUrl } from './urls.ts';
import { renderYaml } from './yaml.ts';
import { HAVE_CRDS, crdErrors } from './testing/crds.ts';

const TLS = { tls_server_config: { cert_secret_ref: { name: 'am-tls', key: 'tls.crt' }, key_secret_ref: { name: 'am-tls', key: 'tls.key' } } };

const alertSpec = (t: Parameters<typeof renderObjects>[0]) => renderObjects(t).find((o) => o.kind === 'VMAlert')!.spec as Record<string, unknown>;

describe('VMAlert remoteWrite through a VMAgent', () => {
  const a = agent('buffer', { selectAllByDefault: true });
  const s = single('main');
  const rules = alert('rules');
  const t = design([a, s, rules], [link('remoteWrite', a.id, s.id), link('datasource', rules.id, s.id), link('remoteWrite', rules.id, a.id)]);

  it('renders the VMAgent Service as a base URL (vmalert appends /api/v1/write itself)', () => {
    expect(linkUrls(t, t.links[2]!, a)).toEqual(['http://vmagent-buffer.monitoring.svc:8429']);
    expect(alertSpec(t).remoteWrite).toEqual({ url: 'http://vmagent-buffer.monitoring.svc:8429' });
  });

  // The first validation compiles the CRD schemas: seconds on a loaded machine.
  it.skipIf(!HAVE_CRDS)('renders schema-valid objects', { timeout: 60_000 }, () => {
    expect(renderObjects(t).flatMap(crdErrors)).toEqual([]);
  });

  it('import resolves the URL back into the link, and round-trips', () => {
    const yaml = renderYaml(t);
    const back = importManifests(yaml).topology;
    expect(back.links.find((l) => l.source === 'vmalert-rules' && l.type === 'remoteWrite')).toMatchObject({ target: 'vmagent-buffer' });
    expect(back.links.every((l) => !l.external)).toBe(true);
    expect(renderYaml({ ...back, name: t.name })).toBe(yaml);
  });

  it('import keeps a datasource or remoteRead on a VMAgent external: a VMAgent serves no queries', () => {
    const yaml = `
apiVersion: operator.victoriametrics.com/v1beta1
kind: VMAgent
metadata: {name: example, namespace: default}
spec:
  remoteWrite: [{url: "https://remote.example.com/api/v1/write"}]
---
apiVersion: operator.victoriametrics.com/v1beta1
kind: VMAlert
metadata: {name: example, namespace: default}
spec:
  datasource: {url: "http://vmagent-example.default.svc:8429"}
  remoteWrite: {url: "http://vmagent-example.default.svc:8429", concurrency: 12}
  remoteRead: {url: "http://vmagent-example.default.svc:8429", lookback: 1h}
`;
    const { topology, warnings } = importManifests(yaml);
    const from = topology.links.filter((l) => l.source === 'vmalert-example');
    expect(from.find((l) => l.type === 'remoteWrite')).toMatchObject({ target: 'vmagent-example', extra: { concurrency: 12 } });
    expect(from.find((l) => l.type === 'datasource')!.external).toEqual({ url: 'http://vmagent-example.default.svc:8429' });
    expect(from.find((l) => l.type === 'remoteRead')!.external).toEqual({ url: 'http://vmagent-example.default.svc:8429', lookback: '1h' });
    expect(warnings.filter((w) => w.includes("vmagent 'example' serves no queries"))).toHaveLength(2);
    expect(warnings.some((w) => w.includes("vmalert 'example': remoteWrite"))).toBe(false);
  });

  it('import keeps a VMAlert remoteWrite URL with a write path on a VMAgent external', () => {
    const yaml = `
apiVersion: operator.victoriametrics.com/v1beta1
kind: VMAgent
metadata: {name: example}
spec:
  remoteWrite: [{url: "https://remote.example.com/api/v1/write"}]
---
apiVersion: operator.victoriametrics.com/v1beta1
kind: VMAlert
metadata: {name: example}
spec:
  datasource: {url: "http://prometheus.example.com:9090"}
  remoteWrite: {url: "http://vmagent-example.default.svc:8429/api/v1/write"}
`;
    const { topology, warnings } = importManifests(yaml);
    expect(topology.links.find((l) => l.source === 'vmalert-example' && l.type === 'remoteWrite')!.external).toBeDefined();
    expect(warnings.some((w) => w.includes('not the base URL vmtopo writes'))).toBe(true);
  });
});

describe('alertmanagers that serve TLS', () => {
  const am = alertmanager('secure', { replicaCount: 2, webConfig: TLS }, { labels: { team: 'sre' } });
  const plain = alertmanager('plain', { replicaCount: 1 }, { labels: { team: 'ops' } });
  const rules = alert('rules');
  const t = design([rules, am, plain], [link('notifier', rules.id, am.id, { notify: 'pods' }), link('notifier', rules.id, plain.id, { notify: 'service' })]);

  it('per-pod and Service URLs use https:// when webConfig.tls_server_config is set (the operator’s accessScheme)', () => {
    expect(linkUrls(t, t.links[0]!, am)).toEqual([
      'https://vmalertmanager-secure-0.vmalertmanager-secure.monitoring.svc:9093',
      'https://vmalertmanager-secure-1.vmalertmanager-secure.monitoring.svc:9093',
    ]);
    expect(linkUrls(t, { ...t.links[0]!, notify: 'service' }, am)).toEqual(['https://vmalertmanager-secure.monitoring.svc:9093']);
    expect(linkUrls(t, t.links[1]!, plain)).toEqual(['http://vmalertmanager-plain.monitoring.svc:9093']);
    // A selector names no URL: the operator expands it with the right scheme itself.
    expect(alertSpec({ ...t, links: [link('notifier', rules.id, am.id)] }).notifiers).toEqual([
      { selector: { namespaceSelector: { matchNames: ['monitoring'] }, labelSelector: { matchLabels: { team: 'sre' } } } },
    ]);
  });

  it('parses https URLs', () => {
    expect(parseServiceUrl('https://vmalertmanager-secure-1.vmalertmanager-secure.monitoring.svc:9093', 'x')).toEqual({
      scheme: 'https',
      service: 'vmalertmanager-secure',
      namespace: 'monitoring',
      pod: 1,
      port: 9093,
      path: '',
      clusterDomain: false,
    });
  });

  it('import resolves https URLs of a TLS alertmanager into a link, and round-trips', () => {
    const yaml = renderYaml(t);
    expect(yaml).toContain('url: https://vmalertmanager-secure-1.vmalertmanager-secure.monitoring.svc:9093');
    const { topology, warnings } = importManifests(yaml);
    expect(warnings).toEqual([]);
    expect(topology.links.map((l) => [l.target, l.notify, l.external])).toEqual([
      ['vmalertmanager-secure', 'pods', undefined],
      ['vmalertmanager-plain', 'service', undefined],
    ]);
    expect(renderYaml({ ...topology, name: t.name })).toBe(yaml);
  });

  it('import keeps a URL whose scheme the alertmanager does not serve, saying why', () => {
    const yaml = renderYaml(t).replace('https://vmalertmanager-secure-0', 'http://vmalertmanager-secure-0').replace('http://vmalertmanager-plain.', 'https://vmalertmanager-plain.');
    const { topology, warnings } = importManifests(yaml);
    expect(topology.links.filter((l) => l.external).map((l) => l.external!.url)).toEqual([
      'http://vmalertmanager-secure-0.vmalertmanager-secure.monitoring.svc:9093',
      'https://vmalertmanager-plain.monitoring.svc:9093',
    ]);
    expect(warnings.some((w) => w.includes("uses http, but vmalertmanager 'secure' serves https (webConfig.tls_server_config is set)"))).toBe(true);
    expect(warnings.some((w) => w.includes("uses https, but vmalertmanager 'plain' serves http"))).toBe(true);
  });
});

describe('URLs follow the operator model’s names and ports', () => {
  it('useLegacyNaming: the Service is the CR name, and import reads the URL back as a link', () => {
    const a = agent('scraper', { selectAllByDefault: true });
    const s = single('db', { useLegacyNaming: true });
    const t = design([a, s], [link('remoteWrite', a.id, s.id)]);
    const spec = renderObjects(t).find((o) => o.kind === 'VMAgent')!.spec as { remoteWrite: { url: string }[] };
    expect(spec.remoteWrite).toEqual([{ url: 'http://db.monitoring.svc:8429/api/v1/write' }]);
    const back = importManifests(renderYaml(t)).topology;
    expect(back.links.map((l) => [l.type, l.target])).toEqual([['remoteWrite', 'vmsingle-db']]);
  });

  it('a Service port set in the spec is the one written and read back', () => {
    const a = agent('scraper', { selectAllByDefault: true });
    const s = single('db', { port: '9428' });
    const t = design([a, s], [link('remoteWrite', a.id, s.id)]);
    expect(linkUrls(t, t.links[0]!, s)).toEqual(['http://vmsingle-db.monitoring.svc:9428/api/v1/write']);
    const back = importManifests(renderYaml(t)).topology;
    expect(back.links.map((l) => [l.target, l.port])).toEqual([['vmsingle-db', undefined]]);
  });
});
