import type { ComponentKind } from '../topology.ts';
import type { FieldDef } from './field.ts';
import type { KindInfo } from './kind.ts';
import { grafana } from './grafana.ts';
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
  Grafana: grafana,
};

/** Each kind's fields by key: the checker and the renderer read fields by key thousands of times per design. */
const FIELDS_BY_KEY = new Map(Object.entries(KINDS).map(([kind, info]) => [kind, new Map(info.fields.map((f) => [f.key, f]))]));

export function fieldOf(kind: ComponentKind, key: string): FieldDef | undefined {
  return FIELDS_BY_KEY.get(kind)?.get(key);
}

/** The kind a component's name is unique within: its CR kind (a part's is its cluster's), else its own kind (an external system). */
export function nameScope(kind: ComponentKind): string {
  return KINDS[kind].crdKind ?? kind;
}

export type { KindInfo } from './kind.ts';
export { FIELD_GROUPS, type FieldDef, type FieldGroup, type FieldType, fieldCheck } from './field.ts';
