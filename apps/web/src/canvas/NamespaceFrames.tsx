import { useStore, ViewportPortal, type ReactFlowState } from '@xyflow/react';
import { namespaceBoxes, type NamespaceBox, type PlacedBox } from '@vmtopo/editor';
import { useCallback } from 'react';
import { useEditor } from '../hooks/useEditor.ts';
import type { ComponentNodeData } from './derive.ts';

/** The frames from React Flow's own nodes, so that they follow a drag as it happens. */
function framesOf(s: ReactFlowState, designNamespace: string): NamespaceBox[] {
  const boxes: PlacedBox[] = [];
  for (const n of s.nodeLookup.values()) {
    // A cluster part is inside its cluster's box; a note belongs to no namespace.
    if (n.parentId || n.type === 'note') continue;
    const width = n.measured.width ?? n.width;
    const height = n.measured.height ?? n.height;
    if (width === undefined || height === undefined) continue;
    const { x, y } = n.internals.positionAbsolute;
    boxes.push({ namespace: (n.data as ComponentNodeData).namespace ?? designNamespace, x, y, width, height });
  }
  return namespaceBoxes(boxes);
}

const sameFrames = (a: NamespaceBox[], b: NamespaceBox[]) =>
  a.length === b.length && a.every((f, i) => { const g = b[i]!; return f.namespace === g.namespace && f.x === g.x && f.y === g.y && f.width === g.width && f.height === g.height; });

function Frames() {
  const designNamespace = useEditor((s) => s.topology.namespace);
  const frames = useStore(useCallback((s: ReactFlowState) => framesOf(s, designNamespace), [designNamespace]), sameFrames);
  return (
    <ViewportPortal>
      {frames.map((f) => (
        <div
          key={f.namespace}
          className="ns-frame"
          data-namespace={f.namespace}
          style={{ transform: `translate(${f.x}px, ${f.y}px)`, width: f.width, height: f.height }}
          aria-hidden
        >
          <span className="ns-label">namespace {f.namespace}</span>
        </div>
      ))}
    </ViewportPortal>
  );
}

/** A frame around the components of each namespace, beneath everything, when the view asks for them. */
export function NamespaceFrames() {
  const on = useEditor((s) => s.view.namespaceBoxes);
  // Off, nothing subscribes to React Flow's nodes: a drag step costs nothing here.
  return on ? <Frames /> : null;
}
