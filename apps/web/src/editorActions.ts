import type { ReactFlowInstance } from '@xyflow/react';
import type { Position, Topology } from '@vmtopo/model';
import type { StoreApi } from 'zustand';
import { addFromKeyboard } from './actions.ts';
import type { PaletteItemId } from './kindMeta.ts';
import { DEFAULT_CLUSTER_W, freeSpot, NODE_W } from './layout.ts';
import type { EditorState } from './store/editorStore.ts';

/** Fits the view once React Flow has measured the new nodes. */
export function fitSoon(rf: Pick<ReactFlowInstance, 'fitView'>, nodeIds?: string[]) {
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      void rf.fitView({
        padding: nodeIds ? 0.3 : 0.1,
        maxZoom: nodeIds ? 1.1 : 1,
        duration: 250,
        ...(nodeIds ? { nodes: nodeIds.map((id) => ({ id })) } : {}),
      });
    }),
  );
}

/** The flow coordinates of the middle of the canvas. */
export function viewCentre(rf: Pick<ReactFlowInstance, 'screenToFlowPosition'>): Position {
  const el = document.getElementById('canvas');
  const r = el?.getBoundingClientRect() ?? { left: 0, top: 0, width: window.innerWidth, height: window.innerHeight };
  return rf.screenToFlowPosition({ x: r.left + r.width / 2, y: r.top + r.height / 2 });
}

/** Adds a palette item at the centre of the view (Enter on a palette item, or a click). */
export function addAtCentre(store: StoreApi<EditorState>, rf: Pick<ReactFlowInstance, 'screenToFlowPosition'>, item: PaletteItemId) {
  const s = store.getState();
  const c = viewCentre(rf);
  const size = item === 'VMCluster' ? { width: DEFAULT_CLUSTER_W, height: 220 } : { width: NODE_W, height: 100 };
  const at = freeSpot(s.topology, s.measured, { x: Math.round(c.x - size.width / 2), y: Math.round(c.y - 50) }, size);
  const r = addFromKeyboard(s.topology, item, at, s.selection.nodes);
  if ('problem' in r) s.notify(r.problem, 'error');
  else {
    const adding = s.topology.components.length < r.topology.components.length;
    s.commit(r.topology, { select: { nodes: [r.select] } });
    s.notify(adding ? `Added ${item}.` : `Updated ${r.select}.`);
  }
}

/** Loads a design as one undoable step and fits it into view. */
export function loadDesign(store: StoreApi<EditorState>, rf: Pick<ReactFlowInstance, 'fitView'>, t: Topology) {
  store.getState().commit(t, { select: {} });
  fitSoon(rf);
}

export function download(filename: string, text: string, type = 'application/yaml') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const ta = document.createElement('textarea');
    ta.value = text;
    ta.style.position = 'fixed';
    ta.style.opacity = '0';
    document.body.appendChild(ta);
    ta.select();
    document.execCommand('copy');
    ta.remove();
  }
}
