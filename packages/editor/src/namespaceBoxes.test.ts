import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addComponent, emptyTopology } from '@vmtopo/model';
import { NS_LABEL, NS_PAD, namespaceBoxes, spansNamespaces, type PlacedBox } from './namespaceBoxes.ts';

const box = (namespace: string, x: number, y: number, width = 100, height = 50): PlacedBox => ({ namespace, x, y, width, height });

describe('spansNamespaces', () => {
  it('counts the namespaces components have, their own or the design\'s; cluster parts go with their cluster', () => {
    let t = addComponent(emptyTopology('d', 'monitoring'), 'VMCluster', {}).topology;
    t = addComponent(t, 'VMAgent', {}).topology;
    expect(spansNamespaces(t)).toBe(false);
    t = { ...t, components: t.components.map((c) => (c.kind === 'VMAgent' ? { ...c, namespace: 'team-a' } : c)) };
    expect(spansNamespaces(t)).toBe(true);
    t = { ...t, components: t.components.map((c) => (c.kind === 'VMAgent' ? { ...c, namespace: 'monitoring' } : c)) };
    expect(spansNamespaces(t)).toBe(false);
  });
});

describe('namespaceBoxes', () => {
  it('frames each namespace, its name above what it frames, sorted by name', () => {
    const frames = namespaceBoxes([box('prod', 0, 0), box('prod', 300, 100), box('dev', 0, 400)]);
    expect(frames).toEqual([
      { namespace: 'dev', x: -NS_PAD, y: 400 - NS_PAD - NS_LABEL, width: 100 + 2 * NS_PAD, height: 50 + 2 * NS_PAD + NS_LABEL, count: 1 },
      { namespace: 'prod', x: -NS_PAD, y: -NS_PAD - NS_LABEL, width: 400 + 2 * NS_PAD, height: 150 + 2 * NS_PAD + NS_LABEL, count: 2 },
    ]);
  });

  it('draws nothing for a design in one namespace, or an empty one', () => {
    expect(namespaceBoxes([box('a', 0, 0), box('a', 500, 0)])).toEqual([]);
    expect(namespaceBoxes([])).toEqual([]);
  });

  it('every box lies inside its namespace frame, below the label (property)', () => {
    const arb = fc.array(
      fc.record({ namespace: fc.constantFrom('a', 'b', 'c'), x: fc.integer({ min: -5000, max: 5000 }), y: fc.integer({ min: -5000, max: 5000 }), width: fc.integer({ min: 1, max: 400 }), height: fc.integer({ min: 1, max: 400 }) }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(arb, (boxes) => {
        const frames = namespaceBoxes(boxes);
        if (new Set(boxes.map((b) => b.namespace)).size < 2) {
          expect(frames).toEqual([]);
          return;
        }
        expect(frames.reduce((n, f) => n + f.count, 0)).toBe(boxes.length);
        for (const b of boxes) {
          const f = frames.find((x) => x.namespace === b.namespace)!;
          expect(b.x).toBeGreaterThanOrEqual(f.x + NS_PAD);
          expect(b.y).toBeGreaterThanOrEqual(f.y + NS_PAD + NS_LABEL);
          expect(b.x + b.width).toBeLessThanOrEqual(f.x + f.width - NS_PAD);
          expect(b.y + b.height).toBeLessThanOrEqual(f.y + f.height - NS_PAD);
        }
      }),
    );
  });
});
