import { expect, test, type Page } from '@playwright/test';
import { designName, exportedYaml, node, saveDesign, shareLinkOf, shot, useTemplate, vmtopo, watchErrors } from './helpers.ts';

// The renderer (YAML emission, the importer, the `yaml` library) is not in the first load: the
// first screen is the canvas and the findings, and a share link needs only the share codec. It
// loads when something needs it: the YAML tab, Export YAML, Download, Copy, an import.

/** An error message of the `yaml` library (its parser): a script with it carries the library. */
const YAML_LIBRARY = 'Implicit map keys need to be followed by map values';

interface Script {
  url: string;
  body: Promise<string>;
}

/**
 * Every script the page fetches, noted as its response arrives (its body is read later: noting
 * it only once read let a check run before the body of a script just loaded was in).
 */
function watchScripts(page: Page): Script[] {
  const seen: Script[] = [];
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script') seen.push({ url: r.url(), body: r.text().catch(() => '') });
  });
  return seen;
}

/** The URLs of the scripts fetched so far that carry the `yaml` library. */
async function yamlScripts(scripts: readonly Script[]): Promise<string[]> {
  const fetched = scripts.slice();
  const bodies = await Promise.all(fetched.map((s) => s.body));
  return fetched.filter((_, i) => bodies[i]!.includes(YAML_LIBRARY)).map((s) => s.url);
}

/** Holds back every script the page asks for from now on, until the returned function is called. */
async function holdScripts(page: Page): Promise<() => void> {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  await page.route('**/*.js', async (route) => {
    await gate;
    await route.continue();
  });
  return release;
}

test('the first screen, and a share link, load no YAML library; the YAML tab loads it and says so meanwhile', async ({ page, browser }, info) => {
  const errors = watchErrors(page);
  const scripts = watchScripts(page);
  await page.goto('/');
  await useTemplate(page, 'VMCluster');
  await expect(page.getByRole('tab', { name: /Findings/ })).toHaveAttribute('aria-selected', 'true');
  await page.waitForLoadState('networkidle');
  expect(scripts.length).toBeGreaterThan(0);
  expect(await yamlScripts(scripts)).toEqual([]);

  const release = await holdScripts(page);
  await page.getByRole('tab', { name: 'YAML' }).click();
  await expect(page.getByText('Loading YAML…')).toBeVisible();
  await shot(page, info, '01-loading-yaml');
  release();
  const lines = page.locator('.monaco-editor .view-lines');
  await expect(lines).toContainText('kind: VMCluster');
  await expect(page.getByText('Loading YAML…')).toHaveCount(0);
  expect((await yamlScripts(scripts)).length).toBeGreaterThan(0);
  await shot(page, info, '02-yaml-loaded');

  // A share link opens with the share codec alone.
  const link = await shareLinkOf(page);
  const other = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page2 = await other.newPage();
  const errors2 = watchErrors(page2);
  const scripts2 = watchScripts(page2);
  await page2.goto(link);
  await expect(node(page2, 'VMCluster persistent')).toBeVisible();
  await page2.waitForLoadState('networkidle');
  expect(scripts2.length).toBeGreaterThan(0);
  expect(await yamlScripts(scripts2)).toEqual([]);
  await other.close();
  expect([...errors, ...errors2]).toEqual([]);
});

test('Export YAML loads the renderer on the way: the file is what `vmtopo render` prints', async ({ page }, info) => {
  const errors = watchErrors(page);
  const scripts = watchScripts(page);
  await page.goto('/');
  await useTemplate(page, 'VMCluster');
  await page.waitForLoadState('networkidle');
  expect(await yamlScripts(scripts)).toEqual([]);
  const yaml = await exportedYaml(page, info);
  expect((await yamlScripts(scripts)).length).toBeGreaterThan(0);
  const design = await saveDesign(page, info, await designName(page));
  expect(yaml).toBe(vmtopo('render', design.path));
  expect(errors).toEqual([]);
});

test('a renderer that cannot load is said, in the YAML tab and for Export YAML; a reload brings it', async ({ page }, info) => {
  await page.goto('/');
  await useTemplate(page, 'VMCluster');
  await page.waitForLoadState('networkidle');
  // The network goes: every script from now on fails.
  await page.route('**/*.js', (r) => r.abort());

  await page.getByRole('button', { name: 'Export YAML' }).click();
  await expect(page.locator('.notice.error')).toContainText(/could not be loaded \(.+\)\. Check the connection and reload the page\./);

  await page.getByRole('tab', { name: 'YAML' }).click();
  const failure = page.locator('.tab-body').getByRole('alert');
  await expect(failure).toContainText(/could not be loaded \(.+\)\. Check the connection and reload the page\./);
  await shot(page, info, '01-yaml-failed');

  await page.unroute('**/*.js');
  await failure.getByRole('button', { name: 'Reload' }).click();
  await expect(node(page, 'VMCluster persistent')).toBeVisible();
  await page.getByRole('tab', { name: 'YAML' }).click();
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('kind: VMCluster');
});
