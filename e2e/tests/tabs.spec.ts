import { expect, test } from '@playwright/test';
import { node, shot, useTemplate, watchErrors } from './helpers.ts';

// Issue #18: autosave that never loses work across tabs, and says so when the browser cannot save.

test('two tabs editing two designs: both survive their reloads, and each reaches the other', async ({ page }, info) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await useTemplate(page, 'HA vmagents');
  await expect(node(page, 'VMSingle persisted')).toBeVisible();

  // A second tab of the same browser opens the same saved design, and replaces it with another.
  const page2 = await page.context().newPage();
  const errors2 = watchErrors(page2);
  await page2.goto('/');
  await expect(node(page2, 'VMSingle persisted')).toBeVisible();
  await useTemplate(page2, 'VMCluster');
  await expect(node(page2, 'VMCluster persistent')).toBeVisible();

  // The first tab hears of it, and its own next edit is saved apart instead of over the other's.
  await expect(page.getByRole('status').filter({ hasText: 'was changed in another tab' })).toBeVisible();
  await shot(page, info, '01-changed-in-another-tab');
  await node(page, 'VMSingle persisted').click();
  await page.keyboard.press('Delete');
  await expect(node(page, 'VMSingle persisted')).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'saves its version as a separate design' })).toBeVisible();

  await page.reload();
  await page2.reload();
  await expect(node(page, 'VMAgent agent')).toBeVisible();
  await expect(node(page, 'VMSingle persisted')).toHaveCount(0);
  await expect(node(page2, 'VMCluster persistent')).toBeVisible();

  // Recent in the second tab lists the first tab's design; opening it keeps the VMCluster design.
  await page2.getByRole('button', { name: 'Recent ▾' }).click();
  await shot(page2, info, '02-recent-lists-the-other-tab');
  await page2.getByRole('menuitem', { name: /^ha-agents/ }).click();
  await expect(node(page2, 'VMAgent agent')).toBeVisible();
  await page2.getByRole('button', { name: 'Recent ▾' }).click();
  await expect(page2.getByRole('menuitem', { name: /^vmcluster/ })).toBeVisible();
  expect([...errors, ...errors2]).toEqual([]);
});

test('a full browser storage at start: the saved design opens, a notice says nothing is saved, the file is offered', async ({ page }, info) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await useTemplate(page, 'HA vmalert');
  await page.waitForTimeout(600); // the autosave's debounce
  await page.addInitScript(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await page.reload();
  await expect(node(page, 'VMAlert ha')).toBeVisible();
  const notice = page.locator('.notice.error[role="alert"]');
  await expect(notice).toContainText('This browser cannot save your changes (the browser storage for this site is full)');
  await shot(page, info, '01-storage-full');
  const [download] = await Promise.all([page.waitForEvent('download'), notice.getByRole('button', { name: 'Save the topology file' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.vmtopo\.json$/);
  expect(errors).toEqual([]);
});
