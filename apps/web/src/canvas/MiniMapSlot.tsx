import { KIND_ROLE } from '@vmtopo/editor';
import { MiniMap } from '@xyflow/react';
import { useEffect, useRef, useState } from 'react';
import { useEditor } from '../hooks/useEditor.ts';
import type { FlowNode } from './derive.ts';

const ROLE_HEX = { collect: '#2f7de1', route: '#0f9d9a', store: '#7a52d1', alert: '#d97706', query: '#64748b', notify: '#dc4c64', note: '#e6cf6e' } as const;
const minimapColor = (n: FlowNode) => (n.type === 'cluster' ? 'rgba(122, 82, 209, 0.18)' : n.type === 'note' ? ROLE_HEX.note : ROLE_HEX[KIND_ROLE[n.data.component.kind]]);
const MINIMAP_STYLE = { width: 170, height: 110 };

/**
 * The minimap, paused while a node is dragged: the live one subscribes to React Flow's store once
 * per node and re-measures the whole design on every drag step. During a drag it is replaced by a
 * snapshot of its last picture; it comes back, up to date, at the first idle moment after the
 * drag: mounting it again creates an element and a subscription per node (80 ms at 1,000
 * components), which would otherwise lengthen the drop itself.
 */
export function MiniMapSlot() {
  const dragging = useEditor((s) => s.dragging);
  const [resting, setResting] = useState(true);
  useEffect(() => {
    if (dragging) {
      setResting(false);
      return;
    }
    const idle = requestIdleCallback(() => setResting(true), { timeout: 1000 });
    return () => cancelIdleCallback(idle);
  }, [dragging]);
  const paused = dragging || !resting;
  const box = useRef<HTMLDivElement>(null);
  const frozen = useRef<{ __html: string } | null>(null);
  if (!paused) frozen.current = null;
  else if (frozen.current === null) frozen.current = { __html: box.current?.innerHTML ?? '' };
  return (
    <div ref={box} className="minimap-slot">
      {paused ? (
        <div className="minimap-slot" aria-hidden dangerouslySetInnerHTML={frozen.current!} />
      ) : (
        <MiniMap position="bottom-right" pannable zoomable ariaLabel="Minimap" nodeColor={minimapColor} nodeBorderRadius={6} style={MINIMAP_STYLE} />
      )}
    </div>
  );
}
