import type { Link } from '@vmtopo/model';
import { linkLabel } from './linkStyle.ts';

/** Label font: must match `.edge-label text` in styles.css. */
const LABEL_FONT = "600 11px system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif";
/** The pill around the text: padding on each side, height. */
const PAD_X = 8;
export const LABEL_H = 18;
const widths = new Map<string, number>();
let measureCtx: CanvasRenderingContext2D | null | undefined;

/** The rendered width of a label's text, measured once per distinct text. */
function textWidth(text: string): number {
  let w = widths.get(text);
  if (w === undefined) {
    if (measureCtx === undefined) measureCtx = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
    if (measureCtx) {
      measureCtx.font = LABEL_FONT;
      w = Math.ceil(measureCtx.measureText(text).width);
    } else w = Math.ceil(text.length * 6.2);
    widths.set(text, w);
  }
  return w;
}

/** A link's label: its text and the size of its pill (what the router keeps clear). */
export function labelOf(link: Link): { text: string; width: number; height: number } {
  const text = linkLabel(link.type, link.notify);
  return { text, width: textWidth(text) + 2 * PAD_X, height: LABEL_H };
}
