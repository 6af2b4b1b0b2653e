import { describe, expect, it } from 'vitest';
import { fromDocument, toDocument } from '../document.ts';
import { addComponent, addLink, uniqueName } from '../edit.ts';
import { operatorModel } from '../operator/index.ts';
import { emptyTopology, isExternalKind } from '../topology.ts';
import { fieldProblem, nameTaken, validateTopology } from '../validate.ts';
import { KINDS, nameScope } from './index.ts';

function withGrafana() {
  const s = addComponent(emptyTopology(), 'VMSingle');
  const g = addComponent(s.topology, 'Grafana');
  return { t: addLink(g.topology, 'datasource', g.id, s.id).topology, grafana: g.id, single: s.id };
}

describe('Grafana, an external system', () => {
  it('is no operator object: no CR kind, a name scope of its own', () => {
    expect(KINDS.Grafana.crdKind).toBeUndefined();
    expect(isExternalKind('Grafana')).toBe(true);
    expect(isExternalKind('VMAuth')).toBe(false);
    expect(nameScope('Grafana')).toBe('Grafana');
    expect(nameScope('vmselect')).toBe('VMCluster');
  });

  it('is added with a default name, unique among Grafanas only', () => {
    const { t, grafana } = withGrafana();
    expect(t.components.find((c) => c.id === grafana)).toMatchObject({ kind: 'Grafana', name: 'grafana', spec: {} });
    expect(uniqueName(t, 'Grafana', 'grafana')).toBe('grafana-2');
    // A VMAuth may share its name: they are not the same kind of object.
    expect(uniqueName(t, 'VMAuth', 'grafana')).toBe('grafana');
    const g = t.components.find((c) => c.id === grafana)!;
    expect(nameTaken(t, { ...g, id: 'other' }, 'grafana')).toBe(true);
  });

  it('checks its URL: an absolute http(s) address on one line', () => {
    expect(fieldProblem('Grafana', 'url', 'https://grafana.example.com/d/abc?orgId=1')).toBeUndefined();
    expect(fieldProblem('Grafana', 'url', 'http://grafana.grafana.svc:3000')).toBeUndefined();
    expect(fieldProblem('Grafana', 'url', 'grafana.example.com')).toMatch(/must be an http:\/\/ or https:\/\/ address/);
    expect(fieldProblem('Grafana', 'url', 'https://a.example.com/\n- kind: Secret')).toMatch(/without spaces/);
    expect(fieldProblem('Grafana', 'url', `https://a.example.com/${'x'.repeat(2_000)}`)).toMatch(/at most 2000/);
    expect(fieldProblem('Grafana', 'replicaCount', 2)).toBe('Grafana has no field "replicaCount"');
  });

  it('is kept by the document format, and a bad URL in a document is refused with its path', () => {
    const { t, grafana } = withGrafana();
    const doc = JSON.parse(JSON.stringify(toDocument(t)));
    expect(fromDocument(doc)).toEqual(t);
    const i = t.components.findIndex((c) => c.id === grafana);
    doc.components[i].spec.url = 'ftp://grafana';
    expect(() => fromDocument(doc)).toThrow(`$.components[${i}].spec.url: grafana 'grafana': url "ftp://grafana" must be an http:// or https:// address`);
    expect(validateTopology(t)).toEqual([]);
  });

  it('creates nothing in the cluster', () => {
    const { t, grafana } = withGrafana();
    expect(operatorModel(t, [grafana]).plans).toEqual([{ componentId: grafana, workloads: [], services: [], pdbs: [], pvcs: [], notes: [] }]);
  });
});
