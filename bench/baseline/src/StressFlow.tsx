import { type Edge, type Node, ReactFlow, useEdgesState, useNodesState } from '@xyflow/react';
import { useMemo } from 'react';

/**
 * The bare React Flow baseline of ../shared/perf-anchor.md ("StressFlow"): N default nodes on a
 * grid, N−1 chained default edges, useNodesState, fitView. Query: ?n=100 (default),
 * &orve=1 → onlyRenderVisibleElements, &fit=0 → no fitView.
 */
const params = new URLSearchParams(window.location.search);
const n = Math.max(1, Number(params.get('n') ?? 100) || 100);
const orve = params.get('orve') === '1';
const fit = params.get('fit') !== '0';

function makeNodes(count: number): Node[] {
  const cols = Math.ceil(Math.sqrt(count));
  return Array.from({ length: count }, (_, i) => ({
    id: `n${i}`,
    position: { x: (i % cols) * 180, y: Math.floor(i / cols) * 150 },
    data: { label: `node ${i}` },
  }));
}

function makeEdges(count: number): Edge[] {
  return Array.from({ length: Math.max(0, count - 1) }, (_, i) => ({ id: `e${i}-${i + 1}`, source: `n${i}`, target: `n${i + 1}` }));
}

export function StressFlow() {
  const [nodes, , onNodesChange] = useNodesState(useMemo(() => makeNodes(n), []));
  const [edges, , onEdgesChange] = useEdgesState(useMemo(() => makeEdges(n), []));
  return (
    <div style={{ width: '100vw', height: '100vh' }}>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        fitView={fit}
        minZoom={0.02}
        onlyRenderVisibleElements={orve}
      />
    </div>
  );
}
