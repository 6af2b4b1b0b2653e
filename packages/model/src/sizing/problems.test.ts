import { describe, expect, it } from 'vitest';
import { getComponent } from '../access.ts';
import { HA, agent, design, link, single } from '../fixtures/build.ts';
import { haDesign } from '../fixtures/ha-design.ts';
import { urlQueues } from '../operator/index.ts';
import type { Topology } from '../topology.ts';
import { applySizingFix, sizingProblems } from './problems.ts';
import type { SizingInputs } from './types.ts';

const GIB = 1024 ** 3;

/** Applies every problem's fix and checks that none of them is left. */
function fixAll(t: Topology, inputs: SizingInputs): Topology {
  let next = t;
  for (const p of sizingProblems(t, inputs)) next = applySizingFix(next, p);
  expect(sizingProblems(next, inputs)).toEqual([]);
  return next;
}

describe('storage-undersized', () => {
  it('warns when a vmstorage claim is below its share, and the fix writes the size (whole Gi, rounded up)', () => {
    const inputs = { series: { [HA.agent]: { active: 600_000 } } };
    const problems = sizingProblems(haDesign(), inputs);
    const p = problems.find((x) => x.id === 'storage-undersized')!;
    // 105,408,000,000 bytes per node = 98.2 GiB → 99Gi.
    expect(p).toMatchObject({ componentId: HA.vmstorage, severity: 'warning', field: 'storageSize', fixValue: '99Gi' });
    expect(p.message).toMatch(/each of the 3 nodes of vmstorage of vmcluster 'main' requests 20Gi: undersized, it needs 98\.2 GiB for 1 month \(31d\) of retention/);
    expect(p.message).toMatch(/documented/);
    const fixed = fixAll(haDesign(), inputs);
    expect(getComponent(fixed, HA.vmstorage)!.spec.storage).toEqual({ volumeClaimTemplate: { spec: { resources: { requests: { storage: '99Gi' } } } } });
  });

  it('a VMSingle: the fix sets spec.storage.resources.requests.storage', () => {
    const a = agent('a', { selectAllByDefault: true });
    const s = single('db', { storage: { resources: { requests: { storage: '1Gi' } } } });
    const t = design([a, s], [link('remoteWrite', a.id, s.id)]);
    const fixed = fixAll(t, { series: { [a.id]: { active: 100_000 } } });
    // 1.2 × 3,333.3 × 5,270,400 × 1.25 = 26,352,000,000 B = 24.5 GiB → 25Gi.
    expect(getComponent(fixed, s.id)!.spec.storage).toEqual({ resources: { requests: { storage: '25Gi' } } });
  });

  it('says nothing without a claim (emptyDir is storage-ephemeral’s finding)', () => {
    const a = agent('a', { selectAllByDefault: true });
    const s = single('db', {});
    expect(sizingProblems(design([a, s], [link('remoteWrite', a.id, s.id)]), { series: { [a.id]: { active: 10_000_000 } } }).filter((p) => p.id === 'storage-undersized')).toEqual([]);
  });
});

describe('vmagent-queue-too-small-for-outage', () => {
  const into = (spec: Record<string, unknown>, linkExtra?: Record<string, unknown>) => {
    const a = agent('a', { selectAllByDefault: true, ...spec });
    const s = single('db', { storage: { resources: { requests: { storage: '1Ti' } } } });
    return design([a, s], [link('remoteWrite', a.id, s.id, linkExtra ? { extra: linkExtra } : {})]);
  };
  // 300,000 series / 30s = 10,000 samples/s per pod × 25 B × 6h = 5.4 GB (5.03 GiB) → 6GiB.
  const inputs = { series: { 'vmagent-a': { active: 300_000 } }, outage: '6h' };

  it('default 1 GiB queue: info, the fix sets remoteWriteSettings.maxDiskUsagePerURL', () => {
    const t = into({});
    const [p] = sizingProblems(t, inputs);
    expect(p).toMatchObject({ id: 'vmagent-queue-too-small-for-outage', severity: 'info', componentId: 'vmagent-a', field: 'maxDiskUsagePerURL', fixValue: '6GiB' });
    expect(p!.message).toMatch(/estimate, not a documented figure/);
    const fixed = fixAll(t, inputs);
    expect(urlQueues(fixed, getComponent(fixed, 'vmagent-a')!)[0]!.bytes).toBe(6 * GIB);
  });

  it('statefulMode with a sized volume: the fix grows the volume the operator divides by the URLs', () => {
    const t = into({ statefulMode: true, statefulStorage: { volumeClaimTemplate: { spec: { resources: { requests: { storage: '2Gi' } } } } } });
    const [p] = sizingProblems(t, inputs);
    expect(p).toMatchObject({ field: 'storageSize', fixValue: '6Gi' });
    const fixed = fixAll(t, inputs);
    expect(urlQueues(fixed, getComponent(fixed, 'vmagent-a')!)[0]!.bytes).toBe(6 * GIB);
  });

  it('a URL with its own maxDiskUsage: the fix raises that entry', () => {
    const t = into({}, { maxDiskUsage: '1GB' });
    const [p] = sizingProblems(t, inputs);
    expect(p).toMatchObject({ field: 'maxDiskUsage', linkId: 'remoteWrite-vmagent-a-vmsingle-db', fixValue: '6GiB' });
    const fixed = fixAll(t, inputs);
    expect(fixed.links[0]!.extra).toEqual({ maxDiskUsage: '6GiB' });
  });

  it('fits the default 1h outage at this load (1h needs 0.84 GiB of the 1 GiB)', () => {
    expect(sizingProblems(into({}), { series: { 'vmagent-a': { active: 300_000 } } })).toEqual([]);
  });
});
