import { expect, test } from '@playwright/test';
import { checker, connect, dropOnCanvas, node, saveDesign, shot, watchErrors } from './helpers.ts';

test('VMCluster scenario with VMAlert → vmselect and a two-replica alertmanager: findings equal the checker', async ({ page }, info) => {
  const errors = watchErrors(page);
  await page.goto('/');

  await dropOnCanvas(page, 'VMCluster', { x: 120, y: 60 });
  const cluster = node(page, 'VMCluster cluster');
  await expect(cluster).toBeVisible();
  await expect(cluster.getByLabel('replication factor 2')).toBeVisible();
  const storage = node(page, 'vmstorage of VMCluster cluster');
  const select = node(page, 'vmselect of VMCluster cluster');
  const insert = node(page, 'vminsert of VMCluster cluster');
  await expect(storage).toBeVisible();
  await expect(select).toBeVisible();
  await expect(insert).toBeVisible();

  // The seed's cluster: vmstorage, vmselect and vminsert with 2 replicas each.
  await storage.click();
  await storage.getByRole('button', { name: 'Remove a replica' }).click();
  await expect(storage.locator('.pods')).toHaveAttribute('aria-label', '2 storage nodes');
  await expect(cluster.getByLabel('2 storage nodes')).toBeVisible();
  await expect(select.locator('.pods')).toHaveAttribute('aria-label', '2 replicas');
  await expect(insert.locator('.pods')).toHaveAttribute('aria-label', '2 replicas');

  await dropOnCanvas(page, 'VMAlert', { x: 220, y: 360 });
  const alert = node(page, 'VMAlert alert');
  await expect(alert).toBeVisible();
  await dropOnCanvas(page, 'VMAlertmanager', { x: 560, y: 360 });
  const am = node(page, 'VMAlertmanager alertmanager');
  await expect(am).toBeVisible();
  await dropOnCanvas(page, 'Alertmanager replica', am);
  await expect(am.locator('.pods')).toHaveAttribute('aria-label', '2 replicas');
  await shot(page, info, '01-parts');

  // vmselect → VMAlert is the VMAlert's datasource (drawn the way data flows).
  await connect(page, select, alert);
  await page.getByRole('menuitem', { name: 'datasource' }).click();
  await connect(page, alert, am);
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);
  await expect(page.locator('.edge-label')).toHaveText(['datasource', 'notify']);
  await page.getByRole('button', { name: 'Fit the design into view' }).click();
  await shot(page, info, '02-connected');

  const design = await saveDesign(page, info);
  const expected = checker(design.path);
  expect(expected.length).toBeGreaterThan(0);
  const shown = await page.locator('li.finding').evaluateAll((els) =>
    els.map((el) => ({ ruleId: el.getAttribute('data-rule'), message: el.querySelector('.finding-msg')?.textContent })),
  );
  expect(shown).toEqual(expected.map((f) => ({ ruleId: f.ruleId, message: f.message })));
  const counts = (s: string) => expected.filter((f) => f.severity === s).length;
  await expect(page.getByRole('tab', { name: /Findings/ })).toContainText(`${counts('error')}`);

  // Clicking a finding selects its component and shows it in the inspector.
  const first = expected[0]!;
  await page.locator('li.finding').first().locator('.finding-main').click();
  await expect(page.locator(`.react-flow__node[data-id="${first.componentIds[0]}"]`)).toHaveClass(/selected/);
  await shot(page, info, '03-findings');
  expect(errors).toEqual([]);
});
