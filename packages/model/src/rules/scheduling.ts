/** Scheduling rules: spreading replicas over nodes, and PodDisruptionBudgets. */
import { describe, getComponent, replicasOf } from '../access.ts';
import { updateComponent } from '../edit.ts';
import { HOSTNAME_KEY, spreadsOverNodes } from '../spreading.ts';
import type { Component, ComponentKind, Topology } from '../topology.ts';
import { isDaemonSet, isObj, num } from './context.ts';
import { type Finding, type Rule, finding } from './types.ts';

/** Kinds whose replicas can be spread and that carry a podDisruptionBudget (not VMSingle). */
const REPLICATED: ReadonlySet<ComponentKind> = new Set(['vminsert', 'vmselect', 'vmstorage', 'VMAgent', 'VMAlert', 'VMAlertmanager', 'VMAuth']);

const replicatedCache = new WeakMap<Topology, { c: Component; r: number }[]>();

/** Components with ≥2 replicas to which these rules apply, in component order (two rules read it). */
function replicated(t: Topology): { c: Component; r: number }[] {
  let out = replicatedCache.get(t);
  if (out) return out;
  out = [];
  for (const c of t.components) {
    if (!REPLICATED.has(c.kind) || (c.kind === 'VMAgent' && isDaemonSet(c))) continue;
    const r = replicasOf(c);
    if (r >= 2) out.push({ c, r });
  }
  replicatedCache.set(t, out);
  return out;
}

export const replicasWithoutSpreading: Rule = {
  id: 'replicas-without-spreading',
  severity: 'warning',
  title: 'Replicas not spread over nodes',
  source: 'op:docs/resources/README.md:165-180; op:docs/resources/vmcluster.md:165-260 (HA example)',
  check(t) {
    const out: Finding[] = [];
    for (const { c, r } of replicated(t)) {
      if (spreadsOverNodes(c.spec)) continue;
      out.push(
        finding(
          this,
          [c.id],
          `${describe(t, c)} runs ${r} replicas without podAntiAffinity or topologySpreadConstraints on ${HOSTNAME_KEY}: all of them can land on one node, and a node failure takes them all down. ` +
            `Add a topologySpreadConstraint on ${HOSTNAME_KEY} (the operator fills its labelSelector) or pod anti-affinity.`,
          { field: 'spreading', fixLabel: `Spread replicas over nodes (${HOSTNAME_KEY})` },
        ),
      );
    }
    return out;
  },
  fix(t, f) {
    const id = f.componentIds[0]!;
    const c = getComponent(t, id);
    if (!c || spreadsOverNodes(c.spec)) return t;
    return updateComponent(t, id, (x) => {
      const old = Array.isArray(x.spec.topologySpreadConstraints) ? x.spec.topologySpreadConstraints : [];
      return {
        ...x,
        spec: {
          ...x.spec,
          topologySpreadConstraints: [...old, { maxSkew: 1, topologyKey: HOSTNAME_KEY, whenUnsatisfiable: 'ScheduleAnyway' }],
        },
      };
    });
  },
};

const setPdb = (t: Topology, id: string) =>
  updateComponent(t, id, (x) => {
    const old = isObj(x.spec.podDisruptionBudget) ? { ...x.spec.podDisruptionBudget } : {};
    delete old.minAvailable;
    return { ...x, spec: { ...x.spec, podDisruptionBudget: { ...old, maxUnavailable: 1 } } };
  });

export const pdbMissing: Rule = {
  id: 'pdb-missing',
  severity: 'info',
  title: 'No PodDisruptionBudget',
  source: 'CRD field podDisruptionBudget (vmextra_types.go:480-508)',
  check(t) {
    const out: Finding[] = [];
    for (const { c, r } of replicated(t)) {
      if (isObj(c.spec.podDisruptionBudget)) continue;
      out.push(
        finding(
          this,
          [c.id],
          `${describe(t, c)} runs ${r} replicas without a podDisruptionBudget: a node drain may evict every replica at once. Set podDisruptionBudget.maxUnavailable to 1.`,
          { field: 'pdbMaxUnavailable', fixLabel: 'Set podDisruptionBudget maxUnavailable: 1' },
        ),
      );
    }
    return out;
  },
  fix: (t, f) => setPdb(t, f.componentIds[0]!),
};

/** Why a PDB blocks every voluntary eviction, if it does. */
function blocking(pdb: unknown, replicas: number): string | undefined {
  if (!isObj(pdb)) return undefined;
  const min = pdb.minAvailable;
  if (min === '100%') return 'minAvailable is 100%';
  const n = num(min);
  if (n !== undefined && n >= replicas) return `minAvailable ${n} is not below the ${replicas} replica${replicas === 1 ? '' : 's'}`;
  const max = pdb.maxUnavailable;
  if (max === '0%' || num(max) === 0) return `maxUnavailable is ${String(max)}`;
  return undefined;
}

export const pdbBlocksEviction: Rule = {
  id: 'pdb-blocks-eviction',
  severity: 'warning',
  title: 'PodDisruptionBudget blocks all evictions',
  source: 'vmextra_types.go:481-493 (field docs)',
  check(t) {
    const out: Finding[] = [];
    for (const c of t.components) {
      if (!REPLICATED.has(c.kind)) continue;
      const why = blocking(c.spec.podDisruptionBudget, replicasOf(c));
      if (!why) continue;
      out.push(
        finding(
          this,
          [c.id],
          `${describe(t, c)} has a podDisruptionBudget whose ${why}: it blocks every voluntary eviction, so node drains hang. Use maxUnavailable: 1.`,
          { field: why.startsWith('minAvailable') ? 'pdbMinAvailable' : 'pdbMaxUnavailable', fixLabel: 'Set podDisruptionBudget maxUnavailable: 1' },
        ),
      );
    }
    return out;
  },
  fix: (t, f) => setPdb(t, f.componentIds[0]!),
};

export const schedulingRules: Rule[] = [replicasWithoutSpreading, pdbMissing, pdbBlocksEviction];
