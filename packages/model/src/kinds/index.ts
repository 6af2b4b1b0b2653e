import type { ComponentKind } from '../topology.ts';
import type { KindInfo } from './kind.ts';
import { vmagent } from './vmagent.ts';
import { vmalert } from './vmalert.ts';
import { vmalertmanager } from './vmalertmanager.ts';
import { vmauth } from './vmauth.ts';
import { vmcluster, vminsert, vmselect, vmstorage } from './vmcluster.ts';
import { vmsingle } from './vmsingle.ts';

export const KINDS: Record<ComponentKind, KindInfo> = {
  VMAgent: vmagent,
  VMSingle: vmsingle,
  VMCluster: vmcluster,
  vminsert,
  vmselect,
  vmstorage,
  VMAlert: vmalert,
  VMAlertmanager: vmalertmanager,
  VMAuth: vmauth,
};

export function fieldOf(kind: ComponentKind, key: string) {
  return KINDS[kind].fields.find((f) => f.key === key);
}

export type { KindInfo } from './kind.ts';
export { type FieldDef, type FieldGroup, type FieldType, fieldCheck } from './field.ts';
