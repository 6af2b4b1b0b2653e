import { describe, expect, it } from 'vitest';
import { type Topology, sizeTopology, sizingProblems } from '@vmtopo/model';
import { agent, design, link, single } from '@vmtopo/model/fixtures/build.ts';
import { haDesign } from '@vmtopo/model/fixtures/ha-design.ts';
import { sizeJson, sizeText } from './size-format.ts';

const json = (t: Topology, inputs = {}) => {
  const r = sizeTopology(t, inputs);
  return JSON.parse(sizeJson(t, r, sizingProblems(t, inputs, r)));
};

describe('sizeJson', () => {
  it('has the shape of issue #14: storages with component, kind, samplesPerSecond, diskBytes, diskBytesPerPod, requestedBytesPerPod, fits, formula; agents', () => {
    const doc = json(haDesign());
    expect(Object.keys(doc)).toEqual(['inputs', 'storages', 'agents', 'flows', 'problems', 'notes']);
    for (const key of ['component', 'kind', 'samplesPerSecond', 'diskBytes', 'diskBytesPerPod', 'requestedBytesPerPod', 'fits', 'formula']) expect(doc.storages[0]).toHaveProperty(key);
    expect(doc.storages[0].component).toBe('main');
    expect(doc.agents[0].component).toBe('scraper');
    // Every figure carries its formula, source and basis.
    for (const f of Object.values<Record<string, unknown>>(doc.storages[0].figures)) expect(Object.keys(f)).toEqual(['value', 'unit', 'formula', 'source', 'basis']);
  });

  it('bytes are whole numbers rounded up; an unlimited queue and a missing claim are null', () => {
    const a = agent('a', { selectAllByDefault: true, remoteWriteSettings: { maxDiskUsagePerURL: '0' } });
    const s = single('db', {});
    const doc = json(design([a, s], [link('remoteWrite', a.id, s.id)]), { series: { [a.id]: { active: 1000 } } });
    expect(Number.isInteger(doc.storages[0].diskBytes)).toBe(true);
    expect(doc.storages[0].requestedBytesPerPod).toBeNull();
    expect(doc.storages[0].fits).toBe(false);
    expect(doc.agents[0].queues[0]).toMatchObject({ to: 'VMSingle/db', limitBytes: null, fits: true });
  });
});

describe('sizeText', () => {
  it('marks an assumed workload, tags each figure, and ends with the notes and sources', () => {
    const t = haDesign();
    const r = sizeTopology(t);
    const text = sizeText(t, r, sizingProblems(t, {}, r));
    expect(text).toContain('VMAgent/scraper: 50,000 active series every 30s (assumed: no --series given)');
    expect(text).toMatch(/CPU per pod\s+1 core .*\[guidance\]/);
    expect(text).toMatch(/queue → VMCluster\/main\/vminsert: needs 143\.1 MiB per pod for 1h, has 2 GiB .* — holds it/);
    expect(text).toMatch(/\[estimate\]/);
    expect(text).toContain('VMCluster/main: RF 2, retention 1 month (31d), 3 vmstorage nodes written to');
    expect(text).toMatch(/volume\s+requested 20Gi — fits/);
    expect(text).not.toContain('Problems');
    expect(text).toMatch(/Notes\n {2}- RAM: VictoriaMetrics documents no RAM-per-active-series figure/);
    expect(text).toContain('vm:docs/guides/understand-your-setup-size/README.md §Retention Period/Disk Space');
  });
});
