import { describe, expect, it } from 'vitest';
import { addComponent, addLink, removeComponents } from './edit.ts';
import { linkProblem, possibleLinkTypes } from './links.ts';
import { emptyTopology } from './topology.ts';

function design() {
  let t = emptyTopology();
  const ids: Record<string, string> = {};
  for (const kind of ['VMAgent', 'VMSingle', 'VMCluster', 'VMAlert', 'VMAlertmanager', 'VMAuth'] as const) {
    const r = addComponent(t, kind);
    t = r.topology;
    ids[kind] = r.id;
  }
  return { t, ids };
}

describe('link rules', () => {
  it('allows the operator’s wiring and explains refusals', () => {
    const { t, ids } = design();
    expect(linkProblem(t, 'remoteWrite', ids.VMAgent!, ids.VMSingle!)).toBeUndefined();
    expect(linkProblem(t, 'remoteWrite', ids.VMAgent!, `${ids.VMCluster}-vminsert`)).toBeUndefined();
    expect(linkProblem(t, 'remoteWrite', ids.VMAgent!, `${ids.VMCluster}-vmselect`)).toMatch(/only to VMSingle, vminsert, VMAuth, not to vmselect/);
    expect(linkProblem(t, 'datasource', ids.VMAgent!, ids.VMSingle!)).toMatch(/datasource links start at VMAlert, Grafana, not at VMAgent/);
    expect(linkProblem(t, 'notifier', ids.VMAlert!, ids.VMSingle!)).toMatch(/only to VMAlertmanager/);
    expect(linkProblem(t, 'remoteWrite', ids.VMAgent!, ids.VMAgent!)).toMatch(/itself/);
  });

  it('lets VMAlert remote-write through a VMAgent, but not read from one', () => {
    const { t, ids } = design();
    expect(linkProblem(t, 'remoteWrite', ids.VMAlert!, ids.VMAgent!)).toBeUndefined();
    expect(linkProblem(t, 'datasource', ids.VMAlert!, ids.VMAgent!)).toMatch(/only to VMSingle, vmselect, VMAuth, not to VMAgent/);
    expect(linkProblem(t, 'remoteRead', ids.VMAlert!, ids.VMAgent!)).toMatch(/only to VMSingle, vmselect, VMAuth, not to VMAgent/);
    expect(possibleLinkTypes(t, ids.VMAlert!, ids.VMAgent!)).toEqual(['remoteWrite']);
    const other = addComponent(t, 'VMAgent', { name: 'second' });
    expect(linkProblem(other.topology, 'remoteWrite', ids.VMAgent!, other.id)).toMatch(/only to VMSingle, vminsert, VMAuth, not to VMAgent/);
  });

  it('keeps VMAlert to one datasource and refuses duplicates', () => {
    const { t: t0, ids } = design();
    const t = addLink(t0, 'datasource', ids.VMAlert!, ids.VMSingle!).topology;
    expect(linkProblem(t, 'datasource', ids.VMAlert!, `${ids.VMCluster}-vmselect`)).toMatch(/has one datasource only/);
    expect(linkProblem(t, 'datasource', ids.VMAlert!, ids.VMSingle!)).toMatch(/already has this datasource link/);
    expect(possibleLinkTypes(t, ids.VMAlert!, ids.VMSingle!)).toEqual(['remoteWrite', 'remoteRead']);
  });

  it('lets Grafana read VMSingle, vmselect and VMAuth, through as many datasources as it likes', () => {
    const { t: t0, ids } = design();
    const g = addComponent(t0, 'Grafana');
    const vmselect = `${ids.VMCluster}-vmselect`;
    for (const target of [ids.VMSingle!, vmselect, ids.VMAuth!]) expect(linkProblem(g.topology, 'datasource', g.id, target)).toBeUndefined();
    expect(linkProblem(g.topology, 'datasource', g.id, ids.VMAgent!)).toMatch(/grafana 'grafana' can send datasource only to VMSingle, vmselect, VMAuth, not to VMAgent/);
    expect(linkProblem(g.topology, 'datasource', g.id, `${ids.VMCluster}-vminsert`)).toMatch(/not to vminsert/);
    expect(linkProblem(g.topology, 'remoteRead', g.id, ids.VMSingle!)).toMatch(/remoteRead links start at VMAlert, not at Grafana/);
    expect(linkProblem(g.topology, 'remoteWrite', g.id, ids.VMSingle!)).toMatch(/not at Grafana/);
    // Nothing links to a Grafana: it is a client of the stack.
    expect(linkProblem(g.topology, 'datasource', ids.VMAlert!, g.id)).toMatch(/not to Grafana/);
    expect(possibleLinkTypes(g.topology, ids.VMAgent!, g.id)).toEqual([]);
    let t = g.topology;
    for (const target of [ids.VMSingle!, vmselect]) t = addLink(t, 'datasource', g.id, target).topology;
    expect(linkProblem(t, 'datasource', g.id, ids.VMAuth!)).toBeUndefined();
    expect(linkProblem(t, 'datasource', g.id, vmselect)).toMatch(/already has this datasource link/);
  });

  it('removing a cluster removes its parts and their links', () => {
    const { t: t0, ids } = design();
    const t = addLink(t0, 'remoteWrite', ids.VMAgent!, `${ids.VMCluster}-vminsert`).topology;
    const after = removeComponents(t, [ids.VMCluster!]);
    expect(after.components.some((c) => c.cluster === ids.VMCluster)).toBe(false);
    expect(after.links).toEqual([]);
  });

  it('adds a VMCluster with its three parts', () => {
    const { t, ids } = design();
    expect(t.components.filter((c) => c.cluster === ids.VMCluster).map((c) => c.kind)).toEqual(['vminsert', 'vmselect', 'vmstorage']);
    expect(() => addComponent(t, 'vmstorage', { cluster: ids.VMCluster })).toThrow(/already has a vmstorage/);
  });
});
