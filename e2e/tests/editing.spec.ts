import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { bothThemes, canvas, dropOnCanvas, errorNextToWarnings, exportedYaml, node, paletteItem, shareLinkOf, shot, watchErrors } from './helpers.ts';

const template = async (page: Page, name: string) => {
  await page.getByRole('button', { name: 'Templates ▾' }).click();
  await page.getByRole('menuitem', { name: new RegExp(`^${name}`) }).click();
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
};

test('a badge shows the worst severity with its own count; every count is in its label and the summary', async ({ page }, info) => {
  const errors = watchErrors(page);
  await page.goto('/');
  const storage = await errorNextToWarnings(page);

  const badges = page.locator('.react-flow__node .badge');
  let mixed = 0;
  for (let i = 0; i < (await badges.count()); i++) {
    const b = badges.nth(i);
    const label = (await b.getAttribute('aria-label'))!;
    const counts = Object.fromEntries([...label.matchAll(/(\d+) (error|warning|info)/g)].map((m) => [m[2], Number(m[1])]));
    const severity = (await b.getAttribute('data-severity'))!;
    expect(await b.locator('span').nth(1).textContent()).toBe(String(counts[severity]));
    // The worst severity is the first the label names.
    expect(label.startsWith(`${counts[severity]} ${severity}`)).toBe(true);
    if (Object.keys(counts).length > 1) mixed++;
  }
  expect(mixed).toBeGreaterThan(0);
  await storage.locator('.badge').hover();
  await expect(page.getByRole('tooltip')).toContainText(/1 error · \d+ warnings?/);
  await bothThemes(page, 'badges', info);
  // A node dragged by its badge is no hover: the pop goes and does not come back over other badges.
  await storage.locator('.badge').hover();
  await expect(page.getByRole('tooltip')).toHaveCount(1);
  await page.mouse.down();
  await expect(page.getByRole('tooltip')).toHaveCount(0);
  for (const badge of await badges.all()) {
    const box = await badge.boundingBox();
    if (box) await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 3 });
    await expect(page.getByRole('tooltip')).toHaveCount(0);
  }
  await page.mouse.up();
  await page.keyboard.press('Control+z');

  await canvas(page).click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('Escape');
  const summary = page.locator(".inspector dt:text-is(\"Findings\") + dd");
  await expect(summary).toHaveText(/^\d+ errors? · \d+ warnings?( · \d+ info)?$/);
  await expect(page.locator('#tab-findings .sev-counts')).toHaveAttribute('aria-label', (await summary.textContent())!);
  expect(errors).toEqual([]);
});

test('paste lands at the pointer, selected and focused, and arrow keys nudge it in one undo step', async ({ page }, info) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await dropOnCanvas(page, 'VMAgent', { x: 200, y: 160 });
  const agent = node(page, 'VMAgent agent');
  await agent.click();
  await page.keyboard.press('Control+c');
  const pane = (await canvas(page).boundingBox())!;
  const at = { x: pane.x + 520, y: pane.y + 330 };
  await page.mouse.move(at.x, at.y);
  await page.keyboard.press('Control+v');
  const copy = node(page, 'VMAgent agent-2');
  await expect(copy).toBeVisible();
  await expect(copy).toHaveClass(/selected/);
  await expect(copy).toBeFocused();
  const pasted = (await copy.boundingBox())!;
  expect(Math.abs(pasted.x - at.x)).toBeLessThan(3);
  expect(Math.abs(pasted.y - at.y)).toBeLessThan(3);

  // Ctrl+V again at the same spot: the second copy does not cover the first.
  await page.keyboard.press('Control+v');
  const third = (await node(page, 'VMAgent agent-3').boundingBox())!;
  expect(third.y).toBeGreaterThanOrEqual(pasted.y + pasted.height);
  await page.keyboard.press('Control+z');
  await expect(node(page, 'VMAgent agent-3')).toHaveCount(0);

  await copy.click();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowDown');
  await expect.poll(async () => (await copy.boundingBox())!.x - pasted.x).toBeGreaterThan(15);
  const nudged = (await copy.boundingBox())!;
  expect(nudged.y - pasted.y).toBeGreaterThan(15);
  await shot(page, info, '01-nudged');
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await copy.boundingBox())!.x).toBeCloseTo(pasted.x, 0);
  expect((await copy.boundingBox())!.y).toBeCloseTo(pasted.y, 0);
  await expect(copy).toBeVisible();

  await canvas(page).click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toContainText('Arrow keys / Shift+arrow');
  await bothThemes(page, 'shortcuts', info);
  expect(errors).toEqual([]);
});

test('the YAML tab follows the selection to its document', async ({ page }, info) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await template(page, 'VMCluster');
  await page.getByRole('tab', { name: 'YAML' }).click();
  const view = page.locator('.monaco-editor .view-lines');
  await expect(view).toContainText('kind: VMCluster');
  for (const [label, line] of [
    ['VMAlertmanager alertmanager', 'kind: VMAlertmanager'],
    ['vmselect of VMCluster persistent', 'vmselect:'],
    ['VMAgent agent', 'kind: VMAgent'],
  ] as const) {
    await node(page, label).click({ position: { x: 40, y: 10 } });
    await expect(view).toContainText(line);
    await expect(page.locator('.monaco-editor .yaml-selected-doc').first()).toBeVisible();
    // The document starts at the top of the view, marked.
    const top = page.locator('.monaco-editor .view-line').filter({ hasText: line === 'vmselect:' ? /^\s*vmselect:/ : /^apiVersion/ });
    expect(await top.count()).toBeGreaterThan(0);
  }
  await bothThemes(page, 'yaml-follows', info);
  expect(errors).toEqual([]);
});

test('a finding\'s Fix button sits beneath its text at the inspector\'s default width', async ({ page }, info) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await dropOnCanvas(page, 'VMCluster', { x: 120, y: 60 });
  await node(page, 'vmstorage of VMCluster cluster').click();
  const findings = page.locator('.insp-finding');
  await expect(findings.first()).toBeVisible();
  const fixes = page.locator('.insp-finding .fix');
  expect(await fixes.count()).toBeGreaterThan(0);
  for (let i = 0; i < (await findings.count()); i++) {
    const f = findings.nth(i);
    const button = f.locator('.fix');
    if ((await button.count()) === 0) continue;
    const text = (await f.locator('span:not(.sev-dot)').first().boundingBox())!;
    const b = (await button.boundingBox())!;
    const box = (await f.boundingBox())!;
    expect(b.y).toBeGreaterThanOrEqual(text.y + text.height - 1);
    expect(b.x + b.width).toBeLessThanOrEqual(box.x + box.width);
    // No narrow column of words: at most two lines.
    expect(b.height).toBeLessThan(44);
  }
  await bothThemes(page, 'fix-buttons', info);
  expect(errors).toEqual([]);
});

test('a link passing behind a component never takes its clicks; links stay above the cluster box', async ({ page }, info) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await template(page, 'VMCluster');
  await shot(page, info, 'template');
  // The remote-write link from the vmagent to vminsert; drop a new VMAlert on its middle.
  const path = page.locator('.react-flow__edge path.react-flow__edge-path').first();
  const middle = await path.evaluate((p: SVGPathElement) => {
    const at = p.getPointAtLength(p.getTotalLength() / 2);
    const r = p.getScreenCTM()!;
    return { x: at.x * r.a + r.e, y: at.y * r.d + r.f };
  });
  const flow = (await canvas(page).boundingBox())!;
  await dropOnCanvas(page, 'VMAlert', { x: middle.x - flow.x - 10, y: middle.y - flow.y - 20 });
  const alert = node(page, 'VMAlert alert-2');
  const box = (await alert.boundingBox())!;
  expect(box.x < middle.x && middle.x < box.x + box.width && box.y < middle.y && middle.y < box.y + box.height).toBe(true);
  // What is under the link's middle is the component, not the link's click band.
  expect(await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('.react-flow__node')?.getAttribute('aria-label'), middle)).toBe('VMAlert alert-2');
  await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
  await alert.click({ position: { x: middle.x - box.x, y: middle.y - box.y } });
  await expect(alert).toHaveClass(/selected/);
  // Cluster parts: their links are drawn over the cluster box, beneath the parts.
  const z = await page.evaluate(() => ({
    edges: Math.min(...[...document.querySelectorAll<SVGElement>('.react-flow__edges > svg')].map((s) => Number(getComputedStyle(s).zIndex) || 0)),
    cluster: Number(getComputedStyle(document.querySelector('.react-flow__node-cluster')!).zIndex),
    part: Number(getComputedStyle(document.querySelector('.react-flow__node[aria-label^="vminsert of"]')!).zIndex),
  }));
  expect(z.cluster).toBeLessThan(z.edges);
  expect(z.edges).toBeLessThan(z.part);
  await shot(page, info, 'node-over-link');
  expect(errors).toEqual([]);
});

test('notes: written on the canvas, autosaved and carried by the share link, exported in the image, never in the YAML', async ({ page, browser }, info) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await template(page, 'VMCluster');
  await paletteItem(page, 'Note').click();
  const note = page.locator('.react-flow__node-note');
  await expect(note).toHaveCount(1);
  const area = note.getByRole('textbox', { name: 'Note text' });
  await expect(area).toBeFocused();
  await area.fill('prod only: ask the storage team\nbefore scaling vmstorage');
  await page.keyboard.press('Escape');
  await expect(note).toContainText('ask the storage team');
  await expect(area).toHaveCount(0);
  expect(await exportedYaml(page, info)).not.toContain('storage team');

  // Reloaded from the autosave, and opened from a share link in a fresh profile.
  await page.waitForTimeout(600);
  await page.reload();
  await expect(page.locator('.react-flow__node-note')).toContainText('before scaling vmstorage');
  const link = await shareLinkOf(page);
  const other = await browser.newContext();
  const page2 = await other.newPage();
  await page2.goto(link);
  await expect(page2.locator('.react-flow__node-note')).toContainText('prod only: ask the storage team');
  await other.close();

  // Double-click writes again; the exported SVG carries the text.
  await note.dblclick();
  await area.fill('prod only: ask the storage team first');
  await canvas(page).click({ position: { x: 20, y: 20 } });
  await expect(note).toContainText('team first');
  await page.getByRole('button', { name: 'Export image ▾' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: /SVG/ }).click()]);
  const svg = readFileSync((await download.path())!, 'utf8');
  // Wrapped into lines as on the canvas: the text reads whole without the markup.
  expect(svg.replace(/<[^>]+>/g, '')).toContain('prod only: ask the storage team first');
  await bothThemes(page, 'note', info);

  // Selected and deleted like a component; undo brings it back.
  await note.click();
  await page.keyboard.press('Delete');
  await expect(note).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(note).toHaveCount(1);
  expect(errors).toEqual([]);
});
