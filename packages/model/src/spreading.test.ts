import { describe, expect, test } from 'vitest';
import {
  DEFAULT_ZONES,
  HOSTNAME_KEY,
  ZONE_KEY,
  ensureNodeSpreading,
  spreadLabelSelector,
  spreadingOf,
  spreadsOverNodes,
  withSpreading,
  zonesOf,
} from './spreading.ts';

const soft = (topologyKey: string) => ({ maxSkew: 1, topologyKey, whenUnsatisfiable: 'ScheduleAnyway' });
const hard = (topologyKey: string) => ({ maxSkew: 1, topologyKey, whenUnsatisfiable: 'DoNotSchedule' });
const anti = (field: 'required' | 'preferred', topologyKey: string, labelSelector: unknown = { matchLabels: { app: 'x' } }) => ({
  affinity: {
    podAntiAffinity:
      field === 'required'
        ? { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector, topologyKey }] }
        : { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, podAffinityTerm: { labelSelector, topologyKey } }] },
  },
});
const VMAUTH_SELECTOR = {
  matchLabels: {
    'app.kubernetes.io/name': 'vmauth',
    'app.kubernetes.io/instance': 'gate',
    'app.kubernetes.io/component': 'monitoring',
    'managed-by': 'vm-operator',
  },
};

describe('spreadsOverNodes', () => {
  test('hard or soft on hostname, by constraint or anti-affinity', () => {
    for (const spec of [{ topologySpreadConstraints: [soft(HOSTNAME_KEY)] }, { topologySpreadConstraints: [hard(HOSTNAME_KEY)] }, anti('required', HOSTNAME_KEY), anti('preferred', HOSTNAME_KEY)]) {
      expect(spreadsOverNodes(spec, { kind: 'vminsert', replicas: 5 })).toBe(true);
    }
    expect(spreadsOverNodes({}, { kind: 'vminsert', replicas: 2 })).toBe(false);
  });
  test('a hard zone spread counts with replicas <= zones (3 unless stated), a soft one never', () => {
    const zoned = { topologySpreadConstraints: [hard(ZONE_KEY)] };
    expect(spreadsOverNodes(zoned, { kind: 'vmstorage', replicas: 3 })).toBe(true);
    expect(spreadsOverNodes(zoned, { kind: 'vmstorage', replicas: 4 })).toBe(false);
    expect(spreadsOverNodes(zoned, { kind: 'vmstorage' })).toBe(false);
    expect(spreadsOverNodes({ topologySpreadConstraints: [soft(ZONE_KEY)] }, { kind: 'vmstorage', replicas: 2 })).toBe(false);
    expect(spreadsOverNodes({ topologySpreadConstraints: [{ ...hard(ZONE_KEY), maxSkew: 2 }] }, { kind: 'vmstorage', replicas: 2 })).toBe(false);
    expect(spreadsOverNodes(anti('required', ZONE_KEY), { kind: 'VMAlert', replicas: 2 })).toBe(true);
    expect(spreadsOverNodes(anti('preferred', ZONE_KEY), { kind: 'VMAlert', replicas: 2 })).toBe(false);
  });
  test('terms that select no pods do not count', () => {
    const bare = { topologySpreadConstraints: [soft(HOSTNAME_KEY)] };
    expect(spreadsOverNodes(bare, { kind: 'VMAlertmanager', replicas: 2 })).toBe(true); // the operator fills the selector
    expect(spreadsOverNodes(bare, { kind: 'VMAuth', replicas: 2 })).toBe(false); // it does not for VMAuth
    expect(spreadsOverNodes({ topologySpreadConstraints: [{ ...soft(HOSTNAME_KEY), labelSelector: VMAUTH_SELECTOR }] }, { kind: 'VMAuth', replicas: 2 })).toBe(true);
    const noSelector = { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: HOSTNAME_KEY }] } } };
    expect(spreadsOverNodes(noSelector, { kind: 'vminsert', replicas: 2 })).toBe(false);
  });
});

describe('zonesOf', () => {
  test('3 unless a required node affinity or a nodeSelector on the zone says otherwise', () => {
    expect(zonesOf({})).toBe(DEFAULT_ZONES);
    expect(zonesOf({ nodeSelector: { [ZONE_KEY]: 'eu-1a' } })).toBe(1);
    const terms = (...values: string[][]) => ({
      affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: values.map((v) => ({ matchExpressions: [{ key: ZONE_KEY, operator: 'In', values: v }] })) } } },
    });
    expect(zonesOf(terms(['a', 'b']))).toBe(2);
    expect(zonesOf(terms(['a'], ['b', 'c', 'd', 'e']))).toBe(5);
  });
});

describe('writing constraints', () => {
  test('the operator fills the labelSelector for most kinds; VMAuth and VMSingle get theirs written out', () => {
    expect(spreadLabelSelector({ kind: 'vmstorage', name: 'main' })).toBeUndefined();
    expect(spreadLabelSelector({ kind: 'VMAgent', name: 'a' })).toBeUndefined();
    expect(spreadLabelSelector({ kind: 'VMAuth', name: 'gate' })).toEqual(VMAUTH_SELECTOR);
    expect(spreadLabelSelector({ kind: 'VMSingle', name: 'main' })).toMatchObject({ matchLabels: { 'app.kubernetes.io/name': 'vmsingle', 'app.kubernetes.io/instance': 'main' } });
  });
  test('withSpreading writes the selector only where needed, and keeps the choice readable', () => {
    expect(withSpreading({}, 'hostname', { kind: 'vmstorage' })).toEqual({ topologySpreadConstraints: [soft(HOSTNAME_KEY)] });
    expect(withSpreading({}, 'hostname', { kind: 'VMAlert', name: 'r' })).toEqual({ topologySpreadConstraints: [soft(HOSTNAME_KEY)] });
    const gate = withSpreading({ replicaCount: 2 }, 'zone', { kind: 'VMAuth', name: 'gate' });
    expect(gate.topologySpreadConstraints).toEqual([
      { ...soft(ZONE_KEY), labelSelector: VMAUTH_SELECTOR },
      { ...soft(HOSTNAME_KEY), labelSelector: VMAUTH_SELECTOR },
    ]);
    expect(spreadingOf(gate)).toBe('hostname');
    expect(spreadsOverNodes(gate, { kind: 'VMAuth', replicas: 2 })).toBe(true);
    expect(withSpreading(gate, 'none', { kind: 'VMAuth', name: 'gate' })).toEqual({ replicaCount: 2 });
  });
  test('withSpreading writes DoNotSchedule when asked, with the same selectors', () => {
    expect(withSpreading({}, 'hostname', { kind: 'vmstorage' }, { whenUnsatisfiable: 'DoNotSchedule' })).toEqual({ topologySpreadConstraints: [hard(HOSTNAME_KEY)] });
    const gate = withSpreading({}, 'zone', { kind: 'VMAuth', name: 'gate' }, { whenUnsatisfiable: 'DoNotSchedule' });
    expect(gate.topologySpreadConstraints).toEqual([
      { ...hard(ZONE_KEY), labelSelector: VMAUTH_SELECTOR },
      { ...hard(HOSTNAME_KEY), labelSelector: VMAUTH_SELECTOR },
    ]);
    expect(withSpreading({}, 'hostname', { kind: 'VMAlert' }, {})).toEqual({ topologySpreadConstraints: [soft(HOSTNAME_KEY)] });
  });
  test('ensureNodeSpreading fills missing selectors and adds hostname only when absent', () => {
    const owner = { kind: 'VMAuth' as const, name: 'gate' };
    expect(ensureNodeSpreading({ topologySpreadConstraints: [soft(HOSTNAME_KEY)] }, owner).topologySpreadConstraints).toEqual([{ ...soft(HOSTNAME_KEY), labelSelector: VMAUTH_SELECTOR }]);
    expect(ensureNodeSpreading({ topologySpreadConstraints: [hard(ZONE_KEY)] }, owner).topologySpreadConstraints).toEqual([
      { ...hard(ZONE_KEY), labelSelector: VMAUTH_SELECTOR },
      { ...soft(HOSTNAME_KEY), labelSelector: VMAUTH_SELECTOR },
    ]);
    expect(ensureNodeSpreading({}, { kind: 'vminsert', name: 'main' }).topologySpreadConstraints).toEqual([soft(HOSTNAME_KEY)]);
  });
});
