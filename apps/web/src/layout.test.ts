import { addComponent, emptyTopology } from '@vmtopo/model';
import { describe, expect, it } from 'vitest';
import { freeSpot, placeMissing } from './layout.ts';

describe('layout helpers', () => {
  it('places components without positions left to right by role', () => {
    let t = emptyTopology();
    t = addComponent(t, 'VMAlertmanager').topology;
    t = addComponent(t, 'VMAgent').topology;
    t = addComponent(t, 'VMSingle').topology;
    const placed = placeMissing(t);
    const x = (k: string) => placed.components.find((c) => c.kind === k)!.position!.x;
    expect(x('VMAgent')).toBeLessThan(x('VMSingle'));
    expect(x('VMSingle')).toBeLessThan(x('VMAlertmanager'));
  });
  it('finds a free spot below an occupied one', () => {
    const t = addComponent(emptyTopology(), 'VMAgent', { position: { x: 0, y: 0 } }).topology;
    const p = freeSpot(t, {}, { x: 10, y: 10 }, { width: 210, height: 100 });
    expect(p.x).toBe(10);
    expect(p.y).toBeGreaterThan(100);
  });
});
