import { addComponent, addLink, emptyTopology } from '@vmtopo/model';
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
});
