import { addComponent, addLink, emptyTopology } from '@vmtopo/model';
import { describe, expect, it } from 'vitest';
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

describe('editor commands', () => {
  it('copy, paste (further off each time), select all, delete, undo and redo', () => {
    const { store, agent } = editor();
    expect(runCommand(store, 'paste')).toBe(false);
    store.getState().select({ nodes: [agent] });
    expect(runCommand(store, 'copy')).toBe(true);
    expect(store.getState().notice?.text).toBe('Copied 1 component.');
    runCommand(store, 'paste');
    runCommand(store, 'paste');
    const agents = store.getState().topology.components.filter((c) => c.kind === 'VMAgent');
    expect(agents.map((c) => c.position)).toEqual([{ x: 0, y: 0 }, { x: 40, y: 40 }, { x: 80, y: 80 }]);
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
