/** The catalog's lower-priority informational checks; `lint` runs them with `{ optional: true }`. */
import { getComponent, rawField, replicasOf, partsOf } from '../access.ts';
import { ZONE_KEY } from '../spreading.ts';
import type { Component, JsonObject } from '../topology.ts';
import { isObj, num, ofKind, setSpec, named } from './context.ts';
import { type Finding, type Rule, finding } from './types.ts';

/** Whether a part is spread (or pinned) over zones: topologySpreadConstraints or (anti-)affinity on the zone key. */
function usesZones(spec: JsonObject): boolean {
  const json = JSON.stringify([spec.topologySpreadConstraints ?? null, spec.affinity ?? null]);
  return json.includes(`"${ZONE_KEY}"`);
}

export const vmclusterSpansZones: Rule = {
  id: 'vmcluster-spans-zones',
  severity: 'info',
  title: 'One VMCluster spread across zones',
  source: 'vm:Cluster-VictoriaMetrics.md:289-297',
  optional: true,
  check(t) {
    const out: Finding[] = [];
    for (const cluster of ofKind(t, 'VMCluster')) {
      const p = partsOf(t, cluster.id);
      const zoned = [p.vminsert, p.vmselect, p.vmstorage].filter((c): c is Component => c !== undefined && usesZones(c.spec));
      if (zoned.length === 0) continue;
      out.push(
        finding(
          this,
          [cluster.id, ...zoned.map((c) => c.id)],
          `${named(t, cluster)} spreads ${zoned.map((c) => c.kind).join(', ')} across availability zones (${ZONE_KEY}): a single VMCluster spanning zones is discouraged. ` +
            'Prefer an independent VMCluster per zone, with vmagent replicating to all of them.',
        ),
      );
    }
    return out;
  },
};

export const vmstorageFewNodes: Rule = {
  id: 'vmstorage-few-nodes',
  severity: 'info',
  title: 'Few, large vmstorage nodes',
  source: 'vm:Cluster-VictoriaMetrics.md:314,876; vm:docs/guides/understand-your-setup-size/README.md:162',
  optional: true,
  check(t) {
    const out: Finding[] = [];
    for (const cluster of ofKind(t, 'VMCluster')) {
      const vs = partsOf(t, cluster.id).vmstorage;
      const n = vs ? num(rawField(vs, 'replicaCount')) : undefined;
      if (!vs || n === undefined || n >= 10) continue;
      out.push(
        finding(
          this,
          [vs.id],
          `${named(t, vs)} has ${n} node${n === 1 ? '' : 's'}: many small vmstorage nodes are preferred over a few large ones (10–50 is the guideline), so that losing one node affects a small share of the data.`,
          'replicaCount',
        ),
      );
    }
    return out;
  },
};

export const clusterLb: Rule = {
  id: 'cluster-lb',
  severity: 'info',
  title: 'VMCluster without the requests load balancer',
  source: 'op:docs/resources/vmcluster.md:117-163',
  optional: true,
  check(t) {
    const out: Finding[] = [];
    for (const cluster of ofKind(t, 'VMCluster')) {
      const lb = cluster.spec.requestsLoadBalancer;
      if (isObj(lb) && lb.enabled === true) continue;
      const p = partsOf(t, cluster.id);
      const many = [p.vminsert, p.vmselect].filter((c): c is Component => c !== undefined && replicasOf(c) >= 2);
      if (many.length === 0) continue;
      out.push(
        finding(
          this,
          [cluster.id],
          `${named(t, cluster)} serves ${many.map((c) => `${replicasOf(c)} ${c.kind}`).join(' and ')} pods through the Kubernetes Service: long-lived client connections spread load unevenly. Consider requestsLoadBalancer.enabled.`,
          undefined,
          'Enable requestsLoadBalancer with 2 vmauth pods',
        ),
      );
    }
    return out;
  },
  fix(t, f) {
    const c = getComponent(t, f.componentIds[0]);
    if (!c) return t;
    // Two pods, so that the balancer does not become the single point of failure (vmauth-single-replica).
    const lb = isObj(c.spec.requestsLoadBalancer) ? c.spec.requestsLoadBalancer : {};
    const spec = isObj(lb.spec) ? lb.spec : {};
    const replicas = num(spec.replicaCount);
    return setSpec(t, c.id, { requestsLoadBalancer: { ...lb, enabled: true, spec: { ...spec, replicaCount: Math.max(2, replicas ?? 0) } } });
  },
};

export const optionalRules: Rule[] = [vmclusterSpansZones, vmstorageFewNodes, clusterLb];
