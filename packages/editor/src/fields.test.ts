import { addComponent, emptyTopology, FIELD_GROUPS, fieldOf, KINDS, updateComponent } from '@vmtopo/model';
import { describe, expect, it } from 'vitest';
import { designNameProblem, fieldGroups, fieldTextProblem, formatValue, nameProblem, namespaceProblem, parseValue, tenantProblem } from './fields.ts';

describe('inspector field text', () => {
  it('parses whole numbers and keeps junk for the model to refuse', () => {
    const def = fieldOf('VMAgent', 'replicaCount')!;
    expect(parseValue(def, ' 3 ')).toEqual({ value: 3 });
    expect(parseValue(def, 'three')).toEqual({ value: 'three' });
    expect(parseValue(def, '')).toEqual({ value: undefined });
  });
  it('round-trips labels', () => {
    const def = fieldOf('VMAgent', 'externalLabels')!;
    const parsed = parseValue(def, 'cluster=prod\nregion: eu');
    expect(parsed).toEqual({ value: { cluster: 'prod', region: 'eu' } });
    expect(formatValue(def, { cluster: 'prod' })).toBe('cluster=prod');
    expect('problem' in parseValue(def, 'nonsense')).toBe(true);
  });
});

describe('inspector field groups', () => {
  it('every field of a kind, grouped in the model\'s order of groups', () => {
    const groups = fieldGroups('VMAgent');
    expect(groups.map((g) => g.group)).toEqual(FIELD_GROUPS.filter((g) => groups.some((x) => x.group === g)));
    expect(groups.flatMap((g) => g.fields).length).toBe(KINDS.VMAgent.fields.length);
    expect(groups.every((g) => g.fields.length > 0 && g.fields.every((f) => f.group === g.group))).toBe(true);
  });
  it('a text is checked as it parses, then by the model', () => {
    const def = fieldOf('VMAgent', 'replicaCount')!;
    expect(fieldTextProblem('VMAgent', def, '2')).toBeUndefined();
    expect(fieldTextProblem('VMAgent', def, 'two')).toBe('must be a whole number');
  });
});

describe('inspector name checks', () => {
  function design() {
    let t = emptyTopology();
    const a = addComponent(t, 'VMAgent', { name: 'edge' });
    const b = addComponent(a.topology, 'VMAgent', { name: 'edge-2' });
    t = updateComponent(b.topology, b.id, (c) => ({ ...c, name: 'edge', namespace: 'team' }));
    const c = addComponent(t, 'VMAgent', { name: 'core' });
    t = addComponent(c.topology, 'VMSingle', { name: 'store' }).topology;
    const get = (id: string) => t.components.find((x) => x.id === id)!;
    return { t, a: get(a.id), b: get(b.id), c: get(c.id) };
  }
  it('a name another CR of the kind has in the namespace is taken (the duplicate validateTopology reports)', () => {
    const { t, a, b, c } = design();
    expect(nameProblem(t, a, 'edge')).toBeUndefined();
    expect(nameProblem(t, b, ' edge ')).toBeUndefined();
    expect(nameProblem(t, c, 'store')).toBeUndefined();
    expect(nameProblem(t, c, 'edge')).toBe('another VMAgent in this namespace is already named "edge"');
    expect(nameProblem(t, c, 'Edge')).toMatch(/^Name must be lowercase/);
  });
  it('a namespace where a CR of the kind has the name is taken', () => {
    const { t, a, b, c } = design();
    expect(namespaceProblem(t, b, t.namespace)).toBe(`another VMAgent named "edge" is already in namespace "${t.namespace}"`);
    expect(namespaceProblem(t, a, 'team')).toBe('another VMAgent named "edge" is already in namespace "team"');
    expect(namespaceProblem(t, c, 'team')).toBeUndefined();
    expect(namespaceProblem(t, a, '')).toBeUndefined();
    expect(namespaceProblem(t, a, 'Team')).toMatch(/^Namespace must be lowercase/);
  });
  it('the design\'s name and a link\'s tenant', () => {
    expect(designNameProblem('Name', 'prod')).toBeUndefined();
    expect(designNameProblem('Namespace', '')).toBe('Namespace is required');
    expect(tenantProblem('')).toBeUndefined();
    expect(tenantProblem(' 7:1 ')).toBeUndefined();
    expect(tenantProblem('x')).toBe('must be "<accountID>[:<projectID>]" or "multitenant"');
  });
});
