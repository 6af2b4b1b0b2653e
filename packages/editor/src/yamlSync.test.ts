import fc from 'fast-check';
import { addComponent, addLink, updateComponent } from '@vmtopo/model';
import { describe, expect, it } from 'vitest';
import { renderYaml } from './core.ts';
import { TEMPLATES } from './templates.ts';
import { applyYamlText, componentLines, textEdit } from './yamlSync.ts';

const build = (id: string) => TEMPLATES.find((t) => t.id === id)!.build();

describe('applyYamlText', () => {
  it.each(TEMPLATES.filter((t) => t.id !== 'blank').map((t) => [t.id] as const))('%s: its own YAML changes nothing', (id) => {
    const t = build(id);
    expect(applyYamlText(t, renderYaml(t))).toEqual({ ok: true, topology: null });
  });

  it('keeps a Grafana, which the YAML holds as a comment only, with its links to what is left', () => {
    const base = build('vmcluster');
    const select = base.components.find((c) => c.kind === 'vmselect')!;
    const g = addComponent(base, 'Grafana', { position: { x: 900, y: 40 } });
    const t = addLink(g.topology, 'datasource', g.id, select.id).topology;
    const yaml = renderYaml(t);
    expect(yaml).toContain('# Grafana "grafana"');
    expect(applyYamlText(t, yaml)).toEqual({ ok: true, topology: null });
    // An edit elsewhere keeps it; deleting the comment does not remove it.
    const r = applyYamlText(t, yaml.replace(/replicationFactor: 2/, 'replicationFactor: 3').replace(/^# Grafana.*\n(#   .*\n)*/m, ''));
    if (!r.ok || !r.topology) throw new Error('expected a change');
    expect(r.topology.components.find((c) => c.id === g.id)).toBe(t.components.find((c) => c.id === g.id));
    expect(r.topology.links.filter((l) => l.source === g.id).map((l) => l.target)).toEqual([select.id]);
    // Its cluster gone from the text, its link goes; it stays.
    const noCluster = yaml.split('---\n').filter((doc) => !doc.includes('kind: VMCluster')).join('---\n');
    const gone = applyYamlText(t, noCluster);
    if (!gone.ok || !gone.topology) throw new Error('expected a change');
    expect(gone.topology.components.map((c) => c.kind)).toContain('Grafana');
    expect(gone.topology.links.filter((l) => l.source === g.id)).toEqual([]);
  });

  it('an edit changes one component; ids, positions and the other objects are kept', () => {
    const t = build('vmcluster');
    const yaml = renderYaml(t).replace(/replicationFactor: 2/, 'replicationFactor: 3');
    expect(yaml).not.toBe(renderYaml(t));
    const r = applyYamlText(t, yaml);
    if (!r.ok || !r.topology) throw new Error('expected a change');
    const changed = r.topology.components.filter((c, i) => c !== t.components[i]);
    expect(changed.map((c) => c.kind)).toEqual(['VMCluster']);
    expect(changed[0]!.spec.replicationFactor).toBe(3);
    expect(r.topology.components.map((c) => [c.id, c.position])).toEqual(t.components.map((c) => [c.id, c.position]));
    expect(r.topology.links).toBe(t.links);
  });

  it('a renamed component keeps its id and position', () => {
    const t = build('ha-agents');
    const agent = t.components.find((c) => c.kind === 'VMAgent')!;
    const renamed = updateComponent(t, agent.id, (c) => ({ ...c, name: 'edge' }));
    const r = applyYamlText(t, renderYaml(renamed));
    if (!r.ok || !r.topology) throw new Error('expected a change');
    const a = r.topology.components.find((c) => c.kind === 'VMAgent')!;
    expect(r.topology.components.map((c) => c.id)).toEqual(t.components.map((c) => c.id));
    expect(a.position).toEqual(agent.position);
  });

  it('a new component is placed; an unchanged one keeps its object', () => {
    const t = build('ha-agents');
    const yaml = `${renderYaml(t)}---\napiVersion: operator.victoriametrics.com/v1beta1\nkind: VMAuth\nmetadata:\n  name: gate\nspec: {}\n`;
    const r = applyYamlText(t, yaml);
    if (!r.ok || !r.topology) throw new Error('expected a change');
    expect(r.topology.components.length).toBe(t.components.length + 1);
    for (const c of r.topology.components) expect(c.position).toBeDefined();
    expect(r.topology.components.slice(0, t.components.length)).toEqual(t.components);
  });

  it('half-typed YAML is a problem with its line, never a design', () => {
    const t = build('ha-agents');
    const lines = renderYaml(t).split('\n');
    lines.splice(3, 0, '  name: [unclosed');
    const r = applyYamlText(t, lines.join('\n'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]!.line).toBeGreaterThan(0);
  });

  it('only comments: an empty design', () => {
    const t = build('ha-agents');
    const r = applyYamlText(t, '# nothing\n---\n');
    expect(r.ok && r.topology?.components).toEqual([]);
  });
});

describe('textEdit', () => {
  it('replaces only what differs between two texts', () => {
    expect(textEdit('a\nb: 2\nc\n', 'a\nb: 2\nc\n')).toBeNull();
    const e = textEdit('kind: A\nreplicaCount: 2\nx: 1\n', 'kind: A\nreplicaCount: 35\nx: 1\n')!;
    expect(e).toEqual({ start: 22, end: 23, text: '35' });
    const apply = (a: string, b: string) => {
      const d = textEdit(a, b);
      return d ? a.slice(0, d.start) + d.text + a.slice(d.end) : a;
    };
    for (const [a, b] of [
      ['', 'x'],
      ['x', ''],
      ['aaa', 'aa'],
      ['aa', 'aaa'],
      ['abcabc', 'abc'],
      ['---\nkind: A\n', 'kind: B\n---\nkind: A\n'],
    ]) expect(apply(a!, b!)).toBe(b);
  });

  it('finds the smallest replacement in long texts, across block boundaries (property)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', '\n', ' '), minLength: 0, maxLength: 1200, size: 'max' });
    fc.assert(
      fc.property(text, text, text, text, (prefix, suffix, x, y) => {
        const a = prefix + x + suffix;
        const b = prefix + y + suffix;
        const d = textEdit(a, b);
        if (a === b) {
          expect(d).toBeNull();
          return;
        }
        const { start, end, text: middle } = d!;
        expect(a.slice(0, start) + middle + a.slice(end)).toBe(b);
        // The common start is as long as it can be, and so is the common end after it.
        expect(start === Math.min(a.length, b.length) || a[start] !== b[start]).toBe(true);
        const endB = start + middle.length;
        expect(end === start || endB === start || a[end - 1] !== b[endB - 1]).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('objects typed without a namespace', () => {
  it("land in the design's namespace", () => {
    const t = { ...build('ha-agents'), namespace: 'monitoring' };
    const yaml = `${renderYaml(t)}---\napiVersion: operator.victoriametrics.com/v1beta1\nkind: VMAgent\nmetadata:\n  name: extra\nspec:\n  replicaCount: 1\n`;
    const r = applyYamlText(t, yaml);
    if (!r.ok || !r.topology) throw new Error('expected a change');
    const extra = r.topology.components.find((c) => c.name === 'extra')!;
    expect(extra.namespace ?? r.topology.namespace).toBe('monitoring');
  });
});

describe('componentLines', () => {
  it.each(TEMPLATES.filter((t) => t.id !== 'blank').map((t) => [t.id] as const))('%s: finds every component, a part in its cluster', (id) => {
    const t = build(id);
    const text = renderYaml(t);
    const lines = text.split('\n');
    for (const c of t.components) {
      const r = componentLines(t, text, c.id)!;
      const shown = lines.slice(r.first - 1, r.last);
      if (c.kind === 'Grafana') {
        expect(shown[0]).toMatch(new RegExp(`^# Grafana "${c.name}" in namespace "monitoring" \\(external`));
        expect(shown.slice(1)).toEqual(['#   datasource → http://vmselect-persistent.monitoring.svc:8481/select/0/prometheus']);
      } else if (c.cluster !== undefined) {
        expect(shown[0]).toBe(`  ${c.kind}:`);
        expect(shown.slice(1).every((l) => l.startsWith('    '))).toBe(true);
      } else {
        expect(shown).toContain(`kind: ${c.kind}`);
        expect(shown).toContain(`  name: ${c.name}`);
        expect(shown).not.toContain('---');
        expect(lines[r.last] === undefined || lines[r.last] === '---' || lines[r.last] === '').toBe(true);
      }
    }
    expect(componentLines(t, text, 'nothing')).toBeUndefined();
  });
});
