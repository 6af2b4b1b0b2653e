import { addComponent, addLink, addNote, emptyTopology } from '@vmtopo/model';
import { describe, expect, it } from 'vitest';
import { copySelection, pasteClip } from './clipboard.ts';

describe('copy and paste', () => {
  it('pastes a cluster with its parts and keeps links to outside targets', () => {
    let t = emptyTopology();
    const cl = addComponent(t, 'VMCluster', { position: { x: 400, y: 0 } });
    t = cl.topology;
    const ag = addComponent(t, 'VMAgent', { position: { x: 0, y: 0 } });
    t = ag.topology;
    t = addLink(t, 'remoteWrite', ag.id, `${cl.id}-vminsert`).topology;
    const clip = copySelection(t, [ag.id])!;
    const out = pasteClip(t, clip, { x: 40, y: 40 });
    expect(out.ids).toHaveLength(1);
    const pasted = out.topology.components.find((c) => c.id === out.ids[0])!;
    expect(pasted.name).toBe('agent-2');
    expect(pasted.position).toEqual({ x: 40, y: 40 });
    expect(out.topology.links.filter((l) => l.source === pasted.id)).toHaveLength(1);

    const clip2 = copySelection(t, [cl.id])!;
    expect(clip2.components).toHaveLength(4);
    const out2 = pasteClip(t, clip2, { x: 40, y: 40 });
    expect(out2.topology.components).toHaveLength(t.components.length + 4);
    const newCluster = out2.ids[0]!;
    expect(out2.topology.components.filter((c) => c.cluster === newCluster)).toHaveLength(3);
  });

  it('copies selected notes with the components, and notes alone; each copy gets an id of its own', () => {
    let t = addComponent(emptyTopology(), 'VMAgent', { position: { x: 0, y: 0 } }).topology;
    const note = addNote(t, { x: 0, y: 200 }, 'prod only');
    t = note.topology;
    const both = pasteClip(t, copySelection(t, ['vmagent-agent', note.id])!, { x: 40, y: 40 });
    expect(both.ids).toEqual(['vmagent-agent-2', 'note-2']);
    expect(both.topology.notes![1]).toEqual({ id: 'note-2', text: 'prod only', position: { x: 40, y: 240 } });
    const alone = copySelection(both.topology, [note.id])!;
    expect(alone.components).toEqual([]);
    expect(pasteClip(both.topology, alone, { x: 0, y: 0 }).ids).toEqual(['note-3']);
  });
});
