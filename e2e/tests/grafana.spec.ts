import { expect, test, type Page } from '@playwright/test';
import { bothThemes, canvas, checker, connect, designText, dropOnCanvas, exportedYaml, node, openYaml, saveDesign, shareLinkOf, useTemplate, watchErrors } from './helpers.ts';

const inspector = (page: Page) => page.getByRole('complementary', { name: 'Inspector' });

test('an external Grafana: dropped from the palette, its datasource wired to a vmselect, a comment in the YAML, carried by a share link', async ({ page, browser }, info) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await dropOnCanvas(page, 'VMCluster', { x: 60, y: 60 });
  await dropOnCanvas(page, 'Grafana', { x: 420, y: 470 });
  const grafana = node(page, 'Grafana grafana');
  await expect(grafana).toBeVisible();
  // Drawn as a system outside the stack: dashed, labelled external, no pods.
  await expect(grafana.locator('.node')).toHaveClass(/external/);
  await expect(grafana.locator('.node-kind')).toHaveText('Grafana · external');
  await expect(grafana.locator('.node .pods')).toHaveCount(0);
  expect(await grafana.locator('.node').evaluate((el) => getComputedStyle(el).borderTopStyle)).toBe('dashed');
  // It reads, and is read by nothing: an input handle only.
  await expect(grafana.locator('.react-flow__handle.target')).toHaveCount(1);
  await expect(grafana.locator('.react-flow__handle.source')).toHaveCount(0);

  // vmselect → Grafana is Grafana's datasource, the one link that pair allows (no chooser).
  await connect(page, node(page, 'vmselect of VMCluster cluster'), grafana);
  await expect(page.locator('.edge-label')).toHaveText(['datasource']);

  // Its URL is checked as it is typed.
  await grafana.click();
  const url = inspector(page).getByRole('textbox', { name: 'URL', exact: true });
  await url.fill('grafana.example.com');
  await expect(inspector(page).getByRole('alert')).toContainText('must be an http:// or https:// address');
  await url.fill('https://grafana.example.com');
  await expect(inspector(page).getByRole('alert')).toHaveCount(0);
  await expect(inspector(page).getByRole('tab', { name: 'Settings' })).toBeVisible();

  // No finding on it or because of it, and no error at all: the checker of the CLI agrees.
  const design = await saveDesign(page, info);
  const expected = checker(design.path);
  const id = JSON.parse(design.text).components.find((c: { kind: string }) => c.kind === 'Grafana').id as string;
  expect(expected.filter((f) => f.componentIds.includes(id))).toEqual([]);
  expect(expected.filter((f) => f.severity === 'error')).toEqual([]);
  await expect(grafana.locator('.badge')).toHaveCount(0);
  await expect(page.locator('.react-flow__node .badge.sev-error')).toHaveCount(0);

  // The YAML holds it as a comment after the objects, never as an object.
  const yaml = await exportedYaml(page, info);
  expect(yaml.endsWith(
    '# Grafana "grafana" in namespace "monitoring" (external, not an operator object, https://grafana.example.com)\n' +
      '#   datasource → http://vmselect-cluster.monitoring.svc:8481/select/0/prometheus\n',
  )).toBe(true);
  expect(yaml).not.toMatch(/^kind: Grafana/m);
  // The YAML panel shows it too: selecting the node marks its comment and scrolls to it.
  await grafana.click();
  const lines = await openYaml(page);
  await expect(lines).toContainText('# Grafana "grafana" in namespace "monitoring"');
  await expect(lines).toContainText('datasource → http://vmselect-cluster.monitoring.svc:8481/select/0/prometheus');
  await expect(page.locator('.yaml-selected-doc')).toHaveCount(2);
  await canvas(page).click({ position: { x: 20, y: 300 } });
  await expect(grafana).not.toHaveClass(/selected/);
  await bothThemes(page, 'grafana', info);

  // A share link opened in a fresh profile gives it back, link and all.
  const link = await shareLinkOf(page);
  const text = await designText(page, info);
  const other = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  const page2 = await other.newPage();
  const errors2 = watchErrors(page2);
  await page2.goto(link);
  await expect(node(page2, 'Grafana grafana')).toBeVisible();
  await expect(node(page2, 'Grafana grafana').locator('.node')).toHaveClass(/external/);
  expect(await designText(page2, info)).toBe(text);
  expect(await exportedYaml(page2, info)).toBe(yaml);
  await other.close();
  expect(errors).toEqual([]);
  expect(errors2).toEqual([]);
});

test('the VMCluster template draws a Grafana reading the vmselect, and stays without an error', async ({ page }, info) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await useTemplate(page, 'VMCluster');
  const grafana = node(page, 'Grafana grafana');
  await expect(grafana.locator('.node')).toHaveClass(/external/);
  await expect(page.locator('.edge-label[data-link-type="datasource"]')).toHaveCount(2);
  await expect(page.locator('.react-flow__node .badge')).toHaveCount(0);
  await bothThemes(page, 'grafana-template', info);
  expect(errors).toEqual([]);
});
