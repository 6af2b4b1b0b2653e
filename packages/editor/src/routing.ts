/**
 * Link routing on the canvas: orthogonal paths around node boxes, parallel links between the same
 * pair drawn apart, and labels on their path where they cover no node and no other label.
 *
 * Pure geometry (no DOM, no React Flow): the canvas hands in absolute boxes and handle points.
 * A route is searched with A* on a sparse grid made of lines just clear of the boxes near the
 * link (and the middles of the gaps between them), so a link costs what its neighbourhood
 * costs, not what the design costs. `createRouter` keeps the routes between updates and redoes
 * only those whose neighbourhood (or ends) changed: a drag's end re-routes a handful of links.
 */

export interface Point {
  x: number;
  y: number;
}
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface Obstacle extends Rect {
  id: string;
}

/** One end of a link: its node's box and the handle point (on the box's right side for a source, left for a target). */
export interface LinkEnd {
  id: string;
  box: Rect;
  point: Point;
}

export interface LinkRequest {
  id: string;
  source: LinkEnd;
  target: LinkEnd;
  /** Boxes the link may cross: the containers (cluster boxes) its ends sit in. */
  open?: readonly string[];
  /** The label's size: placed on the path, clear of boxes and other labels. */
  label: { width: number; height: number };
}

export interface Route {
  id: string;
  points: Point[];
  /** SVG path data, corners rounded. */
  path: string;
  /** The label's centre. */
  label: Point;
  labelRect: Rect;
  /** What the route depends on: a box changing inside it re-routes the link. */
  region: Rect;
  /** The request it answers (ends, lane), to tell whether it is still current. */
  key: string;
}

/** Preferred distance from a box; the lines of the search grid run this far from every box. */
const ROUTE_MARGIN = 16;
/** A route never comes closer to a box than this (rounded corners included). */
const CLEARANCE = 4;
/** Cost of a bend, in px of length: fewer bends beat slightly shorter paths. */
const BEND = 40;
/** Distance between parallel links of the same pair. */
const LANE_GAP = 10;
const CORNER = 8;
/**
 * How hard a link is routed. At rest: through ever larger regions until found (a search gives
 * up after `expansions` steps or on grids beyond `grid` points: a region spanning a huge design),
 * else the plain path. On the move (every frame of a drag): nearby only and briefly, else the
 * canvas draws its plain path for that frame.
 */
interface Budget {
  pads: readonly number[];
  /** Whether the last resort is a region around the whole design, then the plain path. */
  whole: boolean;
  grid: number;
  expansions: number;
  /** Searches no region holding more boxes than this (each frame of a drag must stay cheap). */
  boxes: number;
  /** Rings searched around the path for a label that finds no place on it. */
  rings: number;
}
const AT_REST: Budget = { pads: [ROUTE_MARGIN * 3, 200, 600], whole: true, grid: 250_000, expansions: 40_000, boxes: Infinity, rings: 400 };
const MOVING: Budget = { pads: [ROUTE_MARGIN * 3, 200], whole: false, grid: 8_000, expansions: 1_500, boxes: 30, rings: 10 };
const LABEL_PAD = 3;

const right = (r: Rect) => r.x + r.width;
const bottom = (r: Rect) => r.y + r.height;
const inflate = (r: Rect, d: number): Rect => ({ x: r.x - d, y: r.y - d, width: r.width + 2 * d, height: r.height + 2 * d });
export const overlaps = (a: Rect, b: Rect) => a.x < right(b) && b.x < right(a) && a.y < bottom(b) && b.y < bottom(a);
const contains = (r: Rect, p: Point) => p.x > r.x && p.x < right(r) && p.y > r.y && p.y < bottom(r);
const union = (a: Rect, b: Rect): Rect => {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, width: Math.max(right(a), right(b)) - x, height: Math.max(bottom(a), bottom(b)) - y };
};
const rectOf = (a: Point, b: Point): Rect => ({ x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(a.x - b.x), height: Math.abs(a.y - b.y) });
const sameRect = (a: Rect, b: Rect) => a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;

/** Whether the segment a–b (axis-aligned or not) passes through the open rectangle r. */
export function segmentHitsRect(a: Point, b: Point, r: Rect): boolean {
  // Liang–Barsky clipping against the open box.
  let t0 = 0;
  let t1 = 1;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const edges: [number, number][] = [
    [-dx, a.x - r.x],
    [dx, right(r) - a.x],
    [-dy, a.y - r.y],
    [dy, bottom(r) - a.y],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q <= 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 >= t1) return false;
  }
  return t1 - t0 > 1e-9;
}

/** A uniform grid of rectangles: which of them touch a region, without looking at all of them. */
class RectIndex<T extends Rect> {
  // A set per cell: a link re-routed takes its marks out of cells that may hold hundreds (long runs
  // share columns on a large canvas), and an array's indexOf and splice made that quadratic.
  private cells = new Map<number, Set<T>>();
  constructor(private readonly cell: number) {}
  /** The cells a rectangle covers, as numbers (cell coordinates offset to stay positive). */
  private keys(r: Rect, f: (k: number) => void) {
    const c = this.cell;
    const j0 = Math.floor(r.y / c);
    const j1 = Math.floor(bottom(r) / c);
    for (let i = Math.floor(r.x / c); i <= Math.floor(right(r) / c); i++) for (let j = j0; j <= j1; j++) f((i + 50_000) * 100_000 + (j + 50_000));
  }
  add(item: T) {
    this.keys(item, (k) => {
      const set = this.cells.get(k);
      if (set) set.add(item);
      else this.cells.set(k, new Set([item]));
    });
  }
  remove(item: T) {
    this.keys(item, (k) => this.cells.get(k)?.delete(item));
  }
  /** The items overlapping r, each once. */
  query(r: Rect): T[] {
    const out: T[] = [];
    this.keys(r, (k) => {
      for (const item of this.cells.get(k) ?? []) if (overlaps(item, r) && !out.includes(item)) out.push(item);
    });
    return out;
  }
  /** Whether an item overlapping r passes `test` (stops at the first). */
  some(r: Rect, test: (item: T) => boolean): boolean {
    const c = this.cell;
    const j0 = Math.floor(r.y / c);
    const j1 = Math.floor(bottom(r) / c);
    for (let i = Math.floor(r.x / c); i <= Math.floor(right(r) / c); i++)
      for (let j = j0; j <= j1; j++) for (const item of this.cells.get((i + 50_000) * 100_000 + (j + 50_000)) ?? []) if (overlaps(item, r) && test(item)) return true;
    return false;
  }
}

interface Placed extends Rect {
  id: string;
  owner: string;
}
/** The boxes of a design, indexed; shared by every route of one geometry. */
class Obstacles {
  private readonly index = new RectIndex<Obstacle>(240);
  readonly bounds: Rect | undefined;
  constructor(readonly list: readonly Obstacle[]) {
    let b: Rect | undefined;
    for (const o of list) {
      this.index.add(o);
      b = b ? union(b, o) : o;
    }
    this.bounds = b;
  }
  query(r: Rect): Obstacle[] {
    return this.index.query(r);
  }
  some(r: Rect, test: (o: Obstacle) => boolean): boolean {
    return this.index.some(r, test);
  }
}

/** Rectangles placed by links (their labels, or their paths' segments), each link's replaced as a whole. */
class Marks {
  private readonly index = new RectIndex<Placed>(160);
  private readonly byOwner = new Map<string, Placed[]>();
  set(owner: string, rects: readonly Rect[]) {
    this.delete(owner);
    const placed = rects.map((r, k) => ({ ...r, id: `${owner}#${k}`, owner }));
    this.byOwner.set(owner, placed);
    for (const p of placed) this.index.add(p);
  }
  delete(owner: string) {
    for (const p of this.byOwner.get(owner) ?? []) this.index.remove(p);
    this.byOwner.delete(owner);
  }
  hits(r: Rect, self: string): boolean {
    return this.some(r, (p) => p.owner !== self);
  }
  /** Whether a rectangle placed by a link overlapping r passes `test`. */
  some(r: Rect, test: (p: Placed) => boolean): boolean {
    return this.index.some(r, test);
  }
}

// ---------------------------------------------------------------------------------------------
// The search

const DIRS = [
  [1, 0],
  [0, 1],
  [-1, 0],
  [0, -1],
] as const;

/** A binary min-heap of numbers keyed by priority. */
class Heap {
  private items: number[] = [];
  private prio: number[] = [];
  get size() {
    return this.items.length;
  }
  push(item: number, p: number) {
    const a = this.items;
    const q = this.prio;
    let i = a.length;
    a.push(item);
    q.push(p);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (q[parent]! <= p) break;
      a[i] = a[parent]!;
      q[i] = q[parent]!;
      i = parent;
    }
    a[i] = item;
    q[i] = p;
  }
  pop(): number {
    const a = this.items;
    const q = this.prio;
    const top = a[0]!;
    const lastI = a.pop()!;
    const lastP = q.pop()!;
    if (a.length > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= a.length) break;
        const c = l + 1 < a.length && q[l + 1]! < q[l]! ? l + 1 : l;
        if (q[c]! >= lastP) break;
        a[i] = a[c]!;
        q[i] = q[c]!;
        i = c;
      }
      a[i] = lastI;
      q[i] = lastP;
    }
    return top;
  }
}

/** Grid lines along one axis: sorted positions, each with a cost weight (gap middles are preferred). */
function gridLines(lo: number, hi: number, candidates: Map<number, number>): { at: number[]; weight: number[] } {
  const at = [...candidates.keys()].filter((v) => v >= lo && v <= hi).sort((a, b) => a - b);
  return { at, weight: at.map((v) => candidates.get(v)!) };
}

function addLine(m: Map<number, number>, v: number, weight: number) {
  const r = Math.round(v * 2) / 2;
  const old = m.get(r);
  if (old === undefined || weight < old) m.set(r, weight);
}

/**
 * An orthogonal path from s1 (leaving rightwards) to t1 (arriving rightwards) inside `region`,
 * never within `clearance` of a box of `boxes`; undefined when there is none.
 */
function search(s1: Point, t1: Point, region: Rect, boxes: readonly Rect[], clearance: number, margin: number, budget: Budget): Point[] | undefined {
  const xs = new Map<number, number>();
  const ys = new Map<number, number>();
  addLine(xs, s1.x, 1.1);
  addLine(xs, t1.x, 1.1);
  addLine(ys, s1.y, 1);
  addLine(ys, t1.y, 1);
  addLine(xs, region.x, 1.3);
  addLine(xs, right(region), 1.3);
  addLine(ys, region.y, 1.3);
  addLine(ys, bottom(region), 1.3);
  const xEdges: number[] = [region.x, right(region)];
  const yEdges: number[] = [region.y, bottom(region)];
  for (const b of boxes) {
    addLine(xs, b.x - margin, 1.1);
    addLine(xs, right(b) + margin, 1.1);
    addLine(ys, b.y - margin, 1.1);
    addLine(ys, bottom(b) + margin, 1.1);
    xEdges.push(b.x, right(b));
    yEdges.push(b.y, bottom(b));
  }
  // The middle of every gap between neighbouring box edges: the calm place for a link to run, and
  // the only way through a gap narrower than two margins.
  for (const [edges, lines] of [
    [xEdges, xs],
    [yEdges, ys],
  ] as const) {
    edges.sort((a, b) => a - b);
    for (let i = 1; i < edges.length; i++) if (edges[i]! - edges[i - 1]! > 2 * clearance) addLine(lines, (edges[i]! + edges[i - 1]!) / 2, 1);
  }
  const X = gridLines(region.x, right(region), xs);
  const Y = gridLines(region.y, bottom(region), ys);
  const nx = X.at.length;
  const ny = Y.at.length;
  if (nx * ny > budget.grid) return undefined;
  const si = X.at.indexOf(Math.round(s1.x * 2) / 2);
  const sj = Y.at.indexOf(Math.round(s1.y * 2) / 2);
  const ti = X.at.indexOf(Math.round(t1.x * 2) / 2);
  const tj = Y.at.indexOf(Math.round(t1.y * 2) / 2);
  if (si < 0 || sj < 0 || ti < 0 || tj < 0) return undefined;

  const hard = boxes.map((b) => inflate(b, clearance));
  // Boxes crossing each grid line, so that a step along a line looks at those only.
  const onRow = Y.at.map((y) => hard.filter((r) => y > r.y && y < bottom(r)));
  const onCol = X.at.map((x) => hard.filter((r) => x > r.x && x < right(r)));
  const free = (i: number, j: number, d: number, i2: number, j2: number): boolean => {
    if (d % 2 === 0) {
      const lo = Math.min(X.at[i]!, X.at[i2]!);
      const hi = Math.max(X.at[i]!, X.at[i2]!);
      return !onRow[j]!.some((r) => lo < right(r) && hi > r.x);
    }
    const lo = Math.min(Y.at[j]!, Y.at[j2]!);
    const hi = Math.max(Y.at[j]!, Y.at[j2]!);
    return !onCol[i]!.some((r) => lo < bottom(r) && hi > r.y);
  };
  const pointFree = (i: number, j: number) => !onRow[j]!.some((r) => X.at[i]! > r.x && X.at[i]! < right(r));
  if (!pointFree(si, sj) || !pointFree(ti, tj)) return undefined;

  const tx = X.at[ti]!;
  const ty = Y.at[tj]!;
  const h = (i: number, j: number) => Math.abs(X.at[i]! - tx) + Math.abs(Y.at[j]! - ty);
  const state = (i: number, j: number, d: number) => (i * ny + j) * 4 + d;
  // Best costs and predecessors per state (grid point × heading); -1: none.
  const g = new Float64Array(nx * ny * 4).fill(Infinity);
  const from = new Int32Array(nx * ny * 4).fill(-1);
  const heap = new Heap();
  const start = state(si, sj, 0);
  g[start] = 0;
  heap.push(start, h(si, sj));
  let expansions = 0;
  let best: number | undefined;
  let bestCost = Infinity;
  while (heap.size > 0) {
    const cur = heap.pop();
    const d = cur % 4;
    const cell = (cur - d) / 4;
    const i = Math.floor(cell / ny);
    const j = cell % ny;
    const gc = g[cur]!;
    if (gc + h(i, j) >= bestCost) break;
    if (++expansions > budget.expansions) return undefined;
    if (i === ti && j === tj) {
      // Arriving rightwards goes straight in; any other way needs one more bend.
      const total = gc + (d === 0 ? 0 : BEND);
      if (total < bestCost) {
        bestCost = total;
        best = cur;
      }
      continue;
    }
    for (let nd = 0; nd < 4; nd++) {
      if ((nd + 2) % 4 === d) continue; // no U-turn
      const i2 = i + DIRS[nd]![0];
      const j2 = j + DIRS[nd]![1];
      if (i2 < 0 || j2 < 0 || i2 >= nx || j2 >= ny) continue;
      if (!free(i, j, nd, i2, j2)) continue;
      const len = nd % 2 === 0 ? Math.abs(X.at[i2]! - X.at[i]!) * Y.weight[j]! : Math.abs(Y.at[j2]! - Y.at[j]!) * X.weight[i]!;
      const cost = gc + len + (nd === d ? 0 : BEND);
      const next = state(i2, j2, nd);
      if (cost < g[next]!) {
        g[next] = cost;
        from[next] = cur;
        heap.push(next, cost + h(i2, j2));
      }
    }
  }
  if (best === undefined) return undefined;
  const out: Point[] = [];
  for (let s = best; s >= 0; s = from[s]!) {
    const cell = (s - (s % 4)) / 4;
    out.push({ x: X.at[Math.floor(cell / ny)]!, y: Y.at[cell % ny]! });
  }
  return out.reverse();
}

/** Drops repeated points and the middle of three collinear ones. */
function simplify(points: Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && last.x === p.x && last.y === p.y) continue;
    const prev = out[out.length - 2];
    if (prev && last && ((prev.x === last.x && last.x === p.x) || (prev.y === last.y && last.y === p.y))) out[out.length - 1] = p;
    else out.push(p);
  }
  return out;
}

/** The plain path when no route exists (overlapping boxes): out, across, in. */
function plainPath(s: Point, t: Point, margin: number): Point[] {
  const s1 = { x: s.x + margin, y: s.y };
  const t1 = { x: t.x - margin, y: t.y };
  const mx = t1.x > s1.x ? (s1.x + t1.x) / 2 : s1.x;
  return [s, ...simplify([s1, { x: mx, y: s.y }, { x: mx, y: t.y }, t1]), t];
}

/**
 * Whether another link (not of the pair being routed) runs along the vertical line at x between
 * y1 and y2, within `half` px of it (the half-width of the lanes to be drawn there).
 */
type Taken = (x: number, y1: number, y2: number, half: number) => boolean;

/** Columns for a link's vertical run between lo and hi: the middle first, then `step` apart on either side. */
function elbowColumns(mid: number, lo: number, hi: number, step: number): number[] {
  const out = [mid];
  for (let k = 1; k <= 12; k++) {
    const a = mid + k * step;
    const b = mid - k * step;
    const before = out.length;
    if (a < hi) out.push(a);
    if (b > lo) out.push(b);
    if (out.length === before) break;
  }
  return out;
}

/** How far the outermost of `lanes` parallel links runs from their centre line. */
const spread = (lanes: number, gap: number) => ((lanes - 1) / 2) * gap;

/**
 * The centre line of `lanes` parallel links from their source handle to their target handle,
 * around every box but the containers they may cross (far enough for the outer lanes to keep
 * their clearance too), and the region it depends on.
 */
function routeCentre(obstacles: Obstacles, req: LinkRequest, budget: Budget, lanes = 1, gap = LANE_GAP, taken?: Taken): { points: Point[]; region: Rect } | undefined {
  const clearance = CLEARANCE + spread(lanes, gap);
  // Stubs and grid lines further out than the outer lane, so that every lane leaves its handle forwards.
  const margin = Math.max(ROUTE_MARGIN, clearance + CLEARANCE);
  // On the search grid's half-pixel raster, so that the stubs stay exactly horizontal.
  const half = (p: Point) => ({ x: Math.round(p.x * 2) / 2, y: Math.round(p.y * 2) / 2 });
  const s = half(req.source.point);
  const t = half(req.target.point);
  const s1 = { x: s.x + margin, y: s.y };
  const t1 = { x: t.x - margin, y: t.y };
  const open = new Set(req.open ?? []);
  open.add(req.source.id);
  open.add(req.target.id);
  const ends = union(union(rectOf(s1, t1), req.source.box), req.target.box);
  // Most links run forwards with nothing in the way: out, across the gap, in. Across at the gap's
  // middle, or beside it where another link already runs down the middle: two links of different
  // pairs on one stretch of line would hide each other.
  if (t1.x > s1.x) {
    const area = inflate(rectOf(s1, t1), clearance + 1);
    const near = [...obstacles.query(area).filter((o) => !open.has(o.id)), req.source.box, req.target.box].map((b) => inflate(b, clearance));
    const elbowAt = (xm: number) => [s1, { x: xm, y: s1.y }, { x: xm, y: t1.y }, t1];
    const fits = (elbow: Point[]) => elbow.every((p, k) => k === 0 || !near.some((b) => segmentHitsRect(elbow[k - 1]!, p, b)));
    const mid = Math.round(s1.x + t1.x) / 2;
    const free = taken && s1.y !== t1.y ? elbowColumns(mid, s1.x, t1.x, 2 * spread(lanes, gap) + LANE_GAP).find((x) => !taken(x, s1.y, t1.y, spread(lanes, gap))) : mid;
    for (const xm of free === undefined || free === mid ? [mid] : [free, mid]) {
      const elbow = elbowAt(xm);
      if (fits(elbow)) return { points: [s, ...simplify(elbow), t], region: area };
    }
  }
  const all = obstacles.bounds ? union(obstacles.bounds, ends) : ends;
  const pads = budget.pads;
  for (let k = 0; k < pads.length + (budget.whole ? 1 : 0); k++) {
    const last = k === pads.length;
    const region = inflate(last ? all : ends, last ? 2 * margin : Math.max(pads[k]!, 2 * margin));
    // A box over an end (nodes dropped on each other) would wall it in: it is not an obstacle then.
    const boxes = [...obstacles.query(inflate(region, clearance)).filter((o) => !open.has(o.id)), req.source.box, req.target.box].filter(
      (b) => !contains(inflate(b, clearance), s1) && !contains(inflate(b, clearance), t1),
    );
    if (boxes.length > budget.boxes) return undefined;
    const found = search(s1, t1, region, boxes, clearance, margin, budget);
    // The stubs stay separate points: parallel lanes fork there.
    if (found) return { points: [s, ...simplify(found), t], region: inflate(region, clearance + 1) };
    if (!last && region.x <= all.x && region.y <= all.y && right(region) >= right(all) && bottom(region) >= bottom(all)) k = pads.length - 1;
  }
  return budget.whole ? { points: plainPath(s, t, margin), region: inflate(all, 2 * margin) } : undefined;
}

/**
 * The path of lane `lane` of `lanes` parallel links: the centre line moved sideways by its
 * offset, joined to the shared handles by a short slant.
 */
function laneOf(points: readonly Point[], lane: number, lanes: number, gap = LANE_GAP): Point[] {
  const d = lane * gap - spread(lanes, gap);
  if (d === 0 || points.length < 3) return [...points];
  const n = points.length;
  // Each segment moved by d along its left-hand normal; a corner sits where its two moved segments meet.
  const shifted = (k: number) => {
    const a = points[k]!;
    const b = points[k + 1]!;
    const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
    return { dx: ((b.y - a.y) / len) * d, dy: (-(b.x - a.x) / len) * d };
  };
  const out: Point[] = [points[0]!];
  for (let k = 1; k < n - 1; k++) {
    const p = shifted(k - 1);
    const q = shifted(k);
    const a = points[k]!;
    // Orthogonal neighbours: the vertical segment gives x, the horizontal one y.
    const vertPrev = points[k - 1]!.x === a.x;
    out.push(vertPrev ? { x: a.x + p.dx, y: a.y + q.dy } : { x: a.x + q.dx, y: a.y + p.dy });
  }
  out.push(points[n - 1]!);
  return out;
}

/** SVG path data for a polyline with its orthogonal corners rounded. */
function svgPath(points: readonly Point[]): string {
  const f = (v: number) => Math.round(v * 10) / 10;
  let d = `M ${f(points[0]!.x)} ${f(points[0]!.y)}`;
  for (let k = 1; k < points.length; k++) {
    const p = points[k]!;
    const next = points[k + 1];
    const prev = points[k - 1]!;
    const orthogonal = next && (prev.x === p.x || prev.y === p.y) && (next.x === p.x || next.y === p.y);
    if (!next || !orthogonal) {
      d += ` L ${f(p.x)} ${f(p.y)}`;
      continue;
    }
    const r = Math.min(CORNER, Math.hypot(p.x - prev.x, p.y - prev.y) / 2, Math.hypot(next.x - p.x, next.y - p.y) / 2);
    const toward = (a: Point, b: Point) => {
      const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
      return { x: a.x + ((b.x - a.x) / len) * r, y: a.y + ((b.y - a.y) / len) * r };
    };
    const a = toward(p, prev);
    const b = toward(p, next);
    d += ` L ${f(a.x)} ${f(a.y)} Q ${f(p.x)} ${f(p.y)} ${f(b.x)} ${f(b.y)}`;
  }
  return d;
}

/** Points along a polyline at arc-length fractions, best spots first: middles of long horizontal runs. */
function labelSpots(points: readonly Point[], size: { width: number; height: number }): Point[] {
  const spots: { p: Point; score: number }[] = [];
  let total = 0;
  for (let k = 1; k < points.length; k++) total += Math.hypot(points[k]!.x - points[k - 1]!.x, points[k]!.y - points[k - 1]!.y);
  let run = 0;
  for (let k = 1; k < points.length; k++) {
    const a = points[k - 1]!;
    const b = points[k]!;
    const len = Math.hypot(b.x - a.x, b.y - a.y);
    const horizontal = a.y === b.y;
    // Along a run that can hold the whole pill, in steps of a third of a pill.
    const along = horizontal ? size.width : size.height;
    const steps = Math.max(1, Math.floor((len - along) / (size.width / 3)));
    for (let s = 0; s <= steps; s++) {
      const f = len <= along ? 0.5 : (along / 2 + ((len - along) * s) / steps) / len;
      const p = { x: a.x + (b.x - a.x) * f, y: a.y + (b.y - a.y) * f };
      const fromMiddle = Math.abs(run + len * f - total / 2) / (total || 1);
      const fits = len >= along;
      spots.push({ p, score: fromMiddle + (horizontal ? 0 : 0.35) + (fits ? 0 : 1) });
    }
    run += len;
  }
  return spots.sort((x, y) => x.score - y.score).map((s) => s.p);
}

const centred = (p: Point, size: { width: number; height: number }): Rect => ({ x: p.x - size.width / 2, y: p.y - size.height / 2, width: size.width, height: size.height });

/** Positions on rings around a point, nearest first (flattened: labels are wide and low). */
function* around(c: Point, rings: number): Generator<Point> {
  for (let ring = 1; ring <= rings; ring++) {
    const r = ring * 12;
    const n = 8 + ring * 2;
    for (let k = 0; k < n; k++) {
      const a = (2 * Math.PI * k) / n;
      yield { x: c.x + Math.cos(a) * r, y: c.y + Math.sin(a) * r * 0.6 };
    }
  }
}

/**
 * Where a label goes: on its path where it covers no box and no other label (and, better, no
 * other link's line), else the nearest such place beside the path's middle: a design packed
 * too tight to leave room on the path. `blocked` is what a label must never cover, `crowded`
 * what it had better not.
 */
function placeLabel(
  points: readonly Point[],
  size: { width: number; height: number },
  blocked: (r: Rect) => boolean,
  crowded: (r: Rect) => boolean,
  rings: number,
): Point {
  const spots = labelSpots(points, size);
  const free = (p: Point, strict: boolean) => {
    const r = inflate(centred(p, size), LABEL_PAD);
    return !blocked(r) && !(strict && crowded(r));
  };
  for (const strict of [true, false]) for (const p of spots) if (free(p, strict)) return p;
  const c = spots[0] ?? points[0]!;
  // Beside the path: off other lines within a few label heights, else anywhere free.
  for (const p of around(c, 10)) if (free(p, true)) return p;
  for (const p of around(c, rings)) if (free(p, false)) return p;
  return c;
}

// ---------------------------------------------------------------------------------------------
// The router: routes kept between geometry updates

const keyOf = (r: LinkRequest, lane: number, lanes: number) =>
  [r.source.id, r.source.point.x, r.source.point.y, r.target.id, r.target.point.x, r.target.point.y, lane, lanes, r.label.width, r.label.height, r.open?.join(',')].join('|');
const pairOf = (r: LinkRequest) => `${r.source.id}>${r.target.id}`;

interface Centre {
  points: Point[];
  region: Rect;
  gap: number;
}

export interface Router {
  /**
   * Routes for every link of the design (the same Route objects as before for links whose ends
   * and neighbourhood did not change). Before routing anew the links of another pair, it asks
   * `more` (given how many it has routed anew); when that says no, the links left are left out
   * of the result, for the next update to route.
   */
  update(obstacles: readonly Obstacle[], links: readonly LinkRequest[], more?: (routed: number) => boolean): ReadonlyMap<string, Route>;
  /**
   * A route for a link whose ends are moving (a drag under way), against the boxes of the last
   * update; nothing is kept. Its label avoids the other links' labels. Undefined when no route
   * is found nearby at once (a frame's budget): the caller draws its plain path.
   */
  live(link: LinkRequest): Route | undefined;
}

export function createRouter(): Router {
  let boxes = new Map<string, Obstacle>();
  let obstacles = new Obstacles([]);
  let routes = new Map<string, Route>();
  let lanes = new Map<string, { lane: number; lanes: number }>();
  const labels = new Marks();
  const lines = new Marks();
  /** The pair (pairOf) of every link routed. */
  let pairs = new Map<string, string>();

  /** Whether a polyline keeps off every box a link must not cross. */
  function clear(req: LinkRequest, points: readonly Point[]): boolean {
    const skip = new Set([...(req.open ?? []), req.source.id, req.target.id]);
    let area = rectOf(points[0]!, points[0]!);
    for (const p of points) area = union(area, rectOf(p, p));
    const boxes = [...obstacles.query(area).filter((o) => !skip.has(o.id)), req.source.box, req.target.box];
    return points.every((p, k) => k === 0 || !boxes.some((b) => segmentHitsRect(points[k - 1]!, p, b)));
  }

  /**
   * The centre line of a pair's parallel links and the distance between them: narrower lanes
   * where the full ones do not fit (ends close together), one line for all as the last resort.
   */
  function centreOf(req: LinkRequest, count: number, budget: Budget): Centre | undefined {
    const taken = takenBy(pairOf(req));
    for (const gap of count > 1 ? [LANE_GAP, LANE_GAP / 2] : []) {
      const centre = routeCentre(obstacles, req, budget, count, gap, taken);
      let ok = !!centre;
      for (let k = 0; k < count && ok; k++) ok = clear(req, laneOf(centre!.points, k, count, gap));
      if (ok) return { ...centre!, gap };
    }
    const centre = routeCentre(obstacles, req, budget, 1, LANE_GAP, taken);
    return centre && { ...centre, gap: 0 };
  }

  /** Taken, by the lines of the links of other pairs than `pair` (see routeCentre). */
  function takenBy(pair: string): Taken {
    return (x, y1, y2, half) => {
      const lo = Math.min(y1, y2);
      const hi = Math.max(y1, y2);
      const r = { x: x - half - LANE_GAP / 2, y: lo, width: 2 * half + LANE_GAP, height: hi - lo };
      // Vertical runs only (a crossing is no shared stretch), overlapping by more than a corner.
      return lines.some(r, (p) => p.height > p.width && pairs.get(p.owner) !== pair && Math.min(bottom(p), hi) - Math.max(p.y, lo) > 2 * CORNER);
    };
  }

  /** A link's route with its label placed: clear of boxes and of the labels (and lines) placed so far. */
  function labelled(req: LinkRequest, points: Point[], region: Rect, key: string, budget: Budget): Route {
    // Labels stay off every box, the containers of the ends too (their titles), but not the
    // container's inside, where the header is a box of its own.
    const open = new Set(req.open ?? []);
    const label = placeLabel(
      points,
      req.label,
      (r) => obstacles.some(r, (o) => !open.has(o.id)) || labels.hits(r, req.id),
      (r) => lines.hits(r, req.id),
      budget.rings,
    );
    const labelRect = centred(label, req.label);
    return { id: req.id, points, path: svgPath(points), label, labelRect, region: union(region, inflate(labelRect, ROUTE_MARGIN)), key };
  }

  return {
    update(list, links, more = () => true) {
      const next = new Map(list.map((o) => [o.id, o]));
      const changed: Rect[] = [];
      for (const o of list) {
        const old = boxes.get(o.id);
        if (!old || !sameRect(old, o)) changed.push(o, ...(old ? [old] : []));
      }
      for (const [id, old] of boxes) if (!next.has(id)) changed.push(old);
      if (changed.length > 0) obstacles = new Obstacles(list);
      boxes = next;

      const groups = new Map<string, LinkRequest[]>();
      for (const l of links) {
        const g = groups.get(pairOf(l));
        if (g) g.push(l);
        else groups.set(pairOf(l), [l]);
      }
      const nextLanes = new Map<string, { lane: number; lanes: number }>();
      for (const g of groups.values()) g.forEach((l, i) => nextLanes.set(l.id, { lane: i, lanes: g.length }));
      lanes = nextLanes;
      pairs = new Map(links.map((l) => [l.id, pairOf(l)]));

      const out = new Map<string, Route>();
      const ids = new Set(links.map((l) => l.id));
      for (const id of routes.keys())
        if (!ids.has(id)) {
          labels.delete(id);
          lines.delete(id);
        }
      const redo: LinkRequest[] = [];
      for (const l of links) {
        const { lane, lanes: count } = nextLanes.get(l.id)!;
        const old = routes.get(l.id);
        if (old && old.key === keyOf(l, lane, count) && !changed.some((r) => overlaps(r, old.region))) out.set(l.id, old);
        else {
          labels.delete(l.id);
          lines.delete(l.id);
          redo.push(l);
        }
      }
      // Every new path first, then the labels: a label then knows every line it could cover.
      // Pairs are started while `more` allows, and finished (a pair's lanes run along one line).
      const centres = new Map<string, Centre>();
      const paths: { l: LinkRequest; points: Point[]; region: Rect; key: string }[] = [];
      for (const l of redo) {
        const { lane, lanes: count } = nextLanes.get(l.id)!;
        const pair = pairOf(l);
        let centre = centres.get(pair);
        if (!centre) {
          if (paths.length > 0 && !more(paths.length)) continue;
          // At rest a centre line always comes back (the plain path as the last resort).
          centres.set(pair, (centre = centreOf(l, count, AT_REST)!));
        }
        const points = laneOf(centre.points, lane, count, centre.gap);
        lines.set(l.id, points.slice(1).map((p, k) => inflate(rectOf(points[k]!, p), 1)));
        paths.push({ l, points, region: centre.region, key: keyOf(l, lane, count) });
      }
      for (const { l, points, region, key } of paths) {
        const route = labelled(l, points, region, key, AT_REST);
        labels.set(l.id, [route.labelRect]);
        out.set(l.id, route);
      }
      routes = out;
      return out;
    },
    live(link) {
      const { lane, lanes: count } = lanes.get(link.id) ?? { lane: 0, lanes: 1 };
      const centre = centreOf(link, count, MOVING);
      return centre && labelled(link, laneOf(centre.points, lane, count, centre.gap), centre.region, keyOf(link, lane, count), MOVING);
    },
  };
}
