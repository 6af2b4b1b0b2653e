import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { addComponent, addLink, emptyTopology, type ComponentKind, type Topology } from '@vmtopo/model';
import { shareLink } from '@vmtopo/render/share';
import { bothThemes, imported, SEED_DIR, useTemplate, watchErrors } from './helpers.ts';

interface Crossing {
  edge: string;
  node: string;
  at: { x: number; y: number };
}
interface Measure {
  edges: number;
  crossings: Crossing[];
  labelOverlaps: string[];
  labelsOnNodes: string[];
  sharedStretches: string[];
}

/**
 * Measured in the page, in screen coordinates: every visible edge path sampled every 2 px
 * against every component node's box (cluster boxes are containers, not obstacles; an edge's own
 * ends are the nodes its first and last points touch), and every pair of edge labels.
 */
async function measure(page: Page): Promise<Measure> {
  return page.evaluate(() => {
    const inflate = (r: DOMRect, d: number) => ({ x: r.x - d, y: r.y - d, right: r.right + d, bottom: r.bottom + d });
    const inside = (p: { x: number; y: number }, r: { x: number; y: number; right: number; bottom: number }) => p.x > r.x && p.x < r.right && p.y > r.y && p.y < r.bottom;
    const nodes = [...document.querySelectorAll<HTMLElement>('.react-flow__node:not(.react-flow__node-cluster)')].map((n) => ({
      id: n.dataset.id!,
      box: n.getBoundingClientRect(),
    }));
    const crossings: Crossing[] = [];
    const edges = [...document.querySelectorAll<SVGGElement>('.react-flow__edge')];
    /** Per edge: its ends (the nodes its first and last points touch) and the 2-px cells its path passes, in order. */
    const trails: { id: string; ends: Set<string>; cells: string[] }[] = [];
    for (const e of edges) {
      const path = e.querySelector<SVGPathElement>('path.react-flow__edge-path')!;
      const ctm = path.getScreenCTM()!;
      const len = path.getTotalLength();
      const at = (l: number) => {
        const p = path.getPointAtLength(l);
        return new DOMPoint(p.x, p.y).matrixTransform(ctm);
      };
      const ends = new Set(nodes.filter((n) => inside(at(0), inflate(n.box, 12)) || inside(at(len), inflate(n.box, 12))).map((n) => n.id));
      const cells: string[] = [];
      for (let l = 0; l <= len; l += 1) {
        const p = at(l);
        cells.push(`${Math.round(p.x / 2)},${Math.round(p.y / 2)}`);
      }
      trails.push({ id: e.dataset.id ?? '?', ends, cells });
      for (let l = 0; l <= len; l += 2) {
        const p = at(l);
        // A box shrunk by 1 px: a path running along a box's side is not inside it.
        const hit = nodes.find((n) => !ends.has(n.id) && inside(p, inflate(n.box, -1)));
        if (hit) {
          crossings.push({ edge: e.dataset.id ?? '?', node: hit.id, at: { x: Math.round(p.x), y: Math.round(p.y) } });
          break;
        }
      }
    }
    const labels = [...document.querySelectorAll<SVGGElement>('.react-flow__edge')].map((e) => ({
      id: e.dataset.id ?? '?',
      box: e.querySelector('.edge-label rect')!.getBoundingClientRect(),
    }));
    const labelOverlaps: string[] = [];
    for (let i = 0; i < labels.length; i++)
      for (let j = i + 1; j < labels.length; j++) {
        const a = labels[i]!;
        const b = inflate(labels[j]!.box, -0.5);
        if (a.box.x < b.right && b.x < a.box.right && a.box.y < b.bottom && b.y < a.box.bottom) labelOverlaps.push(`${a.id} / ${labels[j]!.id}`);
      }
    const labelsOnNodes: string[] = [];
    for (const l of labels)
      for (const n of nodes) {
        const b = inflate(n.box, -0.5);
        if (l.box.x < b.right && b.x < l.box.right && l.box.y < b.bottom && b.y < l.box.bottom) labelsOnNodes.push(`${l.id} on ${n.id}`);
      }
    // Two links without a common end on one line for more than 24 px (12 cells in a row): one hides
    // the other. (Links from one handle, or into one, share its row: that is the fork.)
    const sharedStretches: string[] = [];
    for (let i = 0; i < trails.length; i++)
      for (let j = i + 1; j < trails.length; j++) {
        const a = trails[i]!;
        const b = trails[j]!;
        if ([...a.ends].some((id) => b.ends.has(id))) continue;
        const other = new Set(b.cells);
        let run = 0;
        let longest = 0;
        let last = '';
        for (const c of a.cells) {
          if (c === last) continue;
          last = c;
          run = other.has(c) ? run + 1 : 0;
          longest = Math.max(longest, run);
        }
        if (longest > 12) sharedStretches.push(`${a.id} / ${b.id} (${longest * 2} px)`);
      }
    return { edges: edges.length, crossings, labelOverlaps, labelsOnNodes, sharedStretches };
  });
}

async function expectClean(page: Page, what: string) {
  await page.waitForTimeout(400); // the fit animation
  const m = await measure(page);
  expect(m.edges, `${what}: edges drawn`).toBeGreaterThan(0);
  expect(m.crossings, `${what}: edges crossing nodes`).toEqual([]);
  expect(m.labelOverlaps, `${what}: labels overlapping`).toEqual([]);
  expect(m.labelsOnNodes, `${what}: labels on nodes`).toEqual([]);
  expect(m.sharedStretches, `${what}: links of different ends on one line`).toEqual([]);
}

async function templateNames(page: Page): Promise<string[]> {
  await page.getByRole('button', { name: 'Templates ▾' }).click();
  const items = page.getByRole('menu', { name: 'Templates' }).getByRole('menuitem');
  await expect(items.first()).toBeVisible();
  const names = (await items.allInnerTexts()).map((t) => t.split('\n')[0]!.trim());
  await page.keyboard.press('Escape');
  return names.filter((n) => n !== 'Blank');
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

for (const size of [
  { width: 1440, height: 900 },
  { width: 1024, height: 700 },
]) {
  test(`at ${size.width}×${size.height} no template's link crosses a node, and no two labels overlap`, async ({ page }, info) => {
    const errors = watchErrors(page);
    await page.setViewportSize(size);
    await page.goto('/');
    const names = await templateNames(page);
    expect(names.length).toBeGreaterThan(3);
    for (const name of names) {
      await useTemplate(page, name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
      await expectClean(page, name);
      await bothThemes(page, `routing-${size.width}-${slug(name)}`, info);
    }
    expect(errors).toEqual([]);
  });
}

test('an imported full HA design (the seed examples at once): no link crosses a node, no two labels overlap', async ({ page }, info) => {
  const errors = watchErrors(page);
  await page.goto('/');
  // Every seed whose objects' names are not taken yet (several seeds reuse "example-vmagent").
  const taken = new Set<string>();
  const seeds = readdirSync(SEED_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .filter((f) => {
      const names = imported(join(SEED_DIR, f)).components.filter((c) => !c.part).map((c) => `${c.kind}/${c.name}`);
      if (names.some((n) => taken.has(n))) return false;
      for (const n of names) taken.add(n);
      return true;
    });
  expect(seeds.length).toBeGreaterThan(5);
  const text = seeds.map((f) => readFileSync(join(SEED_DIR, f), 'utf8')).join('\n---\n');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await dialog.getByRole('textbox', { name: 'Manifests or design' }).fill(text);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  const report = page.getByRole('dialog', { name: 'Import report' });
  await expect(report.or(page.locator('.react-flow__node')).first()).toBeVisible();
  if (await report.isVisible()) await report.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.locator('.react-flow__node[aria-label="VMCluster example-vmcluster-persistent"]')).toBeVisible();
  await expectClean(page, 'full HA import');
  await bothThemes(page, 'routing-1440-import-full-ha', info);
  expect(errors).toEqual([]);
});

test('links of different pairs crossing one gap run down different lines', async ({ page, baseURL }, info) => {
  const errors = watchErrors(page);
  // Two agents in a column and two storages in the next, the second pair lower: both links would
  // turn down the middle of the gap, one over the other for a stretch.
  let t: Topology = emptyTopology('two-pairs');
  const put = (kind: ComponentKind, name: string, x: number, y: number) => {
    const r = addComponent(t, kind, { name, position: { x, y } });
    t = r.topology;
    return r.id;
  };
  const a1 = put('VMAgent', 'agent-a', 0, 0);
  const a2 = put('VMAgent', 'agent-b', 0, 190);
  const s1 = put('VMSingle', 'storage-a', 520, 380);
  const s2 = put('VMSingle', 'storage-b', 520, 570);
  t = addLink(t, 'remoteWrite', a1, s1).topology;
  t = addLink(t, 'remoteWrite', a2, s2).topology;
  await page.goto(shareLink(t, `${baseURL}/`));
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);
  await expectClean(page, 'two pairs across one gap');
  await bothThemes(page, 'routing-two-pairs', info);
  expect(errors).toEqual([]);
});

test('the VMCluster template: vmalert writes back to the agent around the cluster; datasource and remote read run apart', async ({ page }, info) => {
  await page.goto('/');
  await useTemplate(page, 'VMCluster');
  await page.waitForTimeout(400);
  const paths = await page.locator('.react-flow__edge').evaluateAll((els) =>
    els.map((e) => ({ type: e.querySelector('.edge-label')?.getAttribute('data-link-type'), d: e.querySelector('path.react-flow__edge-path')!.getAttribute('d') })),
  );
  const ds = paths.filter((p) => p.type === 'datasource');
  const rr = paths.filter((p) => p.type === 'remoteRead');
  for (const a of ds) for (const b of rr) expect(a.d).not.toBe(b.d);
  // A link is still selected by a click on its line, away from its label.
  const edge = page.locator('.react-flow__edge').first();
  const point = await edge.evaluate((e) => {
    const path = e.querySelector<SVGPathElement>('path.react-flow__edge-path')!;
    const p = path.getPointAtLength(path.getTotalLength() * 0.15);
    const s = new DOMPoint(p.x, p.y).matrixTransform(path.getScreenCTM()!);
    return { x: s.x, y: s.y };
  });
  await page.mouse.click(point.x, point.y);
  await expect(edge).toHaveClass(/selected/);
  await bothThemes(page, 'routing-vmcluster-selected-link', info);
});

test('after a drag that turns a link backwards, it goes around the nodes; nothing is crossed during the drag either', async ({ page }, info) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await useTemplate(page, 'VMCluster');
  await page.waitForTimeout(400);
  const am = page.locator('.react-flow__node[aria-label="VMAlertmanager alertmanager"]');
  const agent = (await page.locator('.react-flow__node[aria-label="VMAgent agent"]').boundingBox())!;
  const from = (await am.boundingBox())!;
  // Below the agent, left of everything: the notify link now runs right to left.
  const start = { x: from.x + 30, y: from.y + 12 };
  const end = { x: agent.x + 30, y: agent.y + agent.height + 200 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  for (let k = 1; k <= 12; k++) await page.mouse.move(start.x + ((end.x - start.x) * k) / 12, start.y + ((end.y - start.y) * k) / 12);
  const during = await measure(page);
  expect(during.crossings, 'during the drag').toEqual([]);
  await page.mouse.up();
  await expectClean(page, 'after the drag');
  await bothThemes(page, 'routing-after-drag', info);
  expect(errors).toEqual([]);
});
