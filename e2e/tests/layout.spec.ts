import { expect, test, type Page } from '@playwright/test';
import { bothThemes, importText, node, watchErrors } from './helpers.ts';

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
  // Every toolbar action on one row, and the design's name on one line (cut short when long).
  const oneRow = async (what: string) => {
    const middles = await page.locator('nav[aria-label="Toolbar"] button:visible').evaluateAll((els) => els.map((e) => { const r = e.getBoundingClientRect(); return Math.round(r.top + r.height / 2); }));
    expect(middles.length, what).toBeGreaterThan(10);
    expect(Math.max(...middles) - Math.min(...middles), what).toBeLessThanOrEqual(2);
    expect((await page.locator('.design-name').boundingBox())!.height, what).toBeLessThan(24);
  };
  await oneRow('template name');
  await page.getByLabel('Design name').fill('observability-platform-production-eu-west');
  await expect(page.locator('.design-name')).toContainText('observability-platform');
  await oneRow('a long name');
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await expect(inspector).not.toHaveClass(/collapsed/);
  await bothThemes(page, 'layout-1440', info);
  await page.getByRole('button', { name: 'Collapse the inspector' }).click();
  await expect.poll(async () => (await page.locator('#canvas').boundingBox())!.width).toBeGreaterThan(canvas.width + 200);
  await page.getByRole('button', { name: 'Expand the inspector' }).click();
  await expect.poll(async () => (await page.locator('#canvas').boundingBox())!.width).toBeCloseTo(canvas.width, 0);
  expect(errors).toEqual([]);
});

/** Two agents in `collect` writing to a VMSingle in `monitoring`, read by a VMAlert there. */
const agentIn = (name: string) => `apiVersion: operator.victoriametrics.com/v1beta1
kind: VMAgent
metadata: {name: ${name}, namespace: collect}
spec:
  replicaCount: 2
  remoteWrite:
    - url: http://vmsingle-db.monitoring.svc:8429/api/v1/write
`;
const TWO_NAMESPACES = [
  agentIn('edge'),
  agentIn('apps'),
  `apiVersion: operator.victoriametrics.com/v1beta1
kind: VMSingle
metadata: {name: db, namespace: monitoring}
spec: {retentionPeriod: "1"}
`,
  `apiVersion: operator.victoriametrics.com/v1beta1
kind: VMAlert
metadata: {name: rules, namespace: monitoring}
spec:
  replicaCount: 2
  datasource: {url: http://vmsingle-db.monitoring.svc:8429}
`,
].join('---\n');

test('namespace boxes: for a design in two namespaces, a frame around each, following a drag; off by default', async ({ page }, info) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await importText(page, TWO_NAMESPACES, 'VMSingle db');
  const toggle = page.getByRole('checkbox', { name: 'Namespace boxes' });
  await expect(toggle).not.toBeChecked();
  await expect(page.locator('.ns-frame')).toHaveCount(0);
  await toggle.check();
  await expect(page.locator('.ns-frame')).toHaveCount(2);
  await expect(page.locator('.ns-frame[data-namespace="collect"]')).toContainText('namespace collect');
  const inside = async (label: string, ns: string) => {
    const n = (await node(page, label).boundingBox())!;
    const f = (await page.locator(`.ns-frame[data-namespace="${ns}"]`).boundingBox())!;
    return f.x < n.x && f.y < n.y && n.x + n.width < f.x + f.width && n.y + n.height < f.y + f.height;
  };
  for (const [label, ns] of [['VMAgent edge', 'collect'], ['VMAgent apps', 'collect'], ['VMSingle db', 'monitoring'], ['VMAlert rules', 'monitoring']] as const) {
    expect(await inside(label, ns), `${label} in ${ns}`).toBe(true);
  }
  // The frame follows a component as it is dragged, before the drag ends.
  const box = (await node(page, 'VMAlert rules').boundingBox())!;
  await page.mouse.move(box.x + 40, box.y + 12);
  await page.mouse.down();
  await page.mouse.move(box.x + 40, box.y + 180, { steps: 6 });
  expect(await inside('VMAlert rules', 'monitoring')).toBe(true);
  await page.mouse.up();
  // Components stay clickable through the frames.
  await node(page, 'VMSingle db').click();
  await expect(node(page, 'VMSingle db')).toHaveClass(/selected/);
  await bothThemes(page, 'namespace-boxes', info);
  await toggle.uncheck();
  await expect(page.locator('.ns-frame')).toHaveCount(0);
  expect(errors).toEqual([]);
});
