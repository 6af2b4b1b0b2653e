import {
  Background,
  ConnectionMode,
  Controls,
  MiniMap,
  Panel,
  ReactFlow,
  useReactFlow,
  useStore,
  type Connection,
  type EdgeChange,
  type FinalConnectionState,
  type NodeChange,
  type OnConnectStartParams,
  type ReactFlowState,
} from '@xyflow/react';
import {
  addLink,
  getComponent,
  LINK_LABELS,
  removeComponents,
  removeLinks,
  type LinkType,
  type Position,
  type Topology,
} from '@vmtopo/model';
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { dropItem } from './actions.ts';
import { linkOptions, type LinkOption } from './connect.ts';
import { copySelection, pasteClip, type Clip } from './clipboard.ts';
import { EdgeMarkers, LinkEdge, LINK_COLORS } from './edges/LinkEdge.tsx';
import { KIND_ROLE, PALETTE_MIME, type PaletteItemId } from './kindMeta.ts';
import { BadgePopContext, BadgePopLayer, createBadgePopStore } from './nodes/Badge.tsx';
import { ClusterNode } from './nodes/ClusterNode.tsx';
import { ComponentNode } from './nodes/ComponentNode.tsx';
import { createEdgeDeriver, createNodeDeriver, type FlowEdge, type FlowNode } from './nodes/derive.ts';
import { EmptyHint } from './panels/EmptyHint.tsx';
import { useEditor, useEditorApi } from './store/context.tsx';
import { samePlaces } from './store/derive.ts';
import { useFindingsByComponent } from './store/hooks.ts';

const nodeTypes = { component: ComponentNode, cluster: ClusterNode };
const edgeTypes = { link: LinkEdge };
const proOptions = { hideAttribution: true };
const PASTE_OFFSET = { x: 40, y: 40 };
const ROLE_HEX = { collect: '#2f7de1', route: '#0f9d9a', store: '#7a52d1', alert: '#d97706', notify: '#dc4c64' } as const;
const minimapColor = (n: FlowNode) => (n.type === 'cluster' ? 'rgba(122, 82, 209, 0.18)' : ROLE_HEX[KIND_ROLE[n.data.component.kind]]);

/** The id of the innermost node under a screen point (parts before their cluster). */
export function nodeIdAt(clientX: number, clientY: number, except?: string): string | undefined {
  for (const el of document.elementsFromPoint(clientX, clientY)) {
    const node = (el as HTMLElement).closest?.('.react-flow__node') as HTMLElement | null;
    const id = node?.dataset.id;
    if (id && id !== except) return id;
  }
  return undefined;
}

/** From which end a connection was dragged decides which side is the source. */
function orient(fromNode: string, fromHandleType: 'source' | 'target' | null, other: string) {
  return fromHandleType === 'target' ? { source: other, target: fromNode } : { source: fromNode, target: other };
}

interface Chooser {
  options: LinkOption[];
  x: number;
  y: number;
}

interface Hint {
  x: number;
  y: number;
  ok: boolean;
  text: string;
}

/** Low enough that fitView shows a design of hundreds of components whole. */
const MIN_ZOOM = 0.05;
/** A small design opens at a readable zoom, never magnified. */
const FIT_OPTIONS = { padding: 0.1, maxZoom: 1, minZoom: MIN_ZOOM };
// Props of <ReactFlow> as constants: a new object or array on every render would make React Flow
// update its store (and re-render what reads it) on every drag step.
const ARIA_LABELS = { 'node.a11yDescription.default': 'Press Enter or Space to select this component, then the arrow keys to move it.' };
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
const MINIMAP_STYLE = { width: 170, height: 110 };
/** The canvas furniture, created once: the Canvas re-renders on every drag step, these never need to. */
const FURNITURE = (
  <>
    <Dots />
    <Controls position="bottom-left" aria-label="Zoom controls" />
    <MiniMapSlot />
    <Panel position="top-right">
      <Legend />
    </Panel>
  </>
);

/**
 * Below this zoom the canvas is an overview: the 20 px dot grid is a haze of sub-2 px dots and the
 * text on nodes and links is a few px high. Both are noise there, and both were rastered again on
 * every step of a drag; the overview shows nodes by their role colour, chip and findings badge.
 */
const NEAR_ZOOM = 0.3;
const isNear = (s: ReactFlowState) => s.transform[2] >= NEAR_ZOOM;

/** The dot grid, shown while it reads as a grid. */
function Dots() {
  return useStore(isNear) ? <Background gap={20} size={1.2} /> : null;
}

/**
 * The minimap, paused while a node is dragged: the live one subscribes to React Flow's store once
 * per node and re-measures the whole design on every drag step. During a drag it is replaced by a
 * snapshot of its last picture; it comes back, up to date, when the drag ends.
 */
function MiniMapSlot() {
  const dragging = useEditor((s) => s.drag !== null);
  const box = useRef<HTMLDivElement>(null);
  const frozen = useRef<{ __html: string } | null>(null);
  if (!dragging) frozen.current = null;
  else if (frozen.current === null) frozen.current = { __html: box.current?.innerHTML ?? '' };
  return (
    <div ref={box} className="minimap-slot">
      {dragging ? (
        <div className="minimap-slot" aria-hidden dangerouslySetInnerHTML={frozen.current!} />
      ) : (
        <MiniMap position="bottom-right" pannable zoomable ariaLabel="Minimap" nodeColor={minimapColor} nodeBorderRadius={6} style={MINIMAP_STYLE} />
      )}
    </div>
  );
}

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
  const drag = useEditor((s) => s.drag);
  const measured = useEditor((s) => s.measured);
  const byComponent = useFindingsByComponent();
  const near = useStore(isNear);
  const rf = useReactFlow<FlowNode, FlowEdge>();
  const [deriveNodes] = useState(createNodeDeriver);
  const [deriveEdges] = useState(createEdgeDeriver);
  const [chooser, setChooser] = useState<Chooser | null>(null);
  const [hint, setHint] = useState<Hint | null>(null);
  const connecting = useRef<{ nodeId: string; handleType: 'source' | 'target' | null } | null>(null);
  const clip = useRef<Clip | null>(null);
  const pasteCount = useRef(0);
  const wrapper = useRef<HTMLDivElement>(null);
  const [badgePop] = useState(createBadgePopStore);

  const selNodes = useMemo(() => new Set(selection.nodes), [selection.nodes]);
  const selEdges = useMemo(() => new Set(selection.edges), [selection.edges]);
  const nodes = useMemo(
    () => deriveNodes({ topology, selected: selNodes, drag, measured, findings: byComponent }),
    [deriveNodes, topology, selNodes, drag, measured, byComponent],
  );
  const edges = useMemo(() => deriveEdges(topology, selEdges), [deriveEdges, topology, selEdges]);

  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      const s = store.getState();
      let drag = s.drag;
      let ended = false;
      let moved = false;
      const sizes: Record<string, { width: number; height: number }> = {};
      let sel: Set<string> | undefined;
      for (const ch of changes) {
        if (ch.type === 'position' && ch.position) {
          drag = { ...(drag ?? {}), [ch.id]: { x: Math.round(ch.position.x), y: Math.round(ch.position.y) } };
          moved = true;
          if (!ch.dragging) ended = true;
        } else if (ch.type === 'dimensions' && ch.dimensions) {
          const c = getComponent(s.topology, ch.id);
          if (c?.kind !== 'VMCluster') sizes[ch.id] = ch.dimensions;
        } else if (ch.type === 'select') {
          sel ??= new Set(s.selection.nodes);
          if (ch.selected) sel.add(ch.id);
          else sel.delete(ch.id);
        }
      }
      if (Object.keys(sizes).length) s.setMeasured(sizes);
      if (sel) s.select({ nodes: [...sel] });
      if (!moved) return;
      if (!ended) {
        s.setDrag(drag);
        return;
      }
      const positions = drag ?? {};
      const changed = s.topology.components.some((c) => positions[c.id] && (positions[c.id]!.x !== c.position?.x || positions[c.id]!.y !== c.position?.y));
      if (!changed) {
        s.setDrag(null);
        return;
      }
      const next = {
        ...s.topology,
        components: s.topology.components.map((c) => (positions[c.id] ? { ...c, position: positions[c.id]! } : c)),
      };
      s.commit(next, { mergeKey: changes.every((c) => c.type !== 'position' || c.dragging === false) && !s.drag ? `nudge:${Object.keys(positions).join(',')}` : undefined });
    },
    [store],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<FlowEdge>[]) => {
      const s = store.getState();
      let sel: Set<string> | undefined;
      for (const ch of changes) {
        if (ch.type === 'select') {
          sel ??= new Set(s.selection.edges);
          if (ch.selected) sel.add(ch.id);
          else sel.delete(ch.id);
        }
      }
      if (sel) s.select({ edges: [...sel] });
    },
    [store],
  );

  const isValidConnection = useCallback(
    (c: Connection | FlowEdge) => linkOptions(store.getState().topology, c.source, c.target).options.length > 0,
    [store],
  );

  const makeLink = useCallback(
    ({ source, target, type }: LinkOption) => {
      const s = store.getState();
      try {
        const added = addLink(s.topology, type, source, target);
        s.commit(added.topology, { select: { edges: [added.id] } });
        s.notify(`Linked: ${LINK_LABELS[type]}.`);
      } catch (e) {
        s.notify(`Cannot link: ${(e as Error).message}`, 'error');
      }
    },
    [store],
  );

  /** Connects source to target, asking which link when several are possible. */
  const connect = useCallback(
    (source: string, target: string, x: number, y: number) => {
      const s = store.getState();
      const verdict = linkOptions(s.topology, source, target);
      if (verdict.problem) {
        s.notify(`Cannot link: ${verdict.problem}`, 'error');
        return;
      }
      if (verdict.options.length === 1) makeLink(verdict.options[0]!);
      else setChooser({ options: verdict.options, x, y });
    },
    [store, makeLink],
  );

  const lastPointer = useRef({ x: 0, y: 0 });
  const onConnect = useCallback(
    (c: Connection) => connect(c.source, c.target, lastPointer.current.x, lastPointer.current.y),
    [connect],
  );
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
      connect(source, target, pt.clientX, pt.clientY);
    },
    [connect],
  );

  // While a connection is being dragged: say what it would become, or why it is refused.
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
      const v = linkOptions(store.getState().topology, source, target);
      setHint({
        x: e.clientX,
        y: e.clientY,
        ok: !v.problem,
        text: v.problem ? `✖ ${v.problem}` : `✓ ${v.options.map((o) => LINK_LABELS[o.type]).join(' / ')}`,
      });
    };
    window.addEventListener('pointermove', move, true);
    return () => window.removeEventListener('pointermove', move, true);
  }, [store]);

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
      const s = store.getState();
      const at: Position = rf.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      const grab = item === 'VMCluster' ? { x: 40, y: 20 } : { x: 105, y: 30 };
      const r = dropItem(s.topology, item, { x: at.x - grab.x, y: at.y - grab.y }, nodeIdAt(e.clientX, e.clientY));
      if ('problem' in r) s.notify(r.problem, 'error');
      else s.commit(r.topology, { select: { nodes: [r.select] } });
      wrapper.current?.focus({ preventScroll: true });
    },
    [store, rf, onFile],
  );

  const deleteSelection = useCallback(() => {
    const s = store.getState();
    const { nodes, edges } = s.selection;
    if (nodes.length === 0 && edges.length === 0) return;
    s.commit(removeComponents(removeLinks(s.topology, edges), nodes), { select: {} });
  }, [store]);

  const onKeyDown = useCallback(
    (e: KeyboardEvent) => {
      const el = e.target as HTMLElement;
      if (el.closest('input, textarea, select, [contenteditable="true"], .monaco-editor')) return;
      const s = store.getState();
      const mod = e.ctrlKey || e.metaKey;
      if (e.key === 'Delete' || e.key === 'Backspace') {
        e.preventDefault();
        deleteSelection();
      } else if (mod && e.key.toLowerCase() === 'c') {
        const c = copySelection(s.topology, s.selection.nodes);
        if (c) {
          clip.current = c;
          pasteCount.current = 0;
          s.notify(`Copied ${c.components.length} component${c.components.length === 1 ? '' : 's'}.`);
        }
        e.preventDefault();
      } else if (mod && e.key.toLowerCase() === 'v') {
        if (!clip.current) return;
        pasteCount.current += 1;
        const off = { x: PASTE_OFFSET.x * pasteCount.current, y: PASTE_OFFSET.y * pasteCount.current };
        const out = pasteClip(s.topology, clip.current, off);
        s.commit(out.topology, { select: { nodes: out.ids } });
        e.preventDefault();
      } else if (mod && e.key.toLowerCase() === 'a') {
        s.select({ nodes: s.topology.components.map((c) => c.id), edges: s.topology.links.map((l) => l.id) });
        e.preventDefault();
      } else if (e.key === 'Escape') {
        s.select({ nodes: [], edges: [] });
        setChooser(null);
      }
    },
    [store, deleteSelection],
  );

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
      onDragOver={onDragOver}
      onDrop={onDrop}
    >
      <EdgeMarkers />
      <BadgePopContext.Provider value={badgePop}>
      <ReactFlow<FlowNode, FlowEdge>
        className={near ? undefined : 'overview'}
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onConnectStart={onConnectStart}
        onConnectEnd={onConnectEnd}
        isValidConnection={isValidConnection}
        connectionMode={ConnectionMode.Strict}
        connectionRadius={30}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={MULTI_SELECT_KEYS}
        onMoveStart={onMoveStart}
        onMoveEnd={onMoveEnd}
        fitView={fitOnInit}
        fitViewOptions={FIT_OPTIONS}
        colorMode={colorMode}
        minZoom={MIN_ZOOM}
        maxZoom={2}
        proOptions={proOptions}
        ariaLabelConfig={ARIA_LABELS}
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
        <div className="chooser" style={{ left: chooser.x, top: chooser.y }} role="menu" aria-label="Choose the link type">
          <div className="chooser-title">Link as…</div>
          {chooser.options.map((o, i) => (
            <button
              key={o.type}
              role="menuitem"
              type="button"
              autoFocus={i === 0}
              onClick={() => {
                setChooser(null);
                makeLink(o);
              }}
            >
              <span className="legend-swatch" style={{ background: LINK_COLORS[o.type] }} />
              {LINK_LABELS[o.type]}
            </button>
          ))}
          <button type="button" className="ghost" onClick={() => setChooser(null)}>
            Cancel
          </button>
        </div>
      )}
    </div>
  );
}

/** Which line style is which link. */
export function Legend() {
  return (
    <div className="legend" role="list" aria-label="Link legend">
      {(Object.keys(LINK_COLORS) as LinkType[]).map((t) => (
        <div className="legend-item" role="listitem" key={t}>
          <svg width="34" height="8" aria-hidden>
            <line x1="0" y1="4" x2="34" y2="4" stroke={LINK_COLORS[t]} strokeWidth="2.5" strokeDasharray={t === 'remoteWrite' ? undefined : t === 'datasource' ? '7 4' : t === 'remoteRead' ? '2 4' : '10 4 2 4'} />
          </svg>
          {LINK_LABELS[t]}
        </div>
      ))}
    </div>
  );
}

/** Moves components to new positions in one edit (used by the layouts). */
export function withPositions(t: Topology, positions: Record<string, Position>): Topology {
  return { ...t, components: t.components.map((c) => (positions[c.id] ? { ...c, position: positions[c.id]! } : c)) };
}
