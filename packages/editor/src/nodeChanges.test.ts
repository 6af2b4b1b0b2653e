import { addComponent, emptyTopology } from '@vmtopo/model';
import { describe, expect, it } from 'vitest';
import { createEditorStore } from './editorStore.ts';
import { applyEdgeChanges, applyNodeChanges, nudgeSelection, PART_AREA } from './nodeChanges.ts';

function editor() {
  let t = emptyTopology();
  const agent = addComponent(t, 'VMAgent', { position: { x: 0, y: 0 } });
  t = agent.topology;
  const cluster = addComponent(t, 'VMCluster', { position: { x: 400, y: 0 } });
  return { store: createEditorStore(cluster.topology), agent: agent.id, cluster: cluster.id };
}

describe('node changes', () => {
  it('the steps of a drag are left to the canvas, and its end is one undo step', () => {
    const { store, agent } = editor();
    const before = store.getState().topology;
    const step = { type: 'position', id: agent, position: { x: 10.4, y: 20.6 }, dragging: true } as const;
    expect(applyNodeChanges(store, [step])).toEqual([step]);
    expect(store.getState().dragging).toBe(true);
    expect(store.getState().topology).toBe(before);
    applyNodeChanges(store, [{ type: 'position', id: agent, position: { x: 30, y: 40 }, dragging: true }]);
    expect(applyNodeChanges(store, [{ type: 'position', id: agent, position: { x: 30.2, y: 40 }, dragging: false }])).toEqual([]);
    const s = store.getState();
    expect(s.dragging).toBe(false);
    expect(s.topology.components.find((c) => c.id === agent)!.position).toEqual({ x: 30, y: 40 });
    expect(s.past).toEqual([before]);
    expect(s.mergeKey).toBeUndefined();
  });

  it('a drag that ends where it started changes nothing', () => {
    const { store, agent } = editor();
    applyNodeChanges(store, [{ type: 'position', id: agent, position: { x: 8, y: 0 }, dragging: true }]);
    applyNodeChanges(store, [{ type: 'position', id: agent, position: { x: 0, y: 0 }, dragging: false }]);
    expect(store.getState().dragging).toBe(false);
    expect(store.getState().past).toEqual([]);
  });

  it('arrow-key moves of a focused node (position changes outside a drag) merge into one undo step', () => {
    const { store, agent } = editor();
    for (let x = 5; x <= 15; x += 5) applyNodeChanges(store, [{ type: 'position', id: agent, position: { x, y: 0 }, dragging: false }]);
    expect(store.getState().past).toHaveLength(1);
    store.getState().undo();
    expect(store.getState().topology.components.find((c) => c.id === agent)!.position).toEqual({ x: 0, y: 0 });
  });

  it('a nudged part stays below its cluster header; a part moves with its selected cluster only', () => {
    const { store, cluster } = editor();
    const part = `${cluster}-vminsert`;
    const pos = (id: string) => store.getState().topology.components.find((c) => c.id === id)!.position;
    store.getState().select({ nodes: [part] });
    nudgeSelection(store, -500, -500);
    expect(pos(part)).toEqual({ x: PART_AREA[0][0], y: PART_AREA[0][1] });
    store.getState().select({ nodes: [part, cluster] });
    nudgeSelection(store, 10, 0);
    expect(pos(part)).toEqual({ x: PART_AREA[0][0], y: PART_AREA[0][1] });
    expect(pos(cluster)).toEqual({ x: 410, y: 0 });
  });

  it('keeps measured sizes (not of a cluster box, which its parts size) and selection', () => {
    const { store, agent, cluster } = editor();
    applyNodeChanges(store, [
      { type: 'dimensions', id: agent, dimensions: { width: 210, height: 108 } },
      { type: 'dimensions', id: cluster, dimensions: { width: 700, height: 400 } },
      { type: 'select', id: agent, selected: true },
      { type: 'remove' },
    ]);
    expect(store.getState().measured).toEqual({ [agent]: { width: 210, height: 108 } });
    expect(store.getState().selection.nodes).toEqual([agent]);
    applyNodeChanges(store, [{ type: 'select', id: agent, selected: false }]);
    expect(store.getState().selection.nodes).toEqual([]);
  });

  it('edge changes select links', () => {
    const { store } = editor();
    applyEdgeChanges(store, [{ type: 'select', id: 'l1', selected: true }, { type: 'select', id: 'l2', selected: true }]);
    applyEdgeChanges(store, [{ type: 'select', id: 'l1', selected: false }, { type: 'add' }]);
    expect(store.getState().selection.edges).toEqual(['l2']);
  });
});
