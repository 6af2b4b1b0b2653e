import { fromDocument, toDocument } from '@vmtopo/model';
import { describe, expect, test } from 'vitest';
import { benchShape } from './core.ts';
import { type ShapeName, generateShape } from './generate.ts';

describe('bench shapes', () => {
  test.each<ShapeName>(['fanin', 'faninCluster', 'fanout', 'namespaces'])('%s: exactly n components, a design that opens (every link valid)', (shape) => {
    const { topology, sample } = generateShape(shape, 60);
    expect(topology.components).toHaveLength(60);
    expect(fromDocument(JSON.parse(JSON.stringify(toDocument(topology))))).toEqual(topology);
    expect(topology.components.some((c) => c.id === sample['agent-a'])).toBe(true);
  });

  test('a quick run reports lint, edit and, for the fan-out, the import of its YAML', () => {
    const r = benchShape({ shape: 'fanout', n: 40 }, 1);
    expect(r.findings).toBeGreaterThan(0);
    expect(r.lintMs).toBeGreaterThanOrEqual(0);
    expect(r.editMs).toBeGreaterThanOrEqual(0);
    expect(r.importMs).toBeGreaterThanOrEqual(0);
    expect(r.renderMs).toBeNull();
  });
});
