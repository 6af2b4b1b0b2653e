import { expect, test, type Page } from '@playwright/test';
import { designText, importText, node, setTheme, watchErrors } from './helpers.ts';

/** A VMAgent writing to a VMCluster with RF 1, and a VMAlert notifying a 3-replica VMAlertmanager by selector. */
const DESIGN = `apiVersion: operator.victoriametrics.com/v1beta1
kind: VMAgent
metadata:
  name: scraper
spec:
  replicaCount: 1
  remoteWrite:
    - url: http://vminsert-prod.default.svc:8480/insert/0/prometheus/api/v1/write
---
apiVersion: operator.victoriametrics.com/v1beta1
kind: VMCluster
metadata:
  name: prod
spec:
  replicationFactor: 1
  vmstorage:
    replicaCount: 2
  vminsert:
    replicaCount: 2
  vmselect:
    replicaCount: 2
---
apiVersion: operator.victoriametrics.com/v1beta1
kind: VMAlert
metadata:
  name: rules
spec:
  replicaCount: 1
  datasource:
    url: http://vmselect-prod.default.svc:8481/select/0/prometheus
  notifiers:
    - selector:
        labelSelector:
          matchLabels:
            team: sre
---
apiVersion: operator.victoriametrics.com/v1beta1
kind: VMAlertmanager
metadata:
  name: am
  labels:
    team: sre
spec:
  replicaCount: 3
`;

const dock = (page: Page) => page.getByRole('tabpanel', { name: 'What if' });
const outcome = (page: Page) => dock(page).getByRole('status', { name: 'Outcome' });

test('What if: fail a vmstorage pod of an RF 1 cluster, then an alertmanager replica; leave with the design untouched', async ({ page }, info) => {
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/');
  await importText(page, DESIGN, 'VMAlertmanager am');
  const before = await designText(page, info);

  // The design summary says what the design survives.
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  const survives = page.getByRole('button', { name: /^Survives: any pod ✗ · any node ✗ · any zone ✗/ });
  await expect(survives).toBeVisible();

  // Outside the mode the pods are not buttons.
  await expect(page.getByRole('button', { name: 'Fail pod vmstorage-prod-1' })).toHaveCount(0);
  const toggle = page.getByRole('button', { name: '⚡ What if' });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('tab', { name: 'What if' })).toHaveAttribute('aria-selected', 'true');
  await expect(outcome(page)).toContainText('ok');

  // One vmstorage pod of RF 1: half of the series are missing from queries.
  await page.getByRole('button', { name: 'Fail pod vmstorage-prod-1' }).click();
  await expect(page.getByRole('button', { name: 'Restore pod vmstorage-prod-1' }).first()).toBeVisible();
  await expect(outcome(page).getByLabel('queries partial')).toBeVisible();
  await expect(outcome(page).getByLabel('ingestion ok')).toBeVisible();
  await expect(dock(page).getByRole('list', { name: 'Reasons' })).toContainText('replicationFactor 1');
  await expect(page.locator('.cluster[data-kind="VMCluster"]')).toHaveAttribute('data-whatif', 'warn');
  await expect(page.locator('.react-flow__edge[aria-label^="remoteWrite link from vmagent-scraper"]')).toHaveClass(/whatif-warn/);
  await expect(page.locator('.pod-button.failed')).toHaveCount(1);
  await setTheme(page, 'light');
  await page.screenshot({ path: '/tmp/whatif-light.png' });

  // Both vmstorage pods: each component by its own harm — the cluster answers no query (red),
  // the agent only buffers for it (amber).
  await page.getByRole('button', { name: 'Fail pod vmstorage-prod-0' }).click();
  await expect(outcome(page).getByLabel('queries unavailable')).toBeVisible();
  await expect(page.locator('.cluster[data-kind="VMCluster"]')).toHaveAttribute('data-whatif', 'bad');
  await expect(node(page, 'VMAgent scraper').locator('.node')).toHaveAttribute('data-whatif', 'warn');
  // Links too: the write into the cluster and the vmalert's reads from it are broken.
  await expect(page.locator('.react-flow__edge[aria-label^="remoteWrite link from vmagent-scraper"]')).toHaveClass(/whatif-bad/);
  await page.screenshot({ path: '/tmp/whatif-harm.png' });
  await info.attach('whatif-harm', { path: '/tmp/whatif-harm.png', contentType: 'image/png' });
  await dock(page).getByRole('button', { name: 'Restore pod vmstorage-prod-0' }).click();

  // Restore it from the chip; fail one alertmanager replica: the others still deliver.
  await dock(page).getByRole('button', { name: 'Restore pod vmstorage-prod-1' }).click();
  await expect(outcome(page).getByLabel('queries complete')).toBeVisible();
  await page.getByRole('button', { name: 'Fail pod vmalertmanager-am-1' }).click();
  await expect(outcome(page).getByLabel('alerting ok')).toBeVisible();
  await expect(dock(page).getByRole('list', { name: 'Reasons' })).toContainText('gossip');

  // Every single failure: a row applies its scenario.
  await dock(page).getByRole('button', { name: 'Check every single failure' }).click();
  const table = dock(page).getByRole('region', { name: 'Every single failure' });
  await expect(table).toContainText('worst node');
  await table.getByRole('button', { name: /^Apply: pod vmstorage-prod-0/ }).click();
  await expect(outcome(page).getByLabel('queries partial')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Restore pod vmstorage-prod-0' }).first()).toBeVisible();
  await setTheme(page, 'dark');
  await page.screenshot({ path: '/tmp/whatif-dark.png' });
  await info.attach('whatif-dark', { path: '/tmp/whatif-dark.png', contentType: 'image/png' });

  // Leaving the mode: the pods are squares again, nothing is outlined, the design is as it was.
  await page.keyboard.press('w');
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect(page.locator('.pod-button')).toHaveCount(0);
  await expect(page.locator('[data-whatif]')).toHaveCount(0);
  await expect(page.getByRole('tab', { name: 'What if' })).toHaveCount(0);
  expect(await designText(page, info)).toBe(before);

  // The summary's line enters the mode with the worst single failure.
  await survives.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(outcome(page).getByLabel('ingestion lost')).toBeVisible();
  await page.getByRole('button', { name: 'Leave What if' }).click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');

  // The shortcuts list names the key.
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText('What if');
  expect(errors).toEqual([]);
});

test('a large design: the survival line is worked out in a worker and arrives after the edit', async ({ page }) => {
  const errors = watchErrors(page);
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await page.goto('/');
  const agents = Array.from({ length: 240 }, (_, i) => `apiVersion: operator.victoriametrics.com/v1beta1
kind: VMAgent
metadata: {name: a${i}}
spec:
  replicaCount: 2
  remoteWrite: [{url: "http://vmsingle-db.default.svc:8429/api/v1/write"}]`);
  const single = 'apiVersion: operator.victoriametrics.com/v1beta1\nkind: VMSingle\nmetadata: {name: db}\nspec: {retentionPeriod: "1"}';
  await importText(page, [...agents, single].join('\n---\n'), 'VMSingle db');
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  // One VMSingle: no node survives; the agents' pods do.
  await expect(page.getByRole('button', { name: /^Survives: any pod ✗ · any node ✗ · any zone ✗/ })).toBeVisible();
  expect(workers.some((u) => /whatif\.worker/.test(u))).toBe(true);
  expect(errors).toEqual([]);
});
