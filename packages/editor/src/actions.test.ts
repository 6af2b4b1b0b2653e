import { addComponent, emptyTopology, getNote, partsOf } from '@vmtopo/model';
import { describe, expect, it } from 'vitest';
import { addAtCentre, dropItem, dropPaletteItem, editNote, stepCount } from './actions.ts';
import { createEditorStore } from './editorStore.ts';
import { applyNodeChanges, nudgeSelection } from './nodeChanges.ts';
import { deleteSelection, selectAll } from './selection.ts';

function design() {
  let t = emptyTopology();
  const agent = addComponent(t, 'VMAgent', { position: { x: 0, y: 0 } });
  t = agent.topology;
  const cluster = addComponent(t, 'VMCluster', { position: { x: 400, y: 0 } });
  return { t: cluster.topology, agent: agent.id, cluster: cluster.id };
}

describe('palette drops', () => {
  it('a Shard onto a VMAgent adds a shard; elsewhere it says where it goes', () => {
    const d = design();
    const r = dropItem(d.t, 'Shard', { x: 0, y: 0 }, d.agent);
    if ('problem' in r) throw new Error(r.problem);
    expect(r.topology.components.find((c) => c.id === d.agent)!.spec.shardCount).toBe(2);
    expect(dropItem(d.t, 'Shard', { x: 0, y: 0 }, undefined)).toEqual({ problem: 'Drop a Shard onto a VMAgent to add a shard to it.' });
  });

  it('a cluster part goes into the cluster it is dropped on, once', () => {
    const d = design();
    const parts = partsOf(d.t, d.cluster);
    expect(dropItem(d.t, 'vmselect', { x: 0, y: 0 }, parts.vminsert!.id)).toEqual({ problem: `VMCluster ${d.t.components.find((c) => c.id === d.cluster)!.name} already has a vmselect.` });
    expect(dropItem(d.t, 'vmselect', { x: 0, y: 0 }, undefined)).toEqual({ problem: 'A vmselect belongs to a VMCluster: drop it into a cluster box.' });
  });

  it('on the store: the new component sits under the pointer where it was grabbed, selected', () => {
    const store = createEditorStore(emptyTopology());
    dropPaletteItem(store, 'VMSingle', { x: 300, y: 200 }, undefined);
    const s = store.getState();
    expect(s.topology.components[0]!.position).toEqual({ x: 195, y: 170 });
    expect(s.selection.nodes).toEqual([s.topology.components[0]!.id]);
    dropPaletteItem(store, 'Shard', { x: 0, y: 0 }, undefined);
    expect(store.getState().notice).toMatchObject({ tone: 'error', text: 'Drop a Shard onto a VMAgent to add a shard to it.' });
  });

  it('Enter adds at the centre, clear of the node already there, and says so', () => {
    const d = design();
    const store = createEditorStore(d.t);
    addAtCentre(store, 'VMAlert', { x: 105, y: 50 });
    const s = store.getState();
    const alert = s.topology.components.find((c) => c.kind === 'VMAlert')!;
    expect(alert.position!.x).toBe(0);
    expect(alert.position!.y).toBeGreaterThan(100);
    expect(s.notice?.text).toBe('Added VMAlert.');
    store.getState().select({ nodes: [d.agent] });
    addAtCentre(store, 'Shard', { x: 0, y: 0 });
    expect(store.getState().notice?.text).toBe(`Updated ${d.agent}.`);
  });

  it('a stepper refuses a count the model refuses', () => {
    const d = design();
    const store = createEditorStore(d.t);
    stepCount(store, d.agent, 'replicaCount', 3);
    expect(store.getState().topology.components.find((c) => c.id === d.agent)!.spec.replicaCount).toBe(3);
    stepCount(store, d.agent, 'replicaCount', -1);
    expect(store.getState().notice?.tone).toBe('error');
    expect(store.getState().past).toHaveLength(1);
  });
});

describe('notes on the canvas', () => {
  it('a Note dropped or added from the keyboard lands selected; typing is one undo step; it moves, nudges, is selected with all and deleted', () => {
    const d = design();
    const store = createEditorStore(d.t);
    dropPaletteItem(store, 'Note', { x: 300, y: 300 }, d.agent); // onto a component: still a note of its own
    const id = store.getState().selection.nodes[0]!;
    expect(store.getState().topology.notes).toEqual([{ id, text: '', position: expect.objectContaining({}) }]);
    editNote(store, id, 'p');
    editNote(store, id, 'prod only');
    expect(getNote(store.getState().topology, id)!.text).toBe('prod only');
    store.getState().undo();
    expect(getNote(store.getState().topology, id)!.text).toBe('');
    store.getState().redo();

    // Dragged to a place (the drag's end), then nudged with the component.
    applyNodeChanges(store, [{ type: 'position', id, position: { x: 500.4, y: 60 }, dragging: false }]);
    expect(getNote(store.getState().topology, id)!.position).toEqual({ x: 500, y: 60 });
    store.getState().select({ nodes: [id, d.agent] });
    nudgeSelection(store, 10, 0);
    expect(getNote(store.getState().topology, id)!.position).toEqual({ x: 510, y: 60 });
    expect(store.getState().selection.nodes).toContain(id); // an edit keeps a note selected

    selectAll(store);
    expect(store.getState().selection.nodes).toContain(id);
    store.getState().select({ nodes: [id], edges: [] });
    deleteSelection(store);
    expect(store.getState().topology.notes).toBeUndefined();
    expect(store.getState().topology.components).toHaveLength(d.t.components.length);

    addAtCentre(store, 'Note', { x: 0, y: 0 });
    expect(store.getState().topology.notes).toHaveLength(1);
  });
});
