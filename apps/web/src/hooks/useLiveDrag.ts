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
 * A drag step reaches React Flow's store in a task of its own right after the pointer event (a
 * MessageChannel message, as React schedules a state update), not inside the event or the frame:
 * a store change re-renders its subscribers at once (useSyncExternalStore). Inside the event, the
 * browser answered the pointer only after that render (6-10 ms at 1,000 components); inside an
 * animation frame callback, the render (~7 ms at 500) plus the frame's layout, paint and layerize
 * (~12 ms) overran every frame, so the node moved every second frame at best. In a task between
 * frames the render and the drawing share the time as they do on bare React Flow: back-to-back
 * drag at 500 components 29 → 34 updates/s. Steps that arrive before the task runs make one store
 * change. A drag's end is applied at once.
 */
export function useLiveDrag<N extends Node>(store: EditorStore, derived: N[]): { nodes: N[]; onNodesChange: (changes: NodeChange<N>[]) => void } {
  const flow = useStoreApi<N>();
  const live = useRef(new Map<string, XYPosition>());
  const queued = useRef(new Map<string, NodeChange<N>>());
  const posted = useRef(false);
  const flush = useCallback(() => {
    posted.current = false;
    if (queued.current.size === 0) return;
    const moves = [...queued.current.values()];
    queued.current.clear();
    const rf = flow.getState();
    rf.setNodes(applyFlowChanges(moves, rf.nodes));
  }, [flow]);
  const channel = useRef<MessageChannel | null>(null);
  useEffect(() => {
    const ch = new MessageChannel();
    ch.port1.onmessage = flush;
    channel.current = ch;
    return () => {
      // A message posted and not read is lost with the port: the next step posts again.
      channel.current = null;
      posted.current = false;
      ch.port1.close();
    };
  }, [flush]);
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
        if (!channel.current) flush();
        else if (!posted.current) {
          posted.current = true;
          channel.current.port2.postMessage(null);
        }
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
