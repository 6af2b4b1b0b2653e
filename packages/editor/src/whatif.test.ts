import { addComponent, addLink, emptyTopology, updateComponent, type Topology } from '@vmtopo/model';
import { describe, expect, it } from 'vitest';
import { createEditorStore } from './editorStore.ts';
import { runCommand, shortcutAction } from './shortcuts.ts';
import {
  applyScenario,
  clearFailed,
  createWhatIfView,
  failComponent,
  failPod,
  failZone,
  podsOfComponent,
  restorePod,
  setWhatIfMode,
  showWorstScenario,
  survivalLine,
  answerSurvival,
  toggleWhatIf,
  togglePod,
  componentTone,
  linkTone,
  toneOf,
  whatIfCaption,
  whatIfViewOf,
  worstScenario,
} from './whatif.ts';

/** A VMAgent writing to a VMCluster with RF 1 and 2 vmstorage nodes. */
function design(): { t: Topology; cluster: string; storage: string } {
  let t = emptyTopology();
  const agent = addComponent(t, 'VMAgent', { position: { x: 0, y: 0 } });
  const cluster = addComponent(agent.topology, 'VMCluster', { name: 'prod', position: { x: 400, y: 0 } });
  t = cluster.topology;
  const storage = t.components.find((c) => c.kind === 'vmstorage')!.id;
  t = updateComponent(t, cluster.id, (c) => ({ ...c, spec: { ...c.spec, replicationFactor: 1 } }));
  t = updateComponent(t, storage, (c) => ({ ...c, spec: { ...c.spec, replicaCount: 2 } }));
  const insert = t.components.find((c) => c.kind === 'vminsert')!.id;
  t = addLink(t, 'remoteWrite', agent.id, insert).topology;
  return { t, cluster: cluster.id, storage };
}

describe('whatIfCaption', () => {
  it('names the failed pods of the scenario shown, and nothing outside the mode or with nothing failed', () => {
    expect(whatIfCaption({ on: true, failed: ['vmsingle-db-0'] })).toBe('What if vmsingle-db-0 fails');
    expect(whatIfCaption({ on: true, failed: ['a-0', 'a-1', 'b-0', 'b-1'] })).toBe('What if a-0, a-1 and 2 more fail');
    expect(whatIfCaption({ on: true, failed: [] })).toBeUndefined();
    expect(whatIfCaption({ on: false, failed: ['a-0'] })).toBeUndefined();
  });
});

describe('what-if mode', () => {
  it('fails and restores pods outside the design and its history; leaving the mode clears them', () => {
    const { t } = design();
    const store = createEditorStore(t);
    expect(store.getState().whatif).toEqual({ on: false, failed: [] });
    toggleWhatIf(store);
    expect(store.getState().whatif.on).toBe(true);
    failPod(store, 'vmstorage-prod-1');
    failPod(store, 'vmstorage-prod-0');
    failPod(store, 'vmstorage-prod-0');
    expect(store.getState().whatif.failed).toEqual(['vmstorage-prod-0', 'vmstorage-prod-1']);
    restorePod(store, 'vmstorage-prod-1');
    togglePod(store, 'vmstorage-prod-0');
    togglePod(store, 'vmstorage-prod-1');
    expect(store.getState().whatif.failed).toEqual(['vmstorage-prod-1']);
    expect(store.getState().topology).toBe(t);
    expect(store.getState().past).toEqual([]);
    clearFailed(store);
    expect(store.getState().whatif).toEqual({ on: true, failed: [] });
    failPod(store, 'vmstorage-prod-0');
    setWhatIfMode(store, false);
    expect(store.getState().whatif).toEqual({ on: false, failed: [] });
    expect(store.getState().topology).toBe(t);
  });

  it('fails every pod of a component or of a zone, or a scenario’s pods', () => {
    const { t, cluster, storage } = design();
    const store = createEditorStore(t);
    expect(podsOfComponent(t, storage)).toEqual(['vmstorage-prod-0', 'vmstorage-prod-1']);
    failComponent(store, storage);
    expect(store.getState().whatif).toEqual({ on: true, failed: ['vmstorage-prod-0', 'vmstorage-prod-1'] });
    failComponent(store, cluster);
    expect(store.getState().whatif.failed).toContain('vminsert-prod-0');
    failZone(store, 1);
    expect(store.getState().whatif.failed.length).toBeGreaterThan(0);
    applyScenario(store, ['vmagent-vmagent-0']);
    expect(store.getState().whatif.failed).toEqual(['vmagent-vmagent-0']);
  });

  it('derives the outcome of the failed pods and the N−1 analysis, memoised per design version', () => {
    const { t, cluster } = design();
    const view = createWhatIfView();
    const o = view.outcome(t, ['vmstorage-prod-0']);
    expect(o.queries).toBe('partial');
    expect(o.affected).toContain(cluster);
    expect(toneOf(o)).toBe('warn');
    expect(componentTone(o, cluster)).toBe('warn');
    expect(componentTone(o, 'no-such-component')).toBeUndefined();
    expect(componentTone({ harm: { [cluster]: 'down' } }, cluster)).toBe('bad');
    // A link as the worse of its ends, a cluster part counting as its cluster.
    const write = t.links.find((l) => l.type === 'remoteWrite')!;
    expect(write.target).toBe(`${cluster}-vminsert`);
    expect(linkTone(t, o, write)).toBe('warn');
    expect(linkTone(t, { harm: { [cluster]: 'down' } }, write)).toBe('bad');
    expect(linkTone(t, { harm: {} }, write)).toBeUndefined();
    expect(view.outcome(t, ['vmstorage-prod-0'])).toBe(o);
    // Moving a node is not a new design version.
    const moved = updateComponent(t, cluster, (c) => ({ ...c, position: { x: 1, y: 1 } }));
    expect(view.outcome(moved, ['vmstorage-prod-0'])).toBe(o);
    // Pods the design does not have are left out.
    expect(view.outcome(t, ['no-such-pod']).queries).toBe('complete');
    const a = view.analysis(t);
    expect(view.analysis(moved)).toBe(a);
    expect(a.survives.pod).toBe(false);
    expect(survivalLine(a.survives)).toBe('any pod ✗ · any node ✗ · any zone ✗');
    // What the worker answers for a large design is the same analysis.
    expect(answerSurvival({ id: 7, topology: t })).toEqual({ id: 7, survives: a.survives });
    expect(toneOf(worstScenario(a)!)).toBe('bad');
    expect(view.podRows(t, t.components.find((c) => c.kind === 'vmstorage')!.id)).toEqual([['vmstorage-prod-0', 'vmstorage-prod-1']]);
  });

  it('the design summary’s line enters the mode with the worst scenario', () => {
    const { t } = design();
    const store = createEditorStore(t);
    showWorstScenario(store);
    const worst = worstScenario(whatIfViewOf(store).analysis(t))!;
    expect(store.getState().whatif).toEqual({ on: true, failed: [...worst.failed].sort() });
  });

  it('W toggles the mode from the shortcuts table', () => {
    const store = createEditorStore(design().t);
    const action = shortcutAction({ key: 'w', ctrlKey: false, metaKey: false, shiftKey: false }, 'page');
    expect(action).toBe('toggleWhatIf');
    expect(shortcutAction({ key: 'w', ctrlKey: true, metaKey: false, shiftKey: false }, 'page')).toBeUndefined();
    runCommand(store, 'toggleWhatIf');
    expect(store.getState().whatif.on).toBe(true);
    runCommand(store, 'toggleWhatIf');
    expect(store.getState().whatif.on).toBe(false);
  });
});
