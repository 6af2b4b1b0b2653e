import { deflateRawSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { designText, exportedYaml, node, openYaml, shareLinkOf, shot, useTemplate, watchErrors } from './helpers.ts';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

/** Moves a node by (dx, dy) with the mouse: a position only a user could have chosen. */
async function moveNode(page: Page, label: string, dx: number, dy: number) {
  const box = (await node(page, label).boundingBox())!;
  await page.mouse.move(box.x + 40, box.y + 12);
  await page.mouse.down();
  await page.mouse.move(box.x + 40 + dx, box.y + 12 + dy, { steps: 8 });
  await page.mouse.up();
}

const noticeError = (page: Page) => page.locator('.notice.error[role="alert"]');

test('copy link → open it in a new page: the identical design and YAML', async ({ page, browser }, info) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await useTemplate(page, 'VMCluster');
  await moveNode(page, 'VMAgent agent', 37, 83);
  const design = await designText(page, info);
  const yaml = await exportedYaml(page, info);

  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Share' });
  const link = await dialog.getByRole('textbox', { name: 'Share link' }).inputValue();
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:4173\/#v2\.[A-Za-z0-9_-]+$/);
  await expect(dialog.getByTestId('share-length')).toContainText(`${link.length.toLocaleString('en-US')} characters`);
  await expect(dialog.getByRole('alert')).toHaveCount(0); // short: no warning
  await dialog.getByRole('button', { name: 'Copy link' }).click();
  await expect(dialog.getByRole('button', { name: 'Copied ✓' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  await shot(page, info, '01-share-dialog');
  await dialog.getByRole('button', { name: 'Close' }).click();

  // A fresh browser profile: nothing autosaved, everything comes from the link.
  const other = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  const page2 = await other.newPage();
  const errors2 = watchErrors(page2);
  await page2.goto(link);
  await expect(page2.locator('.react-flow__node')).toHaveCount(await page.locator('.react-flow__node').count());
  await expect(page2).toHaveURL('http://127.0.0.1:4173/'); // the fragment is cleared: a reload shows the autosave
  expect(await designText(page2, info)).toBe(design);
  expect(await exportedYaml(page2, info)).toBe(yaml);
  await expect(await openYaml(page2)).toContainText('kind: VMCluster');
  await shot(page2, info, '02-opened-in-new-page');

  // Reload: the opened design was autosaved.
  await page2.reload();
  await expect(node(page2, 'VMCluster persistent')).toBeVisible();
  expect(await designText(page2, info)).toBe(design);
  await other.close();

  // The same profile: the link equals the autosave, so nothing to restore.
  const page3 = await page.context().newPage();
  await page3.goto(link);
  await expect(node(page3, 'VMCluster persistent')).toBeVisible();
  await expect(page3.getByRole('button', { name: 'Restore your previous design' })).toHaveCount(0);
  expect(await designText(page3, info)).toBe(design);
  expect([...errors, ...errors2]).toEqual([]);
});

test('autosave: a reload, even right after an edit, loses nothing', async ({ page }, info) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await useTemplate(page, 'HA vmalert');
  await moveNode(page, 'VMAlert ha', -30, 60);
  const before = await designText(page, info);
  await page.reload();
  await expect(node(page, 'VMAlert ha')).toBeVisible();
  expect(await designText(page, info)).toBe(before);

  // An edit and an immediate reload (no time for the debounce): the pagehide flush saves it.
  await node(page, 'VMAlert ha').click();
  await page.keyboard.press('Delete');
  await expect(node(page, 'VMAlert ha')).toHaveCount(0);
  await page.reload();
  await expect(node(page, 'VMSingle single')).toBeVisible();
  await expect(node(page, 'VMAlert ha')).toHaveCount(0);
  await shot(page, info, '01-after-reload');
  expect(errors).toEqual([]);
});

test('opening a link over a different autosaved design keeps it: restore from the notice or Recent', async ({ page, browser }, info) => {
  const errors = watchErrors(page);
  // The link, made in another profile.
  const maker = await browser.newContext();
  const makerPage = await maker.newPage();
  await makerPage.goto('/');
  await useTemplate(makerPage, 'VMCluster');
  const link = await shareLinkOf(makerPage);
  await maker.close();

  await page.goto('/');
  await useTemplate(page, 'HA vmagents');
  const mine = await designText(page, info);

  // Opened at start (a new navigation).
  await page.goto('about:blank');
  await page.goto(link);
  await expect(node(page, 'VMCluster persistent')).toBeVisible();
  const notice = page.getByRole('status').filter({ hasText: 'Opened the shared design' });
  await expect(notice).toContainText('Your previous design');
  await shot(page, info, '01-link-opened-over-autosave');
  await page.getByRole('button', { name: 'Restore your previous design' }).click();
  await expect(node(page, 'VMCluster persistent')).toHaveCount(0);
  expect(await designText(page, info)).toBe(mine);

  // The shared design it replaced is under Recent now; and so is mine after opening the link again.
  await page.getByRole('button', { name: 'Recent ▾' }).click();
  await expect(page.getByRole('menu', { name: 'Recent designs' }).getByRole('menuitem', { name: /vmcluster/ })).toBeVisible();
  await shot(page, info, '02-recent-menu');
  await page.keyboard.press('Escape');

  // Opened while the page is up (hashchange): one undo step, the notice offers the way back too.
  await page.evaluate((h) => (window.location.hash = h), new URL(link).hash);
  await expect(node(page, 'VMCluster persistent')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Restore your previous design' })).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  expect(await designText(page, info)).toBe(mine);
  expect(errors).toEqual([]);
});

test('bad links get a clear message and leave the design on screen untouched', async ({ page }, info) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await useTemplate(page, 'Sharded vmagents');
  const link = await shareLinkOf(page);
  const before = await designText(page, info);
  const data = link.slice(link.indexOf('#v2.') + 4);
  const raw = (json: string) => `#v2.${deflateRawSync(Buffer.from(json)).toString('base64url')}`;
  const bad: [string, string, RegExp][] = [
    ['truncated', `#v2.${data.slice(0, Math.floor(data.length / 2))}`, /truncated|garbled/i],
    ['garbled', `#v2.${data.slice(0, 20)}!*${data.slice(22)}`, /garbled/i],
    ['unknown version', `#v9.${data}`, /format "v9".*newer vmtopo/i],
    ['oversized', `#v2.${'A'.repeat(1_000_100)}`, /too large/i],
    ['decompression bomb', `#v2.${deflateRawSync(Buffer.alloc(16 * 1024 * 1024, 32), { level: 9 }).toString('base64url')}`, /too large/i],
    ['hostile JSON', raw('{"c":[[0,"a",{"s":{"__proto__":{"polluted":1}}}]]}'), /__proto__/],
    ['not a design', raw('[1,2,3]'), /invalid design/i],
  ];
  for (const [i, [what, fragment, message]] of bad.entries()) {
    // At start (a new navigation) ...
    await page.goto('about:blank');
    await page.goto(`/${fragment}`);
    await expect(noticeError(page), what).toContainText(message);
    await expect(noticeError(page), what).toContainText('Your design on screen is unchanged');
    await expect(page).toHaveURL('http://127.0.0.1:4173/');
    expect(await designText(page, info), what).toBe(before);
    if (i === 1) await shot(page, info, '01-garbled-link');
    expect(await page.evaluate(() => Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted'))).toBe(false);
  }
  // ... and while the page is up.
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await page.evaluate(() => (window.location.hash = '#v2.garbled!'));
  await expect(noticeError(page)).toContainText(/garbled/i);
  expect(await designText(page, info)).toBe(before);
  expect(errors).toEqual([]);
});

test('a long link shows its length, warns past 2,000 characters and offers the topology file', async ({ page }, info) => {
  const errors = watchErrors(page);
  await page.goto('/');
  // 90 agents with unrelated names and labels: hard to compress.
  const docs = Array.from({ length: 90 }, (_, i) => {
    const salt = ((i + 1) * 2654435761).toString(36);
    return `apiVersion: operator.victoriametrics.com/v1beta1\nkind: VMAgent\nmetadata:\n  name: a${salt}\n  labels:\n    team: t${salt.split('').reverse().join('')}\nspec:\n  replicaCount: ${(i % 3) + 1}\n  scrapeInterval: ${10 + i}s`;
  });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByRole('textbox', { name: 'Manifests or design' }).fill(docs.join('\n---\n'));
  await page.getByRole('dialog', { name: 'Import' }).getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(90);

  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Share' });
  const link = await dialog.getByRole('textbox', { name: 'Share link' }).inputValue();
  expect(link.length).toBeGreaterThan(2000);
  await expect(dialog.getByTestId('share-length')).toHaveText(`${link.length.toLocaleString('en-US')} characters`);
  await expect(dialog.getByRole('alert')).toContainText('longer than 2,000 characters');
  await shot(page, info, '01-long-link');
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Save topology file' }).click()]);
  expect(download.suggestedFilename()).toBe('imported.vmtopo.json');
  expect(errors).toEqual([]);
});
