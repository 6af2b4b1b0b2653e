import { addComponent, addLink, emptyTopology, type Component } from '@vmtopo/model';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { estimateHeight, NODE_W } from './layout.ts';
import { createEditorStore } from './editorStore.ts';
import { runCommand, shortcutAction, SHORTCUTS, type KeyPress } from './shortcuts.ts';

const key = (k: string, mods: Partial<KeyPress> = {}): KeyPress => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, ...mods });

function editor() {
  let t = emptyTopology();
  const agent = addComponent(t, 'VMAgent', { position: { x: 0, y: 0 } });
  const single = addComponent(agent.topology, 'VMSingle', { position: { x: 400, y: 0 } });
  t = addLink(single.topology, 'remoteWrite', agent.id, single.id).topology;
  return { store: createEditorStore(t), agent: agent.id };
}

describe('the shortcuts table', () => {
  it('maps keys to actions per scope, as the list names them', () => {
    expect(shortcutAction(key('Delete'), 'canvas')).toBe('delete');
    expect(shortcutAction(key('Backspace', { metaKey: true }), 'canvas')).toBe('delete');
    expect(shortcutAction(key('C', { ctrlKey: true, shiftKey: true }), 'canvas')).toBe('copy');
    expect(shortcutAction(key('v', { metaKey: true }), 'canvas')).toBe('paste');
    expect(shortcutAction(key('a', { ctrlKey: true }), 'canvas')).toBe('selectAll');
    expect(shortcutAction(key('Escape'), 'canvas')).toBe('clearSelection');
    expect(shortcutAction(key('z', { ctrlKey: true }), 'page')).toBe('undo');
    expect(shortcutAction(key('Z', { ctrlKey: true, shiftKey: true }), 'page')).toBe('redo');
    expect(shortcutAction(key('y', { metaKey: true }), 'page')).toBe('redo');
    expect(shortcutAction(key('?', { shiftKey: true }), 'page')).toBe('showShortcuts');
    expect(shortcutAction(key('ArrowLeft'), 'canvas')).toBe('nudgeLeft');
    expect(shortcutAction(key('ArrowDown', { shiftKey: true }), 'canvas')).toBe('nudgeDownFar');
    expect(shortcutAction(key('ArrowDown', { ctrlKey: true }), 'canvas')).toBeUndefined();
  });

  it('leaves other keys, and keys of the other scope, alone', () => {
    expect(shortcutAction(key('c'), 'canvas')).toBeUndefined();
    expect(shortcutAction(key('?', { ctrlKey: true }), 'page')).toBeUndefined();
    expect(shortcutAction(key('z', { ctrlKey: true }), 'canvas')).toBeUndefined();
    expect(shortcutAction(key('Delete'), 'page')).toBeUndefined();
  });

  it('lists every key it binds, and every binding is in a scope', () => {
    for (const s of SHORTCUTS) {
      expect(s.keys.length > 0 && s.description.length > 0).toBe(true);
      expect(s.bindings === undefined).toBe(s.scope === undefined);
    }
  });
});

const overlap = (a: Component, b: Component) => {
  const w = NODE_W;
  const [pa, pb] = [a.position!, b.position!];
  return pa.x < pb.x + w && pb.x < pa.x + w && pa.y < pb.y + estimateHeight(b) && pb.y < pa.y + estimateHeight(a);
};

describe('editor commands', () => {
  afterEach(() => vi.useRealTimers());

  it('copy, paste (clear of the originals and of each other), select all, delete, undo and redo', () => {
    const { store, agent } = editor();
    expect(runCommand(store, 'paste')).toBe(false);
    store.getState().select({ nodes: [agent] });
    expect(runCommand(store, 'copy')).toBe(true);
    expect(store.getState().notice?.text).toBe('Copied 1 component.');
    runCommand(store, 'paste');
    runCommand(store, 'paste');
    const agents = store.getState().topology.components.filter((c) => c.kind === 'VMAgent');
    expect(agents).toHaveLength(3);
    expect([overlap(agents[0]!, agents[1]!), overlap(agents[0]!, agents[2]!), overlap(agents[1]!, agents[2]!)]).toEqual([false, false, false]);
    expect(store.getState().selection.nodes).toEqual([agents[2]!.id]);
    runCommand(store, 'selectAll');
    expect(store.getState().selection.nodes).toHaveLength(4);
    expect(store.getState().selection.edges).toHaveLength(3);
    expect(runCommand(store, 'delete')).toBe(true);
    expect(store.getState().topology.components).toEqual([]);
    runCommand(store, 'undo');
    expect(store.getState().topology.components).toHaveLength(4);
    runCommand(store, 'redo');
    expect(store.getState().topology.components).toEqual([]);
    expect(runCommand(store, 'clearSelection')).toBe(false);
  });
});

describe('paste at the pointer and nudges', () => {
  it('pastes with its top-left corner at the pointer, selected, or just below where that is taken', () => {
    const { store, agent } = editor();
    store.getState().select({ nodes: [agent] });
    runCommand(store, 'copy');
    runCommand(store, 'paste', { x: 1000.4, y: 300 });
    const pasted = store.getState().selection.nodes[0]!;
    expect(store.getState().topology.components.find((c) => c.id === pasted)!.position).toEqual({ x: 1000, y: 300 });
    runCommand(store, 'paste', { x: 1000, y: 300 });
    const again = store.getState().topology.components.find((c) => c.id === store.getState().selection.nodes[0])!;
    expect(again.position!.x).toBe(1000);
    expect(again.position!.y).toBeGreaterThanOrEqual(300 + estimateHeight(again));
  });

  it('arrow keys move the selection; a burst is one undo step, a pause starts another', () => {
    vi.useFakeTimers();
    const { store, agent } = editor();
    const at = () => store.getState().topology.components.find((c) => c.id === agent)!.position;
    expect(runCommand(store, 'nudgeRight')).toBe(false);
    store.getState().select({ nodes: [agent] });
    runCommand(store, 'nudgeRight');
    vi.advanceTimersByTime(200);
    runCommand(store, 'nudgeDownFar');
    vi.advanceTimersByTime(200);
    runCommand(store, 'nudgeLeft');
    expect(at()).toEqual({ x: 0, y: 20 });
    expect(store.getState().past).toHaveLength(1);
    vi.advanceTimersByTime(2000);
    runCommand(store, 'nudgeUp');
    expect(at()).toEqual({ x: 0, y: 15 });
    expect(store.getState().past).toHaveLength(2);
    store.getState().undo();
    store.getState().undo();
    expect(at()).toEqual({ x: 0, y: 0 });
  });
});
