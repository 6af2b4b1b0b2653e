import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { addComponent, addLink, emptyTopology, updateComponent, type Topology } from '@vmtopo/model';
import { importManifests } from './import.ts';
import { renderObjects } from './objects.ts';
import { createRenderer, renderYaml, renderYamlUncached } from './yaml.ts';

/** A cluster, a VMAuth, and a Grafana in namespace "grafana" reading the vmselect (tenant 1) and the VMAuth. */
function design(): { t: Topology; grafana: string; cluster: string } {
  let t = emptyTopology('demo', 'monitoring');
  const cluster = addComponent(t, 'VMCluster', { name: 'main' });
  const auth = addComponent(cluster.topology, 'VMAuth', { name: 'front' });
  const g = addComponent(auth.topology, 'Grafana');
  t = updateComponent(g.topology, g.id, (c) => ({ ...c, namespace: 'grafana', spec: { url: 'https://grafana.example.com' } }));
  t = addLink(t, 'datasource', g.id, `${cluster.id}-vmselect`, { tenant: '1' }).topology;
  t = addLink(t, 'datasource', g.id, auth.id).topology;
  return { t, grafana: g.id, cluster: cluster.id };
}

describe('an external Grafana in the YAML', () => {
  it('is a comment after the last document, its datasources at the URLs a VMAlert would be given', () => {
    const { t } = design();
    const yaml = renderYaml(t);
    expect(yaml.endsWith(
      '# Grafana "grafana" in namespace "grafana" (external, not an operator object, https://grafana.example.com)\n' +
        '#   datasource → http://vmselect-main.monitoring.svc:8481/select/1/prometheus\n' +
        '#   datasource → http://vmauth-front.monitoring.svc:8427\n',
    )).toBe(true);
    // Never an object: the same two CRs as without it, and the comment belongs to no document.
    expect(renderObjects(t).map((o) => o.kind)).toEqual(['VMCluster', 'VMAuth']);
    expect(parseAllDocuments(yaml).map((d) => (d.toJS() as { kind: string }).kind)).toEqual(['VMCluster', 'VMAuth']);
  });

  it('says when it has no datasource, and stands alone in a design of nothing else', () => {
    const t = addComponent(emptyTopology('demo', 'monitoring'), 'Grafana').topology;
    expect(renderYaml(t)).toBe('# Grafana "grafana" in namespace "monitoring" (external, not an operator object)\n#   no datasource\n');
    // Only comments: an import finds nothing to open (the YAML panel keeps the Grafana, yamlSync.ts).
    expect(() => importManifests(renderYaml(t))).toThrow(/holds no Kubernetes objects/);
  });

  it('keeps every value on its comment line, whatever a datasource entry holds', () => {
    let t = addComponent(emptyTopology('demo', 'monitoring'), 'Grafana').topology;
    t = { ...t, links: [{ id: 'ext', type: 'datasource', source: 'grafana-grafana', external: { url: 'http://x\nkind: Secret\u2028- y' } }] };
    const yaml = renderYaml(t);
    expect(yaml.split('\n').filter((l) => l !== '').every((l) => l.startsWith('#'))).toBe(true);
    expect(parseAllDocuments(yaml).every((d) => d.contents === null)).toBe(true);
  });

  it('follows a rename of what it reads, in a renderer that re-emits only what an edit changed', () => {
    const { t, cluster } = design();
    const r = createRenderer();
    expect(r.render(t)).toBe(renderYamlUncached(t));
    const renamed = updateComponent(t, cluster, (c) => ({ ...c, name: 'big' }));
    expect(r.render(renamed)).toContain('#   datasource → http://vmselect-big.monitoring.svc:8481/select/1/prometheus');
    expect(r.render(renamed)).toBe(renderYamlUncached(renamed));
    const port = updateComponent(renamed, `${cluster}-vmselect`, (c) => ({ ...c, spec: { ...c.spec, port: '9000' } }));
    expect(r.render(port)).toBe(renderYamlUncached(port));
    expect(r.render(port)).toContain('vmselect-big.monitoring.svc:9000');
  });
});
