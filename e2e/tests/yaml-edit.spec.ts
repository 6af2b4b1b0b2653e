import { expect, test, type Page } from '@playwright/test';
import { designText, exportedYaml, node, openYaml, shot, useTemplate, watchErrors } from './helpers.ts';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const status = (page: Page) => page.getByTestId('yaml-status');

/** Opens the YAML tab, makes the panel tall enough for the whole document, focuses the editor. */
async function editYaml(page: Page) {
  const lines = await openYaml(page);
  const handle = page.getByRole('separator', { name: 'Resize panel' });
  const b = (await handle.boundingBox())!;
  await page.mouse.move(b.x + 200, b.y + 3);
  await page.mouse.down();
  await page.mouse.move(b.x + 200, b.y - 330, { steps: 5 });
  await page.mouse.up();
  await lines.click();
  return lines;
}

/** Pastes text at the cursor (typing multi-line text would auto-indent it). */
async function paste(page: Page, text: string) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('Control+v');
}

/** Replaces the whole text with a paste: one edit. */
async function replaceAll(page: Page, text: string) {
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('Control+a');
  await paste(page, text);
}

/** Pastes at the end of the text. */
async function append(page: Page, text: string) {
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('Control+End');
  await paste(page, text);
}

const components = (design: string) => (JSON.parse(design) as { components: unknown[] }).components;

test('the YAML panel is editable: the canvas follows, ids and positions stay, one undo step', async ({ page }, info) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await useTemplate(page, 'HA vmagents');
  const before = await designText(page, info);
  const yaml = await exportedYaml(page, info);
  const lines = await editYaml(page);
  const agentBox = (await node(page, 'VMAgent agent').boundingBox())!;

  await replaceAll(page, `${yaml.replace('replicaCount: 2', 'replicaCount: 3').replace('name: agent', 'name: edge')}# my note\n`);
  await expect(node(page, 'VMAgent edge')).toBeVisible();
  await expect(node(page, 'VMAgent edge')).toContainText('3 replicas');
  await expect(status(page)).toContainText('The canvas shows this YAML');
  const after = JSON.parse(await designText(page, info)) as { components: { id: string; name?: string; position?: unknown; spec: Record<string, unknown> }[] };
  const agent = after.components.find((c) => c.name === 'edge')!;
  expect(agent.id).toBe('vmagent-agent'); // a rename in the text is still the same component
  expect(agent.spec.replicaCount).toBe(3);
  const old = (JSON.parse(before) as typeof after).components;
  expect(after.components.map((c) => c.position)).toEqual(old.map((c) => c.position));
  const moved = (await node(page, 'VMAgent edge').boundingBox())!;
  expect([moved.x, moved.y]).toEqual([agentBox.x, agentBox.y]);
  // The text is the user's, not re-rendered under their fingers.
  await expect(lines).toContainText('# my note');
  await shot(page, info, '01-yaml-edited');

  // One undo step for the whole settled edit; the editor shows the design again.
  await page.getByRole('button', { name: 'Undo' }).click();
  expect(await designText(page, info)).toBe(before);
  await expect(lines).toContainText('name: agent');
  await expect(lines).not.toContainText('# my note');
  expect(errors).toEqual([]);
});

test('a half-typed YAML edit never corrupts the canvas: the error at its line, the last good design kept', async ({ page }, info) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await useTemplate(page, 'HA vmagents');
  const before = await designText(page, info);
  const yaml = await exportedYaml(page, info);
  const lines = await editYaml(page);

  // Broken texts, as they appear mid-typing: each shows its line, and the design stays as it was.
  const broken = [
    yaml.replace('replicaCount: 2', 'replicaCount: [3'),
    yaml.replace('  selectAllByDefault: true', ' selectAllByDefault: true'),
    yaml.replace('kind: VMAgent\n', ''),
    yaml.replace('  name: agent', '  name: "agent'),
  ];
  for (const [i, text] of broken.entries()) {
    await replaceAll(page, text);
    await expect(status(page), `text ${i}`).toHaveText(/^line \d+: .+the canvas keeps the last valid design\.$/);
    await expect(lines, `text ${i}`).toContainText(text.split('\n').find((l, n) => l !== yaml.split('\n')[n])!.trim().replace(/ +/g, ' ').slice(0, 12));
    await expect(page.locator('.monaco-editor .squiggly-error').first(), `text ${i}`).toBeVisible();
    expect(await designText(page, info), `text ${i}`).toBe(before);
    await expect(page.locator('.react-flow__node')).toHaveCount(2);
    if (i === 0) await shot(page, info, '01-invalid-yaml');
  }

  // Typing a new object piece by piece at the end: the existing design never changes under it.
  await replaceAll(page, yaml);
  await expect(status(page)).toContainText('The canvas shows this YAML');
  const pieces = ['---\napiV', 'ersion: operator.victoriametrics.com/v1beta1\nki', 'nd: VMAuth\nmeta', 'data:\n  name: ', 'gate\n'];
  for (const piece of pieces.slice(0, -1)) {
    await append(page, piece);
    await page.waitForTimeout(550); // longer than the settle time: each half-typed state is parsed
    await expect(page.locator('.react-flow__node')).toHaveCount(2);
    expect(components(await designText(page, info))).toEqual(components(before));
  }
  await append(page, pieces.at(-1)!);
  await expect(node(page, 'VMAuth gate')).toBeVisible();
  await expect(page.locator('.react-flow__node')).toHaveCount(3);
  expect(components(await designText(page, info)).slice(0, 2)).toEqual(components(before));
  await expect(lines).toContainText('name: gate');
  await shot(page, info, '02-typed-to-valid');
  expect(errors).toEqual([]);
});
