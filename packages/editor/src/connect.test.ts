import { addComponent, addLink, emptyTopology, partsOf } from '@vmtopo/model';
import { describe, expect, it } from 'vitest';
import { connect, connectHint, hasInput, hasOutput, linkOptions, orient } from './connect.ts';
import { createEditorStore } from './editorStore.ts';

function design() {
  let t = emptyTopology();
  const agent = addComponent(t, 'VMAgent');
  t = agent.topology;
  const am = addComponent(t, 'VMAlertmanager');
  t = am.topology;
  const alert = addComponent(t, 'VMAlert');
  t = alert.topology;
  const cl = addComponent(t, 'VMCluster');
  t = cl.topology;
  const parts = partsOf(t, cl.id);
  return { t, agent: agent.id, am: am.id, alert: alert.id, select: parts.vmselect!.id, insert: parts.vminsert!.id };
}

describe('linkOptions', () => {
  it('refuses an agent writing to an alertmanager with the model’s reason', () => {
    const d = design();
    const r = linkOptions(d.t, d.agent, d.am);
    expect(r.options).toEqual([]);
    expect(r.problem).toMatch(/only to VMSingle, vminsert, VMAuth, not to VMAlertmanager/);
  });
  it('reads a drag from vmselect to a VMAlert as the VMAlert’s datasource', () => {
    const d = design();
    expect(linkOptions(d.t, d.select, d.alert).options).toEqual([
      { type: 'datasource', source: d.alert, target: d.select },
      { type: 'remoteRead', source: d.alert, target: d.select },
    ]);
    expect(linkOptions(d.t, d.alert, d.am).options).toEqual([{ type: 'notifier', source: d.alert, target: d.am }]);
  });
  it('reads a drag from vmselect to a Grafana as its datasource, and gives Grafana an input only', () => {
    const d = design();
    const g = addComponent(d.t, 'Grafana');
    expect(linkOptions(g.topology, d.select, g.id).options).toEqual([{ type: 'datasource', source: g.id, target: d.select }]);
    expect(linkOptions(g.topology, d.agent, g.id).problem).toMatch(/not to Grafana|not at VMAgent/);
    expect([hasInput('Grafana'), hasOutput('Grafana')]).toEqual([true, false]);
  });
  it('says why a second datasource is refused', () => {
    const d = design();
    const t = addLink(d.t, 'datasource', d.alert, d.select).topology;
    const other = addComponent(t, 'VMSingle');
    const r = linkOptions(other.topology, d.alert, other.id);
    expect(r.options.map((o) => o.type)).toEqual(['remoteWrite', 'remoteRead']);
    expect(linkOptions(t, d.select, d.alert).options.map((o) => o.type)).toEqual(['remoteRead']);
  });
});

describe('connecting on the canvas', () => {
  it('handles: senders and queried stores on the right, receivers and queriers on the left', () => {
    expect([hasOutput('VMAgent'), hasInput('VMAgent')]).toEqual([true, true]);
    expect([hasOutput('vmselect'), hasInput('vmselect')]).toEqual([true, false]);
    expect([hasOutput('VMAlertmanager'), hasInput('VMAlertmanager')]).toEqual([false, true]);
    expect([hasOutput('VMAlert'), hasInput('VMAlert')]).toEqual([true, true]);
  });
  it('a drag from a target handle makes the other end the source', () => {
    expect(orient('a', 'source', 'b')).toEqual({ source: 'a', target: 'b' });
    expect(orient('a', 'target', 'b')).toEqual({ source: 'b', target: 'a' });
  });
  it('one possible link is made, several are offered, none is said', () => {
    const d = design();
    const store = createEditorStore(d.t);
    expect(connectHint(d.t, d.alert, d.am)).toEqual({ ok: true, text: '✓ notify' });
    expect(connect(store, d.alert, d.am)).toBeUndefined();
    expect(store.getState().topology.links.map((l) => l.type)).toEqual(['notifier']);
    expect(store.getState().selection.edges).toEqual([store.getState().topology.links[0]!.id]);
    expect(connect(store, d.select, d.alert)?.map((o) => o.type)).toEqual(['datasource', 'remoteRead']);
    expect(connect(store, d.agent, d.am)).toBeUndefined();
    expect(store.getState().notice).toMatchObject({ tone: 'error' });
    expect(connectHint(d.t, d.agent, d.am).ok).toBe(false);
  });
});
