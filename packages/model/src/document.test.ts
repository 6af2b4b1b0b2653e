import { describe, expect, it } from 'vitest';
import { DOCUMENT_VERSION, DocumentError, MIGRATIONS, type Migration, fromDocument, migrate, parseDocument, toDocument } from './document.ts';
import { addComponent, addLink } from './edit.ts';
import { emptyTopology } from './topology.ts';

function small() {
  let t = emptyTopology('demo');
  const a = addComponent(t, 'VMAgent', { position: { x: 10, y: 20 } });
  const s = addComponent(a.topology, 'VMSingle');
  t = addLink(s.topology, 'remoteWrite', a.id, s.id).topology;
  return t;
}

const err = (input: unknown) => {
  try {
    fromDocument(input);
  } catch (e) {
    expect(e).toBeInstanceOf(DocumentError);
    return (e as Error).message;
  }
  throw new Error('expected a DocumentError');
};

describe('document format', () => {
  it('round-trips through JSON', () => {
    const t = small();
    expect(parseDocument(JSON.stringify(toDocument(t)))).toEqual(t);
    expect(toDocument(t).version).toBe(DOCUMENT_VERSION);
  });

  it('names the path of the first problem', () => {
    const doc = toDocument(small()) as unknown as Record<string, unknown>;
    expect(err({ ...doc, version: 99 })).toMatch(/\$\.version: is 99, newer than this vmtopo understands/);
    expect(err({ ...doc, version: undefined })).toMatch(/\$\.version/);
    expect(err({ ...doc, components: [{ id: 'x', kind: 'VMFoo', spec: {} }] })).toMatch(/\$\.components\[0\]\.kind: has unknown kind "VMFoo"/);
    expect(err({ ...doc, links: [{ id: 'l', type: 'remoteWrite', source: 'vmagent-agent', target: 'nope' }] })).toMatch(/\$\.links\[0\]\.target: target "nope" is not a component/);
    expect(err({ ...doc, components: [{ id: 'p', kind: 'vminsert', spec: {} }] })).toMatch(/needs "cluster"/);
    expect(() => parseDocument('{"version":')).toThrow(/not valid JSON/);
  });

  it('refuses links the model forbids', () => {
    const t = small();
    const doc = toDocument(t);
    const reversed = { ...doc, links: [{ id: 'l', type: 'remoteWrite', source: 'vmsingle-single', target: 'vmagent-agent' }] };
    expect(err(reversed)).toMatch(/cannot link: remoteWrite links start at VMAgent, VMAlert, not at VMSingle/);
  });

  it('refuses a second part of one kind in a cluster, naming both', () => {
    const doc = {
      version: 1,
      name: 'x',
      namespace: 'y',
      components: [
        { id: 'c', kind: 'VMCluster', name: 'main', spec: {} },
        { id: 'i1', kind: 'vminsert', cluster: 'c', spec: {} },
        { id: 'i2', kind: 'vminsert', cluster: 'c', spec: {} },
      ],
    };
    expect(err(doc)).toBe('$.components[2]: VMCluster "main" already has a vminsert ("i1" at $.components[1]); a cluster holds one of each part, remove "i2"');
    expect(() => fromDocument({ ...doc, components: doc.components.slice(0, 2) })).not.toThrow();
  });

  it('has one named migration per version step, in order', () => {
    expect(MIGRATIONS.map((m) => m.from)).toEqual(Array.from({ length: DOCUMENT_VERSION - 1 }, (_, i) => i + 1));
    for (const m of MIGRATIONS) expect(m.name).not.toBe('');
  });

  it('migrates step by step, stamping each version, and refuses a gap in the chain', () => {
    const steps: Migration[] = [
      { from: 1, name: 'zones', migrate: (d) => ({ ...d, zones: 3 }) },
      { from: 2, name: 'zones as a list', migrate: (d) => ({ ...d, zones: ['a', 'b', 'c'].slice(0, d.zones as number) }) },
    ];
    expect(migrate({ version: 1, name: 'x' }, 1, steps, 3)).toEqual({ version: 3, name: 'x', zones: ['a', 'b', 'c'] });
    expect(migrate({ version: 2, name: 'x', zones: 2 }, 2, steps, 3)).toEqual({ version: 3, name: 'x', zones: ['a', 'b'] });
    expect(() => migrate({ version: 1 }, 1, steps.slice(1), 3)).toThrow(/no migration from version 1/);
  });

  it('refuses hostile JSON', () => {
    expect(err(JSON.parse('{"version":1,"name":"x","namespace":"y","components":[{"__proto__":{"polluted":1}}]}'))).toMatch(/"__proto__" is not allowed/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    let deep: unknown = {};
    for (let i = 0; i < 100; i++) deep = { a: deep };
    expect(err({ version: 1, name: 'x', namespace: 'y', extras: [deep] })).toMatch(/nested deeper than 64/);
    expect(err({ version: 1, name: 'x', namespace: 'y', components: new Array(20_001).fill(null) })).toMatch(/at most 20000/);
  });
});

describe('format v2: zones, outage and workload inputs', () => {
  const agentDoc = (workload: unknown, more: Record<string, unknown> = {}) => ({
    version: 2,
    name: 'x',
    namespace: 'y',
    ...more,
    components: [{ id: 'a', kind: 'VMAgent', name: 'a', spec: {}, workload }],
  });

  it('v1 → v2 ("zones, outage and workload inputs…"): a v1 design gains the defaults and nothing else', () => {
    const step = MIGRATIONS[0]!;
    expect(step).toMatchObject({ from: 1, name: 'zones, outage and workload inputs in the design; vmagent queue sizes in VictoriaMetrics units' });
    const v1 = { version: 1, name: 'x', namespace: 'y', components: [{ id: 'a', kind: 'VMAgent', name: 'a', spec: { replicaCount: 2 } }] };
    expect(migrate(v1, 1)).toEqual({ ...v1, version: 2, zones: 3, outageMinutes: 60 });
    const t = fromDocument(v1);
    expect(t).toMatchObject({ zones: 3, outageMinutes: 60 });
    expect(t.components[0]).toEqual({ id: 'a', kind: 'VMAgent', name: 'a', spec: { replicaCount: 2 } });
  });

  it('v1 → v2: vmagent queue sizes written in Kubernetes units (v1\'s queue fix wrote "1Gi", which vmagent refuses) become the same size in its units', () => {
    const v1 = {
      version: 1,
      name: 'x',
      namespace: 'y',
      components: [
        { id: 'a', kind: 'VMAgent', name: 'a', spec: { remoteWriteSettings: { maxDiskUsagePerURL: '500Mi', showURL: true } } },
        { id: 's', kind: 'VMSingle', name: 's', spec: { storage: { resources: { requests: { storage: '1Gi' } } } } },
      ],
      links: [
        { id: 'l1', type: 'remoteWrite', source: 'a', target: 's', extra: { maxDiskUsage: '1Gi', sendTimeout: '1m' } },
        { id: 'l2', type: 'remoteWrite', source: 'a', external: { url: 'http://x', maxDiskUsage: '2G' } },
        { id: 'l3', type: 'remoteWrite', source: 'a', external: { url: 'http://y', maxDiskUsage: '3GiB' } },
      ],
    };
    const t = fromDocument(v1);
    expect(t.components[0]!.spec).toEqual({ remoteWriteSettings: { maxDiskUsagePerURL: '500MiB', showURL: true } });
    // A PVC size is a Kubernetes quantity: left as it is.
    expect(t.components[1]!.spec).toEqual(v1.components[1]!.spec);
    expect(t.links.map((l) => l.extra ?? l.external)).toEqual([
      { maxDiskUsage: '1GiB', sendTimeout: '1m' },
      { url: 'http://x', maxDiskUsage: '2GB' },
      { url: 'http://y', maxDiskUsage: '3GiB' },
    ]);
    // A v2 document was checked as it was written: the same value there is refused, naming it.
    expect(err({ ...v1, version: 2 })).toMatch(/^\$\.components\[0\]\.spec\.remoteWriteSettings\.maxDiskUsagePerURL: vmagent 'a': maxDiskUsagePerURL "500Mi" must be a VictoriaMetrics size.*\(write 500MiB\) \(and 2 more invalid values\)$/);
  });

  it('refuses a value the operator or Kubernetes would refuse, naming its path (the gate every way in shares)', () => {
    const doc = (c: Record<string, unknown>, rest: Record<string, unknown> = {}) => ({ version: 2, name: 'x', namespace: 'monitoring', components: [{ id: 'a', kind: 'VMAgent', name: 'a', spec: {}, ...c }], ...rest });
    expect(err(doc({ spec: { replicaCount: -5 } }))).toMatch(/^\$\.components\[0\]\.spec\.replicaCount: vmagent 'a': replicaCount -5 must be at least/);
    expect(err(doc({ name: 'db\nprod' }))).toMatch(/^\$\.components\[0\]\.name: .*must be lowercase letters/s);
    expect(err(doc({ labels: { tier: 'a b' } }))).toMatch(/^\$\.components\[0\]\.labels: .*invalid Kubernetes label value "a b"/);
    // The design's namespace, inherited by the component.
    expect(err(doc({}, { namespace: 'Prod' }))).toMatch(/^\$\.namespace: .*namespace "Prod" must be lowercase/);
    expect(() => fromDocument(doc({}, { namespace: 'Prod' }))).toThrow(expect.objectContaining({ code: 'VMT-V01' }));
    const two = { version: 2, name: 'x', namespace: 'm', components: [{ id: 'a', kind: 'VMAgent', name: 'a', spec: {} }, { id: 'b', kind: 'VMAgent', name: 'a', spec: {} }] };
    expect(err(two)).toMatch(/^\$\.components\[1\]\.name: .*already named "a"/);
  });

  it('keeps the design settings and workloads through a round trip', () => {
    const t = fromDocument({ ...agentDoc({ activeSeries: 600_000, churnPerDay: 10 }), zones: 2, outageMinutes: 360 });
    expect(t.zones).toBe(2);
    expect(t.outageMinutes).toBe(360);
    expect(t.components[0]!.workload).toEqual({ activeSeries: 600_000, churnPerDay: 10 });
    expect(parseDocument(JSON.stringify(toDocument(t)))).toEqual(t);
  });

  it('refuses values that are not whole or out of range, naming the path', () => {
    expect(err(agentDoc(undefined, { zones: 0 }))).toBe('$.zones: must be between 1 and 64, not 0');
    expect(err(agentDoc(undefined, { zones: 2.5 }))).toBe('$.zones: must be a whole number of zones, not 2.5');
    expect(err(agentDoc(undefined, { zones: '3' }))).toBe('$.zones: must be a whole number of zones, not "3"');
    expect(err(agentDoc(undefined, { outageMinutes: 20_000 }))).toMatch(/^\$\.outageMinutes: must be between 1 and 10080 minutes/);
    expect(err(agentDoc({ activeSeries: 1.5 }))).toBe('$.components[0].workload.activeSeries: must be a whole number (active series are counted), not 1.5');
    expect(err(agentDoc({ activeSeries: -1 }))).toBe('$.components[0].workload.activeSeries: must be at least 0, not -1');
    expect(err(agentDoc({ churnPerDay: 5 }))).toBe('$.components[0].workload.activeSeries: is missing: a VMAgent workload needs activeSeries');
    expect(err(agentDoc({ activeSeries: 5, bytesPerSample: 2 }))).toBe('$.components[0].workload.bytesPerSample: is not a workload input of a VMAgent (it has activeSeries, churnPerDay)');
    expect(err(agentDoc([]))).toBe('$.components[0].workload: must be an object');
    const alert = { version: 2, name: 'x', namespace: 'y', components: [{ id: 'r', kind: 'VMAlert', name: 'r', spec: {}, workload: { activeSeries: 1 } }] };
    expect(err(alert)).toBe('$.components[0].workload: a VMAlert has no workload inputs (only VMAgent, VMSingle, VMCluster do)');
    const single = { version: 2, name: 'x', namespace: 'y', components: [{ id: 's', kind: 'VMSingle', name: 's', spec: {}, workload: { bytesPerSample: 0 } }] };
    expect(err(single)).toBe('$.components[0].workload.bytesPerSample: must be above 0, not 0');
  });
});
