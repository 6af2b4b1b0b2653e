import type { Edge, Node } from '@xyflow/react';
import { getComponent, isClusterPart, notesOf, partList, partsOf, replicasOf, type Component, type Link, type Note, type Position, type Topology } from '@vmtopo/model';
import { clusterSize, estimateHeight, NODE_W, PART_AREA, QUERY_LINKS, type NodeFindings, type Tone } from '@vmtopo/editor';

export interface ComponentNodeData extends Record<string, unknown> {
  component: Component;
  /** The CR name (a cluster part takes its cluster's). */
  name: string;
  /** Shown when it differs from the design's namespace. */
  namespace?: string;
  findings?: NodeFindings;
}

export interface ClusterNodeData extends ComponentNodeData {
  storageNodes: number;
  replicationFactor?: number;
}

export interface NoteNodeData extends Record<string, unknown> {
  note: Note;
}

export type ComponentFlowNode = Node<ComponentNodeData, 'component'>;
export type ClusterFlowNode = Node<ClusterNodeData, 'cluster'>;
export type NoteFlowNode = Node<NoteNodeData, 'note'>;
export type FlowNode = ComponentFlowNode | ClusterFlowNode | NoteFlowNode;

export interface LinkEdgeData extends Record<string, unknown> {
  link: Link;
}
export type FlowEdge = Edge<LinkEdgeData, 'link'>;

export interface DeriveInput {
  topology: Topology;
  selected: ReadonlySet<string>;
  measured: Record<string, { width: number; height: number }>;
  findings: Map<string, NodeFindings>;
}

interface CacheEntry {
  deps: unknown[];
  node: FlowNode;
}

/**
 * Stacking (React Flow runs in manual z mode): links above the cluster boxes they cross, every
 * component above every link, so a link passing behind a component never takes its clicks.
 */
const Z = { cluster: 0, link: 5, component: 10 } as const;

const same = (a: unknown[], b: unknown[]) => a.length === b.length && a.every((x, i) => x === b[i]);


/**
 * Derives React Flow nodes from the design. Each node object is reused while its inputs are
 * unchanged, so that an edit re-renders only what it changed. (A drag does not come here until it
 * ends: its steps stay in React Flow's store, see useLiveDrag.)
 */
export function createNodeDeriver(): (input: DeriveInput) => FlowNode[] {
  let cache = new Map<string, CacheEntry>();
  return (input) => {
    const { topology: t, selected, measured, findings } = input;
    const pos = (c: Component): Position => c.position ?? { x: 0, y: 0 };
    const size = (c: Component) => measured[c.id] ?? { width: NODE_W, height: estimateHeight(c) };
    const nsOf = (c: Component) => (c.namespace && c.namespace !== t.namespace ? c.namespace : undefined);
    const cached = (id: string, deps: unknown[], build: () => FlowNode, into: Map<string, CacheEntry>): FlowNode => {
      const old = cache.get(id);
      const node = old && same(old.deps, deps) ? old.node : build();
      into.set(id, { deps, node });
      return node;
    };

    const clusterNode = (c: Component, into: Map<string, CacheEntry>): FlowNode => {
      const parts = partList(t, c.id);
      const box = clusterSize(parts.map((p) => ({ position: pos(p), ...size(p) })));
      const storage = partsOf(t, c.id).vmstorage;
      const storageNodes = storage ? replicasOf(storage) : 0;
      const rf = typeof c.spec.replicationFactor === 'number' ? c.spec.replicationFactor : undefined;
      const p = pos(c);
      const f = findings.get(c.id);
      const sel = selected.has(c.id);
      return cached(c.id, [c, sel, p.x, p.y, box.width, box.height, storageNodes, rf, f?.key, t.namespace], () => ({
        id: c.id,
        type: 'cluster',
        position: p,
        selected: sel,
        style: { width: box.width, height: box.height },
        width: box.width,
        height: box.height,
        measured: { width: box.width, height: box.height },
        zIndex: Z.cluster,
        ariaLabel: `VMCluster ${c.name ?? ''}`,
        data: { component: c, name: c.name ?? '', namespace: nsOf(c), findings: f, storageNodes, replicationFactor: rf },
      }), into);
    };

    const componentNode = (c: Component, into: Map<string, CacheEntry>): FlowNode | undefined => {
      const owner = isClusterPart(c.kind) ? getComponent(t, c.cluster) : undefined;
      if (isClusterPart(c.kind) && !owner) return undefined;
      const p = pos(c);
      const m = measured[c.id];
      const f = findings.get(c.id);
      const name = owner ? (owner.name ?? '') : (c.name ?? '');
      const ns = nsOf(owner ?? c);
      const sel = selected.has(c.id);
      return cached(c.id, [c, sel, p.x, p.y, m?.width, m?.height, f?.key, name, ns], () => ({
        id: c.id,
        type: 'component',
        position: p,
        selected: sel,
        // Not `extent: 'parent'`: the box is sized when a drag ends, and a part must be able to leave it until then.
        ...(owner ? { parentId: owner.id, extent: PART_AREA } : {}),
        ...(m ? { measured: m } : {}),
        zIndex: Z.component,
        ariaLabel: owner ? `${c.kind} of VMCluster ${name}` : `${c.kind} ${name}`,
        data: { component: c, name, namespace: ns, findings: f },
      }), into);
    };

    const noteNode = (n: Note, into: Map<string, CacheEntry>): FlowNode => {
      const sel = selected.has(n.id);
      const m = measured[n.id];
      return cached(n.id, [n, sel, m?.width, m?.height], () => ({
        id: n.id,
        type: 'note',
        position: n.position,
        selected: sel,
        ...(m ? { measured: m } : {}),
        zIndex: Z.component,
        ariaLabel: `Note: ${n.text.split('\n')[0]!.slice(0, 60) || 'empty'}`,
        data: { note: n },
      }), into);
    };

    const next = new Map<string, CacheEntry>();
    const out: FlowNode[] = [];
    // Clusters first: a parent precedes its children.
    for (const c of t.components) {
      if (c.kind !== 'VMCluster') continue;
      out.push(clusterNode(c, next));
    }
    for (const c of t.components) {
      if (c.kind === 'VMCluster') continue;
      const node = componentNode(c, next);
      if (node) out.push(node);
    }
    for (const n of notesOf(t)) out.push(noteNode(n, next));
    cache = next;
    return out;
  };
}

/**
 * Derives edges from links; per link, the edge object is reused while link, selection and (in the
 * What if mode, `tone`) how the link fares are.
 */
export function createEdgeDeriver(): (t: Topology, selected: ReadonlySet<string>, tone?: (l: Link) => Tone | undefined) => FlowEdge[] {
  let cache = new Map<string, { link: Link; selected: boolean; tone: Tone | undefined; edge: FlowEdge }>();
  let last: FlowEdge[] = [];
  return (t, selected, toneOf) => {
    const next = new Map<string, { link: Link; selected: boolean; tone: Tone | undefined; edge: FlowEdge }>();
    const ids = new Set(t.components.map((c) => c.id));
    const out: FlowEdge[] = [];
    for (const l of t.links) {
      if (l.target === undefined || !ids.has(l.source) || !ids.has(l.target)) continue;
      const sel = selected.has(l.id);
      const tone = toneOf?.(l);
      const old = cache.get(l.id);
      const edge: FlowEdge =
        old && old.link === l && old.selected === sel && old.tone === tone
          ? old.edge
          : {
              id: l.id,
              type: 'link',
              // Query links are drawn the way data flows: storage → VMAlert.
              source: QUERY_LINKS.has(l.type) ? l.target : l.source,
              target: QUERY_LINKS.has(l.type) ? l.source : l.target,
              sourceHandle: 'out',
              targetHandle: 'in',
              selected: sel,
              ...(tone ? { className: `whatif-${tone}` } : {}),
              zIndex: Z.link,
              ariaLabel: `${l.type} link from ${l.source} to ${l.target}`,
              data: { link: l },
            };
      next.set(l.id, { link: l, selected: sel, tone, edge });
      out.push(edge);
    }
    cache = next;
    // The same edges: the same array, so that React Flow does not re-check every edge.
    if (out.length === last.length && out.every((e, i) => e === last[i])) return last;
    last = out;
    return out;
  };
}
