import { addComponent, addLink, applyFix, emptyTopology, getComponent, lint, partsOf, toDocument, fromDocument } from '@vmtopo/model';
import { arbTopology } from '@vmtopo/model/fixtures/arbitrary.ts';
import { arbPick, edit } from '@vmtopo/model/fixtures/edits.ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDerivations } from './derive.ts';
import { createEditorStore } from './editorStore.ts';
import { designSummary } from './summary.ts';
import { applyYamlText } from './yamlSync.ts';
import { applyDesignSizing, createSizingTables, nodeSizingFigure, parseAmount, setOutageMinutes, setWorkloadText, setZones, sizingFigureOf, sizingTable } from './sizing.ts';
import { whatIfViewOf } from './whatif.ts';

function editor() {
  let t = emptyTopology();
  const agent = addComponent(t, 'VMAgent', { position: { x: 0, y: 0 } });
  t = agent.topology;
  const cluster = addComponent(t, 'VMCluster', { position: { x: 400, y: 0 } });
  t = cluster.topology;
  const { vminsert, vmstorage } = partsOf(t, cluster.id);
  t = addLink(t, 'remoteWrite', agent.id, vminsert!.id).topology;
  return { store: createEditorStore(t), agent: agent.id, cluster: cluster.id, vmstorage: vmstorage!.id };
}

const top = (s: ReturnType<typeof editor>['store']) => s.getState().topology;

describe('parseAmount', () => {
  it('reads numbers as people type them', () => {
    expect(['600000', '600,000', '600k', '0.6M', ' 1.5m ', '2G'].map(parseAmount)).toEqual([600_000, 600_000, 600_000, 600_000, 1_500_000, 2e9]);
    expect(['', 'abc', '1e5', '-3', '5 apples'].map(parseAmount)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });
});

describe('design settings', () => {
  it('zones: one undo step per typing, refused out of range with the reason, kept in the document', () => {
    const { store } = editor();
    expect(setZones(store, '2')).toBeUndefined();
    expect(setZones(store, '5')).toBeUndefined();
    expect(store.getState().past).toHaveLength(1);
    expect(top(store).zones).toBe(5);
    expect(setZones(store, '0')).toBe('Zones must be between 1 and 64, not 0');
    expect(setZones(store, '2.5')).toBe('Zones must be a whole number of zones, not 2.5');
    expect(top(store).zones).toBe(5);
    expect(fromDocument(JSON.parse(JSON.stringify(toDocument(top(store))))).zones).toBe(5);
  });

  it('the design summary shows zones and outage, the defaults when unset', () => {
    const { store } = editor();
    expect(designSummary(top(store), [])).toMatchObject({ zones: 3, outageMinutes: 60 });
    setZones(store, '2');
    setOutageMinutes(store, '90');
    expect(designSummary(top(store), [])).toMatchObject({ zones: 2, outageMinutes: 90 });
  });

  it('zones reach the What if analysis', () => {
    const { store } = editor();
    expect(whatIfViewOf(store).analysis(top(store)).zones).toBe(3);
    setZones(store, '2');
    expect(whatIfViewOf(store).analysis(top(store)).zones).toBe(2);
  });

  it('outage: minutes 1..10080', () => {
    const { store } = editor();
    expect(setOutageMinutes(store, '360')).toBeUndefined();
    expect(top(store).outageMinutes).toBe(360);
    expect(setOutageMinutes(store, '20000')).toMatch(/^Outage must be between 1 and 10080 minutes/);
  });
});

describe('workload inputs', () => {
  it('active series on an agent: the storage finding appears, its Fix clears it (one undo step each)', () => {
    const { store, agent, vmstorage } = editor();
    expect(lint(top(store)).filter((f) => f.ruleId === 'storage-undersized')).toEqual([]);
    expect(setWorkloadText(store, agent, 'activeSeries', '600k')).toBeUndefined();
    expect(getComponent(top(store), agent)!.workload).toEqual({ activeSeries: 600_000 });
    const f = lint(top(store)).find((x) => x.ruleId === 'storage-undersized')!;
    expect(f.componentIds).toEqual([vmstorage]);
    store.getState().commit(applyFix(top(store), f));
    expect(lint(top(store)).filter((x) => x.ruleId === 'storage-undersized')).toEqual([]);
    expect(store.getState().past).toHaveLength(2);
  });

  it('refuses what is no count, and clearing the series removes the whole workload', () => {
    const { store, agent, cluster } = editor();
    expect(setWorkloadText(store, agent, 'activeSeries', '1.5')).toBe('Active series must be a whole number (active series are counted), not 1.5');
    expect(setWorkloadText(store, agent, 'activeSeries', 'lots')).toBe('Active series must be a number such as 600000, 600k or 1.5M, not "lots"');
    expect(setWorkloadText(store, agent, 'bytesPerSample', '2')).toBe(`bytesPerSample is not a workload input of ${agent}`);
    setWorkloadText(store, agent, 'activeSeries', '1000');
    setWorkloadText(store, agent, 'churnPerDay', '50');
    expect(getComponent(top(store), agent)!.workload).toEqual({ activeSeries: 1000, churnPerDay: 50 });
    setWorkloadText(store, agent, 'activeSeries', '');
    expect('workload' in getComponent(top(store), agent)!).toBe(false);
    expect(setWorkloadText(store, cluster, 'bytesPerSample', '0')).toBe('Bytes per sample must be above 0, not 0');
    setWorkloadText(store, cluster, 'bytesPerSample', '1.5');
    expect(getComponent(top(store), cluster)!.workload).toEqual({ bytesPerSample: 1.5 });
  });
});

describe('workloads elsewhere in the editor', () => {
  it('a workload edit reaches the designer’s findings (the positions-free view sees it)', () => {
    const { store, agent } = editor();
    const d = createDerivations();
    expect(d.findings(top(store)).some((f) => f.ruleId === 'storage-undersized')).toBe(false);
    setWorkloadText(store, agent, 'activeSeries', '600000');
    expect(d.findings(top(store)).some((f) => f.ruleId === 'storage-undersized')).toBe(true);
  });

  it('an edit of the YAML keeps the workloads, which the YAML cannot hold', () => {
    const { store, agent } = editor();
    setWorkloadText(store, agent, 'activeSeries', '600000');
    const yaml = createDerivations().yaml(top(store));
    const r = applyYamlText(top(store), yaml.replace('replicaCount: 3', 'replicaCount: 4'));
    expect(r.ok && r.topology && getComponent(r.topology, agent)!.workload).toEqual({ activeSeries: 600_000 });
  });
});

describe('sizing table and Apply sizing', () => {
  it('shows disk per pod against the claim, and Apply sizing makes it fit in one undo step', () => {
    const { store, agent, cluster, vmstorage } = editor();
    expect(sizingTable(top(store)).described).toBe(false);
    expect(nodeSizingFigure(sizingTable(top(store)), vmstorage)).toBeUndefined();
    setWorkloadText(store, agent, 'activeSeries', '600000');
    const table = sizingTable(top(store));
    expect(table.storages).toEqual([expect.objectContaining({ id: cluster, dataId: vmstorage, requested: '20Gi', fits: false, wanted: '99Gi', diskPerPod: '98.2 GiB', samplesPerSecond: 20_000, cpu: 1 })]);
    expect(table.agents[0]).toMatchObject({ id: agent, series: 600_000, assumed: false });
    expect(nodeSizingFigure(table, vmstorage)).toEqual({ text: `≈ ${table.storages[0]!.diskPerPod} / pod of 20Gi`, fits: false });
    const steps = store.getState().past.length;
    applyDesignSizing(store);
    expect(store.getState().past).toHaveLength(steps + 1);
    expect(sizingTable(top(store)).storages[0]).toMatchObject({ requested: '99Gi', fits: true });
    expect(lint(top(store)).filter((f) => f.ruleId === 'storage-undersized' || f.ruleId === 'vmagent-queue-too-small-for-outage')).toEqual([]);
  });
});

describe('node figures of an editor', () => {
  it('are the sizing table\'s, with or without a workload, version after version', () => {
    const { store, agent, cluster, vmstorage } = editor();
    const ids = [agent, cluster, vmstorage, 'no-such-component'];
    const check = () => {
      const t = top(store);
      for (const id of ids) expect(sizingFigureOf(store, t, id)).toEqual(nodeSizingFigure(sizingTable(t), id));
    };
    check();
    expect(sizingFigureOf(store, top(store), vmstorage)).toBeUndefined();
    setWorkloadText(store, agent, 'activeSeries', '600k');
    check();
    expect(sizingFigureOf(store, top(store), vmstorage)?.fits).toBe(false);
    expect(sizingFigureOf(store, top(store), agent)?.text).toMatch(/^600k series/);
    applyDesignSizing(store);
    check();
    setWorkloadText(store, agent, 'activeSeries', '');
    check();
    expect(sizingFigureOf(store, top(store), vmstorage)).toBeUndefined();
  });
});

describe('sizing tables version after version', () => {
  it('equal a whole-design sizing after random edits of designs with workloads', () => {
    fc.assert(
      fc.property(arbTopology({ unfinished: true, workload: true }), fc.array(arbPick, { minLength: 1, maxLength: 6 }), (t, picks) => {
        const tables = createSizingTables();
        let current = t;
        expect(tables(current)).toEqual(sizingTable(current));
        for (const p of picks) {
          current = edit(current, p);
          expect(tables(current)).toEqual(sizingTable(current));
        }
      }),
      { numRuns: 150 },
    );
  }, 60_000);
});
