import { addComponent, addLink, emptyTopology, lint, partsOf } from '@vmtopo/model';
import { describe, expect, it } from 'vitest';
import { createEditorStore } from './editorStore.ts';
import { fixFindingAndSay, removeComponent, removeLink, setComponentNamespace, setField, setTenant, showFinding } from './edits.ts';

function editor() {
  let t = emptyTopology();
  const agent = addComponent(t, 'VMAgent', { position: { x: 0, y: 0 } });
  t = agent.topology;
  const cluster = addComponent(t, 'VMCluster', { position: { x: 400, y: 0 } });
  t = cluster.topology;
  const insert = partsOf(t, cluster.id).vminsert!.id;
  const link = addLink(t, 'remoteWrite', agent.id, insert);
  return { store: createEditorStore(link.topology), agent: agent.id, cluster: cluster.id, link: link.id };
}

describe('inspector edits', () => {
  it('typing in one field is one undo step', () => {
    const { store, agent } = editor();
    for (const n of [2, 20, 3]) setField(store, agent, 'replicaCount', n);
    expect(store.getState().past).toHaveLength(1);
    expect(store.getState().topology.components.find((c) => c.id === agent)!.spec.replicaCount).toBe(3);
  });

  it('an empty namespace or tenant is unset', () => {
    const { store, agent, link } = editor();
    setComponentNamespace(store, agent, ' team ');
    expect(store.getState().topology.components.find((c) => c.id === agent)!.namespace).toBe('team');
    setComponentNamespace(store, agent, '');
    expect('namespace' in store.getState().topology.components.find((c) => c.id === agent)!).toBe(false);
    setTenant(store, link, '7:1');
    expect(store.getState().topology.links[0]!.tenant).toBe('7:1');
    setTenant(store, link, ' ');
    expect('tenant' in store.getState().topology.links[0]!).toBe(false);
  });

  it('removing a link keeps the component selected; removing a component clears the selection', () => {
    const { store, agent, link } = editor();
    store.getState().select({ nodes: [agent] });
    removeLink(store, link);
    expect(store.getState().topology.links).toEqual([]);
    expect(store.getState().selection.nodes).toEqual([agent]);
    removeComponent(store, agent);
    expect(store.getState().selection).toEqual({ nodes: [], edges: [] });
  });

  it('a cluster goes with its parts', () => {
    const { store, cluster } = editor();
    removeComponent(store, cluster);
    expect(store.getState().topology.components.map((c) => c.kind)).toEqual(['VMAgent']);
  });
});

describe('findings', () => {
  it('show selects the component and asks for the field; fix is one undo step and says so', () => {
    const { store } = editor();
    const f = lint(store.getState().topology).find((x) => x.fixable && x.field)!;
    expect(showFinding(store, f)).toEqual(f.componentIds);
    expect(store.getState().selection.nodes).toEqual([f.componentIds[0]]);
    expect(store.getState().focus).toMatchObject({ id: f.componentIds[0], field: f.field });
    fixFindingAndSay(store, f);
    expect(store.getState().past).toHaveLength(1);
    expect(store.getState().notice?.text).toBe(`Fixed: ${f.fixLabel ?? f.ruleId}. Ctrl+Z undoes it.`);
  });

  it('show does nothing for a finding whose components are gone', () => {
    const { store } = editor();
    expect(showFinding(store, { ...lint(store.getState().topology)[0]!, componentIds: ['gone'] })).toEqual([]);
    expect(store.getState().focus).toBeNull();
  });
});
