/** What the operator creates for a VMSingle (`op:factory/vmsingle/vmsingle.go`): a Deployment with the Recreate strategy, a PVC when `storage` is set, a Service with an 8428 alias port. */
import { rawField, replicasOf } from '../access.ts';
import type { Component, JsonObject, Topology } from '../topology.ts';
import { ArgList, byDefault, fromField } from './args.ts';
import { prefixedName } from './names.ts';
import type { ComponentPlan, WorkloadVolume } from './types.ts';
import { servicePort } from './urls.ts';
import { claimSize, service, workload } from './workload.ts';

export const VMSINGLE_PORT = 8429;
/** The Service's `http-alias` port, for clients written against the binary's default (`vmsingle.go:522-532`). */
export const VMSINGLE_ALIAS_PORT = 8428;
const DATA_PATH = '/victoria-metrics-data';

export function vmsinglePlan(t: Topology, s: Component): ComponentPlan {
  const name = prefixedName(t, s);
  const retention = rawField(s, 'retentionPeriod');
  const dataPath = typeof s.spec.storageDataPath === 'string' ? s.spec.storageDataPath : DATA_PATH;
  const port = servicePort(s) ?? VMSINGLE_PORT;
  const args = new ArgList()
    .set('httpListenAddr', `:${port}`, s.spec.port !== undefined ? fromField('port', port) : byDefault())
    .set('storageDataPath', dataPath, s.spec.storageDataPath ? fromField('storageDataPath', dataPath) : byDefault());
  // Passed only when set; the binary then keeps one month.
  if (retention !== undefined && retention !== '') args.set('retentionPeriod', String(retention), fromField('retentionPeriod', retention));
  // ingestOnlyMode defaults to true for VMSingle (`build/defaults.go`): it scrapes only when told to.
  if (s.spec.ingestOnlyMode === false) args.set('promscrape.config', '/etc/vm/config_out/scrape.yaml', fromField('ingestOnlyMode', false));
  args.extra(s.spec.extraArgs);
  const pvc = typeof s.spec.storage === 'object' && s.spec.storage !== null;
  const volume: WorkloadVolume = pvc ? { holds: 'data', mountPath: dataPath, persistence: 'pvc', claim: name } : { holds: 'data', mountPath: dataPath, persistence: 'emptyDir' };
  const size = pvc ? claimSize(s.spec.storage as JsonObject) : undefined;
  if (size !== undefined) volume.size = size;
  const w = workload(t, s, { kind: 'Deployment', name, replicas: replicasOf(s), args, volumes: [volume] });
  const plan: ComponentPlan = {
    componentId: s.id,
    workloads: [w],
    // The alias exists for clients written against the binary's 8428, unless the port already is 8428.
    services: [service(s, name, port === VMSINGLE_ALIAS_PORT ? [{ name: 'http', port }] : [{ name: 'http', port }, { name: 'http-alias', port: VMSINGLE_ALIAS_PORT }], false)],
    pdbs: [],
    pvcs: pvc ? [size === undefined ? { componentId: s.id, names: [name], holds: 'data' } : { componentId: s.id, names: [name], holds: 'data', size }] : [],
    notes: ['A Deployment with the Recreate strategy: every restart or upgrade stops ingestion and queries until the new pod is ready.'],
  };
  if (retention === undefined) plan.notes.push('retentionPeriod unset: data is kept for one month (binary default).');
  if (!pvc && s.spec.storageDataPath === undefined) plan.notes.push(`Data at ${dataPath} is an emptyDir: it is lost when the pod is rescheduled.`);
  return plan;
}
