/**
 * Namespace boxes (issue #15 §5): an optional frame around the components of each namespace, so a
 * design spread over `monitoring`, `monitoring-prod` and `team-a` reads as such. A view only: the
 * design does not hold them and they follow the components wherever they are put.
 */

import { isClusterPart, namespaceOf, type Topology } from '@vmtopo/model';

/** Whether the design spans two namespaces or more: the frames have something to say. */
export function spansNamespaces(t: Topology): boolean {
  let first: string | undefined;
  for (const c of t.components) {
    if (isClusterPart(c.kind)) continue;
    const ns = namespaceOf(t, c);
    if (first === undefined) first = ns;
    else if (ns !== first) return true;
  }
  return false;
}

/** A top-level box on the canvas (a component, or a cluster box with its parts) and its namespace. */
export interface PlacedBox {
  namespace: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface NamespaceBox {
  namespace: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** How many boxes it frames. */
  count: number;
}

/** Space between a frame and what it frames; the top holds the namespace's name. */
export const NS_PAD = 16;
export const NS_LABEL = 22;

/**
 * One frame per namespace around its boxes, sorted by name; none for a design in one namespace
 * (a frame around everything says nothing).
 */
export function namespaceBoxes(boxes: Iterable<PlacedBox>): NamespaceBox[] {
  const byNs = new Map<string, NamespaceBox>();
  for (const b of boxes) {
    const f = byNs.get(b.namespace);
    if (!f) {
      byNs.set(b.namespace, { namespace: b.namespace, x: b.x, y: b.y, width: b.x + b.width, height: b.y + b.height, count: 1 });
      continue;
    }
    // width/height hold the right and bottom edges until the end.
    f.x = Math.min(f.x, b.x);
    f.y = Math.min(f.y, b.y);
    f.width = Math.max(f.width, b.x + b.width);
    f.height = Math.max(f.height, b.y + b.height);
    f.count++;
  }
  if (byNs.size < 2) return [];
  return [...byNs.values()]
    .sort((a, b) => (a.namespace < b.namespace ? -1 : a.namespace > b.namespace ? 1 : 0))
    .map((f) => ({
      namespace: f.namespace,
      x: f.x - NS_PAD,
      y: f.y - NS_PAD - NS_LABEL,
      width: f.width - f.x + 2 * NS_PAD,
      height: f.height - f.y + 2 * NS_PAD + NS_LABEL,
      count: f.count,
    }));
}
