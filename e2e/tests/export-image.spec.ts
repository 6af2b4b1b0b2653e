import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { canvas, designName, designText, downloadVia, dropOnCanvas, errorNextToWarnings, node, setTheme, useTemplate, watchErrors } from './helpers.ts';

const LEGEND = ['remote write', 'datasource', 'remote read', 'notify'];
const LONG = 'vmsingle-for-the-production-metrics-of-eu-west-1';

/** Parses as XML; any error fails (a warning about U+FFFD is the export replacing a character XML cannot carry). */
function parseSvg(text: string): Element {
  const doc = new DOMParser({
    onError: (level, message) => {
      if (!message.includes('replacement character')) throw new Error(`${level}: ${message}`);
    },
  }).parseFromString(text, 'image/svg+xml');
  return doc.documentElement!;
}
const all = (root: Element, tag: string) => Array.from(root.getElementsByTagName(tag));

/** Relative luminance of #rrggbb, 0 (black) to 1 (white). */
const luminance = (hex: string) => {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};

/** Width and height from a PNG's IHDR chunk (after the 8-byte signature and the chunk's length and type). */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The distinct colours of an image decoded and drawn by the page (a blank or one-colour PNG has one). */
async function pngColours(page: Page, bytes: Buffer): Promise<{ width: number; height: number; colours: number; corner: number[] }> {
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.naturalWidth;
    c.height = img.naturalHeight;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, c.width, c.height).data;
    const seen = new Set<number>();
    for (let i = 0; i < data.length && seen.size < 1000; i += 4 * 7) seen.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
    return { width: c.width, height: c.height, colours: seen.size, corner: [data[0]!, data[1]!, data[2]!] };
  }, bytes.toString('base64'));
}

/** Renders an exported SVG alone in a page and keeps a screenshot to look at (and as a test artifact). */
async function renderAlone(page: Page, svg: string, info: TestInfo, name: string): Promise<void> {
  const view = await page.context().newPage();
  await view.setContent(`<!doctype html><body style="margin:0">${svg}</body>`);
  const path = info.outputPath(`${name}.png`);
  await view.locator('svg').first().screenshot({ path });
  await info.attach(name, { path, contentType: 'image/png' });
  mkdirSync('/tmp/shots', { recursive: true });
  writeFileSync(`/tmp/shots/${name}.png`, readFileSync(path));
  await view.close();
}

const menu = (page: Page) => page.getByRole('button', { name: 'Export image ▾' });

for (const theme of ['light', 'dark'] as const) {
  test(`the VMCluster design exports as SVG and PNG in the ${theme} theme: native SVG with every name, a PNG of the right size`, async ({ page }, info) => {
    const errors = watchErrors(page);
    const loaded: string[] = [];
    page.on('request', (r) => loaded.push(r.url()));
    await page.goto('/');
    await useTemplate(page, 'VMCluster');
    await setTheme(page, theme);
    const name = await designName(page);
    const components = (JSON.parse(await designText(page, info)) as { components: { kind: string; name?: string }[] }).components;
    const names = components.map((c) => c.name).filter((n): n is string => !!n);
    expect(names.length).toBeGreaterThan(3);
    // The export code is not part of the first load.
    expect(loaded.filter((u) => /diagramExport/.test(u))).toEqual([]);

    // SVG, from the keyboard: the menu button, Enter, its first entry focused, Enter.
    await menu(page).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('menuitem', { name: /^SVG/ })).toBeFocused();
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toBe(`${name}.svg`);
    const svgPath = info.outputPath(`${name}-${theme}.svg`);
    await download.saveAs(svgPath);
    const svg = readFileSync(svgPath, 'utf8');
    const root = parseSvg(svg);
    expect(root.tagName).toBe('svg');
    expect(root.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    expect(all(root, 'foreignObject')).toHaveLength(0);
    expect(all(root, 'rect').length).toBeGreaterThan(20);
    const texts = all(root, 'text').map((t) => t.textContent ?? '');
    for (const n of [name, ...names, ...LEGEND, 'vminsert', 'vmselect', 'vmstorage', 'RF 2']) expect(texts, n).toContain(n);
    // Every link is drawn, with its label (the canvas draws one path per link).
    const links = await page.locator('.react-flow__edge').count();
    expect(links).toBeGreaterThan(3);
    expect(all(root, 'path').filter((p) => p.getAttribute('marker-end')).length).toBe(links);
    expect(all(root, 'g').filter((g) => g.getAttribute('data-link-type')).length).toBe(links);
    // The theme's background and text colours.
    const background = all(root, 'rect')[0]!.getAttribute('fill')!;
    const text = all(root, 'text')[0]!.getAttribute('fill')!;
    const [dark, light] = theme === 'dark' ? [background, text] : [text, background];
    expect(luminance(dark), `${theme}: the dark one of background ${background} and text ${text}`).toBeLessThan(0.15);
    expect(luminance(light), `${theme}: the light one of background ${background} and text ${text}`).toBeGreaterThan(0.7);
    await renderAlone(page, svg, info, `export-svg-${theme}`);

    // PNG, by pointer: twice the SVG's size, decodable, not one colour, the theme's background.
    await menu(page).click();
    const png = await downloadVia(page, page.getByRole('menuitem', { name: /^PNG/ }), info, `${name}.png`);
    const bytes = readFileSync(png.path);
    writeFileSync(`/tmp/shots/export-png-${theme}.png`, bytes);
    const size = pngSize(bytes);
    expect(size).toEqual({ width: 2 * Number(root.getAttribute('width')), height: 2 * Number(root.getAttribute('height')) });
    await expect(page.getByRole('status').filter({ hasText: `Saved ${name}.png (${size.width} × ${size.height} px)` })).toBeVisible();
    const decoded = await pngColours(page, bytes);
    expect({ width: decoded.width, height: decoded.height }).toEqual(size);
    expect(decoded.colours).toBeGreaterThan(20);
    const bg = parseInt(background.slice(1), 16);
    expect(decoded.corner).toEqual([bg >> 16, (bg >> 8) & 255, bg & 255]);
    expect(loaded.filter((u) => /diagramExport/.test(u)).length).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });
}

test('finding badges are exported as the canvas shows them: the worst severity and its count', async ({ page }, info) => {
  const errors = watchErrors(page);
  await page.goto('/');
  const storage = await errorNextToWarnings(page);
  // A long name wraps inside its box, a namespace of its own is shown: both as on the canvas.
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await inspector.getByRole('textbox', { name: 'Name', exact: true }).fill(LONG);
  await inspector.getByRole('textbox', { name: 'Namespace', exact: true }).fill('observability');
  await expect(node(page, `VMSingle ${LONG}`)).toContainText('ns: observability');
  await canvas(page).click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('Escape');
  const shown = (await page.locator('.react-flow__node .badge').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim()).sort();
  expect(shown.length).toBeGreaterThan(2);

  await menu(page).click();
  const { text: svg } = await downloadVia(page, page.getByRole('menuitem', { name: /^SVG/ }), info, `${await designName(page)}.svg`);
  const texts = all(parseSvg(svg), 'text').map((t) => t.textContent ?? '');
  expect(texts.filter((t) => /^[✖▲i] \d+$/.test(t)).sort()).toEqual(shown);
  expect(texts).toEqual(expect.arrayContaining([LONG, 'ns: observability']));
  await renderAlone(page, svg, info, 'export-svg-badges');
  expect(errors).toEqual([]);
});

test('in What if, the picture shows the scenario as the canvas does: its caption, red and amber rings, glowing links', async ({ page }, info) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await useTemplate(page, 'HA vmagents');
  await page.getByRole('button', { name: '⚡ What if' }).click();
  await page.getByRole('button', { name: /^Fail pod vmsingle-persisted/ }).first().click();
  await expect(page.locator('.react-flow__node [data-whatif="bad"]')).not.toHaveCount(0);
  const shown = await page.locator('.react-flow__node [data-whatif]').evaluateAll((els) => els.map((e) => e.getAttribute('data-whatif')).sort());
  const glowing = await page.locator('.react-flow__edge.whatif-warn, .react-flow__edge.whatif-bad').count();
  expect(glowing).toBeGreaterThan(0);

  await menu(page).click();
  const { text: svg } = await downloadVia(page, page.getByRole('menuitem', { name: /^SVG/ }), info, `${await designName(page)}.svg`);
  const root = parseSvg(svg);
  expect(all(root, 'text').map((t) => t.textContent ?? '')).toContainEqual(expect.stringMatching(/^What if vmsingle-persisted\S* fails$/));
  // One ring per harmed box (in the canvas's order of tones), one glow per glowing link.
  const rings = all(root, 'rect').filter((r) => r.getAttribute('stroke-width') === '2.5');
  expect(rings).toHaveLength(shown.length);
  expect(all(root, 'g').filter((g) => g.hasAttribute('data-whatif'))).toHaveLength(glowing);
  await renderAlone(page, svg, info, 'export-svg-whatif');
  expect(errors).toEqual([]);
});

test('an empty design says there is nothing to export instead of saving a blank picture', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Templates ▾' }).click();
  await page.getByRole('menuitem', { name: /^Blank/ }).click();
  await menu(page).click();
  await page.getByRole('menuitem', { name: /^PNG/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Nothing to export yet' })).toBeVisible();
});
