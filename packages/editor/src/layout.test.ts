import { addComponent, addLink, addNote, emptyTopology } from '@vmtopo/model';
import { describe, expect, it } from 'vitest';
import { createEditorStore } from './editorStore.ts';
import { freeSpot, layoutDesign, placeMissing, withPositions } from './layout.ts';

describe('layout helpers', () => {
  it('places components without positions left to right by role', () => {
    let t = emptyTopology();
    t = addComponent(t, 'VMAlertmanager').topology;
    t = addComponent(t, 'VMAgent').topology;
    t = addComponent(t, 'VMSingle').topology;
    const placed = placeMissing(t);
    const x = (k: string) => placed.components.find((c) => c.kind === k)!.position!.x;
    expect(x('VMAgent')).toBeLessThan(x('VMSingle'));
    expect(x('VMSingle')).toBeLessThan(x('VMAlertmanager'));
  });
  it('finds a free spot below an occupied one', () => {
    const t = addComponent(emptyTopology(), 'VMAgent', { position: { x: 0, y: 0 } }).topology;
    const p = freeSpot(t, {}, { x: 10, y: 10 }, { width: 210, height: 100 });
    expect(p.x).toBe(10);
    expect(p.y).toBeGreaterThan(100);
  });
  it('a free spot is clear of a whole cluster box (as large as its parts make it) and of notes', () => {
    const t = addComponent(emptyTopology(), 'VMCluster', { position: { x: 0, y: 0 } }).topology;
    // Its box reaches past x 700 and y 150: a spot at its right end is taken.
    expect(freeSpot(t, {}, { x: 600, y: 60 }, { width: 210, height: 100 }).y).toBeGreaterThan(150);
    const note = addNote(emptyTopology(), { x: 0, y: 0 }).topology;
    expect(freeSpot(note, {}, { x: 10, y: 10 }, { width: 210, height: 100 }).y).toBeGreaterThan(60);
  });
});

describe('layouts on the design', () => {
  it('withPositions moves only the components it names', () => {
    const t = addComponent(addComponent(emptyTopology(), 'VMAgent', { position: { x: 0, y: 0 } }).topology, 'VMSingle', { position: { x: 5, y: 5 } }).topology;
    const [a, b] = t.components;
    const moved = withPositions(t, { [a!.id]: { x: 1, y: 2 } });
    expect(moved.components[0]!.position).toEqual({ x: 1, y: 2 });
    expect(moved.components[1]).toBe(b);
  });
  it('auto-layout (ELK) puts a writer left of its storage as one undo step, then fits the view', async () => {
    let t = emptyTopology();
    const single = addComponent(t, 'VMSingle', { position: { x: 0, y: 0 } });
    const agent = addComponent(single.topology, 'VMAgent', { position: { x: 0, y: 0 } });
    t = addLink(agent.topology, 'remoteWrite', agent.id, single.id).topology;
    const store = createEditorStore(t);
    let fits = 0;
    await layoutDesign(store, { fit: () => fits++ });
    const at = (id: string) => store.getState().topology.components.find((c) => c.id === id)!.position!;
    expect(at(agent.id).x).toBeLessThan(at(single.id).x);
    expect(store.getState().past).toHaveLength(1);
    expect(fits).toBe(1);
  });
});
