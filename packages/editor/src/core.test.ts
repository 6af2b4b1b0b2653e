import { addComponent, emptyTopology } from '@vmtopo/model';
import * as render from '@vmtopo/render';
import { afterEach, describe, expect, it, vi } from 'vitest';

// Each test takes a fresh core.ts (the setup file's load is in another instance), so that what
// happens before the renderer has loaded can be seen.
const freshCore = async () => {
  vi.resetModules();
  return import('./core.ts');
};

afterEach(() => {
  vi.doUnmock('./rendering.ts');
});

describe('the renderer, loaded on first need', () => {
  it('is not there before loadRenderer: its synchronous API says so instead of answering', async () => {
    const core = await freshCore();
    const t = emptyTopology('x');
    expect(() => core.loadedRenderer()).toThrow(/not loaded yet/);
    expect(() => core.renderYaml(t)).toThrow(/not loaded yet/);
    expect(() => core.importManifests('kind: VMAgent')).toThrow(/not loaded yet/);
  });

  it('loads once for every caller, then renders and imports as @vmtopo/render does', async () => {
    const core = await freshCore();
    const first = core.loadRenderer();
    expect(core.loadRenderer()).toBe(first);
    const m = await first;
    expect(core.loadedRenderer()).toBe(m);
    const t = addComponent(emptyTopology('x'), 'VMSingle').topology;
    expect(core.renderYaml(t)).toBe(render.renderYaml(t));
    expect(core.importManifests(render.renderYaml(t)).topology.components.map((c) => c.kind)).toEqual(['VMSingle']);
    expect(() => core.importManifests('kind: [')).toThrow(core.ImportProblem);
  });

  it('says why when its chunk does not load, and what to do', async () => {
    vi.doMock('./rendering.ts', () => {
      throw new Error('Failed to fetch dynamically imported module');
    });
    const core = await freshCore();
    // Vitest wraps the factory's error in a message of its own; the page gets the browser's.
    await expect(core.loadRenderer()).rejects.toThrow(/^The YAML renderer could not be loaded \(.+\)\. Check the connection and reload the page\.$/);
    expect(() => core.loadedRenderer()).toThrow(/not loaded yet/);
  });
});
