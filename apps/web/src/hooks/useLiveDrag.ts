import { applyNodeChanges, type EditorStore } from '@vmtopo/editor';
import { applyNodeChanges as applyFlowChanges, useStoreApi, type Node, type NodeChange, type XYPosition } from '@xyflow/react';
import { useCallback, useRef } from 'react';

/**
 * The canvas's node changes, with drags kept in React Flow's own store: a drag step moves the
 * node there and nowhere else (no render of the canvas, no new design, no cluster box re-sized and
 * re-measured), and the editor gets the drag's end as one undo step. Returns the nodes to hand to
 * React Flow: the derived ones, with the positions of a drag under way if the canvas re-renders
 * in the middle of it (a selection made by the drag's first step), so that nothing snaps back.
 */
export function useLiveDrag<N extends Node>(store: EditorStore, derived: N[]): { nodes: N[]; onNodesChange: (changes: NodeChange<N>[]) => void } {
  const flow = useStoreApi<N>();
  const live = useRef(new Map<string, XYPosition>());
  const onNodesChange = useCallback(
    (changes: NodeChange<N>[]) => {
      const steps = applyNodeChanges(store, changes);
      for (const s of steps) live.current.set(s.id, s.position!);
      const moves = changes.filter((c) => c.type === 'position');
      if (moves.length === 0) return;
      if (steps.length === 0) live.current.clear();
      const rf = flow.getState();
      rf.setNodes(applyFlowChanges(moves, rf.nodes));
    },
    [store, flow],
  );
  const moving = live.current;
  const nodes = moving.size === 0 ? derived : derived.map((n) => (moving.has(n.id) ? { ...n, position: moving.get(n.id)! } : n));
  return { nodes, onNodesChange };
}
