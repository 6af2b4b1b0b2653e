import { CLUSTER_HEADER, createRouter, type LinkRequest, type Obstacle, type Point, type Route } from '@vmtopo/editor';
import type { InternalNode, ReactFlowState } from '@xyflow/react';
import type { FlowEdge, FlowNode } from '../derive.ts';
import { labelOf } from './labelSize.ts';

type State = ReactFlowState<FlowNode, FlowEdge>;

/**
 * Time given to routing in one frame: opening or laying out 1,000 components routed every link in
 * one task of about a second; links left over are routed in the next frames.
 */
const ROUTING_MS_PER_FRAME = 10;
interface FlowStore {
  getState(): State;
  subscribe(listener: () => void): () => void;
}

/**
 * The routes of one canvas's links, kept in step with React Flow's store. Routing runs at most
 * once per frame, after the node geometry or the links changed, and never while a node is being
 * dragged: a drag's steps re-route nothing here (the moving nodes' own links ask for a live route,
 * see `live`), its end re-routes the links whose neighbourhood it changed. Each link's component
 * listens to its own route only.
 */
export class LinkRoutes {
  private readonly router = createRouter();
  private routes: ReadonlyMap<string, Route> = new Map();
  /** The internal nodes and the edges as last routed: what changed since is found by identity. */
  private routedNodes = new Map<string, InternalNode<FlowNode>>();
  private routedEdges: FlowEdge[] | undefined;
  private seenState: State | undefined;
  private dragging = false;
  /** Nodes moved since the last routing (a drag's): their links are routed live until the next. */
  private moving = new Set<string>();
  private frame = 0;
  private readonly listeners = new Map<string, Set<() => void>>();
  private unsubscribe: (() => void) | undefined;

  constructor(private readonly store: FlowStore) {}

  /** The route of a link as of the last routing; undefined before its first. */
  route(id: string): Route | undefined {
    return this.routes.get(id);
  }

  /**
   * A route for a link one of whose ends is on the move, from the handle points React Flow
   * draws now; undefined for any other link (its routed path is at most a frame away).
   */
  live(id: string, from: Point, to: Point): Route | undefined {
    const s = this.store.getState();
    const edge = s.edgeLookup.get(id);
    if (!edge || !(this.moving.has(edge.source) || this.moving.has(edge.target))) return undefined;
    const req = this.request(s, edge, from, to);
    return req && this.router.live(req);
  }

  subscribe(id: string, listener: () => void): () => void {
    let set = this.listeners.get(id);
    if (!set) this.listeners.set(id, (set = new Set()));
    set.add(listener);
    if (!this.unsubscribe) {
      this.unsubscribe = this.store.subscribe(() => this.sync());
      this.sync();
    }
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(id);
      if (this.listeners.size === 0) {
        this.unsubscribe?.();
        this.unsubscribe = undefined;
        cancelAnimationFrame(this.frame);
        this.frame = 0;
      }
    };
  }

  /** Notes what changed since the last routing; schedules the next one unless a drag is under way. */
  private sync() {
    const s = this.store.getState();
    if (s === this.seenState) return;
    this.seenState = s;
    let changed = s.edges !== this.routedEdges || s.nodeLookup.size !== this.routedNodes.size;
    let dragging = false;
    const moved: string[] = [];
    // Internal nodes are replaced when they change: comparing identities finds what did. A node
    // replaced with the same geometry (selected, its data edited) changes no route: at 1,000
    // components, routing again for a click cost tens of ms.
    for (const [id, n] of s.nodeLookup) {
      const old = this.routedNodes.get(id);
      if (old === n || (old && !n.dragging && sameGeometry(old, n))) continue;
      changed = true;
      moved.push(id);
      if (n.dragging) dragging = true;
    }
    this.dragging = dragging;
    if (dragging) for (const id of moved) this.moving.add(id);
    // Many store updates come in a burst (a design's first measurements): one routing for them all.
    if (changed && !dragging && this.frame === 0) this.frame = requestAnimationFrame(() => this.flush());
  }

  private flush() {
    this.frame = 0;
    if (this.dragging) return;
    const s = this.store.getState();
    this.routedNodes = new Map(s.nodeLookup);
    this.routedEdges = s.edges;
    const before = this.routes;
    const requests = this.requests(s);
    const until = performance.now() + ROUTING_MS_PER_FRAME;
    this.routes = this.router.update(obstacles(s), requests, () => performance.now() < until);
    this.moving.clear();
    for (const [id, set] of this.listeners) if (this.routes.get(id) !== before.get(id)) for (const l of set) l();
    // A large design opened or laid out: the rest of its links in the next frames (plain paths until then).
    if (this.routes.size < requests.length && this.frame === 0) this.frame = requestAnimationFrame(() => this.flush());
  }

  private requests(s: State): LinkRequest[] {
    const out: LinkRequest[] = [];
    for (const e of s.edges) {
      const req = this.request(s, e);
      if (req) out.push(req);
    }
    return out;
  }

  private request(s: State, e: FlowEdge, from?: Point, to?: Point): LinkRequest | undefined {
    const src = s.nodeLookup.get(e.source);
    const tgt = s.nodeLookup.get(e.target);
    const sb = src && boxOf(src);
    const tb = tgt && boxOf(tgt);
    const sp = from ?? (src && handlePoint(src, 'source', e.sourceHandle));
    const tp = to ?? (tgt && handlePoint(tgt, 'target', e.targetHandle));
    if (!sb || !tb || !sp || !tp || !e.data) return undefined;
    const open = [src.parentId, tgt.parentId].filter((p): p is string => p !== undefined);
    return { id: e.id, source: { id: e.source, box: sb, point: sp }, target: { id: e.target, box: tb, point: tp }, open, label: labelOf(e.data.link) };
  }
}

/** Everything of a node that routing reads: its box, its handles, its parent (an open box) and its type (a cluster's header). */
function sameGeometry(a: InternalNode<FlowNode>, b: InternalNode<FlowNode>): boolean {
  const p = a.internals.positionAbsolute;
  const q = b.internals.positionAbsolute;
  return (
    p.x === q.x &&
    p.y === q.y &&
    a.measured.width === b.measured.width &&
    a.measured.height === b.measured.height &&
    a.internals.handleBounds === b.internals.handleBounds &&
    a.parentId === b.parentId &&
    a.type === b.type &&
    a.hidden === b.hidden
  );
}

function boxOf(n: InternalNode<FlowNode>) {
  const w = n.measured.width;
  const h = n.measured.height;
  if (!w || !h) return undefined;
  return { x: n.internals.positionAbsolute.x, y: n.internals.positionAbsolute.y, width: w, height: h };
}

/** Where React Flow attaches an edge to a handle (getHandlePosition: the middle of the handle's outer side). */
function handlePoint(n: InternalNode<FlowNode>, type: 'source' | 'target', id: string | null | undefined): Point | undefined {
  const h = n.internals.handleBounds?.[type]?.find((b) => b.id === (id ?? null)) ?? n.internals.handleBounds?.[type]?.[0];
  if (!h) return undefined;
  const x = n.internals.positionAbsolute.x + h.x;
  const y = n.internals.positionAbsolute.y + h.y + h.height / 2;
  return { x: type === 'source' ? x + h.width : x, y };
}

/** Every measured node as a box; a cluster box also gives its header, which no link crosses. */
function obstacles(s: State): Obstacle[] {
  const out: Obstacle[] = [];
  for (const [id, n] of s.nodeLookup) {
    const b = boxOf(n);
    if (!b) continue;
    out.push({ id, ...b });
    if (n.type === 'cluster') out.push({ id: `${id}#head`, ...b, height: Math.min(CLUSTER_HEADER, b.height) });
  }
  return out;
}

const engines = new WeakMap<object, LinkRoutes>();

/**
 * The routes of the canvas whose React Flow store this is: one per store, whichever component
 * asks (useStoreApi gives each component its own wrapper object; the store's getState is the same).
 */
export function linkRoutesOf(store: FlowStore): LinkRoutes {
  let e = engines.get(store.getState);
  if (!e) engines.set(store.getState, (e = new LinkRoutes(store)));
  return e;
}
