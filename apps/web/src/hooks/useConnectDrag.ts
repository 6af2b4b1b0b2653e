import { canLink, connect, connectHint, orient, type EditorStore, type LinkOption } from '@vmtopo/editor';
import type { Connection, FinalConnectionState, OnConnectStartParams } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { nodeIdAt } from '../browser.ts';

/** Next to the pointer while a connection is dragged: what it would become, or why it is refused. */
export interface ConnectHint {
  x: number;
  y: number;
  ok: boolean;
  text: string;
}

/**
 * Connecting on the canvas: a drag from a handle onto a handle or anywhere on a node becomes a
 * link (`choose` is asked when several are possible), with a hint while it is dragged. The
 * handlers are React Flow's connection props.
 */
export function useConnectDrag(store: EditorStore, choose: (options: LinkOption[], x: number, y: number) => void) {
  const [hint, setHint] = useState<ConnectHint | null>(null);
  const connecting = useRef<{ nodeId: string; handleType: 'source' | 'target' | null } | null>(null);
  const lastPointer = useRef({ x: 0, y: 0 });

  /** Connects source to target, asking which link when several are possible. */
  const link = useCallback(
    (source: string, target: string, x: number, y: number) => {
      const options = connect(store, source, target);
      if (options) choose(options, x, y);
    },
    [store, choose],
  );

  const isValidConnection = useCallback((c: { source: string; target: string }) => canLink(store.getState().topology, c.source, c.target), [store]);
  const onConnect = useCallback((c: Connection) => link(c.source, c.target, lastPointer.current.x, lastPointer.current.y), [link]);
  const onConnectStart = useCallback((_: unknown, p: OnConnectStartParams) => {
    connecting.current = p.nodeId ? { nodeId: p.nodeId, handleType: p.handleType } : null;
  }, []);
  const onConnectEnd = useCallback(
    (event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      setHint(null);
      const from = connecting.current;
      connecting.current = null;
      if (!from || (state.isValid && state.toHandle)) return;
      const pt = 'changedTouches' in event ? event.changedTouches[0]! : event;
      const other = nodeIdAt(pt.clientX, pt.clientY, from.nodeId);
      if (!other) return;
      const { source, target } = orient(from.nodeId, from.handleType, other);
      link(source, target, pt.clientX, pt.clientY);
    },
    [link],
  );

  useEffect(() => {
    const move = (e: PointerEvent) => {
      lastPointer.current = { x: e.clientX, y: e.clientY };
      const from = connecting.current;
      if (!from) return;
      const other = nodeIdAt(e.clientX, e.clientY, from.nodeId);
      if (!other) {
        setHint(null);
        return;
      }
      const { source, target } = orient(from.nodeId, from.handleType, other);
      setHint({ x: e.clientX, y: e.clientY, ...connectHint(store.getState().topology, source, target) });
    };
    window.addEventListener('pointermove', move, true);
    return () => window.removeEventListener('pointermove', move, true);
  }, [store]);

  const handlers = useMemo(() => ({ isValidConnection, onConnect, onConnectStart, onConnectEnd }), [isValidConnection, onConnect, onConnectStart, onConnectEnd]);
  return { hint, handlers };
}
