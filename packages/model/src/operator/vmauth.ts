/** What the operator creates for a VMAuth (`op:factory/vmauth/vmauth.go`): a stateless Deployment and a Service on 8427. */
import { replicasOf } from '../access.ts';
import type { Component, Topology } from '../topology.ts';
import { ArgList, byDefault } from './args.ts';
import { prefixedName } from './names.ts';
import { pdbsOf } from './pdb.ts';
import type { ComponentPlan } from './types.ts';
import { service, workload } from './workload.ts';

export const VMAUTH_PORT = 8427;

export function vmauthPlan(t: Topology, a: Component): ComponentPlan {
  const name = prefixedName(t, a);
  const args = new ArgList().set('httpListenAddr', `:${VMAUTH_PORT}`, byDefault()).set('auth.config', '/opt/vmauth/config.yaml', byDefault('the config the operator assembles from VMUsers')).extra(a.spec.extraArgs);
  const w = workload(t, a, { kind: 'Deployment', name, replicas: replicasOf(a), args });
  return { componentId: a.id, workloads: [w], services: [service(a, name, [{ name: 'http', port: VMAUTH_PORT }], false)], pdbs: pdbsOf(a, [w]), pvcs: [], notes: [] };
}
