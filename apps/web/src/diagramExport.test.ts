import { describe, expect, it } from 'vitest';
import { pngScale } from './diagramExport.ts';

describe('pngScale', () => {
  it('draws a design at 2×', () => expect(pngScale(1400, 600)).toBe(2));
  it('draws a large design smaller, within what every browser can draw', () => {
    const scale = pngScale(10000, 3000)!;
    expect(scale).toBeGreaterThan(1);
    expect(scale).toBeLessThan(2);
    expect(10000 * scale).toBeLessThanOrEqual(16384);
    expect(10000 * scale * 3000 * scale).toBeLessThanOrEqual(8192 * 8192 + 1);
  });
  it('refuses a design that would need less than 1× (the SVG has no limit)', () => {
    expect(pngScale(20000, 400)).toBeUndefined();
    expect(pngScale(9000, 9000)).toBeUndefined();
  });
});
