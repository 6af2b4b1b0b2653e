/**
 * The canvas as an SVG or PNG file (loaded on the first export: none of this is in the first load).
 * What is drawn is read from where the canvas keeps it: node boxes from React Flow's store, link
 * paths and labels from the DOM (whatever router drew them), colours from the theme's CSS variables.
 */
import { fontCss, loadDiagramSvg, sizingFigureOf, whatIfCaption, type Diagram, type EditorStore, type DiagramEdge, type DiagramNode, type DiagramTheme, type DiagramTone, type MeasureText } from '@vmtopo/editor';
import { LINK_LABELS, LINK_TYPES } from '@vmtopo/model';
import type { ReactFlowState } from '@xyflow/react';
import { download } from './browser.ts';
import type { ComponentNodeData, FlowEdge, FlowNode, NoteNodeData } from './canvas/derive.ts';
import { LINK_COLORS, LINK_DASH } from './canvas/edges/linkStyle.ts';

/** Pixels per CSS pixel of the PNG: sharp on a high-density screen and in a zoomed-in review. */
const PNG_SCALE = 2;
/** Well within desktop browsers' canvas limits (past them a canvas stays blank), and a PNG of at most 64 Mpx. */
const MAX_SIDE = 16384;
const MAX_AREA = 8192 * 8192;

export type ImageFormat = 'svg' | 'png';
type Draw = Awaited<ReturnType<typeof loadDiagramSvg>>;

/** The theme's colours as the page resolves them now (light-dark() needs an element to resolve on). */
function themeOf(host: HTMLElement): DiagramTheme {
  const probe = document.createElement('span');
  probe.style.display = 'none';
  host.appendChild(probe);
  const css = (name: string) => {
    probe.style.color = `var(${name})`;
    return getComputedStyle(probe).color;
  };
  try {
    return {
      background: css('--canvas'),
      panel: css('--panel'),
      node: css('--node'),
      border: css('--border'),
      borderStrong: css('--border-strong'),
      text: css('--text'),
      muted: css('--muted'),
      clusterFill: css('--cluster-bg'),
      noteFill: css('--note-bg'),
      noteBorder: css('--note-border'),
      roles: { collect: css('--role-collect'), route: css('--role-route'), store: css('--role-store'), alert: css('--role-alert'), query: css('--role-query'), notify: css('--role-notify'), note: css('--role-note') },
      severity: { error: css('--sev-error'), warning: css('--sev-warning'), info: css('--sev-info') },
    };
  } finally {
    probe.remove();
  }
}

/** Text widths in the fonts the export draws with, measured as this browser draws them. */
function canvasMeasure(): MeasureText {
  const ctx = document.createElement('canvas').getContext('2d');
  return (text, font) => {
    if (!ctx) return text.length * font.size * 0.6;
    ctx.font = fontCss(font);
    return ctx.measureText(text).width;
  };
}

/** The What if tone an element of the canvas is drawn in (its `whatif-warn` / `whatif-bad` class). */
function toneOf(el: Element | null | undefined): DiagramTone | undefined {
  if (el?.classList.contains('whatif-bad')) return 'bad';
  if (el?.classList.contains('whatif-warn')) return 'warn';
  return undefined;
}

/** Boxes in flow coordinates: clusters first (the canvas draws them under their parts), in their What if tones as drawn. */
function nodesOf(rf: ReactFlowState<FlowNode, FlowEdge>, { diagramNode, noteDiagramNode }: Draw, store: EditorStore, root: HTMLElement): DiagramNode[] {
  const t = store.getState().topology;
  const tones = new Map<string, DiagramTone>();
  for (const el of root.querySelectorAll('.react-flow__node [data-whatif]')) {
    const tone = toneOf(el);
    const id = el.closest('.react-flow__node')?.getAttribute('data-id');
    if (tone && id) tones.set(id, tone);
  }
  const out: DiagramNode[] = [];
  for (const n of rf.nodeLookup.values()) {
    const width = n.measured.width ?? n.width ?? 0;
    const height = n.measured.height ?? n.height ?? 0;
    if (n.hidden || width === 0 || height === 0) continue;
    const { x, y } = n.internals.positionAbsolute;
    const box = { x, y, width, height };
    const node = n.type === 'note' ? noteDiagramNode((n.data as NoteNodeData).note, box) : diagramNode(n.data as ComponentNodeData, box, sizingFigureOf(store, t, n.id));
    const tone = tones.get(n.id);
    out.push(tone ? { ...node, whatif: tone } : node);
  }
  return out;
}

/** The links as the canvas drew them: each edge's path and its label's text and centre, in flow coordinates. */
function edgesOf(rf: ReactFlowState<FlowNode, FlowEdge>, root: HTMLElement): DiagramEdge[] {
  const types = new Map(rf.edges.map((e) => [e.id, e.data?.link.type]));
  const out: DiagramEdge[] = [];
  for (const g of root.querySelectorAll<SVGGElement>('.react-flow__edge')) {
    const type = types.get(g.dataset.id ?? '');
    const path = g.querySelector<SVGPathElement>('path.react-flow__edge-path');
    const d = path?.getAttribute('d');
    if (!type || !path || !d) continue;
    const b = path.getBBox();
    const edge: DiagramEdge = { type, d, box: { x: b.x, y: b.y, width: b.width, height: b.height } };
    const tone = toneOf(g);
    if (tone) edge.whatif = tone;
    const text = g.querySelector<SVGTextElement>('text');
    const m = text?.getCTM();
    if (text?.textContent && m) {
      const t = text.getBBox();
      const centre = new DOMPoint(t.x + t.width / 2, t.y + t.height / 2).matrixTransform(m);
      edge.label = { text: text.textContent, x: centre.x, y: centre.y };
    }
    out.push(edge);
  }
  return out;
}

/** What the canvas shows now, as the diagram builder's input. */
function canvasDiagram(draw: Draw, store: EditorStore, rf: ReactFlowState<FlowNode, FlowEdge>, root: HTMLElement): Diagram {
  const links = Object.fromEntries(LINK_TYPES.map((t) => [t, { color: LINK_COLORS[t], dash: LINK_DASH[t], label: LINK_LABELS[t] }])) as Diagram['links'];
  const s = store.getState();
  const caption = whatIfCaption(s.whatif);
  return { title: s.topology.name, ...(caption ? { caption } : {}), nodes: nodesOf(rf, draw, store, root), edges: edgesOf(rf, root), theme: themeOf(root), links, measure: canvasMeasure() };
}

/** The largest scale up to PNG_SCALE that every browser can draw; below 1× the text would shrink, so that is refused. */
export function pngScale(width: number, height: number): number | undefined {
  const scale = Math.min(PNG_SCALE, MAX_SIDE / width, MAX_SIDE / height, Math.sqrt(MAX_AREA / (width * height)));
  return scale >= 1 ? scale : undefined;
}

/** The SVG drawn onto a canvas, as PNG bytes and their size. */
async function pngOf(svg: string): Promise<{ png: Blob; width: number; height: number }> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const scale = pngScale(img.naturalWidth, img.naturalHeight);
    if (!scale) throw new Error(`the design is too large for a PNG (${img.naturalWidth} × ${img.naturalHeight} px): export SVG instead, it has no size limit`);
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(img.naturalWidth * scale);
    canvas.height = Math.round(img.naturalHeight * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('this browser gave no canvas to draw the PNG on');
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    const png = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!png) throw new Error(`the browser could not encode a ${canvas.width} × ${canvas.height} px PNG: export SVG instead`);
    return { png, width: canvas.width, height: canvas.height };
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Exports what the canvas shows as a file named after the design; says what was saved. */
export async function exportCanvas(format: ImageFormat, store: EditorStore, rf: ReactFlowState<FlowNode, FlowEdge>, root: HTMLElement): Promise<string> {
  const draw = await loadDiagramSvg();
  const name = store.getState().topology.name;
  const svg = draw.diagramSvg(canvasDiagram(draw, store, rf, root));
  if (format === 'svg') {
    download(`${name}.svg`, svg, 'image/svg+xml');
    return `Saved ${name}.svg`;
  }
  const { png, width, height } = await pngOf(svg);
  download(`${name}.png`, png, 'image/png');
  return `Saved ${name}.png (${width} × ${height} px)`;
}
