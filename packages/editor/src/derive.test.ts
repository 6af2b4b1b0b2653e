import { addComponent, addLink, emptyTopology, lint, updateComponent, withField } from '@vmtopo/model';
import { arbTopology } from '@vmtopo/model/fixtures/arbitrary.ts';
import { arbPick, edit } from '@vmtopo/model/fixtures/edits.ts';
import { renderYaml } from '@vmtopo/render';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { Finding } from './core.ts';
import { createDerivations, createFindingsIndex, createStructuralView, findingsByComponent, samePlaces, structuralViewOf } from './derive.ts';
import { createEditorStore } from './editorStore.ts';
import { sizingFigureOf } from './sizing.ts';
import { whatIfViewOf } from './whatif.ts';

function design() {
  let t = emptyTopology();
  const a = addComponent(t, 'VMAgent', { position: { x: 0, y: 0 } });
  t = a.topology;
  const s = addComponent(t, 'VMSingle', { position: { x: 400, y: 0 } });
  t = addLink(s.topology, 'remoteWrite', a.id, s.id).topology;
  return { t, agent: a.id };
}

describe('structural view', () => {
  it('is the same object when only positions change, so a drag does not re-lint', () => {
    const view = createStructuralView();
    const { t, agent } = design();
    const first = view(t);
    const moved = updateComponent(t, agent, (c) => ({ ...c, position: { x: 99, y: 12 } }));
    expect(view(moved)).toBe(first);
    expect(first.components.every((c) => c.position === undefined)).toBe(true);
    const edited = updateComponent(moved, agent, (c) => withField(c, 'replicaCount', 2));
    expect(view(edited)).not.toBe(first);
  });
});

describe('one editor', () => {
  it('diffs each version once: its derivations, sizing and what-if view share one positions-free design', () => {
    const { t, agent } = design();
    const store = createEditorStore(t);
    const view = structuralViewOf(store);
    expect(structuralViewOf(store)).toBe(view);
    expect(structuralViewOf(createEditorStore(t))).not.toBe(view);
    const d = createDerivations(view);
    const edited = updateComponent(t, agent, (c) => withField(c, 'replicaCount', 3));
    store.getState().commit(edited);
    sizingFigureOf(store, edited, agent);
    const s = view(edited);
    expect(d.structural(edited)).toBe(s);
    whatIfViewOf(store).podRows(edited, agent);
    expect(view(edited)).toBe(s);
    expect(d.findings(edited)).toEqual(lint(s));
  });
});

describe('derivations', () => {
  it('after random edits, moves and idle preparations, findings and YAML (from one shared diff per version) equal a full lint and render', () => {
    fc.assert(
      fc.property(arbTopology({ unfinished: true }), fc.array(fc.tuple(arbPick, fc.boolean(), fc.boolean()), { minLength: 1, maxLength: 4 }), (t, steps) => {
        const d = createDerivations();
        let current = t;
        d.findings(current);
        d.yaml(current);
        for (const [pick, move, idle] of steps) {
          // The page going idle between edits: the first time, prepare runs an edit's derivations.
          if (idle) {
            d.prepare();
            const s = d.structural(current);
            expect(d.findings(current)).toEqual(lint(s));
            expect(d.yaml(current)).toBe(renderYaml(s));
          }
          current = edit(current, pick);
          // A move alone keeps the positions-free design: both sessions must still be right after it.
          if (move && current.components.length > 0) current = updateComponent(current, current.components[0]!.id, (c) => ({ ...c, position: { x: 7, y: 7 } }));
          const s = d.structural(current);
          expect(d.findings(current)).toEqual(lint(s));
          expect(d.yaml(current)).toBe(renderYaml(s));
        }
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});

describe('derivations before the renderer has loaded', () => {
  it('give findings at once; the YAML only once it has loaded, then incrementally as before', async () => {
    // A fresh module graph: the setup file's loaded renderer is in another one.
    vi.resetModules();
    const { createDerivations: fresh } = await import('./derive.ts');
    const { loadRenderer } = await import('./core.ts');
    const d = fresh();
    const { t, agent } = design();
    expect(d.findings(t)).toEqual(lint(d.structural(t)));
    expect(() => d.yaml(t)).toThrow(/not loaded yet/);
    await loadRenderer();
    expect(d.yaml(t)).toBe(renderYaml(d.structural(t)));
    const edited = updateComponent(t, agent, (c) => withField(c, 'replicaCount', 2));
    d.findings(edited);
    expect(d.yaml(edited)).toBe(renderYaml(d.structural(edited)));
  });
});

describe('editor store history', () => {
  it('undo and redo restore the exact designs; merged edits are one step', () => {
    const { t, agent } = design();
    const store = createEditorStore(t);
    const s = store.getState();
    const two = updateComponent(t, agent, (c) => withField(c, 'replicaCount', 2));
    s.commit(two, { mergeKey: 'agent:replicaCount' });
    const twenty = updateComponent(t, agent, (c) => withField(c, 'replicaCount', 20));
    store.getState().commit(twenty, { mergeKey: 'agent:replicaCount' });
    expect(store.getState().past).toHaveLength(1);
    store.getState().undo();
    expect(store.getState().topology).toBe(t);
    store.getState().redo();
    expect(store.getState().topology).toBe(twenty);
  });
});

describe('samePlaces', () => {
  it('holds across a field edit, not across a move, an added or a removed component', () => {
    const { t, agent } = design();
    expect(samePlaces(t, updateComponent(t, agent, (c) => withField(c, 'replicaCount', 3)))).toBe(true);
    expect(samePlaces(t, updateComponent(t, agent, (c) => ({ ...c, position: { x: 1, y: 2 } })))).toBe(false);
    expect(samePlaces(t, addComponent(t, 'VMAgent', { position: { x: 0, y: 300 } }).topology)).toBe(false);
    expect(samePlaces(t, { ...t, components: t.components.slice(1) })).toBe(false);
  });
});

describe('findings by component', () => {
  it('keeps the worst severity and the count of each severity', () => {
    const f = (severity: Finding['severity'], id: string) => ({ ruleId: 'r', severity, message: `${severity} on ${id}`, componentIds: [id] }) as Finding;
    const by = findingsByComponent([f('warning', 'a'), f('error', 'a'), f('warning', 'a'), f('info', 'b')]);
    expect(by.get('a')).toMatchObject({ severity: 'error', count: 3, counts: { error: 1, warning: 2, info: 0 } });
    expect(by.get('b')).toMatchObject({ severity: 'info', count: 1, counts: { error: 0, warning: 0, info: 1 } });
  });
});

describe('findings index of an editor', () => {
  const arbFinding = fc.record({
    ruleId: fc.constantFrom('r1', 'r2'),
    severity: fc.constantFrom('error', 'warning', 'info') as fc.Arbitrary<Finding['severity']>,
    message: fc.constantFrom('m1', 'm2', 'm3'),
    componentIds: fc.array(fc.constantFrom('a', 'b', 'c'), { minLength: 1, maxLength: 3 }),
  }) as fc.Arbitrary<Finding>;
  type Op = 'keep' | 'copy' | 'replace' | 'remove' | 'first';
  /** One version to the next: each finding kept as is, copied (a new object, same words), replaced, removed or moved first; some added. */
  const arbStep = fc.record({ ops: fc.array(fc.constantFrom<Op>('keep', 'copy', 'replace', 'remove', 'first'), { maxLength: 8 }), fresh: fc.array(arbFinding, { maxLength: 3 }) });
  const apply = (prev: Finding[], { ops, fresh }: { ops: Op[]; fresh: Finding[] }): Finding[] => {
    const out: Finding[] = [];
    prev.forEach((f, i) => {
      const op = ops[i] ?? 'keep';
      if (op === 'keep') out.push(f);
      else if (op === 'first') out.unshift(f);
      else if (op === 'copy') out.push({ ...f, componentIds: [...f.componentIds] });
      else if (op === 'replace') out.push(fresh[0] ?? f);
    });
    return [...out, ...fresh.slice(1)];
  };
  const words = (fs: Finding[]) => JSON.stringify(fs.map((f) => [f.severity, f.message, f.componentIds]));

  it('equals findingsByComponent over random versions, and is the same map while every finding says the same', () => {
    fc.assert(
      fc.property(fc.array(arbFinding, { maxLength: 6 }), fc.array(arbStep, { minLength: 1, maxLength: 6 }), (first, steps) => {
        const index = createFindingsIndex();
        let findings = first;
        let shown = index(findings);
        expect(shown).toEqual(findingsByComponent(findings));
        for (const step of steps) {
          const prev = findings;
          findings = apply(prev, step);
          const now = index(findings);
          expect(now).toEqual(findingsByComponent(findings));
          if (words(prev) === words(findings)) expect(now).toBe(shown);
          // A component whose findings are the same objects as before keeps its entry (when no
          // finding moved: a move counts as a change for the components of what it jumped over).
          const moved = step.ops.includes('first') || new Set(prev).size !== prev.length;
          for (const id of moved ? [] : ['a', 'b', 'c']) {
            const of = (fs: Finding[]) => fs.filter((f) => f.componentIds.includes(id));
            const [was, is] = [of(prev), of(findings)];
            if (is.length > 0 && was.length === is.length && was.every((f, i) => f === is[i]) && new Set(findings).size === findings.length) expect(now.get(id)).toBe(shown.get(id));
          }
          shown = now;
        }
      }),
      { numRuns: 300 },
    );
  });
});
