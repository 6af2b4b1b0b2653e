import type { LinkType } from '@vmtopo/model';
import type { Severity } from './core.ts';
import type { Role } from './kindMeta.ts';

/**
 * The canvas as a standalone SVG, for a runbook or a design review: what is drawn (node boxes
 * where the canvas has them, link paths as the canvas drew them), in the theme's colours, with
 * the design's name above and the link legend below. Native shapes and text, no screenshot: the
 * names stay searchable and the picture stays sharp at any zoom.
 *
 * Here: what the drawing takes. The drawing itself (diagramSvgDraw.ts) loads on the first export.
 */

export interface DiagramBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One box on the canvas: a component's card, or a VMCluster's box (its parts are nodes of their own, drawn after it). */
export interface DiagramNode {
  box: DiagramBox;
  shape: 'component' | 'cluster' | 'note';
  role: Role;
  /** The coloured mark ("AG"). */
  abbr: string;
  /** The muted line: the kind (a cluster part's role). */
  kind: string;
  /** The bold line: the name (a cluster part's kind); a note's text. */
  name: string;
  /** The bold line first: a cluster part reads "vminsert" over "writes in · :8480". */
  nameFirst?: boolean;
  /** Pills after the kind on a cluster's header: replication factor, storage nodes, namespace. */
  chips?: { text: string; strong?: boolean }[];
  /** Muted lines under the head (the namespace when it differs from the design's). */
  notes?: string[];
  /** The sized figure of the design's workload ("≈ 98.2 GiB / pod of 20Gi"), amber when short. */
  sizing?: { text: string; short: boolean };
  pods?: { rows: number; cols: number; caption: string };
  badge?: { severity: Severity; count: number };
  /** A system outside the stack (Grafana): drawn with a dashed border, as on the canvas. */
  external?: boolean;
  /** How it fares in the What if scenario shown: ringed in the warning or the error colour, as on the canvas. */
  whatif?: DiagramTone;
}

/** A What if tone: degraded (warning colour) or down (error colour). */
export type DiagramTone = 'warn' | 'bad';

export interface DiagramEdge {
  type: LinkType;
  /** The path's `d` as the canvas drew it, in flow coordinates. */
  d: string;
  /** The path's bounding box (the image must hold the whole curve, not only its ends). */
  box: DiagramBox;
  /** The label pill, centred on x, y. */
  label?: { text: string; x: number; y: number };
  /** How it fares in the What if scenario shown: a glow in the warning or the error colour. */
  whatif?: DiagramTone;
}

/** The colours of the current theme (any CSS colour; rgba() becomes a colour and an opacity). */
export interface DiagramTheme {
  background: string;
  panel: string;
  node: string;
  border: string;
  borderStrong: string;
  text: string;
  muted: string;
  clusterFill: string;
  noteFill: string;
  noteBorder: string;
  roles: Record<Role, string>;
  severity: Record<Severity, string>;
}

/** How a link type is drawn, and its name in the legend. */
export interface DiagramLinkStyle {
  color: string;
  dash?: string;
  label: string;
}

export interface DiagramFont {
  size: number;
  weight: number;
}

/** The width of a text in a font; the page measures with a canvas, tests and Node estimate. */
export type MeasureText = (text: string, font: DiagramFont) => number;

export interface Diagram {
  title: string;
  /** A line under the title: the What if scenario the picture shows. */
  caption?: string;
  nodes: DiagramNode[];
  edges: DiagramEdge[];
  theme: DiagramTheme;
  links: Record<LinkType, DiagramLinkStyle>;
  measure?: MeasureText;
}

/** The canvas's own font stack: a generic family last, so any viewer has something to draw with. */
export const DIAGRAM_FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif";

/** A font as CSS (canvas `ctx.font`). */
export const fontCss = (f: DiagramFont): string => `${f.weight} ${f.size}px ${DIAGRAM_FONT_FAMILY}`;

/** What a cluster part does, and the port it serves on: the line under its kind (on the canvas too). */
export const PART_ROLE = { vminsert: 'writes in · :8480', vmselect: 'queries · :8481', vmstorage: 'stores · :8482' } as const;

/** Pods drawn on a node (rows are shards): the rest is counted ("+4"), on the canvas as in the export. */
export const PODS_SHOWN = { rows: 6, cols: 10 } as const;

/** The drawing code, loaded on first use: it is no part of the designer's first load. */
export const loadDiagramSvg = () => import('./diagramSvgDraw.ts');
