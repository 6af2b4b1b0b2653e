import { isClusterPart, isExternalKind, type Component, type Note } from '@vmtopo/model';
import { plural, podsCaption } from './counts.ts';
import type { NodeFindings } from './derive.ts';
import { PART_ROLE, type DiagramBox, type DiagramNode } from './diagramSvg.ts';
import { KIND_ABBR, KIND_ROLE, kindLine } from './kindMeta.ts';
import { podGrid } from './layout.ts';
import type { SizingFigure } from './sizing.ts';

/** What the canvas knows of a node besides its box (the data of its React Flow node). */
export interface CanvasNodeData {
  component: Component;
  /** The CR name (a cluster part's is its cluster's). */
  name: string;
  /** Set when it differs from the design's namespace. */
  namespace?: string;
  findings?: NodeFindings;
  /** A VMCluster's header figures. */
  storageNodes?: number;
  replicationFactor?: number;
}

/** A note as the diagram export draws it: its text in its box. */
export function noteDiagramNode(note: Note, box: DiagramBox): DiagramNode {
  return { box, shape: 'note', role: 'note', abbr: '', kind: 'Note', name: note.text };
}

/** A node of the canvas as the diagram export draws it: the same lines, sized figure, pods and badge. */
export function diagramNode(data: CanvasNodeData, box: DiagramBox, sizing?: SizingFigure): DiagramNode {
  const c = data.component;
  const f = data.findings;
  const badge = f && f.count > 0 ? { severity: f.severity, count: f.counts[f.severity] } : undefined;
  if (c.kind === 'VMCluster') {
    const chips = [{ text: `RF ${data.replicationFactor ?? '–'}`, strong: true }, { text: plural(data.storageNodes ?? 0, 'node') }];
    if (data.namespace) chips.push({ text: `ns: ${data.namespace}` });
    return { box, shape: 'cluster', role: KIND_ROLE[c.kind], abbr: KIND_ABBR[c.kind], kind: c.kind, name: data.name, chips, badge };
  }
  const part = isClusterPart(c.kind) ? c.kind : undefined;
  const grid = podGrid(c);
  const external = isExternalKind(c.kind);
  return {
    box,
    shape: 'component',
    role: KIND_ROLE[c.kind],
    abbr: KIND_ABBR[c.kind],
    kind: part ? PART_ROLE[part] : kindLine(c.kind),
    name: part ?? data.name,
    nameFirst: part !== undefined,
    notes: data.namespace ? [`ns: ${data.namespace}`] : undefined,
    sizing: sizing && { text: sizing.text, short: !sizing.fits },
    pods: grid && { ...grid, caption: podsCaption(c) },
    badge,
    ...(external ? { external } : {}),
  };
}
