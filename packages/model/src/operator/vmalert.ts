/** What the operator creates for a VMAlert (`op:factory/vmalert/vmalert.go`): a Deployment, a Service on 8080, and the URLs of its links as flags. */
import { rawField, replicasOf } from '../access.ts';
import { linksFrom } from '../links.ts';
import type { Component, Topology } from '../topology.ts';
import { ArgList, byDefault, byRule, fromField } from './args.ts';
import { prefixedName } from './names.ts';
import { pdbsOf } from './pdb.ts';
import type { ComponentPlan } from './types.ts';
import { urlsOf } from './urls.ts';
import { service, workload } from './workload.ts';

export const VMALERT_PORT = 8080;

export function vmalertPlan(t: Topology, a: Component): ComponentPlan {
  const name = prefixedName(t, a);
  const args = new ArgList().set('httpListenAddr', `:${VMALERT_PORT}`, byDefault());
  for (const [flag, type] of [
    ['datasource.url', 'datasource'],
    ['remoteWrite.url', 'remoteWrite'],
    ['remoteRead.url', 'remoteRead'],
  ] as const) {
    const urls = urlsOf(t, a, type);
    if (urls.length > 0) args.set(flag, urls[0]!, byRule(`from the ${type} link`));
  }
  const notifiers = urlsOf(t, a, 'notifier');
  if (notifiers.length > 0) args.set('notifier.url', notifiers.join(','), byRule('every alertmanager pod the notifiers reach (a selector expands to each pod)'));
  const interval = rawField(a, 'evaluationInterval');
  if (interval !== undefined) args.set('evaluationInterval', String(interval), fromField('evaluationInterval', interval));
  args.extra(a.spec.extraArgs);
  const w = workload(t, a, { kind: 'Deployment', name, replicas: replicasOf(a), args });
  const plan: ComponentPlan = { componentId: a.id, workloads: [w], services: [service(a, name, [{ name: 'http', port: VMALERT_PORT }], false)], pdbs: pdbsOf(a, [w]), pvcs: [], notes: [] };
  if (interval === undefined) plan.notes.push('evaluationInterval unset: vmalert evaluates rule groups every 1m (its default).');
  const blackhole = typeof a.spec.extraArgs === 'object' && a.spec.extraArgs !== null && 'notifier.blackhole' in a.spec.extraArgs;
  if (linksFrom(t, a.id, 'notifier').length === 0 && a.spec.notifierConfigRef === undefined && !blackhole) {
    plan.notes.push('No notifier: the operator drops every alerting rule and keeps only recording rules.');
  }
  return plan;
}
