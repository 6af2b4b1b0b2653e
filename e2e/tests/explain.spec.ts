import { expect, test, type Locator, type Page, type TestInfo } from '@playwright/test';
import { node, setTheme, useTemplate, watchErrors } from './helpers.ts';

const inspector = (page: Page) => page.getByRole('complementary', { name: 'Inspector' });
const explain = (page: Page) => inspector(page).getByRole('tabpanel', { name: 'What the operator creates' });
const flag = (panel: Locator, name: string) => panel.locator(`li.xp-flag[data-flag="${name}"]`);

async function openExplain(page: Page): Promise<Locator> {
  await inspector(page).getByRole('tab', { name: 'What the operator creates' }).click();
  const panel = explain(page);
  await expect(panel).toBeVisible();
  return panel;
}

/** Nothing in the inspector is wider than the inspector: no horizontal scrolling, nothing cut off. */
async function expectNoOverflow(page: Page) {
  const wide = await inspector(page).evaluate((aside) => {
    const box = aside.getBoundingClientRect();
    const out: string[] = [];
    if (aside.scrollWidth > aside.clientWidth) out.push(`inspector scrolls sideways: ${aside.scrollWidth} > ${aside.clientWidth}`);
    for (const el of aside.querySelectorAll<HTMLElement>('.explain *')) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > box.right + 0.5) out.push(`${el.className || el.tagName}: right ${r.right} > ${box.right}`);
    }
    return out;
  });
  expect(wide).toEqual([]);
}

/** Pictures: the inspector as it opens, then (on a tall viewport) the whole explain section. */
async function shoot(page: Page, info: TestInfo, name: string) {
  const save = async (suffix: string, target: Locator) => {
    const path = `/tmp/explain-${name}${suffix}.png`;
    await target.screenshot({ path });
    await info.attach(`${name}${suffix}`, { path, contentType: 'image/png' });
  };
  await save('', inspector(page));
  await page.setViewportSize({ width: 1440, height: 3000 });
  await save('-full', explain(page));
  await page.setViewportSize({ width: 1440, height: 900 });
}

test('VMCluster template: vmstorage, vminsert and the vmagent explained from the operator model', async ({ page }, info) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await useTemplate(page, 'VMCluster');

  // vmstorage: a StatefulSet with ordinal pods, its flags with their sources, a headless Service.
  await node(page, 'vmstorage of VMCluster persistent').click();
  await expect(inspector(page).getByRole('tab', { name: 'Settings' })).toHaveAttribute('aria-selected', 'true');
  const panel = await openExplain(page);
  const sts = panel.locator('li[data-workload="vmstorage-persistent"]');
  await expect(sts).toContainText('StatefulSet');
  await expect(sts).toContainText('vmstorage-persistent');
  await expect(sts).toContainText('3 pods');
  await expect(sts.locator('.xp-chip')).toHaveText(['vmstorage-persistent-0', 'vmstorage-persistent-1', 'vmstorage-persistent-2']);

  await expect(flag(panel, 'vminsertAddr')).toContainText('-vminsertAddr=:8400');
  await expect(flag(panel, 'vmselectAddr')).toContainText('-vmselectAddr=:8401');
  await expect(flag(panel, 'vminsertAddr')).toHaveAttribute('data-origin', 'default');
  await expect(flag(panel, 'vminsertAddr')).toContainText('operator default');
  // The template deduplicates at its agents' scrape interval: the field replaces the operator's automatic 1ms (RF > 1).
  const dedup = flag(panel, 'dedup.minScrapeInterval');
  await expect(dedup).toHaveCount(1);
  await expect(dedup).toContainText('-dedup.minScrapeInterval=60s');
  await expect(dedup).toHaveAttribute('data-origin', 'field');
  await expect(dedup.locator('.xp-origin')).toHaveText('field');
  const retention = flag(panel, 'retentionPeriod');
  await expect(retention).toContainText('-retentionPeriod=4');
  await expect(retention.locator('.xp-origin')).toHaveText('field');
  await expect(retention).toContainText('from retentionPeriod: 4');

  const svc = panel.locator('li[data-service="vmstorage-persistent"]');
  await expect(svc).toContainText('headless');
  await expect(svc.locator('.xp-port code')).toHaveText(['8482', '8400', '8401']);
  await expect(panel.locator('li[data-pvc="data"]')).toContainText('10Gi');
  await expect(panel.locator('li[data-pvc="data"] .xp-names li')).toHaveText([
    'vmstorage-db-vmstorage-persistent-0',
    'vmstorage-db-vmstorage-persistent-1',
    'vmstorage-db-vmstorage-persistent-2',
  ]);
  await expect(panel.locator('.xp-footer')).toContainText('Follows the VictoriaMetrics operator v0.');
  await expectNoOverflow(page);

  await setTheme(page, 'light');
  await shoot(page, info, 'vmstorage-light');
  await setTheme(page, 'dark');
  await shoot(page, info, 'vmstorage-dark');

  // vminsert: -storageNode lists every vmstorage pod, -replicationFactor comes from the cluster's field.
  await node(page, 'vminsert of VMCluster persistent').click();
  await expect(explain(page)).toBeVisible(); // the view stays on "What the operator creates"
  const ins = explain(page);
  await expect(ins.locator('li[data-workload="vminsert-persistent"]')).toContainText('Deployment');
  await expect(ins.locator('.xp-aside')).toContainText('Deployment pods get generated names (vminsert-persistent-<hash>); they are shown by ordinal.');
  const storageNode = flag(ins, 'storageNode');
  await expect(storageNode).toContainText(
    '-storageNode=vmstorage-persistent-0.vmstorage-persistent.monitoring:8400,vmstorage-persistent-1.vmstorage-persistent.monitoring:8400,vmstorage-persistent-2.vmstorage-persistent.monitoring:8400',
  );
  await expect(storageNode).toHaveAttribute('data-origin', 'rule');
  await expect(storageNode).toContainText('one per vmstorage pod, port 8400');
  const rf = flag(ins, 'replicationFactor');
  await expect(rf).toContainText('-replicationFactor=2');
  await expect(rf).toHaveAttribute('data-origin', 'field');
  await expect(rf).toContainText('from replicationFactor: 2');
  await expectNoOverflow(page);

  // A finding points at a field: clicking it brings the settings back, with the field in view. The template
  // has no finding, so one is made: vmstorage down to 2 nodes for RF 2, with the inspector back on the explain view.
  await node(page, 'vmstorage of VMCluster persistent').click();
  await inspector(page).getByRole('tab', { name: 'Settings' }).click();
  await inspector(page).getByRole('textbox', { name: 'Replicas' }).fill('2');
  await node(page, 'vminsert of VMCluster persistent').click();
  await openExplain(page);
  await page.locator('li.finding', { hasText: "vmcluster 'persistent' has replicationFactor 2 with 2 vmstorage" }).locator('.finding-main').click();
  await expect(inspector(page).getByRole('heading', { name: 'vmstorage of persistent' })).toBeVisible();
  await expect(inspector(page).getByRole('tab', { name: 'Settings' })).toHaveAttribute('aria-selected', 'true');
  await expect(inspector(page).getByRole('textbox', { name: 'Replicas' })).toBeInViewport();

  // More storage nodes: the -storageNode list folds and still never overflows.
  await inspector(page).getByRole('textbox', { name: 'Replicas' }).fill('6');
  await node(page, 'vmselect of VMCluster persistent').click();
  await openExplain(page);
  const sel = flag(explain(page), 'storageNode');
  await expect(sel.locator('details')).not.toHaveAttribute('open');
  await expect(sel).toContainText('6 entries');
  await sel.locator('summary').click();
  await expect(sel.locator('.xp-entry')).toHaveCount(6);
  await expect(sel.locator('.xp-entry').last()).toHaveText('vmstorage-persistent-5.vmstorage-persistent.monitoring:8401');
  await expectNoOverflow(page);
  await shoot(page, info, 'vmselect-dark');
  await setTheme(page, 'light');
  await shoot(page, info, 'vmselect-light');

  // The cluster box: a summary of its three parts, each one click away.
  await node(page, 'VMCluster persistent').locator('.cluster-head').click();
  const cl = explain(page);
  await expect(cl.locator('li[data-part]')).toHaveCount(3);
  await expect(cl.locator('li[data-part="vmstorage"]')).toContainText('StatefulSet vmstorage-persistent · 6 pods');
  await expect(cl).toContainText('no requests load balancer');
  await shoot(page, info, 'vmcluster-light');
  await cl.getByRole('button', { name: 'Show what the operator creates for vminsert' }).click();
  await expect(inspector(page).getByRole('heading', { name: 'vminsert of persistent' })).toBeVisible();
  await expect(flag(explain(page), 'storageNode')).toBeVisible();

  // The vmagent: its Deployment and the remote-write URL of vminsert.
  await node(page, 'VMAgent agent').click();
  const ag = explain(page);
  const agent = ag.locator('li[data-workload="vmagent-agent"]');
  await expect(agent).toContainText('StatefulSet');
  await expect(agent).toContainText('2 pods');
  const url = flag(ag, 'remoteWrite.url');
  await expect(url).toContainText('-remoteWrite.url=http://vminsert-persistent.monitoring.svc:8480/insert/0/prometheus/api/v1/write');
  await expect(url).toHaveAttribute('data-origin', 'rule');
  // statefulMode: the queue is a claim per pod, not an emptyDir lost on reschedule.
  await expect(ag.locator('li[data-volume="queue"]')).toHaveCount(0);
  await expect(ag.locator('li[data-pvc="queue"]')).toContainText('20Gi');
  await expectNoOverflow(page);
  await shoot(page, info, 'vmagent-light');

  await inspector(page).getByRole('tab', { name: 'Settings' }).click();
  await expect(inspector(page).getByRole('textbox', { name: 'Scrape interval' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('Sharded vmagents: one workload per shard with its member number', async ({ page }, info) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await useTemplate(page, 'Sharded vmagents');
  await node(page, 'VMAgent agent').click();
  const panel = await openExplain(page);
  const rows = panel.locator('li[data-workload]');
  await expect(rows).toHaveCount(5);
  for (let k = 0; k < 5; k++) {
    await expect(rows.nth(k)).toContainText(`vmagent-agent-${k}`);
    await expect(rows.nth(k)).toContainText(`shard ${k} · member ${k}`);
    await expect(rows.nth(k)).toContainText('2 pods');
  }
  // Flags shared by every shard once; the member number once per shard.
  await expect(flag(panel, 'remoteWrite.url')).toHaveCount(1);
  await expect(flag(panel, 'promscrape.cluster.membersCount')).toContainText('-promscrape.cluster.membersCount=5');
  await expect(flag(panel, 'promscrape.cluster.memberNum')).toHaveText(Array.from({ length: 5 }, (_, k) => new RegExp(`-promscrape\\.cluster\\.memberNum=${k}.*shard ${k}`)));
  await expectNoOverflow(page);
  await setTheme(page, 'dark');
  await shoot(page, info, 'sharded-dark');
  expect(errors).toEqual([]);
});

const MANIFESTS = `apiVersion: operator.victoriametrics.com/v1beta1
kind: VMCluster
metadata:
  name: prod
  namespace: monitoring
spec:
  replicationFactor: 2
  retentionPeriod: "12"
  requestsLoadBalancer:
    enabled: true
    spec:
      replicaCount: 2
  vmstorage:
    replicaCount: 3
    podDisruptionBudget:
      maxUnavailable: 1
  vmselect:
    replicaCount: 2
  vminsert:
    replicaCount: 2
---
apiVersion: operator.victoriametrics.com/v1beta1
kind: VMAlertmanager
metadata:
  name: am
  namespace: monitoring
spec:
  replicaCount: 5
`;

test('imported manifests: the cluster load balancer, a PDB, emptyDir data and a repeated flag', async ({ page }, info) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await dialog.getByRole('textbox', { name: 'Manifests or design' }).fill(MANIFESTS);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  const report = page.getByRole('dialog', { name: 'Import report' });
  if (await report.isVisible()) await report.getByRole('button', { name: 'Done' }).click();
  await expect(node(page, 'VMCluster prod')).toBeVisible();

  await node(page, 'VMCluster prod').locator('.cluster-head').click();
  const panel = await openExplain(page);
  await expect(panel.locator('li[data-part]')).toHaveCount(3);
  await expect(panel.locator('li[data-workload="vmclusterlb-prod"]')).toContainText('Deployment');
  await expect(panel.locator('li[data-workload="vmclusterlb-prod"]')).toContainText('2 pods');
  await expect(panel.locator('li[data-service="vmclusterlb-prod"]')).toContainText('the requests load balancer');
  await expectNoOverflow(page);
  await setTheme(page, 'dark');
  await shoot(page, info, 'lb-dark');

  await node(page, 'vmstorage of VMCluster prod').click();
  const pdb = explain(page).locator('li[data-pdb="vmstorage-prod"]');
  await expect(pdb).toContainText('maxUnavailable: 1');
  await expect(pdb).toContainText('allows 1 pod down at once');
  await expect(explain(page).locator('li[data-volume="data"]')).toContainText('lost on reschedule');
  await expectNoOverflow(page);
  await shoot(page, info, 'pdb-dark');

  await node(page, 'VMAlertmanager am').click();
  const peers = flag(explain(page), 'cluster.peer');
  await expect(peers).toContainText('× 5');
  await peers.locator('summary').click();
  await expect(peers.locator('code.xp-flag-text')).toHaveCount(5);
  await expect(peers.locator('code.xp-flag-text').first()).toHaveText(/^-+cluster\.peer=vmalertmanager-am-0\.vmalertmanager-am\.monitoring:9094$/);
  await expectNoOverflow(page);
  await setTheme(page, 'light');
  await shoot(page, info, 'alertmanager-light');
  expect(errors).toEqual([]);
});
