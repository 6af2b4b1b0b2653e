import { expect, test, type Page } from '@playwright/test';
import { bothThemes, watchErrors } from './helpers.ts';

const openTemplate = async (page: Page) => {
  await page.getByRole('button', { name: 'Templates ▾' }).click();
  await page.getByRole('menuitem', { name: /^VMCluster/ }).click();
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
};

test('at 1024×700 nothing scrolls sideways, every toolbar action is on screen, the side panels start collapsed', async ({ page }, info) => {
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto('/');
  await openTemplate(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const buttons = page.getByRole('navigation', { name: 'Toolbar' }).getByRole('button');
  expect(await buttons.count()).toBeGreaterThan(10);
  for (let i = 0; i < (await buttons.count()); i++) {
    const b = (await buttons.nth(i).boundingBox())!;
    expect(b.x).toBeGreaterThanOrEqual(0);
    expect(b.x + b.width).toBeLessThanOrEqual(1024);
    expect(b.y + b.height).toBeLessThanOrEqual(700);
  }
  const palette = page.getByRole('navigation', { name: 'Palette' });
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await expect(palette).toHaveClass(/collapsed/);
  await expect(inspector).toHaveClass(/collapsed/);
  await bothThemes(page, 'layout-1024-collapsed', info);

  // Still usable collapsed: an icon adds its component; the inspector opens on demand.
  await page.emulateMedia({ colorScheme: 'light' });
  await palette.getByRole('button', { name: 'VMAuth', exact: true }).click();
  await expect(page.locator('.react-flow__node[aria-label="VMAuth auth"]')).toBeVisible();
  await page.getByRole('button', { name: 'Expand the inspector' }).click();
  await expect(inspector.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue('auth');
  await page.getByRole('button', { name: 'Expand the palette' }).click();
  await expect(palette.getByText('Scrapes targets', { exact: false }).first()).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await bothThemes(page, 'layout-1024-expanded', info);
  expect(errors).toEqual([]);
});

test('at 1440×900 the canvas has at least 70% of the width, and both panels collapse and expand', async ({ page }, info) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await openTemplate(page);
  const canvas = (await page.locator('#canvas').boundingBox())!;
  expect(canvas.width / 1440).toBeGreaterThanOrEqual(0.7);
  // Every toolbar action on one row, and the design's name on one line.
  const middles = await page.locator('nav[aria-label="Toolbar"] button:visible').evaluateAll((els) => els.map((e) => { const r = e.getBoundingClientRect(); return Math.round(r.top + r.height / 2); }));
  expect(middles.length).toBeGreaterThan(10);
  expect(Math.max(...middles) - Math.min(...middles)).toBeLessThanOrEqual(2);
  expect((await page.locator('.design-name').boundingBox())!.height).toBeLessThan(24);
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await expect(inspector).not.toHaveClass(/collapsed/);
  await bothThemes(page, 'layout-1440', info);
  await page.getByRole('button', { name: 'Collapse the inspector' }).click();
  await expect.poll(async () => (await page.locator('#canvas').boundingBox())!.width).toBeGreaterThan(canvas.width + 200);
  await page.getByRole('button', { name: 'Expand the inspector' }).click();
  await expect.poll(async () => (await page.locator('#canvas').boundingBox())!.width).toBeCloseTo(canvas.width, 0);
  expect(errors).toEqual([]);
});
