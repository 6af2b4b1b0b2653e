/** VMAuth rules: a proxy that routes reads or writes is in their path, so one pod is a single point of failure. */
import { getComponent, rawField, replicasOf } from '../access.ts';
import { LINK_LABELS, linksFrom, linksTo } from '../links.ts';
import type { Component, JsonObject } from '../topology.ts';
import { isObj, num, ofKind, setField, setSpec, named } from './context.ts';
import { type Finding, type Rule, finding } from './types.ts';

/** Pods of a VMAuth: replicaCount, else the hpa minimum, else 1. */
function authReplicas(a: Component): number {
  if (rawField(a, 'replicaCount') === undefined && isObj(a.spec.hpa)) return num(a.spec.hpa.minReplicas) ?? 1;
  return replicasOf(a);
}

/** The cluster's load balancer, when enabled and balancing something: its spec and what it balances. */
function loadBalancer(cluster: Component): { lb: JsonObject; spec: JsonObject; routes: string } | undefined {
  const lb = cluster.spec.requestsLoadBalancer;
  if (!isObj(lb) || lb.enabled !== true) return undefined;
  const writes = lb.disableInsertBalancing !== true;
  const reads = lb.disableSelectBalancing !== true;
  if (!writes && !reads) return undefined;
  return { lb, spec: isObj(lb.spec) ? lb.spec : {}, routes: writes && reads ? 'reads and writes' : writes ? 'writes' : 'reads' };
}

const LB_REPLICAS = 2;

export const vmauthSingleReplica: Rule = {
  id: 'vmauth-single-replica',
  severity: 'warning',
  title: 'VMAuth in the request path with a single replica',
  source: 'op:docs/resources/vmauth.md; vmcluster.go buildVMAuthLBDeployment (defaults to one pod)',
  check(t) {
    const out: Finding[] = [];
    for (const a of ofKind(t, 'VMAuth')) {
      const r = authReplicas(a);
      if (r >= 2) continue;
      // It routes what its links carry: writes and reads of the design pass through it.
      const via = [...linksTo(t, a.id), ...linksFrom(t, a.id)];
      if (via.length === 0) continue;
      const kinds = [...new Set(via.map((l) => LINK_LABELS[l.type]))];
      const users = [...new Set(via.map((l) => getComponent(t, l.source === a.id ? l.target : l.source)).filter((c): c is Component => c !== undefined))];
      out.push(
        finding(
          this,
          [a.id],
          `${named(t, a)} runs ${r} replica${r === 1 ? '' : 's'} and routes ${kinds.join(', ')} traffic${users.length ? ` of ${users.map((c) => named(t, c)).slice(0, 3).join(', ')}${users.length > 3 ? ' and more' : ''}` : ''}: ` +
            'every request through it stops while its one pod restarts. Set replicaCount to 2, with spreading and a PodDisruptionBudget.',
          'replicaCount',
          'Set replicaCount to 2',
        ),
      );
    }
    for (const cluster of ofKind(t, 'VMCluster')) {
      const lb = loadBalancer(cluster);
      if (!lb) continue;
      const r = num(lb.spec.replicaCount) ?? 1;
      if (r >= 2) continue;
      out.push(
        finding(
          this,
          [cluster.id],
          `${named(t, cluster)} enables requestsLoadBalancer with ${r} vmauth pod${r === 1 ? '' : 's'} (vmclusterlb-${cluster.name ?? ''}), which every client's ${lb.routes} now go through: ` +
            `they all stop while its one pod restarts. Set requestsLoadBalancer.spec.replicaCount to ${LB_REPLICAS}, with spreading and a PodDisruptionBudget.`,
          undefined,
          `Set requestsLoadBalancer.spec.replicaCount to ${LB_REPLICAS}`,
        ),
      );
    }
    return out;
  },
  fix(t, f) {
    const c = getComponent(t, f.componentIds[0]);
    if (!c) return t;
    if (c.kind === 'VMAuth') return setField(t, c.id, 'replicaCount', Math.max(2, replicasOf(c)));
    const lb = loadBalancer(c);
    if (!lb) return t;
    return setSpec(t, c.id, { requestsLoadBalancer: { ...lb.lb, spec: { ...lb.spec, replicaCount: LB_REPLICAS } } });
  },
};
