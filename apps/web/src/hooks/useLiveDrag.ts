import { applyNodeChanges, type EditorStore } from '@vmtopo/editor';
import { applyNodeChanges as applyFlowChanges, useStoreApi, type Node, type NodeChange, type XYPosition } from '@xyflow/react';
import { useCallback, useEffect, useRef } from 'react';

/**
 * The canvas's node changes, with drags kept in React Flow's own store: a drag step moves the
 * node there and nowhere else (no render of the canvas, no new design, no cluster box re-sized and
 * re-measured), and the editor gets the drag's end as one undo step. Returns the nodes to hand to
 * React Flow: the derived ones, with the positions of a drag under way if the canvas re-renders
 * in the middle of it (a selection made by the drag's first step), so that nothing snaps back.
 *
 * A drag step reaches React Flow's store in an animation frame callback, not in the pointer
 * event: a store change re-renders its subscribers at once (useSyncExternalStore), so inside the
 * event the browser could answer the pointer only after that render (6-10 ms at 1,000
 * components), and the next pointer move waited for it. The callback runs in the same frame as
 * the event, before it is drawn, so the node does not lag; steps that arrive within one frame
 * make one store change. A drag's end is applied at once.
 */
export function useLiveDrag<N extends Node>(store: EditorStore, derived: N[]): { nodes: N[]; onNodesChange: (changes: NodeChange<N>[]) => void } {
  const flow = useStoreApi<N>();
  const live = useRef(new Map<string, XYPosition>());
  const queued = useRef(new Map<string, NodeChange<N>>());
  const frame = useRef(0);
  const flush = useCallback(() => {
    cancelAnimationFrame(frame.current);
    frame.current = 0;
    if (queued.current.size === 0) return;
    const moves = [...queued.current.values()];
    queued.current.clear();
    const rf = flow.getState();
    rf.setNodes(applyFlowChanges(moves, rf.nodes));
  }, [flow]);
  useEffect(() => () => cancelAnimationFrame(frame.current), []);
  const onNodesChange = useCallback(
    (changes: NodeChange<N>[]) => {
      const steps = applyNodeChanges(store, changes);
      for (const s of steps) live.current.set(s.id, s.position!);
      let moved = false;
      for (const c of changes) {
        if (c.type !== 'position') continue;
        queued.current.set(c.id, c);
        moved = true;
      }
      if (!moved) return;
      if (steps.length > 0) {
        frame.current ||= requestAnimationFrame(flush);
        return;
      }
      live.current.clear();
      flush();
    },
    [store, flush],
  );
  const moving = live.current;
  const nodes = moving.size === 0 ? derived : derived.map((n) => (moving.has(n.id) ? { ...n, position: moving.get(n.id)! } : n));
  return { nodes, onNodesChange };
}
