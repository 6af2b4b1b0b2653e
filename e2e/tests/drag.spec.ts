import { expect, test, type Locator, type Page } from '@playwright/test';
import { canvas, dropOnCanvas, node, shot, watchErrors } from './helpers.ts';

/** Presses at a point of `l`, moves by (dx, dy) in steps, and returns before letting go. */
async function dragBy(page: Page, l: Locator, dx: number, dy: number): Promise<void> {
  const b = (await l.boundingBox())!;
  await page.mouse.move(b.x + 40, b.y + 14);
  await page.mouse.down();
  await page.mouse.move(b.x + 40 + dx, b.y + 14 + dy, { steps: 12 });
}

test('a drag is one undo step: Ctrl+Z puts the node back where it was', async ({ page }, info) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await dropOnCanvas(page, 'VMAgent', { x: 260, y: 220 });
  const agent = node(page, 'VMAgent agent');
  await expect(agent).toBeVisible();
  const before = (await agent.boundingBox())!;
  await dragBy(page, agent, 180, 120);
  await page.mouse.up();
  const after = (await agent.boundingBox())!;
  // (The first pointer move only starts the drag.)
  expect(after.x - before.x).toBeGreaterThan(150);
  expect(after.y - before.y).toBeGreaterThan(100);
  await shot(page, info, '01-dragged');

  await canvas(page).click({ position: { x: 30, y: 30 } });
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await agent.boundingBox())!.x).toBeCloseTo(before.x, 0);
  expect((await agent.boundingBox())!.y).toBeCloseTo(before.y, 0);
  // The node is still there: the one undo step was the move, not its adding.
  await expect(agent).toBeVisible();
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(async () => (await agent.boundingBox())!.x).toBeCloseTo(after.x, 0);
  expect(errors).toEqual([]);
});

test('the minimap pauses during a drag and comes back, live and up to date, after it', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await dropOnCanvas(page, 'VMAgent', { x: 260, y: 220 });
  const agent = node(page, 'VMAgent agent');
  await expect(agent).toBeVisible();
  const live = page.locator('.minimap-slot:not([aria-hidden]) > .react-flow__panel .react-flow__minimap-node');
  const frozen = page.locator('.minimap-slot > .minimap-slot[aria-hidden]');
  await expect(live).toHaveCount(1);
  const x0 = Number(await live.getAttribute('x'));
  await dragBy(page, agent, 180, 0);
  await expect(frozen).toHaveCount(1);
  await expect(live).toHaveCount(0);
  await page.mouse.up();
  await expect(frozen).toHaveCount(0);
  await expect(live).toHaveCount(1);
  expect(Number(await live.getAttribute('x'))).toBeGreaterThan(x0 + 100);
  expect(errors).toEqual([]);
});

test('dragging a cluster part out of its box grows the box when the drag ends, not before', async ({ page }, info) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await dropOnCanvas(page, 'VMCluster', { x: 120, y: 60 });
  const cluster = node(page, 'VMCluster cluster');
  const storage = node(page, 'vmstorage of VMCluster cluster');
  await expect(storage).toBeVisible();
  const unselected = (await cluster.boundingBox())!;
  // Selected first: a selected part shows its steppers, and the box grows to hold them.
  await storage.click();
  await expect(storage.getByRole('button', { name: 'Add a replica' })).toBeVisible();
  await page.waitForTimeout(200);
  const box = (await cluster.boundingBox())!;

  await dragBy(page, storage, 0, 220);
  // Mid-drag the part has left the box, and the box has kept its size.
  const mid = (await storage.boundingBox())!;
  expect(mid.y + mid.height).toBeGreaterThan(box.y + box.height);
  expect((await cluster.boundingBox())!.height).toBeCloseTo(box.height, 0);
  await shot(page, info, '01-mid-drag');
  await page.mouse.up();

  const part = (await storage.boundingBox())!;
  await expect.poll(async () => (await cluster.boundingBox())!.height).toBeGreaterThan(box.height);
  const grown = (await cluster.boundingBox())!;
  expect(grown.x + grown.width).toBeGreaterThanOrEqual(part.x + part.width);
  expect(grown.y + grown.height).toBeGreaterThanOrEqual(part.y + part.height);
  await shot(page, info, '02-grown');
  await page.screenshot({ path: '/tmp/shots/drag-cluster-grown.png' });

  // One undo step puts the part back and the box with it (unselected again: no steppers).
  await canvas(page).click({ position: { x: 30, y: 30 } });
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await cluster.boundingBox())!.height).toBeCloseTo(unselected.height, 0);
  expect(errors).toEqual([]);
});

test('a dragged component is drawn over the others and stays the one under the pointer', async ({ page }, info) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await dropOnCanvas(page, 'VMAgent', { x: 200, y: 200 });
  await dropOnCanvas(page, 'VMAgent', { x: 520, y: 200 });
  const first = node(page, 'VMAgent agent');
  const second = node(page, 'VMAgent agent-2');
  await expect(second).toBeVisible();
  const target = (await second.boundingBox())!;
  const from = (await first.boundingBox())!;
  // The first one (earlier in the page, so drawn under the second at rest) over the second.
  await dragBy(page, first, target.x - from.x, target.y - from.y);
  const at = { x: target.x + 40, y: target.y + 14 };
  const hit = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('.react-flow__node')?.getAttribute('aria-label') ?? null, at);
  await shot(page, info, '01-over-another');
  await page.mouse.up();
  expect(hit).toBe(await first.getAttribute('aria-label'));
  expect(errors).toEqual([]);
});

test('a component node adds no paint layers of its own: inside it only React Flow’s handles are positioned', async ({ page }) => {
  await page.goto('/');
  await dropOnCanvas(page, 'VMAgent', { x: 200, y: 200 });
  await dropOnCanvas(page, 'VMSingle', { x: 520, y: 200 });
  await expect(node(page, 'VMSingle single')).toBeVisible();
  // Every positioned, transformed or translucent element is a layer the browser walks in each
  // frame of a drag: at 500 components, positioned badges were 460 layers more per frame.
  const layered = await page.evaluate(() =>
    [...document.querySelectorAll('.react-flow__node *')]
      .filter((el) => !el.classList.contains('react-flow__handle'))
      .filter((el) => {
        const cs = getComputedStyle(el);
        return cs.position !== 'static' || cs.transform !== 'none' || Number(cs.opacity) < 1 || cs.zIndex !== 'auto' || cs.willChange !== 'auto';
      })
      .map((el) => el.className),
  );
  expect(layered).toEqual([]);
});
