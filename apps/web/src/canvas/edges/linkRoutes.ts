import { CLUSTER_HEADER, createRouter, type LinkRequest, type Obstacle, type Point, type Route } from '@vmtopo/editor';
import type { InternalNode, ReactFlowState } from '@xyflow/react';
import type { FlowEdge, FlowNode } from '../derive.ts';
import { labelOf } from './labelSize.ts';

type State = ReactFlowState<FlowNode, FlowEdge>;
interface FlowStore {
  getState(): State;
  subscribe(listener: () => void): () => void;
}

/**
 * The routes of one canvas's links, kept in step with React Flow's store. Routing happens when
 * the node geometry or the links change and no node is being dragged: a drag's steps re-route
 * nothing here (the dragged node's own links ask for a live route, see `live`), its end re-routes
 * the links whose neighbourhood it changed. Each link's component listens to its own route only.
 */
export class LinkRoutes {
  private readonly router = createRouter();
  private routes: ReadonlyMap<string, Route> = new Map();
  private seenNodes = new Map<string, InternalNode<FlowNode>>();
  private seenEdges: FlowEdge[] | undefined;
  private seenState: State | undefined;
  private readonly listeners = new Map<string, Set<() => void>>();
  private unsubscribe: (() => void) | undefined;
  private changed = new Set<string>();

  constructor(private readonly store: FlowStore) {}

  /** The route of a link as of the last geometry at rest; undefined before its nodes are measured. */
  route(id: string): Route | undefined {
    this.sync();
    return this.routes.get(id);
  }

  /** A route for a link whose ends are on the move, from the handle points React Flow draws now. */
  live(id: string, from: Point, to: Point): Route | undefined {
    const s = this.store.getState();
    const edge = s.edgeLookup.get(id);
    const req = edge && this.request(s, edge, from, to);
    return req && this.router.live(req);
  }

  subscribe(id: string, listener: () => void): () => void {
    let set = this.listeners.get(id);
    if (!set) this.listeners.set(id, (set = new Set()));
    set.add(listener);
    this.unsubscribe ??= this.store.subscribe(() => this.sync());
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(id);
      if (this.listeners.size === 0) {
        this.unsubscribe?.();
        this.unsubscribe = undefined;
      }
    };
  }

  private sync() {
    const s = this.store.getState();
    if (s === this.seenState) return;
    this.seenState = s;
    let changed = s.edges !== this.seenEdges || s.nodeLookup.size !== this.seenNodes.size;
    let dragging = false;
    // Internal nodes are replaced when they change: comparing identities finds what did.
    for (const [id, n] of s.nodeLookup) {
      if (this.seenNodes.get(id) === n) continue;
      changed = true;
      if (n.dragging) dragging = true;
    }
    if (!changed || dragging) return;
    this.seenNodes = new Map(s.nodeLookup);
    this.seenEdges = s.edges;
    const before = this.routes;
    this.routes = this.router.update(obstacles(s), this.requests(s));
    const first = this.changed.size === 0;
    for (const id of this.listeners.keys()) if (this.routes.get(id) !== before.get(id)) this.changed.add(id);
    // Told after the current render or store update: a link's render may be what routed them all.
    if (first && this.changed.size > 0) queueMicrotask(() => this.notify());
  }

  private notify() {
    const ids = this.changed;
    this.changed = new Set();
    for (const id of ids) for (const l of this.listeners.get(id) ?? []) l();
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

/** The routes of the canvas whose React Flow store this is. */
export function linkRoutesOf(store: FlowStore): LinkRoutes {
  let e = engines.get(store);
  if (!e) engines.set(store, (e = new LinkRoutes(store)));
  return e;
}
