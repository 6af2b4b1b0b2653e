import { DOMParser, type Element } from '@xmldom/xmldom';
import { LINK_TYPES, type LinkType } from '@vmtopo/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Diagram, DiagramEdge, DiagramNode, DiagramTheme } from './diagramSvg.ts';
import { diagramNode, diagramSvg, estimateText, noteDiagramNode, wrapText } from './diagramSvgDraw.ts';
import { escapeXml } from './diagramSvgXml.ts';
import { placeMissing } from './layout.ts';
import { TEMPLATES } from './templates.ts';

const THEME: DiagramTheme = {
  background: '#fbfbfc',
  panel: '#ffffff',
  node: '#ffffff',
  border: '#dde1e7',
  borderStrong: '#c3c9d3',
  text: '#1c2430',
  muted: '#5f6b7a',
  clusterFill: 'rgba(122, 82, 209, 0.06)',
  noteFill: '#fff7d1',
  noteBorder: '#e6cf6e',
  roles: { collect: '#2f7de1', route: '#0f9d9a', store: '#7a52d1', alert: '#d97706', query: '#64748b', notify: '#dc4c64', note: '#b58a00' },
  severity: { error: '#d92d20', warning: '#c77700', info: '#2f7de1' },
};
const LINKS: Diagram['links'] = {
  remoteWrite: { color: '#2f7de1', label: 'remote write' },
  datasource: { color: '#16a34a', dash: '7 4', label: 'datasource' },
  remoteRead: { color: '#9b51e0', dash: '2 4', label: 'remote read' },
  notifier: { color: '#e8710a', dash: '10 4 2 4', label: 'notify' },
};

/** Parses as XML the strict way: any error or warning fails the test (but the note on U+FFFD, which we write on purpose). */
function parse(svg: string): Element {
  const doc = new DOMParser({
    onError: (level, message) => {
      if (!message.includes('replacement character')) throw new Error(`${level}: ${message}`);
    },
  }).parseFromString(svg, 'image/svg+xml');
  return doc.documentElement!;
}

const all = (root: Element, tag: string): Element[] => Array.from(root.getElementsByTagName(tag));
/** Every drawn text, one string per `<text>` (its tspans joined, as a viewer reads them). */
const texts = (root: Element): string[] => all(root, 'text').map((t) => t.textContent ?? '');

const node = (name: string, x = 0, y = 0, extra: Partial<DiagramNode> = {}): DiagramNode => ({
  box: { x, y, width: 210, height: 90 },
  shape: 'component',
  role: 'collect',
  abbr: 'AG',
  kind: 'VMAgent',
  name,
  pods: { rows: 1, cols: 2, caption: '2 replicas' },
  ...extra,
});

const design = (nodes: DiagramNode[], edges: DiagramEdge[] = [], title = 'design'): Diagram => ({ title, nodes, edges, theme: THEME, links: LINKS });

describe('diagramSvg', () => {
  it('is a standalone SVG of native shapes and text, with the legend and the title', () => {
    const edge: DiagramEdge = { type: 'remoteWrite', d: 'M 210 45 C 300 45, 300 45, 400 45', box: { x: 210, y: 45, width: 190, height: 0 }, label: { text: 'remote write', x: 305, y: 45 } };
    const root = parse(diagramSvg(design([node('agent'), node('single', 400, 0, { kind: 'VMSingle', role: 'store', abbr: 'SG' })], [edge], 'prod')));
    expect(root.tagName).toBe('svg');
    expect(root.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    expect(all(root, 'foreignObject')).toHaveLength(0);
    expect(all(root, 'rect').length).toBeGreaterThan(4);
    expect(all(root, 'path').map((p) => p.getAttribute('d'))).toContain(edge.d);
    expect(texts(root)).toEqual(expect.arrayContaining(['prod', 'agent', 'single', 'VMAgent', 'VMSingle', '2 replicas', 'remote write', 'datasource', 'remote read', 'notify']));
    // A marker per link type, the path pointing at its own.
    expect(all(root, 'marker').map((m) => m.getAttribute('id'))).toEqual(LINK_TYPES.map((t) => `arrow-${t}`));
    expect(all(root, 'path').find((p) => p.getAttribute('d') === edge.d)?.getAttribute('marker-end')).toBe('url(#arrow-remoteWrite)');
  });

  it('escapes names: <, &, quotes and apostrophes stay text, and the document parses', () => {
    const evil = `a<b>&c"d'e</text><script>x</script>`;
    const svg = diagramSvg(design([node(evil)], [], `"${evil}"`));
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;script&gt;');
    const root = parse(svg);
    expect(texts(root)).toContain(evil);
    expect(root.getAttribute('aria-label')).toBe(`"${evil}"`);
  });

  it('replaces characters XML cannot carry instead of writing a broken document', () => {
    expect(escapeXml('a\u0000b\u001bc\ud800')).toBe('a\uFFFDb\uFFFDc\uFFFD');
    expect(escapeXml('💾 ok\t')).toBe('💾 ok\t');
    expect(() => parse(diagramSvg(design([node('bad\u0007name')])))).not.toThrow();
  });

  it('covers the whole design with padding, the curves of links included', () => {
    const far: DiagramEdge = { type: 'notifier', d: 'M 0 0 C 0 900, 500 900, 500 0', box: { x: 0, y: 0, width: 500, height: 700 } };
    const root = parse(diagramSvg(design([node('a', -300, -200), node('b', 500, 0)], [far])));
    const [x, y, w, h] = root.getAttribute('viewBox')!.split(' ').map(Number) as [number, number, number, number];
    expect(x).toBeLessThan(-300);
    expect(y).toBeLessThan(-200);
    expect(x + w).toBeGreaterThan(710);
    expect(y + h).toBeGreaterThan(700);
    expect(root.getAttribute('width')).toBe(String(w));
    expect(root.getAttribute('height')).toBe(String(h));
    // The background fills it all.
    const bg = all(root, 'rect')[0]!;
    expect([bg.getAttribute('x'), bg.getAttribute('y'), bg.getAttribute('width'), bg.getAttribute('height')].map(Number)).toEqual([x, y, w, h]);
  });

  it('draws a What if scenario as the canvas does: a caption under the title, rings round harmed boxes, a glow under harmed links', () => {
    const edge: DiagramEdge = { type: 'remoteWrite', d: 'M 210 45 L 400 45', box: { x: 210, y: 45, width: 190, height: 0 }, whatif: 'warn' };
    const down = node('single', 400, 0, { whatif: 'bad' });
    const cluster = node('main', 0, 200, { shape: 'cluster', role: 'store', abbr: 'CL', kind: 'VMCluster', whatif: 'warn' });
    const plain = design([node('agent'), down, cluster], [edge]);
    const scenario = { ...plain, caption: 'What if vmsingle-single-0 fails' };
    const root = parse(diagramSvg(scenario));
    expect(texts(root)).toContain('What if vmsingle-single-0 fails');
    const rings = all(root, 'rect').filter((r) => r.getAttribute('stroke-width') === '2.5');
    expect(rings.map((r) => r.getAttribute('stroke'))).toEqual([THEME.severity.warning, THEME.severity.error]);
    expect(Number(rings[1]!.getAttribute('width'))).toBeGreaterThan(down.box.width);
    const glow = all(root, 'g').find((g) => g.getAttribute('data-whatif') === 'warn');
    expect(all(glow!, 'path').map((p) => [p.getAttribute('d'), p.getAttribute('stroke')])).toEqual([
      [edge.d, THEME.severity.warning],
      [edge.d, LINKS.remoteWrite.color],
    ]);
    // The caption takes a line of its own: the picture grows by it, and without a scenario nothing of it is drawn.
    const calm = parse(diagramSvg(design([node('agent'), { ...down, whatif: undefined }, { ...cluster, whatif: undefined }], [{ ...edge, whatif: undefined }])));
    expect(Number(root.getAttribute('height'))).toBeGreaterThan(Number(calm.getAttribute('height')));
    expect(all(calm, 'rect').filter((r) => r.getAttribute('stroke-width') === '2.5')).toEqual([]);
    expect(all(calm, 'g').some((g) => g.hasAttribute('data-whatif'))).toBe(false);
  });

  it('draws colours with alpha as a colour and an opacity', () => {
    const cluster = node('main', 0, 0, { shape: 'cluster', role: 'store', abbr: 'CL', kind: 'VMCluster', chips: [{ text: 'RF 2', strong: true }] });
    const box = all(parse(diagramSvg(design([cluster]))), 'rect').find((r) => r.getAttribute('stroke-dasharray'));
    expect(box?.getAttribute('fill')).toBe('#7a52d1');
    expect(box?.getAttribute('fill-opacity')).toBe('0.06');
  });

  it('wraps a long name inside its box without losing a character, after a dash where one fits', () => {
    const name = 'vmagent-for-the-production-cluster-in-eu-west-1';
    const lines = wrapText(name, 150, { size: 13, weight: 650 }, estimateText);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe(name);
    for (const l of lines) expect(estimateText(l, { size: 13, weight: 650 })).toBeLessThanOrEqual(150);
    expect(lines[0]!.endsWith('-')).toBe(true);
    const tspans = all(parse(diagramSvg(design([node(name)]))), 'tspan');
    expect(tspans.length).toBeGreaterThan(1);
  });

  it('draws a note on its paper: its lines as written, wrapped to its box, what does not fit cut', () => {
    const note = noteDiagramNode({ id: 'note', text: 'prod only\nask the storage team <before> scaling', position: { x: 0, y: 0 } }, { x: 10, y: 10, width: 210, height: 60 });
    const root = parse(diagramSvg(design([node('agent'), note])));
    const group = all(root, 'g').find((g) => g.getAttribute('aria-label') === 'Notes')!;
    expect(all(group, 'rect')[0]!.getAttribute('fill')).toBe(THEME.noteFill);
    expect(all(group, 'tspan').map((t) => t.textContent)).toEqual(['prod only', 'ask the storage team <before> ']);
    const tall = noteDiagramNode({ id: 'note', text: 'a\nb\nc\nd\ne\nf', position: { x: 0, y: 0 } }, { x: 0, y: 0, width: 210, height: 60 });
    expect(all(parse(diagramSvg(design([tall]))), 'tspan')).toHaveLength(2);
  });

  it('keeps a line whole when it ends on a break: the last break that fits, not the one before', () => {
    const perChar = (text: string) => text.length;
    expect(wrapText('ab-d-efgh', 5, { size: 1, weight: 400 }, perChar)).toEqual(['ab-d-', 'efgh']);
    expect(wrapText('abcdefgh', 3, { size: 1, weight: 400 }, perChar)).toEqual(['abc', 'def', 'gh']);
    expect(wrapText('a b c', 3, { size: 1, weight: 400 }, perChar)).toEqual(['a ', 'b c']);
  });

  it('wraps any text into lines that join back to it', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), fc.integer({ min: 1, max: 300 }), (text, width) => {
        expect(wrapText(text, width, { size: 13, weight: 650 }, estimateText).join('')).toBe(text);
      }),
    );
  });

  it('draws every component of a template with its name, pods and badge', () => {
    const t = placeMissing(TEMPLATES.find((x) => x.id === 'vmcluster')!.build());
    const nodes = t.components.map((c, i) =>
      diagramNode(
        {
          component: c,
          name: c.name ?? '',
          findings: i === 0 ? { severity: 'warning', counts: { error: 0, warning: 2, info: 1 }, count: 3, messages: [], key: '' } : undefined,
          storageNodes: 3,
          replicationFactor: 2,
        },
        { x: c.position?.x ?? 0, y: c.position?.y ?? 0, width: c.kind === 'VMCluster' ? 700 : 210, height: c.kind === 'VMCluster' ? 400 : 100 },
      ),
    );
    const root = parse(diagramSvg(design(nodes)));
    const drawn = texts(root);
    for (const c of t.components) expect(drawn).toContain(c.name && !['vminsert', 'vmselect', 'vmstorage'].includes(c.kind) ? c.name : c.kind);
    expect(drawn).toContain('▲ 2');
  });
});

describe('diagramNode', () => {
  it('reads a cluster part as the canvas does: its kind in bold over its role', () => {
    const n = diagramNode({ component: { id: 'i', kind: 'vminsert', cluster: 'c', spec: { replicaCount: 2 } }, name: 'main' }, { x: 0, y: 0, width: 210, height: 90 });
    expect(n).toMatchObject({ name: 'vminsert', kind: 'writes in · :8480', nameFirst: true, pods: { rows: 1, cols: 2, caption: '2 replicas' } });
  });
  it('shows the sized figure under the namespace, amber when it does not fit', () => {
    const n = diagramNode(
      { component: { id: 's', kind: 'vmstorage', cluster: 'c', spec: { replicaCount: 3 } }, name: 'main', namespace: 'mon' },
      { x: 0, y: 0, width: 210, height: 130 },
      { text: '≈ 98.2 GiB / pod of 20Gi', fits: false },
    );
    expect(n.sizing).toEqual({ text: '≈ 98.2 GiB / pod of 20Gi', short: true });
    const figure = all(parse(diagramSvg(design([n]))), 'text').find((t) => t.textContent === '≈ 98.2 GiB / pod of 20Gi');
    expect(figure?.getAttribute('fill')).toBe(THEME.severity.warning);
  });
  it('draws an external Grafana dashed, labelled external, without pods', () => {
    const n = diagramNode({ component: { id: 'g', kind: 'Grafana', name: 'dashboards', spec: {} }, name: 'dashboards' }, { x: 0, y: 0, width: 210, height: 70 });
    expect(n).toMatchObject({ role: 'query', abbr: 'GF', kind: 'Grafana · external', name: 'dashboards', external: true });
    expect(n.pods).toBeUndefined();
    const root = parse(diagramSvg(design([n, node('agent', 300)])));
    const dashed = all(root, 'rect').filter((r) => r.getAttribute('stroke-dasharray') === '6 4');
    // Its card's border only: the agent beside it keeps a solid one.
    expect(dashed).toHaveLength(1);
    expect(dashed[0]!.getAttribute('stroke')).toBe(THEME.borderStrong);
    expect(texts(root)).toEqual(expect.arrayContaining(['Grafana · external', 'dashboards']));
  });
  it('puts a cluster namespace and figures on its header', () => {
    const n = diagramNode({ component: { id: 'c', kind: 'VMCluster', name: 'main', spec: {} }, name: 'main', namespace: 'mon', storageNodes: 1, replicationFactor: 2 }, { x: 0, y: 0, width: 600, height: 300 });
    expect(n.chips).toEqual([{ text: 'RF 2', strong: true }, { text: '1 node' }, { text: 'ns: mon' }]);
  });
});

const arbBox = fc.record({
  x: fc.integer({ min: -5000, max: 5000 }),
  y: fc.integer({ min: -5000, max: 5000 }),
  width: fc.integer({ min: 1, max: 800 }),
  height: fc.integer({ min: 1, max: 600 }),
});
const arbName = fc.string({ minLength: 1, maxLength: 40 });
const arbNode: fc.Arbitrary<DiagramNode> = fc.record({
  box: arbBox,
  shape: fc.constantFrom('component' as const, 'cluster' as const),
  role: fc.constantFrom('collect' as const, 'route' as const, 'store' as const, 'alert' as const, 'query' as const, 'notify' as const),
  abbr: fc.string({ maxLength: 2 }),
  kind: fc.constantFrom('VMAgent', 'VMSingle', 'VMCluster', 'writes in · :8480'),
  name: arbName,
  nameFirst: fc.boolean(),
  chips: fc.array(fc.record({ text: fc.string({ maxLength: 12 }), strong: fc.boolean() }), { maxLength: 3 }),
  notes: fc.array(fc.string({ maxLength: 20 }), { maxLength: 2 }),
  pods: fc.option(fc.record({ rows: fc.nat(12), cols: fc.nat(14), caption: fc.string({ maxLength: 20 }) }), { nil: undefined }),
  badge: fc.option(fc.record({ severity: fc.constantFrom('error' as const, 'warning' as const, 'info' as const), count: fc.integer({ min: 1, max: 99 }) }), { nil: undefined }),
});
const arbEdge: fc.Arbitrary<DiagramEdge> = fc.record({
  type: fc.constantFrom(...(LINK_TYPES as readonly LinkType[])),
  d: fc.array(fc.tuple(fc.integer({ min: -5000, max: 5000 }), fc.integer({ min: -5000, max: 5000 })), { minLength: 2, maxLength: 5 }).map((ps) => `M ${ps.map((p) => p.join(' ')).join(' L ')}`),
  box: arbBox,
  label: fc.option(fc.record({ text: fc.string({ maxLength: 30 }), x: fc.integer({ min: -5000, max: 5000 }), y: fc.integer({ min: -5000, max: 5000 }) }), { nil: undefined }),
});

describe('diagramSvg on random designs', () => {
  it('always parses, and every name and label is in its text', () => {
    fc.assert(
      fc.property(fc.array(arbNode, { maxLength: 12 }), fc.array(arbEdge, { maxLength: 12 }), arbName, (nodes, edges, title) => {
        const root = parse(diagramSvg(design(nodes, edges, title)));
        const drawn = texts(root);
        expect(drawn[0]).toBe(title);
        for (const n of nodes) expect(drawn).toContain(n.name);
        for (const e of edges) if (e.label) expect(drawn).toContain(e.label.text);
        expect(all(root, 'path').length).toBeGreaterThanOrEqual(edges.length);
      }),
      { numRuns: 200 },
    );
  });
});
