import { expect, test } from '@playwright/test';
import { node, shot, useTemplate, watchErrors } from './helpers.ts';

// Issue #18: a large import runs off the main thread, shows its progress and can be cancelled.

const agents = (n: number) =>
  Array.from(
    { length: n },
    (_, i) => `apiVersion: operator.victoriametrics.com/v1beta1\nkind: VMAgent\nmetadata:\n  name: agent-${i}\n  namespace: monitoring\nspec:\n  replicaCount: 2\n`,
  ).join('---\n');

test('a large import shows its progress, keeps the page responsive, and can be cancelled with the design untouched', async ({ page }, info) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await useTemplate(page, 'HA vmalert');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await dialog.getByLabel('Choose a file').setInputFiles({ name: 'fleet.yaml', mimeType: 'application/yaml', buffer: Buffer.from(agents(3000)) });
  const status = dialog.getByRole('status').filter({ hasText: /(Reading|Laying out) fleet\.yaml \(\d+(\.\d)? kB\)…/ });
  await expect(status).toBeVisible();
  await shot(page, info, '01-import-in-progress');
  // The main thread answers while the worker reads.
  const t0 = Date.now();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
  expect(Date.now() - t0).toBeLessThan(1000);
  await dialog.getByRole('button', { name: 'Cancel import' }).click();
  await expect(status).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Open a file…' })).toBeEnabled();
  await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(node(page, 'VMAlert ha')).toBeVisible();
  await expect(page.locator('.react-flow__node')).toHaveCount(4);
  expect(errors).toEqual([]);
});

test('a large file imported in the worker lands as one undo step, with what was kept aside', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import' });
  // Two agents and a 300 kB ConfigMap: past the size that goes to the worker, quick to lay out.
  const big = `${agents(2)}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: scrape-config\ndata:\n  big: "${'x'.repeat(300_000)}"\n`;
  await dialog.getByLabel('Choose a file').setInputFiles({ name: 'with-config.yaml', mimeType: 'application/yaml', buffer: Buffer.from(big) });
  const report = page.getByRole('dialog', { name: 'Import report' });
  await expect(report.getByRole('region', { name: 'Kept aside' })).toContainText('ConfigMap/scrape-config');
  await report.getByRole('button', { name: 'Done' }).click();
  await expect(node(page, 'VMAgent agent-1')).toBeVisible();
  expect(errors).toEqual([]);
});

test('a small import lands at once, problems and their codes included', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import' });
  const box = dialog.getByRole('textbox', { name: 'Manifests or design' });
  await box.fill('kind: VMAgent\n  bad: [');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText('Nothing was imported');
  await alert.getByText('VMT-I02').click();
  await expect(alert).toContainText('invalid YAML.');
  await box.fill(agents(3));
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(node(page, 'VMAgent agent-2')).toBeVisible();
  expect(errors).toEqual([]);
});
