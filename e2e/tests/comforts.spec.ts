import { expect, test } from '@playwright/test';
import { canvas, node, paletteItem, shot, watchErrors } from './helpers.ts';

test('templates, keyboard add, copy/paste, auto-layout and the shortcuts list', async ({ page }, info) => {
  const errors = watchErrors(page);
  await page.goto('/');
  const templates = ['HA vmagents', 'Sharded vmagents', 'Stateful vmagents', 'HA vmalert', 'VMCluster'];
  for (const [i, name] of templates.entries()) {
    await page.getByRole('button', { name: 'Templates ▾' }).click();
    await page.getByRole('menuitem', { name: new RegExp(`^${name}`) }).click();
    await expect(page.locator('.react-flow__node').first()).toBeVisible();
    await shot(page, info, `0${i + 1}-template-${name.replace(/\W+/g, '-')}`);
  }
  await expect(node(page, 'VMCluster persistent')).toBeVisible();

  await page.getByRole('button', { name: 'Auto-layout' }).click();
  await page.waitForTimeout(800);
  const agent = (await node(page, 'VMAgent agent').boundingBox())!;
  const alert = (await node(page, 'VMAlert alert').boundingBox())!;
  const cluster = (await node(page, 'VMCluster persistent').boundingBox())!;
  expect(agent.x).toBeLessThan(cluster.x);
  expect(alert.x).toBeGreaterThan(cluster.x);
  await shot(page, info, '06-auto-layout');

  // Enter on a focused palette item adds it at the centre of the view.
  const before = await page.locator('.react-flow__node').count();
  await paletteItem(page, 'VMAuth').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.react-flow__node')).toHaveCount(before + 1);
  await expect(node(page, 'VMAuth auth')).toHaveClass(/selected/);

  // Copy/paste on the canvas (not in text fields).
  await node(page, 'VMAuth auth').click();
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await expect(node(page, 'VMAuth auth-2')).toBeVisible();
  await page.getByRole('textbox', { name: 'Name', exact: true }).focus();
  await page.keyboard.press('Control+v');
  await expect(page.locator('.react-flow__node')).toHaveCount(before + 2);

  await canvas(page).click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await shot(page, info, '07-shortcuts');
  expect(errors).toEqual([]);
});
