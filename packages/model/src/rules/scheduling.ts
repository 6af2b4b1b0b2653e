/** Scheduling rules: spreading replicas over nodes, and PodDisruptionBudgets. */
import { getComponent, nameOf, replicasOf, partsOf } from '../access.ts';
import { updateComponent } from '../edit.ts';
import { HOSTNAME_KEY, SELECTOR_FILLED_BY_OPERATOR, type SpreadOwner, ZONE_KEY, ensureNodeSpreading, spreadsOverNodes, zonesOf } from '../spreading.ts';
import type { Component, ComponentKind, Topology } from '../topology.ts';
import { budgetExceedingRf, isDaemonSet, isObj, num, ofKind, withPdbMaxUnavailableOne, named } from './context.ts';
import { type Finding, type Rule, finding } from './types.ts';

/** Kinds whose replicas can be spread and that carry a podDisruptionBudget (not VMSingle). */
const REPLICATED: ReadonlySet<ComponentKind> = new Set(['vminsert', 'vmselect', 'vmstorage', 'VMAgent', 'VMAlert', 'VMAlertmanager', 'VMAuth']);

const replicatedCache = new WeakMap<Topology, Component[]>();

/** Components with ≥2 replicas to which these rules apply, in component order (two rules read it). */
function replicated(t: Topology): Component[] {
  let out = replicatedCache.get(t);
  if (out) return out;
  out = [];
  for (const c of t.components) {
    if (!REPLICATED.has(c.kind) || (c.kind === 'VMAgent' && isDaemonSet(c))) continue;
    if (replicasOf(c) >= 2) out.push(c);
  }
  replicatedCache.set(t, out);
  return out;
}

const ownerOf = (t: Topology, c: Component): SpreadOwner => ({ kind: c.kind, name: nameOf(t, c) });

// The words every finding of a kind shares, made once: thousands of replicated agents make as many
// findings, and a template naming a constant concatenates it again for each.
const NOTHING_SPREADS = `it has no podAntiAffinity or topologySpreadConstraints on ${HOSTNAME_KEY} (nor a hard zone spread with no more replicas than zones)`;
const ADD_SPREAD_FILLED = `Add a topologySpreadConstraint on ${HOSTNAME_KEY} (the operator fills its labelSelector) or pod anti-affinity.`;
const SPREAD_FIX_LABEL = `Spread replicas over nodes (${HOSTNAME_KEY})`;

/** What keeps the replicas of `c` from being spread, in words, when something is there but does not count. */
function whyNotSpread(c: Component, replicas: number): string {
  if (!Array.isArray(c.spec.topologySpreadConstraints)) return NOTHING_SPREADS;
  const tsc = c.spec.topologySpreadConstraints.filter(isObj);
  if (!SELECTOR_FILLED_BY_OPERATOR.has(c.kind) && tsc.some((x) => !isObj(x.labelSelector))) {
    return `its topologySpreadConstraints have no labelSelector, which the operator does not fill for ${c.kind}, so they select no pods`;
  }
  const zoneHard = tsc.some((x) => x.topologyKey === ZONE_KEY && x.whenUnsatisfiable === 'DoNotSchedule');
  if (zoneHard && replicas > zonesOf(c.spec)) return `its hard zone spread keeps ${replicas} replicas on distinct nodes only up to ${zonesOf(c.spec)} zones`;
  return NOTHING_SPREADS;
}

export const replicasWithoutSpreading: Rule = {
  id: 'replicas-without-spreading',
  severity: 'warning',
  title: 'Replicas not spread over nodes',
  source: 'op:docs/resources/README.md:165-180; op:docs/resources/vmcluster.md:165-260 (HA example)',
  check(t) {
    const out: Finding[] = [];
    for (const c of replicated(t)) {
      const r = replicasOf(c);
      if (spreadsOverNodes(c.spec, { kind: c.kind, replicas: r })) continue;
      out.push(
        finding(
          this,
          [c.id],
          `${named(t, c)} runs ${r} replicas and ${whyNotSpread(c, r)}: all of them can land on one node, and a node failure takes them all down. ` +
            (SELECTOR_FILLED_BY_OPERATOR.has(c.kind)
              ? ADD_SPREAD_FILLED
              : `Add a topologySpreadConstraint on ${HOSTNAME_KEY} (with a labelSelector on the ${c.kind} pod labels, which the operator does not fill for it) or pod anti-affinity.`),
          'spreading',
          SPREAD_FIX_LABEL,
        ),
      );
    }
    return out;
  },
  fix(t, f) {
    const id = f.componentIds[0]!;
    const c = getComponent(t, id);
    if (!c || spreadsOverNodes(c.spec, { kind: c.kind, replicas: replicasOf(c) })) return t;
    const owner = ownerOf(t, c);
    return updateComponent(t, id, (x) => ({ ...x, spec: ensureNodeSpreading(x.spec, owner) }));
  },
};

const setPdb = withPdbMaxUnavailableOne;

export const pdbMissing: Rule = {
  id: 'pdb-missing',
  severity: 'info',
  title: 'No PodDisruptionBudget',
  source: 'CRD field podDisruptionBudget (vmextra_types.go:480-508)',
  check(t) {
    const out: Finding[] = [];
    // The words after the name, one string per replica count: most replicated components (every
    // part of every cluster) share a few counts, and the template made three concatenations each.
    const rest = new Map<number, string>();
    for (const c of replicated(t)) {
      const r = replicasOf(c);
      if (isObj(c.spec.podDisruptionBudget)) continue;
      let words = rest.get(r);
      if (words === undefined) rest.set(r, (words = ` runs ${r} replicas without a podDisruptionBudget: a node drain may evict every replica at once. Set podDisruptionBudget.maxUnavailable to 1.`));
      out.push(
        finding(
          this,
          [c.id],
          named(t, c) + words,
          'pdbMaxUnavailable',
          'Set podDisruptionBudget maxUnavailable: 1',
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
          `${named(t, c)} has a podDisruptionBudget whose ${why}: it blocks every voluntary eviction, so node drains hang. Use maxUnavailable: 1.`,
          why.startsWith('minAvailable') ? 'pdbMinAvailable' : 'pdbMaxUnavailable',
          'Set podDisruptionBudget maxUnavailable: 1',
        ),
      );
    }
    return out;
  },
  fix: (t, f) => setPdb(t, f.componentIds[0]!),
};

export const vmstorageDisruptionExceedsRf: Rule = {
  id: 'vmstorage-disruption-exceeds-rf',
  severity: 'error',
  title: 'vmstorage PodDisruptionBudget lets every copy of some data go down',
  source: 'operator#1457 / PR#1458, #1706, #1227; reconcile/statefulset.go:349-370; vm:Cluster-VictoriaMetrics.md §Replication and data safety',
  check(t) {
    const out: Finding[] = [];
    for (const cluster of ofKind(t, 'VMCluster')) {
      const vs = partsOf(t, cluster.id).vmstorage;
      const b = vs && budgetExceedingRf(cluster, vs);
      if (!vs || !b) continue;
      const viaMax = b.pdb.maxUnavailable !== undefined && b.pdb.maxUnavailable !== null;
      const what = viaMax ? `maxUnavailable ${String(b.pdb.maxUnavailable)}` : `minAvailable ${String(b.pdb.minAvailable)}`;
      out.push(
        finding(
          this,
          [vs.id, cluster.id],
          `${named(t, vs)} has a podDisruptionBudget with ${what}, which lets ${b.down} of its ${b.replicas} pod${b.replicas === 1 ? '' : 's'} be unavailable at once, while ${named(t, cluster)} keeps replicationFactor ${b.rf} copies: ` +
            'concurrent drains (or a rollout that honours the budget) can take every copy of some data down, so reads turn partial and writes lose copies. ' +
            `Set maxUnavailable to 1 (at most RF − 1 = ${b.rf - 1}).`,
          viaMax ? 'pdbMaxUnavailable' : 'pdbMinAvailable',
          'Set the vmstorage podDisruptionBudget to maxUnavailable: 1',
        ),
      );
    }
    return out;
  },
  fix: (t, f) => withPdbMaxUnavailableOne(t, f.componentIds[0]!),
};

/** In catalog order: spreading and the PodDisruptionBudget rules, vmstorage's budget against RF last. */
export const schedulingRules: Rule[] = [replicasWithoutSpreading, pdbMissing, pdbBlocksEviction, vmstorageDisruptionExceedsRf];
