import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { addComponent, addLink, emptyTopology, lint, withField, updateComponent } from '@vmtopo/model';
import type { KubeObject } from '@vmtopo/model';
import { importManifests } from './import.ts';
import { renderObjects } from './objects.ts';
import { createRenderer, renderYaml, renderYamlUncached } from './yaml.ts';
import { HAVE_CRDS, NO_CRDS_NOTE, crdErrors } from './testing/crds.ts';
import { leaves, seedFixtures } from './testing/seed.ts';

/** The documented rewrites of the seed's outdated fields: [kind, old path, new path]. */
const REWRITES: [string, string, string][] = [
  ['VMAgent', '/spec/vmAgentExternalLabelName', '/spec/externalLabelName'],
  ['VMAlert', '/spec/replicas', '/spec/replicaCount'],
];

const key = (o: KubeObject) => `${String(o.kind)}/${String((o.metadata as { name?: string })?.name)}`;

describe('seed examples: import → render keeps every field', () => {
  for (const { name, text } of seedFixtures()) {
    it(name, () => {
      const originals = parseAllDocuments(text.replace(/^.*(cat <<|^EOF).*$/gm, ''))
        .map((d) => d.toJS() as KubeObject)
        .filter(Boolean);
      const { topology } = importManifests(text);
      const rendered = new Map(renderObjects(topology).map((o) => [key(o), leaves(o)]));
      expect(originals.length).toBeGreaterThan(0);
      for (const original of originals) {
        const out = rendered.get(key(original));
        expect(out, `${key(original)} is rendered`).toBeDefined();
        for (const [path, value] of leaves(original)) {
          const rewrite = REWRITES.find(([kind, from]) => kind === original.kind && from === path);
          expect(out!.get(rewrite ? rewrite[2] : path), `${key(original)} ${path}`).toEqual(value);
        }
      }
    });
  }
});

describe.skipIf(!HAVE_CRDS)('seed examples render to strictly schema-valid objects', () => {
  for (const { name, text } of seedFixtures()) {
    it(name, () => {
      const errors = renderObjects(importManifests(text).topology).flatMap(crdErrors);
      expect(errors).toEqual([]);
    });
  }
});
if (!HAVE_CRDS) console.log(NO_CRDS_NOTE);

describe('wiring', () => {
  function design() {
    let t = emptyTopology('demo', 'monitoring');
    const agent = addComponent(t, 'VMAgent', { name: 'scraper' });
    t = agent.topology;
    const single = addComponent(t, 'VMSingle', { name: 'main' });
    t = single.topology;
    const cluster = addComponent(t, 'VMCluster', { name: 'big' });
    t = cluster.topology;
    const alert = addComponent(t, 'VMAlert', { name: 'rules' });
    t = alert.topology;
    const am = addComponent(t, 'VMAlertmanager', { name: 'am' });
    t = updateComponent(am.topology, am.id, (c) => ({ ...withField(c, 'replicaCount', 3), labels: { team: 'sre' } }));
    t = addLink(t, 'remoteWrite', agent.id, single.id).topology;
    t = addLink(t, 'remoteWrite', agent.id, `${cluster.id}-vminsert`).topology;
    t = addLink(t, 'datasource', alert.id, `${cluster.id}-vmselect`).topology;
    t = addLink(t, 'remoteWrite', alert.id, `${cluster.id}-vminsert`).topology;
    t = addLink(t, 'remoteRead', alert.id, single.id).topology;
    t = addLink(t, 'notifier', alert.id, am.id).topology;
    return t;
  }

  it('follows the operator URL conventions', () => {
    const objects = renderObjects(design());
    const agent = objects.find((o) => o.kind === 'VMAgent')!;
    expect((agent.spec as { remoteWrite: unknown }).remoteWrite).toEqual([
      { url: 'http://vmsingle-main.monitoring.svc:8429/api/v1/write' },
      { url: 'http://vminsert-big.monitoring.svc:8480/insert/0/prometheus/api/v1/write' },
    ]);
    const alert = objects.find((o) => o.kind === 'VMAlert')!.spec as Record<string, unknown>;
    expect(alert.datasource).toEqual({ url: 'http://vmselect-big.monitoring.svc:8481/select/0/prometheus' });
    expect(alert.remoteWrite).toEqual({ url: 'http://vminsert-big.monitoring.svc:8480/insert/0/prometheus' });
    expect(alert.remoteRead).toEqual({ url: 'http://vmsingle-main.monitoring.svc:8429' });
    expect(alert.notifiers).toEqual([
      { selector: { namespaceSelector: { matchNames: ['monitoring'] }, labelSelector: { matchLabels: { team: 'sre' } } } },
    ]);
  });

  it('lists every alertmanager pod in pods mode, one address in service mode', () => {
    let t = design();
    const notifier = t.links.find((l) => l.type === 'notifier')!;
    t = { ...t, links: t.links.map((l) => (l === notifier ? { ...l, notify: 'pods' as const } : l)) };
    const spec = renderObjects(t).find((o) => o.kind === 'VMAlert')!.spec as { notifiers: { url: string }[] };
    expect(spec.notifiers.map((n) => n.url)).toEqual([0, 1, 2].map((i) => `http://vmalertmanager-am-${i}.vmalertmanager-am.monitoring.svc:9093`));
    t = { ...t, links: t.links.map((l) => (l.type === 'notifier' ? { ...l, notify: 'service' as const } : l)) };
    const svc = renderObjects(t).find((o) => o.kind === 'VMAlert')!.spec as { notifiers: { url: string }[] };
    expect(svc.notifiers).toEqual([{ url: 'http://vmalertmanager-am.monitoring.svc:9093' }]);
  });

  it('folds the parts into the VMCluster as the user wrote them, adding no vmstorage.replicaCount', () => {
    let t = design();
    t = updateComponent(t, 'vmcluster-big-vmstorage', (c) => ({ ...c, spec: {} }));
    const cluster = renderObjects(t).find((o) => o.kind === 'VMCluster')!;
    expect(cluster.spec).toMatchObject({ replicationFactor: 2, vminsert: { replicaCount: 2 }, vmselect: { replicaCount: 2 }, vmstorage: {} });
    // Left unset, the operator gives vminsert and vmselect no -storageNode: the checker says so, with a fix.
    expect(lint(t).map((f) => f.ruleId)).toContain('vmcluster-storage-replicas-unset');
  });

  it('is deterministic and round-trips through import', () => {
    const t = design();
    const yaml = renderYaml(t);
    expect(renderYaml(structuredClone(t))).toBe(yaml);
    const back = importManifests(yaml).topology;
    expect(renderYaml({ ...back, name: t.name })).toBe(yaml);
    expect(back.links.map((l) => [l.type, l.source, l.target])).toEqual(t.links.map((l) => [l.type, l.source, l.target]));
  });

  it.skipIf(!HAVE_CRDS)('renders schema-valid objects', () => {
    expect(renderObjects(design()).flatMap(crdErrors)).toEqual([]);
  });
});

describe('incremental render', () => {
  it('keeps its state per session: two renderers do not share a last design', () => {
    const a = createRenderer();
    const b = createRenderer();
    const t = addComponent(emptyTopology('demo', 'monitoring'), 'VMSingle', { name: 'db' }).topology;
    const other = addComponent(emptyTopology('demo', 'monitoring'), 'VMAgent', { name: 'a' }).topology;
    expect(a.render(t)).toBe(renderYamlUncached(t));
    expect(b.render(other)).toBe(renderYamlUncached(other));
    expect(a.render(t)).toBe(renderYamlUncached(t));
  });

  it('re-emits exactly what an edit changed', () => {
    const r = createRenderer();
    let t = emptyTopology('demo', 'monitoring');
    const cluster = addComponent(t, 'VMCluster', { name: 'big' });
    const agent = addComponent(cluster.topology, 'VMAgent', { name: 'a' });
    t = addLink(agent.topology, 'remoteWrite', agent.id, `${cluster.id}-vminsert`).topology;
    expect(r.render(t)).toBe(renderYamlUncached(t));
    // Renaming the cluster changes the agent's URL although the agent itself is untouched.
    const renamed = updateComponent(t, cluster.id, (c) => ({ ...c, name: 'huge' }));
    expect(r.render(renamed)).toBe(renderYamlUncached(renamed));
    expect(r.render(renamed)).toContain('vminsert-huge.monitoring.svc');
    const scaled = updateComponent(renamed, `${cluster.id}-vmstorage`, (c) => withField(c, 'replicaCount', 5));
    expect(r.render(scaled)).toBe(renderYamlUncached(scaled));
    expect(r.render({ ...scaled, namespace: 'other' })).toBe(renderYamlUncached({ ...scaled, namespace: 'other' }));
  });

  it('a design of several blocks of documents: each edit re-joins its block and the text equals the uncached one', () => {
    const r = createRenderer();
    let t = emptyTopology('demo', 'monitoring');
    const ids: string[] = [];
    for (let i = 0; i < 150; i++) {
      const added = addComponent(t, 'VMSingle', { name: `db-${i}` });
      t = added.topology;
      ids.push(added.id);
    }
    expect(r.render(t)).toBe(renderYamlUncached(t));
    // The first, a middle and the last document, then two blocks at once.
    for (const picked of [[0], [70], [149], [3, 130]]) {
      for (const i of picked) t = updateComponent(t, ids[i]!, (c) => withField(c, 'retentionPeriod', `${i + 2}d`));
      const text = r.render(t);
      expect(text).toBe(renderYamlUncached(t));
      for (const i of picked) expect(text).toContain(`retentionPeriod: ${i + 2}d`);
    }
  });

  it('re-emits a selector notifier when another alertmanager starts to share its labels', () => {
    const r = createRenderer();
    let t = emptyTopology('demo', 'monitoring');
    const alert = addComponent(t, 'VMAlert', { name: 'rules' });
    const am = addComponent(alert.topology, 'VMAlertmanager', { name: 'am' });
    t = updateComponent(am.topology, am.id, (c) => ({ ...c, labels: { team: 'sre' } }));
    t = addLink(t, 'notifier', alert.id, am.id).topology;
    expect(r.render(t)).toContain('matchLabels:');
    const twin = addComponent(t, 'VMAlertmanager', { name: 'twin' });
    const shared = updateComponent(twin.topology, twin.id, (c) => ({ ...c, labels: { team: 'sre' } }));
    expect(r.render(shared)).toBe(renderYamlUncached(shared));
    expect(r.render(shared)).toContain('http://vmalertmanager-am-0.vmalertmanager-am.monitoring.svc:9093');
  });
});
