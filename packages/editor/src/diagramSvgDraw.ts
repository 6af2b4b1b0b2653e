/** Draws a Diagram (see diagramSvg.ts, which loads this module on the first export) as SVG text. */
import type { LinkType } from '@vmtopo/model';
import { DIAGRAM_FONT_FAMILY, PODS_SHOWN, type Diagram, type DiagramBox, type DiagramEdge, type DiagramFont, type DiagramLinkStyle, type DiagramNode, type DiagramTone, type MeasureText } from './diagramSvg.ts';
import { el, txt, type Attrs } from './diagramSvgXml.ts';
import { SEVERITY_ICON } from './summary.ts';

export { diagramNode, noteDiagramNode } from './diagramSvgNodes.ts';

/** An average glyph width: wide enough that estimated text stays inside its box. */
export const estimateText: MeasureText = (text, f) => Array.from(text).length * f.size * (f.weight >= 600 ? 0.62 : 0.56);

// Fonts and line heights of the canvas's styles (styles.css: .node-kind, .node-name, …).
const F = {
  kind: { size: 11.5, weight: 600 },
  name: { size: 13, weight: 650 },
  note: { size: 11, weight: 400 },
  noteStrong: { size: 11, weight: 600 },
  caption: { size: 11.5, weight: 400 },
  chip: { size: 10.5, weight: 400 },
  chipStrong: { size: 10.5, weight: 650 },
  badge: { size: 11, weight: 700 },
  label: { size: 11, weight: 600 },
  legend: { size: 11.5, weight: 400 },
  title: { size: 16, weight: 700 },
  subtitle: { size: 12.5, weight: 600 },
} satisfies Record<string, DiagramFont>;
const LINE = { kind: 16, name: 18, note: 15, caption: 16, chip: 15 };
const PAD = 24;
const GAP = 16;
const TITLE_H = 22;
const CAPTION_H = 18;
const LEGEND_H = 28;
const LABEL_H = 18;
const { rows: POD_ROWS, cols: POD_COLS } = PODS_SHOWN;

/** A baseline that centres a line of `size` in a line box of `height` starting at `top`. */
const baseline = (top: number, height: number, size: number) => top + height / 2 + size * 0.35;

/** rgba() and rgb(… / a) as an opaque colour and its opacity: SVG 1.1 viewers know no alpha in colours. */
function paint(kind: 'fill' | 'stroke', color: string): Attrs {
  const m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)\s*(?:[,/]\s*([\d.]+)(%?))?\s*\)$/.exec(color.trim());
  if (!m) return { [kind]: color };
  const hex = `#${[m[1], m[2], m[3]].map((v) => Math.round(Number(v)).toString(16).padStart(2, '0')).join('')}`;
  const alpha = m[4] === undefined ? 1 : Number(m[4]) / (m[5] ? 100 : 1);
  return { [kind]: hex, [`${kind}-opacity`]: alpha < 1 ? alpha : undefined };
}

/** Splits a text into lines that fit `width`, after a `-`, `.`, `/`, `_` or space where one fits, anywhere else otherwise (CSS overflow-wrap: anywhere). */
export function wrapText(text: string, width: number, font: DiagramFont, measure: MeasureText): string[] {
  const chars = Array.from(text);
  const lines: string[] = [];
  let start = 0;
  while (start < chars.length) {
    let end = start + 1;
    while (end < chars.length && measure(chars.slice(start, end + 1).join(''), font) <= width) end++;
    if (end < chars.length) {
      for (let i = end; i > start; i--) {
        if (/[-./_ ]/.test(chars[i - 1]!)) {
          end = i;
          break;
        }
      }
    }
    lines.push(chars.slice(start, end).join(''));
    start = end;
  }
  return lines.length ? lines : [''];
}

function union(boxes: DiagramBox[]): DiagramBox {
  if (!boxes.length) return { x: 0, y: 0, width: 0, height: 0 };
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  const r = Math.max(...boxes.map((b) => b.x + b.width));
  const btm = Math.max(...boxes.map((b) => b.y + b.height));
  return { x, y, width: r - x, height: btm - y };
}

/** Draws one diagram; the helpers share its theme and text measure. */
class Painter {
  constructor(
    private readonly d: Diagram,
    readonly measure: MeasureText,
  ) {}

  text(x: number, y: number, s: string, font: DiagramFont, color: string, anchor?: 'middle' | 'end'): string {
    return el('text', { x, y, 'font-size': font.size, 'font-weight': font.weight, ...paint('fill', color), 'text-anchor': anchor }, txt(s));
  }

  /** Lines of one text element (tspans): the element's text is the whole name, however it wraps. */
  lines(x: number, top: number, lines: string[], font: DiagramFont, lineHeight: number, color: string): string {
    const spans = lines.map((l, i) => el('tspan', { x, y: baseline(top + i * lineHeight, lineHeight, font.size) }, txt(l)));
    return el('text', { 'font-size': font.size, 'font-weight': font.weight, ...paint('fill', color) }, ...spans);
  }

  abbr(n: DiagramNode, x: number, y: number, size: number): string {
    return el(
      'g',
      {},
      el('rect', { x, y, width: size, height: size, rx: 7, ...paint('fill', this.d.theme.roles[n.role]) }),
      this.text(x + size / 2, baseline(y, size, 11), n.abbr, { size: 11, weight: 700 }, '#ffffff', 'middle'),
    );
  }

  badgeWidth(n: DiagramNode): number {
    return n.badge ? this.measure(`${SEVERITY_ICON[n.badge.severity]} ${n.badge.count}`, F.badge) + 14 : 0;
  }

  badge(n: DiagramNode, right: number, midY: number): string {
    if (!n.badge) return '';
    const w = this.badgeWidth(n);
    const x = right - w;
    return el(
      'g',
      {},
      el('rect', { x, y: midY - 9, width: w, height: 18, rx: 9, ...paint('fill', this.d.theme.severity[n.badge.severity]) }),
      this.text(x + w / 2, baseline(midY - 9, 18, F.badge.size), `${SEVERITY_ICON[n.badge.severity]} ${n.badge.count}`, F.badge, '#ffffff', 'middle'),
    );
  }

  /** The colour of a What if tone: the canvas's --wi-warn and --wi-bad are its warning and error colours. */
  tone(t: DiagramTone): string {
    return t === 'bad' ? this.d.theme.severity.error : this.d.theme.severity.warning;
  }

  /** The canvas's What if ring: 2.5 px around the box (its box-shadow). */
  ring(n: DiagramNode, rx: number): string {
    if (!n.whatif) return '';
    const { x, y, width: w, height: h } = n.box;
    return el('rect', { x: x - 1.25, y: y - 1.25, width: w + 2.5, height: h + 2.5, rx: rx + 1.25, fill: 'none', ...paint('stroke', this.tone(n.whatif)), 'stroke-width': 2.5 });
  }

  component(n: DiagramNode, clip: string): string {
    const { theme } = this.d;
    const { x, y, width: w, height: h } = n.box;
    const left = x + 14; // 4-px role stripe + 10-px padding
    const right = x + w - 11;
    const top = y + 9;
    const titlesX = left + 26 + 8;
    const titlesW = right - titlesX - (n.badge ? this.badgeWidth(n) + 8 : 0);
    const names = wrapText(n.name, titlesW, F.name, this.measure);
    const titlesH = LINE.kind + LINE.name * names.length;
    const headH = Math.max(26, titlesH);
    const [nameTop, kindTop] = n.nameFirst ? [top, top + LINE.name * names.length] : [top + LINE.kind, top];
    const out: string[] = [
      el('clipPath', { id: clip }, el('rect', { x, y, width: w, height: h, rx: 10 })),
      el(
        'g',
        { 'clip-path': `url(#${clip})` },
        el('rect', { x, y, width: w, height: h, ...paint('fill', theme.node) }),
        el('rect', { x, y, width: 4, height: h, ...paint('fill', theme.roles[n.role]) }),
      ),
      el('rect', { x: x + 0.5, y: y + 0.5, width: w - 1, height: h - 1, rx: 10, fill: 'none', ...(n.external ? { ...paint('stroke', theme.borderStrong), 'stroke-dasharray': '6 4' } : paint('stroke', theme.border)) }),
      this.abbr(n, left, top + (headH - 26) / 2, 26),
      this.text(titlesX, baseline(kindTop, LINE.kind, F.kind.size), n.kind, F.kind, theme.muted),
      this.lines(titlesX, nameTop, names, F.name, LINE.name, theme.text),
      this.badge(n, right, top + headH / 2),
      this.ring(n, 10),
    ];
    let cy = top + headH;
    const notes = (n.notes ?? []).map((text) => ({ text, font: F.note, color: theme.muted }));
    if (n.sizing) notes.push(n.sizing.short ? { text: n.sizing.text, font: F.noteStrong, color: theme.severity.warning } : { text: n.sizing.text, font: F.note, color: theme.muted });
    for (const note of notes) {
      cy += 4;
      out.push(this.text(left, baseline(cy, LINE.note, note.font.size), note.text, note.font, note.color));
      cy += LINE.note;
    }
    if (n.pods) out.push(this.pods(n, left, cy + 8));
    return el('g', { 'data-kind': n.kind }, ...out);
  }

  pods(n: DiagramNode, left: number, top: number): string {
    const { rows, cols, caption } = n.pods!;
    const { theme } = this.d;
    const out: string[] = [];
    let cy = top;
    if (cols === 0) {
      out.push(this.text(left, baseline(cy, LINE.note, F.note.size), 'no pods', F.note, theme.muted));
      cy += LINE.note;
    } else {
      for (let r = 0; r < Math.min(rows, POD_ROWS); r++) {
        for (let c = 0; c < Math.min(cols, POD_COLS); c++) {
          out.push(el('rect', { x: left + c * 14, y: cy, width: 11, height: 11, rx: 3, ...paint('fill', theme.roles[n.role]), 'fill-opacity': 0.75 }));
        }
        if (cols > POD_COLS) out.push(this.text(left + POD_COLS * 14, baseline(cy, 11, F.note.size), `+${cols - POD_COLS}`, F.note, theme.muted));
        cy += 14;
      }
      if (rows > POD_ROWS) {
        out.push(this.text(left, baseline(cy, LINE.note, F.note.size), `+${rows - POD_ROWS} shards`, F.note, theme.muted));
        cy += LINE.note;
      }
    }
    out.push(this.text(left, baseline(cy + 1, LINE.caption, F.caption.size), caption, F.caption, theme.muted));
    return el('g', {}, ...out);
  }

  /** A note: its text, wrapped as the canvas wraps it, on the note's paper; what does not fit is cut. */
  note(n: DiagramNode): string {
    const { theme } = this.d;
    const { x, y, width: w, height: h } = n.box;
    const pad = 10;
    const fit = Math.max(1, Math.floor((h - 2 * pad) / LINE.note));
    const lines = n.name.split('\n').flatMap((l) => wrapText(l, w - 2 * pad, F.note, this.measure)).slice(0, fit);
    return el(
      'g',
      {},
      el('rect', { x, y, width: w, height: h, rx: 6, ...paint('fill', theme.noteFill), ...paint('stroke', theme.noteBorder), 'stroke-width': 1 }),
      this.lines(x + pad, y + pad, lines, F.note, LINE.note, theme.text),
    );
  }

  cluster(n: DiagramNode): string {
    const { theme } = this.d;
    const { x, y, width: w, height: h } = n.box;
    const mid = y + 23; // the middle of the 46-px header
    const titlesX = x + 12 + 28 + 8;
    const out: string[] = [
      el('rect', { x, y, width: w, height: h, rx: 12, ...paint('fill', theme.clusterFill), ...paint('stroke', theme.roles.store), 'stroke-width': 1.5, 'stroke-dasharray': '6 4' }),
      this.abbr(n, x + 12, mid - 14, 28),
      this.text(titlesX, baseline(mid - 17, LINE.kind, F.kind.size), n.kind, F.kind, theme.muted),
    ];
    let cx = titlesX + this.measure(n.kind, F.kind) + 5;
    for (const chip of n.chips ?? []) {
      const font = chip.strong ? F.chipStrong : F.chip;
      const cw = this.measure(chip.text, font) + 14;
      out.push(
        el('rect', { x: cx, y: mid - 17.5, width: cw, height: 17, rx: 8.5, ...paint('fill', theme.node), ...paint('stroke', chip.strong ? theme.roles.store : theme.borderStrong) }),
        this.text(cx + cw / 2, baseline(mid - 17.5, 17, font.size), chip.text, font, chip.strong ? theme.text : theme.muted, 'middle'),
      );
      cx += cw + 5;
    }
    out.push(this.text(titlesX, baseline(mid - 1, LINE.name, F.name.size), n.name, F.name, theme.text), this.badge(n, x + w - 12, mid), this.ring(n, 12));
    return el('g', { 'data-kind': 'VMCluster' }, ...out);
  }

  labelWidth(text: string): number {
    return this.measure(text, F.label) + 16;
  }

  edge(e: DiagramEdge): string {
    const s = this.d.links[e.type];
    const line = el('path', { d: e.d, fill: 'none', ...paint('stroke', s.color), 'stroke-width': 2, 'stroke-dasharray': s.dash, 'marker-end': `url(#arrow-${e.type})` });
    if (!e.whatif) return line;
    // The canvas's glow (a drop shadow in the tone's colour) as a wide, faint stroke under the link.
    const glow = el('path', { d: e.d, fill: 'none', ...paint('stroke', this.tone(e.whatif)), 'stroke-width': 7, 'stroke-opacity': 0.4, 'stroke-linecap': 'round', 'stroke-linejoin': 'round' });
    return el('g', { 'data-whatif': e.whatif }, glow, line);
  }

  label(e: DiagramEdge): string {
    if (!e.label) return '';
    const s = this.d.links[e.type];
    const { text, x, y } = e.label;
    const w = this.labelWidth(text);
    return el(
      'g',
      { 'data-link-type': e.type },
      el('rect', { x: x - w / 2, y: y - LABEL_H / 2, width: w, height: LABEL_H, rx: LABEL_H / 2, ...paint('fill', this.d.theme.panel), ...paint('stroke', s.color) }),
      this.text(x, baseline(y - LABEL_H / 2, LABEL_H, F.label.size), text, F.label, s.color, 'middle'),
    );
  }

  legendWidth(): number {
    return Object.values(this.d.links).reduce((w, s) => w + 34 + 8 + this.measure(s.label, F.legend) + 16, 20 - 16);
  }

  legend(x: number, y: number): string {
    const { theme } = this.d;
    const out = [el('rect', { x, y, width: this.legendWidth(), height: LEGEND_H, rx: 8, ...paint('fill', theme.panel), ...paint('stroke', theme.border) })];
    let cx = x + 10;
    const mid = y + LEGEND_H / 2;
    for (const s of Object.values(this.d.links)) {
      out.push(
        el('line', { x1: cx, y1: mid, x2: cx + 34, y2: mid, ...paint('stroke', s.color), 'stroke-width': 2.5, 'stroke-dasharray': s.dash }),
        this.text(cx + 42, baseline(mid - 8, 16, F.legend.size), s.label, F.legend, theme.text),
      );
      cx += 34 + 8 + this.measure(s.label, F.legend) + 16;
    }
    return el('g', { 'aria-label': 'Link legend' }, ...out);
  }

  markers(): string {
    return (Object.entries(this.d.links) as [LinkType, DiagramLinkStyle][])
      .map(([t, s]) =>
        el(
          'marker',
          { id: `arrow-${t}`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' },
          el('path', { d: 'M 0 0 L 10 5 L 0 10 z', ...paint('fill', s.color) }),
        ),
      )
      .join('');
  }
}

/** The diagram as a standalone SVG document. */
export function diagramSvg(d: Diagram): string {
  const p = new Painter(d, d.measure ?? estimateText);
  const labelled = d.edges.filter((e) => e.label);
  const content = union([
    ...d.nodes.map((n) => n.box),
    ...d.edges.map((e) => e.box),
    ...labelled.map((e) => {
      const w = p.labelWidth(e.label!.text);
      return { x: e.label!.x - w / 2, y: e.label!.y - LABEL_H / 2, width: w, height: LABEL_H };
    }),
  ]);
  const captionH = d.caption ? CAPTION_H : 0;
  const width = Math.ceil(Math.max(content.width, p.legendWidth(), p.measure(d.title, F.title), d.caption ? p.measure(d.caption, F.subtitle) : 0) + 2 * PAD);
  const height = Math.ceil(PAD + TITLE_H + captionH + GAP + content.height + GAP + LEGEND_H + PAD);
  const x0 = content.x - PAD;
  const y0 = content.y - PAD - TITLE_H - captionH - GAP;
  // Canvas order: cluster boxes, links, components (a link passes behind a component, never over it).
  const clusters = d.nodes.filter((n) => n.shape === 'cluster').map((n) => p.cluster(n));
  const components = d.nodes.filter((n) => n.shape === 'component').map((n, i) => p.component(n, `node-clip-${i}`));
  const notes = d.nodes.filter((n) => n.shape === 'note').map((n) => p.note(n));
  return el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      width,
      height,
      viewBox: `${Math.floor(x0)} ${Math.floor(y0)} ${width} ${height}`,
      'font-family': DIAGRAM_FONT_FAMILY,
      role: 'img',
      'aria-label': d.title,
    },
    el('title', {}, txt(d.title)),
    el('defs', {}, p.markers()),
    el('rect', { x: Math.floor(x0), y: Math.floor(y0), width, height, ...paint('fill', d.theme.background) }),
    p.text(content.x, baseline(y0 + PAD, TITLE_H, F.title.size), d.title, F.title, d.theme.text),
    ...(d.caption ? [p.text(content.x, baseline(y0 + PAD + TITLE_H, CAPTION_H, F.subtitle.size), d.caption, F.subtitle, d.theme.text)] : []),
    el('g', { 'aria-label': 'Clusters' }, ...clusters),
    el('g', { 'aria-label': 'Links' }, ...d.edges.map((e) => p.edge(e)), ...labelled.map((e) => p.label(e))),
    el('g', { 'aria-label': 'Components' }, ...components),
    ...(notes.length ? [el('g', { 'aria-label': 'Notes' }, ...notes)] : []),
    p.legend(content.x, content.y + content.height + GAP),
  );
}
