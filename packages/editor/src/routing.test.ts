import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRouter, overlaps, segmentHitsRect, type LinkRequest, type Obstacle, type Point, type Route } from './routing.ts';

const LABEL = { width: 84, height: 18 };
/** Handles sit a few px outside the box, as React Flow's do. */
const out = (b: Obstacle): Point => ({ x: b.x + b.width + 4, y: b.y + b.height / 2 });
const into = (b: Obstacle): Point => ({ x: b.x - 4, y: b.y + b.height / 2 });
const link = (id: string, s: Obstacle, t: Obstacle, open?: string[]): LinkRequest => ({
  id,
  source: { id: s.id, box: s, point: out(s) },
  target: { id: t.id, box: t, point: into(t) },
  open,
  label: LABEL,
});

/** The boxes a route's polyline enters (their open inside). */
function entered(route: Route, boxes: readonly Obstacle[]): string[] {
  const hit = new Set<string>();
  for (let k = 1; k < route.points.length; k++) for (const b of boxes) if (segmentHitsRect(route.points[k - 1]!, route.points[k]!, b)) hit.add(b.id);
  return [...hit];
}

/** Length along which two routes run on one line (their axis-aligned segments overlapping, not just crossing); vertical runs only with `down`. */
function shared(a: Route, b: Route, down = false): number {
  let total = 0;
  for (let i = 1; i < a.points.length; i++)
    for (let j = 1; j < b.points.length; j++) {
      const [p, q, u, v] = [a.points[i - 1]!, a.points[i]!, b.points[j - 1]!, b.points[j]!];
      const along = (lo1: number, hi1: number, lo2: number, hi2: number) => Math.max(0, Math.min(Math.max(lo1, hi1), Math.max(lo2, hi2)) - Math.max(Math.min(lo1, hi1), Math.min(lo2, hi2)));
      if (p.x === q.x && u.x === v.x && p.x === u.x) total += along(p.y, q.y, u.y, v.y);
      else if (!down && p.y === q.y && u.y === v.y && p.y === u.y) total += along(p.x, q.x, u.x, v.x);
    }
  return total;
}

/** Random layouts: boxes in the cells of a grid (at most one per cell), sizes and offsets random. */
const arbLayout = fc
  .record({
    cols: fc.integer({ min: 2, max: 5 }),
    rows: fc.integer({ min: 1, max: 4 }),
    cellW: fc.integer({ min: 250, max: 380 }),
    cellH: fc.integer({ min: 150, max: 260 }),
    seed: fc.array(fc.record({ used: fc.boolean(), w: fc.integer({ min: 60, max: 210 }), h: fc.integer({ min: 30, max: 120 }), dx: fc.nat(60), dy: fc.nat(40) }), { minLength: 20, maxLength: 20 }),
  })
  .map(({ cols, rows, cellW, cellH, seed }) => {
    const boxes: Obstacle[] = [];
    for (let c = 0; c < cols; c++)
      for (let r = 0; r < rows; r++) {
        const s = seed[(c * rows + r) % seed.length]!;
        if (!s.used && boxes.length > 1) continue;
        const w = Math.min(s.w, cellW - 40);
        const h = Math.min(s.h, cellH - 30);
        boxes.push({ id: `n${c}-${r}`, x: c * cellW + Math.min(s.dx, cellW - 40 - w), y: r * cellH + Math.min(s.dy, cellH - 30 - h), width: w, height: h });
      }
    return boxes;
  })
  .filter((b) => b.length >= 2);

/** A layout and links among its boxes, some of them parallel (the same pair twice). */
const arbDesign = arbLayout.chain((boxes) =>
  fc
    .array(fc.tuple(fc.nat(boxes.length - 1), fc.nat(boxes.length - 1), fc.boolean()), { minLength: 1, maxLength: 8 })
    .map((pairs) => {
      const links: LinkRequest[] = [];
      for (const [a, b, twice] of pairs) {
        if (a === b) continue;
        links.push(link(`l${links.length}`, boxes[a]!, boxes[b]!));
        if (twice) links.push(link(`l${links.length}`, boxes[a]!, boxes[b]!));
      }
      return { boxes, links };
    }),
);

describe('routing', () => {
  it('never takes a route through a box, its own ends included', () => {
    fc.assert(
      fc.property(arbDesign, ({ boxes, links }) => {
        const routes = createRouter().update(boxes, links);
        for (const l of links) expect(entered(routes.get(l.id)!, boxes), l.id).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('puts labels clear of every box and of each other', () => {
    fc.assert(
      fc.property(arbDesign, ({ boxes, links }) => {
        const routes = [...createRouter().update(boxes, links).values()];
        for (const r of routes) for (const b of boxes) expect(overlaps(r.labelRect, b), `${r.id} label on ${b.id}`).toBe(false);
        for (let i = 0; i < routes.length; i++)
          for (let j = i + 1; j < routes.length; j++) expect(overlaps(routes[i]!.labelRect, routes[j]!.labelRect), `${routes[i]!.id} / ${routes[j]!.id}`).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('starts and ends a route at its handles, leaving rightwards and arriving rightwards', () => {
    fc.assert(
      fc.property(arbDesign, ({ boxes, links }) => {
        const routes = createRouter().update(boxes, links);
        for (const l of links) {
          const p = routes.get(l.id)!.points;
          expect(p[0]).toEqual(l.source.point);
          expect(p.at(-1)).toEqual(l.target.point);
          expect(p[1]!.x).toBeGreaterThan(p[0]!.x);
          expect(p.at(-2)!.x).toBeLessThan(p.at(-1)!.x);
        }
      }),
      { numRuns: 100 },
    );
  });

  // The VMCluster template's shape: agent, a cluster box of stacked parts, vmalert on the right.
  const agent: Obstacle = { id: 'agent', x: 0, y: 100, width: 210, height: 110 };
  const cluster: Obstacle = { id: 'cl', x: 350, y: 0, width: 250, height: 520 };
  const head: Obstacle = { id: 'cl#head', x: 350, y: 0, width: 250, height: 50 };
  const insert: Obstacle = { id: 'ins', x: 370, y: 50, width: 210, height: 110 };
  const storage: Obstacle = { id: 'sto', x: 370, y: 184, width: 210, height: 140 };
  const select: Obstacle = { id: 'sel', x: 370, y: 348, width: 210, height: 110 };
  const alert: Obstacle = { id: 'alert', x: 740, y: 200, width: 210, height: 110 };
  const boxes = [agent, cluster, head, insert, storage, select, alert];

  it('takes a backward link around the nodes between its ends, not through them', () => {
    const back = link('back', alert, agent);
    const r = createRouter().update(boxes, [back]).get('back')!;
    expect(entered(r, boxes)).toEqual([]);
    // Around the cluster: above its top or below its bottom.
    expect(r.points.some((p) => p.y < cluster.y || p.y > cluster.y + cluster.height)).toBe(true);
  });

  it('enters a cluster box only for a link to one of its parts, never across its header', () => {
    const write = link('write', agent, insert, ['cl']);
    const back = link('back', alert, insert, ['cl']);
    const routes = createRouter().update(boxes, [write, back]);
    for (const r of routes.values()) expect(entered(r, boxes.filter((b) => b.id !== 'cl'))).toEqual([]);
    const pass = link('pass', agent, alert);
    expect(entered(createRouter().update(boxes, [pass]).get('pass')!, boxes)).toEqual([]);
  });

  it('draws parallel links of the same pair apart, each with its own label', () => {
    const a = link('ds', select, alert, ['cl']);
    const b = link('rr', select, alert, ['cl']);
    const routes = createRouter().update(boxes, [a, b]);
    const ra = routes.get('ds')!;
    const rb = routes.get('rr')!;
    expect(ra.path).not.toBe(rb.path);
    // Apart along the whole way between the forks at the handles.
    const mid = (r: Route) => r.points.slice(1, -1);
    for (const p of mid(ra)) expect(mid(rb).some((q) => q.x === p.x && q.y === p.y)).toBe(false);
    expect(overlaps(ra.labelRect, rb.labelRect)).toBe(false);
  });

  it('runs links of different pairs down different lines where they cross the same gap', () => {
    // Two agents and two storages in two columns, the second pair lower: their elbows would share
    // the middle of the gap between the columns from the second agent's height to the first storage's.
    const a1: Obstacle = { id: 'a1', x: 0, y: 0, width: 160, height: 60 };
    const a2: Obstacle = { id: 'a2', x: 0, y: 150, width: 160, height: 60 };
    const s1: Obstacle = { id: 's1', x: 500, y: 300, width: 160, height: 60 };
    const s2: Obstacle = { id: 's2', x: 500, y: 450, width: 160, height: 60 };
    const links = [link('x', a1, s1), link('y', a2, s2), link('z', a1, s2)];
    const routes = createRouter().update([a1, a2, s1, s2], links);
    const [x, y, z] = (['x', 'y', 'z'] as const).map((id) => routes.get(id)!) as [Route, Route, Route];
    expect(shared(x, y)).toBe(0);
    // Links from one handle (or into one) share the row of that handle, and no stretch down the gap.
    expect(shared(x, z, true)).toBe(0);
    expect(shared(y, z, true)).toBe(0);
    for (const r of [x, y, z]) expect(entered(r, [a1, a2, s1, s2])).toEqual([]);
  });

  it('routes a large batch over several updates, in whole pairs, each route clear of the boxes', () => {
    const boxes = Array.from({ length: 8 }, (_, k): Obstacle => ({ id: `b${k}`, x: (k % 4) * 320, y: Math.floor(k / 4) * 220, width: 160, height: 60 }));
    const links = [link('p1', boxes[0]!, boxes[1]!), link('p2', boxes[0]!, boxes[1]!), link('q', boxes[4]!, boxes[2]!), link('r', boxes[5]!, boxes[7]!), link('s', boxes[1]!, boxes[6]!)];
    const router = createRouter();
    const sizes: number[] = [];
    const one = (routed: number) => routed < 1;
    let routes = router.update(boxes, links, one);
    sizes.push(routes.size);
    while (routes.size < links.length && sizes.length < 10) sizes.push((routes = router.update(boxes, links, one)).size);
    // The two parallel links of one pair come together; the others one by one.
    expect(sizes).toEqual([2, 3, 4, 5]);
    for (const r of routes.values()) expect(entered(r, boxes)).toEqual([]);
    expect(routes.get('p1')!.path).not.toBe(routes.get('p2')!.path);
  });

  it('keeps the routes a change does not reach, and re-routes those it does', () => {
    const router = createRouter();
    const far: Obstacle = { id: 'far', x: 3000, y: 3000, width: 200, height: 100 };
    const far2: Obstacle = { id: 'far2', x: 3400, y: 3000, width: 200, height: 100 };
    const links = [link('w', agent, insert, ['cl']), link('f', far, far2)];
    const first = router.update([...boxes, far, far2], links);
    const moved = { ...far2, y: 3200 };
    const second = router.update([...boxes, far, moved], [links[0]!, link('f', far, moved)]);
    expect(second.get('w')).toBe(first.get('w'));
    expect(second.get('f')).not.toBe(first.get('f'));
  });

  it('routes a link whose ends are moving against the last boxes, without keeping it', () => {
    const router = createRouter();
    const w = link('w', agent, alert);
    const routes = router.update(boxes, [w]);
    const dragged = { ...alert, x: 900, y: 600 };
    const live = router.live(link('w', agent, dragged))!;
    expect(entered(live, [...boxes.filter((b) => b.id !== 'alert'), dragged])).toEqual([]);
    expect(router.update(boxes, [w]).get('w')).toBe(routes.get('w'));
  });

  it('finds a way through a gap narrower than two margins', () => {
    const top: Obstacle = { id: 'top', x: 300, y: -400, width: 100, height: 420 };
    const low: Obstacle = { id: 'low', x: 300, y: 44, width: 100, height: 400 };
    const s: Obstacle = { id: 's', x: 0, y: 0, width: 100, height: 64 };
    const t: Obstacle = { id: 't', x: 600, y: 0, width: 100, height: 64 };
    const r = createRouter().update([top, low, s, t], [link('x', s, t)]).get('x')!;
    expect(entered(r, [top, low, s, t])).toEqual([]);
    expect(r.points.some((p) => p.y > 20 && p.y < 44)).toBe(true);
  });
});

