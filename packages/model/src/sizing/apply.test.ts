import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getComponent } from '../access.ts';
import { arbTopology } from '../fixtures/arbitrary.ts';
import { HA, editComponent } from '../fixtures/build.ts';
import { haDesign } from '../fixtures/ha-design.ts';
import { findingKey, lint } from '../rules/index.ts';
import type { Topology } from '../topology.ts';
import { validateTopology } from '../validate.ts';
import { applySizing } from './apply.ts';

const SIZING = ['storage-undersized', 'vmagent-queue-too-small-for-outage'];
const described = (series: number): Topology => editComponent({ ...haDesign(), outageMinutes: 360 }, HA.agent, (c) => ({ ...c, workload: { activeSeries: series } }));

describe('applySizing', () => {
  it('writes the vmstorage volume, whole CPUs as requests = limits, and the queue for the outage', () => {
    const t = applySizing(described(600_000));
    const storage = getComponent(t, HA.vmstorage)!.spec;
    expect(storage.storage).toEqual({ volumeClaimTemplate: { spec: { resources: { requests: { storage: '99Gi' } } } } });
    expect(storage.resources).toMatchObject({ requests: { cpu: '1' }, limits: { cpu: '1' } });
    expect(lint(t, { only: SIZING })).toEqual([]);
  });

  it('never shrinks a larger volume or CPU request', () => {
    const big = editComponent(described(10_000), HA.vmstorage, (c) => ({
      ...c,
      spec: { ...c.spec, storage: { volumeClaimTemplate: { spec: { resources: { requests: { storage: '1Ti' } } } } }, resources: { requests: { cpu: '4', memory: '8Gi' } } },
    }));
    const spec = getComponent(applySizing(big), HA.vmstorage)!.spec;
    expect(spec.storage).toEqual({ volumeClaimTemplate: { spec: { resources: { requests: { storage: '1Ti' } } } } });
    expect(spec.resources).toEqual({ requests: { cpu: '4', memory: '8Gi' }, limits: { cpu: '4', memory: '8Gi' } });
  });

  it('on designs with workload inputs: leaves no sizing finding, no new error and only valid values', () => {
    fc.assert(
      fc.property(arbTopology({ workload: true }), (t) => {
        const errors = new Set(lint(t).filter((f) => f.severity === 'error').map(findingKey));
        const after = applySizing(t);
        expect(lint(after, { only: SIZING })).toEqual([]);
        expect(lint(after).filter((f) => f.severity === 'error' && !errors.has(findingKey(f)))).toEqual([]);
        expect(validateTopology(after)).toEqual([]);
      }),
      { numRuns: 80 },
    );
  }, 60_000);
});
