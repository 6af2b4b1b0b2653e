import { expect, test } from '@playwright/test';
import { canvas, connect, dropOnCanvas, node, saveDesign, shot, watchErrors } from './helpers.ts';

test('undo/redo restores the exact previous design', async ({ page }, info) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await dropOnCanvas(page, 'VMAgent', { x: 220, y: 200 });
  await dropOnCanvas(page, 'VMSingle', { x: 620, y: 200 });
  const agent = node(page, 'VMAgent agent');
  const single = node(page, 'VMSingle single');
  await expect(single).toBeVisible();
  const before = (await saveDesign(page, info, 'design')).text;

  await connect(page, agent, single);
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
  // Move the agent: one step at drag end.
  const box = (await agent.boundingBox())!;
  await page.mouse.move(box.x + 60, box.y + 20);
  await page.mouse.down();
  await page.mouse.move(box.x + 100, box.y + 140, { steps: 10 });
  await page.mouse.up();
  const after = (await saveDesign(page, info, 'design')).text;
  expect(after).not.toBe(before);
  await shot(page, info, '01-after');

  await canvas(page).click({ position: { x: 30, y: 30 } });
  await page.keyboard.press('Control+z'); // the move
  await page.keyboard.press('Control+z'); // the link
  await expect(page.locator('.react-flow__edge')).toHaveCount(0);
  expect((await saveDesign(page, info, 'design')).text).toBe(before);
  await shot(page, info, '02-undone');

  await page.keyboard.press('Control+Shift+z');
  await page.keyboard.press('Control+Shift+z');
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
  expect((await saveDesign(page, info, 'design')).text).toBe(after);

  // Delete is one step too.
  await agent.click();
  await page.keyboard.press('Delete');
  await expect(agent).toHaveCount(0);
  await expect(page.locator('.react-flow__edge')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(agent).toBeVisible();
  expect((await saveDesign(page, info, 'design')).text).toBe(after);
  await shot(page, info, '03-redone');
  expect(errors).toEqual([]);
});

test('an invalid connection is refused with the model’s reason', async ({ page }, info) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await dropOnCanvas(page, 'VMAgent', { x: 220, y: 200 });
  await dropOnCanvas(page, 'VMAlertmanager', { x: 620, y: 200 });
  const agent = node(page, 'VMAgent agent');
  const am = node(page, 'VMAlertmanager alertmanager');
  await expect(am).toBeVisible();
  const before = (await saveDesign(page, info)).text;

  await connect(page, agent, am);
  const notice = page.getByRole('alert').filter({ hasText: 'Cannot link' });
  await expect(notice).toContainText('not to VMAlertmanager');
  await shot(page, info, '01-refused');
  await expect(page.locator('.react-flow__edge')).toHaveCount(0);
  expect((await saveDesign(page, info)).text).toBe(before);
  expect(errors).toEqual([]);
});
