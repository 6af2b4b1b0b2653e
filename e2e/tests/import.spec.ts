import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { canvas, designText, imported, node, saveDesign, SEED_DIR, shot, useTemplate, watchErrors } from './helpers.ts';

const SEEDS = readdirSync(SEED_DIR).filter((f) => f.endsWith('.yaml')).sort();

const importDialog = (page: Page) => page.getByRole('dialog', { name: 'Import' });
const report = (page: Page) => page.getByRole('dialog', { name: 'Import report' });

/** Top-level nodes (not cluster parts) must not overlap: the import was laid out. */
async function expectNoOverlap(page: Page) {
  const boxes = await page.locator('.react-flow__node').evaluateAll((els) =>
    els
      .filter((e) => !/^(vminsert|vmselect|vmstorage) /.test(e.getAttribute('aria-label') ?? ''))
      .map((e) => {
        const r = e.getBoundingClientRect();
        return { id: (e as HTMLElement).dataset.id, x: r.x, y: r.y, w: r.width, h: r.height };
      }),
  );
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      const overlap = a.x < b.x + b.w - 1 && b.x < a.x + a.w - 1 && a.y < b.y + b.h - 1 && b.y < a.y + a.h - 1;
      expect(overlap, `${a.id} overlaps ${b.id}`).toBe(false);
    }
}

test('pasting each seed example shows it on the canvas, laid out, with what was kept aside and the warnings', async ({ page }, info) => {
  const errors = watchErrors(page);
  await page.goto('/');
  for (const [i, file] of SEEDS.entries()) {
    const path = join(SEED_DIR, file);
    const expected = imported(path);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await importDialog(page).getByRole('textbox', { name: 'Manifests or design' }).fill(readFileSync(path, 'utf8'));
    await importDialog(page).getByRole('button', { name: 'Import', exact: true }).click();
    if (expected.kept.length > 0 || expected.warnings.length > 0) {
      await expect(report(page), file).toBeVisible();
      for (const k of expected.kept) await expect(report(page).getByRole('region', { name: 'Kept aside' }), file).toContainText(k);
      if (expected.warnings.length > 0)
        await expect(report(page).getByRole('region', { name: 'Warnings' }).getByRole('listitem'), file).toHaveCount(expected.warnings.length);
      if (i < 3) await shot(page, info, `${String(i + 1).padStart(2, '0')}-report-${file}`);
      await report(page).getByRole('button', { name: 'Done' }).click();
    }
    await expect(importDialog(page)).toHaveCount(0);
    await expect(page.locator('.react-flow__node'), file).toHaveCount(expected.components.length);
    for (const c of expected.components.filter((x) => !x.part)) await expect(node(page, `${c.kind} ${c.name}`), file).toBeVisible();
    await page.waitForTimeout(350); // the fit animation
    await expectNoOverlap(page);
    await shot(page, info, `${String(i + 1).padStart(2, '0')}-canvas-${file}`);
  }
  // Every import was one undo step.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(imported(join(SEED_DIR, SEEDS.at(-2)!)).components.length);
  expect(errors).toEqual([]);
});

test('bad manifests: the problems with their lines, and the design stays', async ({ page }, info) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await useTemplate(page, 'HA vmagents');
  const before = await designText(page, info);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await importDialog(page).getByRole('textbox', { name: 'Manifests or design' }).fill('apiVersion: operator.victoriametrics.com/v1beta1\nkind: VMAgent\nmetadata:\n  name: [broken\n');
  await importDialog(page).getByRole('button', { name: 'Import', exact: true }).click();
  await expect(importDialog(page).getByRole('alert')).toContainText('Nothing was imported');
  await expect(importDialog(page).getByRole('alert')).toContainText(/line \d+/);
  await shot(page, info, '01-bad-manifests');
  await importDialog(page).getByRole('button', { name: 'Cancel' }).click();
  expect(await designText(page, info)).toBe(before);
  expect(errors).toEqual([]);
});

test('one gate for every way in: typed labels refused at import with their line; a file or an autosave with a bad value refused with its path', async ({ page }, info) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await useTemplate(page, 'HA vmagents');
  const before = await designText(page, info);

  // Pasted manifests whose label value is a number: refused with the line, the design stays.
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const typed = 'apiVersion: operator.victoriametrics.com/v1beta1\nkind: VMAgent\nmetadata:\n  name: typed\n  labels:\n    tier: 1\nspec:\n  replicaCount: 2\n';
  await importDialog(page).getByRole('textbox', { name: 'Manifests or design' }).fill(typed);
  await importDialog(page).getByRole('button', { name: 'Import', exact: true }).click();
  const alert = importDialog(page).getByRole('alert');
  await expect(alert).toContainText('Nothing was imported');
  await expect(alert).toContainText(/line \d+.*label "tier" must have a string value/);
  await shot(page, info, '01-typed-labels-refused');
  await importDialog(page).getByRole('button', { name: 'Cancel' }).click();
  expect(await designText(page, info)).toBe(before);

  // A saved topology file edited by hand to hold replicaCount -5: refused with its JSON path.
  const saved = await saveDesign(page, info, 'ha-agents');
  const doc = JSON.parse(saved.text) as { components: { spec: Record<string, unknown> }[] };
  doc.components[0]!.spec.replicaCount = -5;
  await page.getByLabel('Open a design file').setInputFiles({ name: 'bad.vmtopo.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
  await expect(alert).toContainText('Nothing was imported from bad.vmtopo.json');
  await expect(alert).toContainText("$.components[0].spec.replicaCount: vmsingle 'persisted': replicaCount -5 must be at least 0");
  await expect(alert).toContainText('VMT-V01');
  await shot(page, info, '02-bad-file-refused');
  await importDialog(page).getByRole('button', { name: 'Cancel' }).click();
  expect(await designText(page, info)).toBe(before);

  // The same value in the autosave (written by hand): the reload says why, keeps the copy, opens empty.
  await page.evaluate((bad) => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('vmtopo.autosave') && !k.includes('unreadable'))!;
    const stored = JSON.parse(localStorage.getItem(key)!) as { document: unknown };
    localStorage.setItem(key, JSON.stringify({ ...stored, document: bad }));
  }, doc);
  await page.reload();
  const notice = page.locator('.notice.error[role="alert"]');
  await expect(notice).toContainText('$.components[0].spec.replicaCount');
  await expect(notice.getByRole('button', { name: /Download/ })).toBeVisible();
  await shot(page, info, '03-bad-autosave-kept');
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('unreadable')).length)).toBe(1);
  expect(errors).toEqual([]);
});

test('open a file, drop a file on the canvas, save and open the topology file', async ({ page }, info) => {
  const errors = watchErrors(page);
  await page.goto('/');
  // Open… with a YAML file.
  await page.getByLabel('Open a design file').setInputFiles(join(SEED_DIR, 'vmagent-ha.yaml'));
  await expect(report(page).or(page.locator('.react-flow__node')).first()).toBeVisible();
  if (await report(page).count()) await report(page).getByRole('button', { name: 'Done' }).click();
  await expect(node(page, 'VMAgent example-vmagent')).toBeVisible();
  await expect(page.locator('.design-name')).toHaveText('vmagent-ha');

  // Drop a YAML file onto the canvas.
  const text = readFileSync(join(SEED_DIR, 'vmcluster.yaml'), 'utf8');
  const dt = await page.evaluateHandle((t) => {
    const d = new DataTransfer();
    d.items.add(new File([t], 'vmcluster.yaml', { type: 'application/yaml' }));
    return d;
  }, text);
  await canvas(page).dispatchEvent('dragover', { dataTransfer: dt });
  await canvas(page).dispatchEvent('drop', { dataTransfer: dt });
  await expect(report(page)).toBeVisible(); // the heredoc wrapper warning
  await report(page).getByRole('button', { name: 'Done' }).click();
  await expect(node(page, 'VMCluster example-vmcluster-persistent')).toBeVisible();

  // Save the topology file, change the design, open the file again: the same design.
  const saved = await saveDesign(page, info, 'vmcluster');
  await useTemplate(page, 'HA vmagents');
  await page.getByLabel('Open a design file').setInputFiles(saved.path);
  await expect(node(page, 'VMCluster example-vmcluster-persistent')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Opened “vmcluster”' })).toBeVisible();
  expect(await designText(page, info)).toBe(saved.text);
  expect(errors).toEqual([]);
});

test('import from a URL: loading state, error with retry, then the design', async ({ page }, info) => {
  const errors = watchErrors(page);
  const url = 'https://manifests.example.test/ha/vmalert-cluster.yaml';
  let calls = 0;
  await page.route(url, async (route) => {
    calls++;
    await new Promise((r) => setTimeout(r, 600));
    if (calls === 1) await route.fulfill({ status: 503, body: 'busy', headers: { 'access-control-allow-origin': '*' } });
    else
      await route.fulfill({
        status: 200,
        body: readFileSync(join(SEED_DIR, 'vmalert-cluster.yaml'), 'utf8'),
        headers: { 'access-control-allow-origin': '*', 'content-type': 'application/yaml' },
      });
  });
  await page.goto('/');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await importDialog(page).getByLabel('From a URL').fill(url);
  await importDialog(page).getByRole('button', { name: 'Fetch' }).click();
  await expect(importDialog(page).getByRole('status')).toContainText(`Fetching ${url}`);
  await shot(page, info, '01-fetching');
  await expect(importDialog(page).getByRole('alert')).toContainText('Could not fetch');
  await expect(importDialog(page).getByRole('alert')).toContainText('503');
  await shot(page, info, '02-fetch-error');
  await importDialog(page).getByRole('button', { name: 'Retry' }).click();
  const expected = imported(join(SEED_DIR, 'vmalert-cluster.yaml'));
  if (expected.kept.length || expected.warnings.length) await report(page).getByRole('button', { name: 'Done' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(expected.components.length);
  await expect(page.locator('.design-name')).toHaveText('vmalert-cluster');
  expect(calls).toBe(2);
  await shot(page, info, '03-imported-from-url');
  // The browser itself logs the 503 response; nothing else may go wrong.
  expect(errors.filter((e) => !/Failed to load resource: the server responded with a status of 503/.test(e))).toEqual([]);
});
