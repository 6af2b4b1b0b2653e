/**
 * What the operator creates for a VMAlertmanager (`op:factory/vmalertmanager/statefulset.go`): a
 * StatefulSet whose replicas gossip over 9094 (off with one replica), a headless Service.
 */
import { namespaceOf, rawField, replicasOf } from '../access.ts';
import type { Component, Topology } from '../topology.ts';
import { ArgList, byDefault, byRule, fromField } from './args.ts';
import { prefixedName } from './names.ts';
import { pdbsOf } from './pdb.ts';
import type { ComponentPlan } from './types.ts';
import { service, statefulClaims, statefulVolume, workload } from './workload.ts';

export const ALERTMANAGER_PORT = 9093;
export const GOSSIP_PORT = 9094;

/** `--cluster.peer` entries: every replica by its pod DNS name (`statefulset.go:182-233`). */
export function gossipPeers(t: Topology, am: Component): string[] {
  const name = prefixedName(t, am);
  const ns = namespaceOf(t, am);
  const peers = Array.from({ length: replicasOf(am) }, (_, i) => `${name}-${i}.${name}.${ns}:${GOSSIP_PORT}`);
  const extra = am.spec.additionalPeers;
  if (Array.isArray(extra)) peers.push(...extra.map(String));
  return peers;
}

export function vmalertmanagerPlan(t: Topology, am: Component): ComponentPlan {
  const name = prefixedName(t, am);
  const replicas = replicasOf(am);
  const retention = rawField(am, 'retention');
  const args = new ArgList('--')
    .set('config.file', '/etc/alertmanager/config/alertmanager.yaml', byRule('the config the operator assembles'))
    .set('web.listen-address', `:${ALERTMANAGER_PORT}`, byDefault())
    .set('storage.path', '/alertmanager', byDefault())
    .set('data.retention', String(retention ?? '120h'), retention !== undefined ? fromField('retention', retention) : byDefault());
  if (replicas <= 1) args.set('cluster.listen-address', '', byRule('one replica: gossip clustering off'));
  else args.set('cluster.listen-address', `[$(POD_IP)]:${GOSSIP_PORT}`, byRule(`replicaCount ${replicas}: replicas gossip`));
  // Listed even for one replica (its own pod); without a listen address it does not gossip.
  args.set('cluster.peer', gossipPeers(t, am), byRule('one per replica'));
  args.extra(am.spec.extraArgs);
  const volumes = [statefulVolume(am.spec.storage, 'data', '/alertmanager', `${name}-db`)];
  const w = workload(t, am, { kind: 'StatefulSet', name, replicas, args, volumes });
  const plan: ComponentPlan = {
    componentId: am.id,
    workloads: [w],
    services: [
      service(am, name, [{ name: 'http', port: ALERTMANAGER_PORT }, { name: 'tcp-mesh', port: GOSSIP_PORT, protocol: 'TCP' }, { name: 'udp-mesh', port: GOSSIP_PORT, protocol: 'UDP' }], true),
    ],
    pdbs: pdbsOf(am, [w]),
    pvcs: statefulClaims(w),
    notes: [],
  };
  if (am.spec.configSecret === undefined && am.spec.configRawYaml === undefined && am.spec.configSelector === undefined && am.spec.selectAllByDefault !== true) {
    plan.notes.push('No configuration: the operator installs a stub config whose route is a blackhole, so notifications go nowhere.');
  }
  return plan;
}
