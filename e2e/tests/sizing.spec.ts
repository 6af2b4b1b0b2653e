import { expect, test, type Page } from '@playwright/test';
import { importText, node, setTheme, watchErrors } from './helpers.ts';

/** A VMAgent writing to a VMCluster whose three vmstorage nodes ask for 20Gi each. */
const DESIGN = `apiVersion: operator.victoriametrics.com/v1beta1
kind: VMAgent
metadata:
  name: scraper
spec:
  replicaCount: 2
  selectAllByDefault: true
  remoteWrite:
    - url: http://vminsert-prod.default.svc:8480/insert/0/prometheus/api/v1/write
---
apiVersion: operator.victoriametrics.com/v1beta1
kind: VMCluster
metadata:
  name: prod
spec:
  replicationFactor: 2
  retentionPeriod: "1"
  vmstorage:
    replicaCount: 3
    extraArgs:
      dedup.minScrapeInterval: 30s
    storage:
      volumeClaimTemplate:
        spec:
          resources:
            requests:
              storage: 20Gi
  vminsert:
    replicaCount: 2
  vmselect:
    replicaCount: 2
    extraArgs:
      dedup.minScrapeInterval: 30s
`;

const summary = (page: Page) => page.locator('.insp');
const selectNothing = (page: Page) => page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });

test('sizing: active series make the vmstorage undersized, Fix clears it; zones set in the summary survive a reload', async ({ page }) => {
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/');
  await importText(page, DESIGN, 'VMAgent scraper');

  // Without a workload nothing is sized and no capacity finding is raised.
  const storage = node(page, 'vmstorage of VMCluster prod');
  await storage.click();
  await expect(page.getByRole('region', { name: 'Findings of this component' })).not.toContainText('undersized');

  // The agent's Workload group: 600k active series.
  await node(page, 'VMAgent scraper').click();
  const workload = page.getByRole('group', { name: 'Workload' });
  await expect(workload).toBeVisible();
  await workload.getByRole('textbox', { name: 'Active series' }).fill('600k');
  await expect(workload).toContainText('Sized: 600k series');
  await page.screenshot({ path: '/tmp/sizing-workload-light.png' });

  // The vmstorage node shows its sized figure, and its finding says it is undersized.
  await expect(storage.locator('.node-sizing.short')).toContainText(/≈ [\d.]+ GiB \/ pod of 20Gi/);
  await storage.click();
  const findings = page.getByRole('region', { name: 'Findings of this component' });
  const finding = findings.locator('.insp-finding', { hasText: 'undersized' });
  await expect(finding).toBeVisible();
  await setTheme(page, 'light');
  await page.screenshot({ path: '/tmp/sizing-finding-light.png' });
  await finding.getByRole('button', { name: /^Set the vmstorage volume to \d+Gi$/ }).click();
  await expect(findings.locator('.insp-finding', { hasText: 'undersized' })).toHaveCount(0);
  // Selected, the part shows its figure in the inspector (its node grows steppers instead).
  await expect(page.getByRole('group', { name: 'Sizing' })).toContainText(/Sized: ≈ [\d.]+ GiB \/ pod of \d+Gi/);
  await expect(page.locator('.workload-sized.short')).toHaveCount(0);

  // The design summary: zones, the sizing table, Apply sizing.
  await selectNothing(page);
  await expect(page.getByRole('table', { name: 'Storage sizing' })).toContainText('✓ fits');
  await expect(page.getByRole('table', { name: 'Agent sizing' }).getByRole('textbox', { name: "Active series of vmagent 'scraper'" })).toHaveValue('600000');
  await expect(summary(page)).toContainText('no official RAM-per-series figure');
  const zones = page.getByRole('textbox', { name: 'Zones' });
  await zones.fill('0');
  await expect(page.getByRole('alert')).toContainText('Zones must be between 1 and 64, not 0');
  await zones.fill('2');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.screenshot({ path: '/tmp/sizing-zones-light.png' });
  await page.getByRole('button', { name: 'Apply sizing' }).click();
  await setTheme(page, 'light');
  await page.screenshot({ path: '/tmp/sizing-summary-light.png' });
  await setTheme(page, 'dark');
  await page.screenshot({ path: '/tmp/sizing-summary-dark.png' });

  // The autosave keeps the zones and the workload.
  await page.waitForTimeout(800);
  await page.reload();
  await expect(node(page, 'VMAgent scraper')).toBeVisible();
  await selectNothing(page);
  await expect(page.getByRole('textbox', { name: 'Zones' })).toHaveValue('2');
  await node(page, 'VMAgent scraper').click();
  await expect(page.getByRole('group', { name: 'Workload' }).getByRole('textbox', { name: 'Active series' })).toHaveValue('600000');
  await page.screenshot({ path: '/tmp/sizing-agent-dark.png' });
  expect(errors).toEqual([]);
});
