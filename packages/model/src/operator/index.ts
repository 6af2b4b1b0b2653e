/**
 * The operator model: what the VictoriaMetrics operator creates for a design — workloads, pods,
 * derived flags, Services, PDBs and claims — derived in this one place. The renderer's URLs, the
 * HA rules' view of pods and flags, the explain view and `vmtopo explain` all read it.
 */
import { getComponent } from '../access.ts';
import type { Component, JsonObject, Topology } from '../topology.ts';
import { isClusterPart } from '../topology.ts';
import type { ComponentPlan } from './types.ts';
import { vmagentPlan } from './vmagent.ts';
import { vmalertPlan } from './vmalert.ts';
import { vmalertmanagerPlan } from './vmalertmanager.ts';
import { vmauthPlan } from './vmauth.ts';
import { clusterPartPlan, clusterPlan } from './vmcluster.ts';
import { vmsinglePlan } from './vmsingle.ts';
import { ASSUMPTIONS, OPERATOR_VERSION } from './version.ts';

export * from './types.ts';
export { OPERATOR_VERSION, DEFAULT_IMAGES, ASSUMPTIONS } from './version.ts';
export { prefixedName, selectorLabels, usesLegacyNaming } from './names.ts';
export { linkUrls, schemeOf, servicePort, urlsOf } from './urls.ts';
export { clusterRF, operatorDedup, storageNodeCount } from './vmcluster.ts';
export { queueVolume, shardCount, urlQueues, workloadKind, DEFAULT_QUEUE_BYTES, type UrlQueue } from './vmagent.ts';
export { gossipPeers } from './vmalertmanager.ts';
export { VMSINGLE_ALIAS_PORT } from './vmsingle.ts';

const EMPTY = (c: Component): ComponentPlan => ({ componentId: c.id, workloads: [], services: [], pdbs: [], pvcs: [], notes: [] });

/**
 * `serviceSpec` (`AdditionalServiceSpec`, `op:factory/build/service.go`): with `useAsDefault` the
 * main Service keeps its name and takes the given spec; otherwise an extra Service is created,
 * named `serviceSpec.metadata.name` or `<main>-additional-service`. Other components' URLs always
 * name the main Service.
 */
function withServiceSpec(c: Component, plan: ComponentPlan): ComponentPlan {
  const ss = c.spec.serviceSpec as JsonObject | undefined;
  const main = plan.services[0];
  if (typeof ss !== 'object' || ss === null || !main) return plan;
  const spec = (ss.spec ?? {}) as JsonObject;
  if (ss.useAsDefault === true) {
    plan.notes.push(`serviceSpec.useAsDefault: the Service ${main.name} keeps its name and takes serviceSpec.spec${typeof spec.type === 'string' ? ` (type ${spec.type})` : ''}.`);
    return plan;
  }
  const md = (ss.metadata ?? {}) as JsonObject;
  const name = typeof md.name === 'string' && md.name !== '' ? md.name : `${main.name}-additional-service`;
  plan.services.push({ componentId: c.id, name, ports: main.ports, headless: spec.clusterIP === 'None', note: `serviceSpec: an extra Service${typeof spec.type === 'string' ? ` of type ${spec.type}` : ''}; other components keep using ${main.name}` });
  return plan;
}

function derive(t: Topology, c: Component): ComponentPlan {
  return withServiceSpec(c, deriveObjects(t, c));
}

function deriveObjects(t: Topology, c: Component): ComponentPlan {
  if (isClusterPart(c.kind)) {
    const cluster = getComponent(t, c.cluster);
    return cluster ? clusterPartPlan(t, cluster, c) : EMPTY(c);
  }
  switch (c.kind) {
    case 'VMAgent':
      return vmagentPlan(t, c);
    case 'VMSingle':
      return vmsinglePlan(t, c);
    case 'VMCluster':
      return clusterPlan(t, c);
    case 'VMAlert':
      return vmalertPlan(t, c);
    case 'VMAlertmanager':
      return vmalertmanagerPlan(t, c);
    case 'VMAuth':
      return vmauthPlan(t, c);
    default:
      return EMPTY(c);
  }
}

/** Plans by design version and component id, computed as asked: a rule that needs one component's pods derives only that one. */
const plans = new WeakMap<Topology, Map<string, ComponentPlan>>();

/** What the operator creates for one component of the design. */
export function planOf(t: Topology, c: Component): ComponentPlan {
  let byId = plans.get(t);
  if (!byId) plans.set(t, (byId = new Map()));
  let plan = byId.get(c.id);
  if (!plan) byId.set(c.id, (plan = derive(t, c)));
  return plan;
}

export interface OperatorModel {
  operatorVersion: string;
  assumptions: readonly string[];
  /** One plan per component, in design order (a VMCluster's own plan holds its load balancer, if any). */
  plans: ComponentPlan[];
}

/** What the operator creates for the whole design (or for the listed components only). */
export function operatorModel(t: Topology, ids?: readonly string[]): OperatorModel {
  const comps = ids ? ids.map((id) => getComponent(t, id)).filter((c): c is Component => c !== undefined) : t.components;
  return { operatorVersion: OPERATOR_VERSION, assumptions: ASSUMPTIONS, plans: comps.map((c) => planOf(t, c)) };
}
