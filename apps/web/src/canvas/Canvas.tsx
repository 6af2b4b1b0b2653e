import { ConnectionMode, Controls, Panel, ReactFlow, useReactFlow, type EdgeChange } from '@xyflow/react';
import {
  applyEdgeChanges,
  dropPaletteItem,
  linkTone,
  makeLink,
  PALETTE_MIME,
  runCommand,
  samePlaces,
  shortcutAction,
  type LinkOption,
  type PaletteItemId,
} from '@vmtopo/editor';
import { useCallback, useDeferredValue, useMemo, useRef, useState, type DragEvent, type KeyboardEvent, type PointerEvent } from 'react';
import { isTextField, nodeIdAt } from '../browser.ts';
import { useWhatIf } from '../hooks/useWhatIf.ts';
import { useConnectDrag } from '../hooks/useConnectDrag.ts';
import { useEditor } from '../hooks/useEditor.ts';
import { useEditorApi } from '../hooks/useEditorApi.ts';
import { useFindingsByComponent } from '../hooks/useFindingsByComponent.ts';
import { useLiveDrag } from '../hooks/useLiveDrag.ts';
import { useNearZoom } from '../hooks/useNearZoom.ts';
import { createEdgeDeriver, createNodeDeriver, type FlowEdge, type FlowNode } from './derive.ts';
import { Dots } from './Dots.tsx';
import { EdgeMarkers } from './edges/EdgeMarkers.tsx';
import { LinkEdge } from './edges/LinkEdge.tsx';
import { EmptyHint } from './EmptyHint.tsx';
import { Legend } from './Legend.tsx';
import { NamespaceFrames } from './NamespaceFrames.tsx';
import { LinkChooser } from './LinkChooser.tsx';
import { MiniMapSlot } from './MiniMapSlot.tsx';
import { createBadgePopStore, BadgePopContext } from './nodes/badgePop.ts';
import { BadgePopLayer } from './nodes/BadgePopLayer.tsx';
import { ClusterNode } from './nodes/ClusterNode.tsx';
import { NoteNode } from './nodes/NoteNode.tsx';
import { ComponentNode } from './nodes/ComponentNode.tsx';

/**
 * Moves the keyboard focus to a node, so that its arrow keys and Delete act on it: once it is
 * drawn and measured (React Flow keeps a new node hidden until then, and a hidden one takes no focus).
 */
function focusNode(root: HTMLElement | null, id: string | undefined, frames = 20) {
  if (!id || !root) return;
  const el = root.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`);
  el?.focus({ preventScroll: true });
  if (document.activeElement !== el && frames > 0) requestAnimationFrame(() => focusNode(root, id, frames - 1));
}

interface Chooser {
  options: LinkOption[];
  x: number;
  y: number;
}

/** Low enough that fitView shows a design of hundreds of components whole. */
const MIN_ZOOM = 0.05;
// Props of <ReactFlow> as constants: a new object or array on every render would make React Flow
// update its store (and re-render what reads it) on every drag step.
const FLOW_PROPS = {
  nodeTypes: { component: ComponentNode, cluster: ClusterNode, note: NoteNode },
  edgeTypes: { link: LinkEdge },
  connectionMode: ConnectionMode.Strict,
  connectionRadius: 30,
  deleteKeyCode: null,
  selectionKeyCode: 'Shift',
  multiSelectionKeyCode: ['Shift', 'Meta', 'Control'],
  /** A small design opens at a readable zoom, never magnified. */
  fitViewOptions: { padding: 0.1, maxZoom: 1, minZoom: MIN_ZOOM },
  minZoom: MIN_ZOOM,
  maxZoom: 2,
  proOptions: { hideAttribution: true },
  // Layers as derive.ts sets them (cluster boxes, links, components), never lifted by selection:
  // React Flow's default raises links of cluster parts above other components, where a link's
  // invisible 20-px click band then swallows clicks meant for a component it passes.
  zIndexMode: 'manual' as const,
  ariaLabelConfig: { 'node.a11yDescription.default': 'Press Enter or Space to select this component, then the arrow keys to move it.' },
};
/** The canvas furniture, created once: the Canvas re-renders on every drag step, these never need to. */
const FURNITURE = (
  <>
    <Dots />
    <NamespaceFrames />
    <Controls position="bottom-left" aria-label="Zoom controls" />
    <MiniMapSlot />
    <Panel position="top-right">
      <Legend />
    </Panel>
  </>
);

export function Canvas({
  colorMode = 'system',
  fitOnInit = false,
  onFile,
}: {
  colorMode?: 'system' | 'light' | 'dark';
  /** Fit the first design into view once React Flow has measured it (a restored or shared design). */
  fitOnInit?: boolean;
  /** A file dropped on the canvas: imported. */
  onFile?: (f: File) => void;
}) {
  const store = useEditorApi();
  const current = useEditor((s) => s.topology);
  // Typing in the inspector, the field, the findings and the YAML come first: when nothing on the
  // canvas moved, appeared or went, the canvas catches up in a deferred render (a frame later)
  // instead of adding its 10 ms at 500 components to every keystroke. Anything that moves nodes
  // is drawn at once, so a drag never snaps back.
  const deferred = useDeferredValue(current);
  const topology = deferred !== current && samePlaces(deferred, current) ? deferred : current;
  const selection = useEditor((s) => s.selection);
  const measured = useEditor((s) => s.measured);
  // Badges follow a moment after the edit, like the topology above: the keystroke's own render
  // updates the findings panel and the YAML, and the canvas indexes the findings by component
  // and catches up in the deferred one.
  const byComponent = useFindingsByComponent(deferred);
  const near = useNearZoom();
  const rf = useReactFlow<FlowNode, FlowEdge>();
  const [deriveNodes] = useState(createNodeDeriver);
  const [deriveEdges] = useState(createEdgeDeriver);
  const [chooser, setChooser] = useState<Chooser | null>(null);
  const wrapper = useRef<HTMLDivElement>(null);
  /** Where the pointer is over the canvas (client coordinates): where Ctrl+V pastes. */
  const pointer = useRef<{ x: number; y: number } | null>(null);
  const [badgePop] = useState(createBadgePopStore);
  const choose = useCallback((options: LinkOption[], x: number, y: number) => setChooser({ options, x, y }), []);
  const connecting = useConnectDrag(store, choose);
  const hint = connecting.hint;

  const selNodes = useMemo(() => new Set(selection.nodes), [selection.nodes]);
  const selEdges = useMemo(() => new Set(selection.edges), [selection.edges]);
  const derived = useMemo(
    () => deriveNodes({ topology, selected: selNodes, measured, findings: byComponent }),
    [deriveNodes, topology, selNodes, measured, byComponent],
  );
  const { nodes, onNodesChange } = useLiveDrag(store, derived);
  const outcome = useWhatIf().outcome;
  const edges = useMemo(
    () => deriveEdges(topology, selEdges, outcome && ((l) => linkTone(topology, outcome, l))),
    [deriveEdges, topology, selEdges, outcome],
  );

  const onEdgesChange = useCallback((changes: EdgeChange<FlowEdge>[]) => applyEdgeChanges(store, changes), [store]);

  const onDragOver = useCallback((e: DragEvent) => {
    if (e.dataTransfer.types.includes(PALETTE_MIME) || (onFile && e.dataTransfer.types.includes('Files'))) {
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
    }
  }, [onFile]);

  const onDrop = useCallback(
    (e: DragEvent) => {
      const file = e.dataTransfer.files?.[0];
      if (file && onFile && !e.dataTransfer.types.includes(PALETTE_MIME)) {
        e.preventDefault();
        onFile(file);
        return;
      }
      const item = e.dataTransfer.getData(PALETTE_MIME) as PaletteItemId;
      if (!item) return;
      e.preventDefault();
      dropPaletteItem(store, item, rf.screenToFlowPosition({ x: e.clientX, y: e.clientY }), nodeIdAt(e.clientX, e.clientY));
      wrapper.current?.focus({ preventScroll: true });
    },
    [store, rf, onFile],
  );

  const onKeyDown = useCallback(
    (e: KeyboardEvent) => {
      if (isTextField(e.target)) return;
      const action = shortcutAction(e, 'canvas');
      if (!action || action === 'showShortcuts') return;
      // A focused node's arrow keys are React Flow's own (the same nudge); not twice.
      if (e.defaultPrevented) return;
      if (action === 'clearSelection') setChooser(null);
      const at = pointer.current ? rf.screenToFlowPosition(pointer.current) : undefined;
      if (!runCommand(store, action, at)) return;
      e.preventDefault();
      // The keyboard follows a paste: the copy's node takes the focus once it is drawn.
      if (action === 'paste') focusNode(wrapper.current, store.getState().selection.nodes[0]);
    },
    [store, rf],
  );
  const onPointerMove = useCallback((e: PointerEvent) => (pointer.current = { x: e.clientX, y: e.clientY }), []);
  const onPointerLeave = useCallback(() => (pointer.current = null), []);

  const onMoveEnd = useCallback((_: unknown, v: { x: number; y: number; zoom: number }) => store.getState().setViewport(v), [store]);
  const onMoveStart = useCallback(() => badgePop.set(null), [badgePop]);

  return (
    <div
      id="canvas"
      ref={wrapper}
      className="canvas"
      tabIndex={0}
      role="region"
      aria-label="Canvas"
      onKeyDown={onKeyDown}
      onPointerMove={onPointerMove}
      onPointerLeave={onPointerLeave}
      onDragOver={onDragOver}
      onDrop={onDrop}
    >
      <EdgeMarkers />
      <BadgePopContext.Provider value={badgePop}>
      <ReactFlow<FlowNode, FlowEdge>
        className={near ? undefined : 'overview'}
        {...FLOW_PROPS}
        nodes={nodes}
        edges={edges}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        {...connecting.handlers}
        onMoveStart={onMoveStart}
        onMoveEnd={onMoveEnd}
        fitView={fitOnInit}
        colorMode={colorMode}
      >
        {FURNITURE}
      </ReactFlow>
      </BadgePopContext.Provider>
      <BadgePopLayer store={badgePop} container={wrapper} />
      {topology.components.length === 0 && <EmptyHint />}
      {hint && (
        <div className={`connect-hint ${hint.ok ? 'ok' : 'bad'}`} style={{ left: hint.x + 14, top: hint.y + 14 }} role="status">
          {hint.text}
        </div>
      )}
      {chooser && (
        <LinkChooser
          options={chooser.options}
          x={chooser.x}
          y={chooser.y}
          onChoose={(o) => {
            setChooser(null);
            makeLink(store, o);
          }}
          onCancel={() => setChooser(null)}
        />
      )}
    </div>
  );
}
