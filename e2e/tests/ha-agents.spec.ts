import { expect, test } from '@playwright/test';
import { canvas, connect, downloadVia, dropOnCanvas, node, saveDesign, shot, vmtopo, watchErrors } from './helpers.ts';

test('drag and drop: two-replica VMAgent → VMSingle, dedup finding, Fix, YAML equals vmtopo render', async ({ page }, info) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Getting started' })).toBeVisible();
  await shot(page, info, '01-empty');

  // The YAML panel's code is not part of the first load.
  const monacoRequests: string[] = [];
  page.on('request', (r) => {
    if (/editor\.api|YamlView|yaml\.worker/.test(r.url())) monacoRequests.push(r.url());
  });

  await dropOnCanvas(page, 'VMAgent', { x: 220, y: 200 });
  const agent = node(page, 'VMAgent agent');
  await expect(agent).toBeVisible();
  await dropOnCanvas(page, 'VMSingle', { x: 620, y: 200 });
  const single = node(page, 'VMSingle single');
  await expect(single).toBeVisible();

  // Two replicas: the node's own stepper (shown on the selected node).
  await agent.click();
  await agent.getByRole('button', { name: 'Add a replica' }).click();
  await expect(agent.locator('.pods')).toHaveAttribute('aria-label', '2 replicas');

  await connect(page, agent, single);
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
  await expect(page.locator('.edge-label')).toHaveText('remote write');
  await shot(page, info, '02-linked');

  const finding = page.locator('li.finding[data-rule="ha-agents-without-dedup"]');
  await expect(finding).toBeVisible();
  await expect(single.locator('.badge')).toHaveAttribute('data-severity', 'error');
  await shot(page, info, '03-finding');

  await finding.getByRole('button', { name: /^Fix/ }).click();
  await expect(finding).toHaveCount(0);
  await shot(page, info, '04-fixed');

  expect(monacoRequests).toEqual([]);
  await page.getByRole('tab', { name: 'YAML' }).click();
  await expect(page.locator('.monaco-editor')).toBeVisible();
  await expect(page.locator('.view-lines')).toContainText('kind: VMAgent');
  expect(monacoRequests.length).toBeGreaterThan(0);
  await shot(page, info, '05-yaml');

  const yaml = await downloadVia(page, page.getByRole('button', { name: 'Download' }), info, 'design.yaml');
  const design = await saveDesign(page, info);
  expect(yaml.text).toBe(vmtopo('render', design.path));
  expect(yaml.text).toContain('dedup.minScrapeInterval');

  await expect(canvas(page)).toBeVisible();
  expect(errors).toEqual([]);
});
