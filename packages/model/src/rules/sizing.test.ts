import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getComponent } from '../access.ts';
import { arbTopology } from '../fixtures/arbitrary.ts';
import { HA, agent, design, editComponent, link, single } from '../fixtures/build.ts';
import { haDesign } from '../fixtures/ha-design.ts';
import { sizingProblems } from '../sizing/problems.ts';
import type { Topology } from '../topology.ts';
import { validateTopology } from '../validate.ts';
import { applyFix, createLinter, findingKey, lint } from './index.ts';

const only = (t: Topology) => lint(t, { only: ['storage-undersized', 'vmagent-queue-too-small-for-outage'] });
const withSeries = (t: Topology, id: string, activeSeries: number) => editComponent(t, id, (c) => ({ ...c, workload: { activeSeries } }));

/** An agent writing to a VMSingle with a 1Gi volume. */
function small(): Topology {
  const a = agent('a', { selectAllByDefault: true });
  const s = single('db', { storage: { resources: { requests: { storage: '1Gi' } } } });
  return design([a, s], [link('remoteWrite', a.id, s.id)]);
}

describe('sizing rules', () => {
  it('say nothing without a workload, even where the assumed default would not fit (never a false alarm)', () => {
    const t = small();
    expect(sizingProblems(t).map((p) => p.id)).toContain('storage-undersized');
    expect(only(t)).toEqual([]);
  });

  it('storage-undersized: the design’s series outgrow the volume; the Fix writes the size and the finding goes', () => {
    const t = withSeries(small(), 'vmagent-a', 100_000);
    const [f] = only(t);
    expect(f).toMatchObject({ ruleId: 'storage-undersized', severity: 'warning', componentIds: ['vmsingle-db'], field: 'storageSize', fixable: true, fixLabel: 'Set the volume to 25Gi' });
    const fixed = applyFix(t, f!);
    expect(getComponent(fixed, 'vmsingle-db')!.spec.storage).toEqual({ resources: { requests: { storage: '25Gi' } } });
    expect(only(fixed)).toEqual([]);
  });

  it('an agent without a workload counts as sending nothing: the need is a lower bound', () => {
    const b = agent('b', { selectAllByDefault: true, scrapeInterval: '15s' });
    let t = small();
    t = { ...t, components: [...t.components, b], links: [...t.links, link('remoteWrite', b.id, 'vmsingle-db')] };
    // 100,000 series of agent a alone need 25Gi; b, undescribed, adds nothing.
    expect(only(withSeries(t, 'vmagent-a', 100_000))[0]!.fixLabel).toBe('Set the volume to 25Gi');
  });

  it('vmagent-queue-too-small-for-outage follows the design’s outage', () => {
    // 300,000 series / 30s = 10,000 samples/s × 25 B: 6h need 5.4 GB, 15 minutes 215 MiB (below the 1 GiB default).
    const big = { ...small(), components: small().components.map((c) => (c.kind === 'VMSingle' ? { ...c, spec: { storage: { resources: { requests: { storage: '1Ti' } } } } } : c)) };
    const t = withSeries(big, 'vmagent-a', 300_000);
    const [f] = only({ ...t, outageMinutes: 360 });
    expect(f).toMatchObject({ ruleId: 'vmagent-queue-too-small-for-outage', severity: 'info', componentIds: ['vmagent-a'], fixLabel: 'Set maxDiskUsagePerURL to 6GiB' });
    expect(f!.message).toMatch(/a 6h outage needs 5 GiB: 10,000 samples\/s × 25 B\/sample/);
    expect(only({ ...t, outageMinutes: 15 })).toEqual([]);
    expect(only(applyFix({ ...t, outageMinutes: 360 }, f!))).toEqual([]);
  });

  it('the HA design: the vmstorage finding names the cluster’s storage part and its Fix sizes every node', () => {
    const t = withSeries(haDesign(), HA.agent, 600_000);
    const f = only(t).find((x) => x.ruleId === 'storage-undersized')!;
    expect(f.componentIds).toEqual([HA.vmstorage]);
    expect(only(applyFix(t, f)).filter((x) => x.ruleId === 'storage-undersized')).toEqual([]);
  });

  it('the incremental lint follows a workload or outage edit', () => {
    const linter = createLinter();
    const t = withSeries(haDesign(), HA.agent, 600_000);
    linter.lint(haDesign());
    expect(linter.lint(t).map(findingKey)).toEqual(lint(t).map(findingKey));
    const longer = { ...t, outageMinutes: 24 * 60 };
    expect(linter.lint(longer).map(findingKey)).toEqual(lint(longer).map(findingKey));
  });
});

describe('sizing fixes (property)', () => {
  it('on designs with workload inputs: each Fix removes its finding, adds no error and keeps every value valid', () => {
    const designs = arbTopology({ workload: true }).filter((t) => only(t).length > 0);
    fc.assert(
      fc.property(designs, (t) => {
        const errors = new Set(lint(t).filter((f) => f.severity === 'error').map(findingKey));
        for (const f of only(t)) {
          const after = applyFix(t, f);
          expect(only(after).map(findingKey), f.message).not.toContain(findingKey(f));
          expect(lint(after).filter((g) => g.severity === 'error' && !errors.has(findingKey(g)))).toEqual([]);
          expect(validateTopology(after)).toEqual([]);
        }
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});
