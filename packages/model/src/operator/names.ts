/**
 * The operator's naming (shared/domain/vm-domain.md §b): workload, Service and pod names, and the
 * selector labels of each component. Every other module asks here, so a design with
 * `useLegacyNaming` names its objects, URLs and pods the same way everywhere.
 */
import { KINDS } from '../kinds/index.ts';
import { getComponent } from '../access.ts';
import type { Component, Topology } from '../topology.ts';
import { isClusterPart } from '../topology.ts';

/** The component whose CR carries the part (a part's VMCluster), or the component itself. */
function crOf(t: Topology, c: Component): Component {
  return isClusterPart(c.kind) ? (getComponent(t, c.cluster) ?? c) : c;
}

/** `spec.useLegacyNaming` of the CR (v0.73+): objects keep the names older operators gave them. */
export function usesLegacyNaming(t: Topology, c: Component): boolean {
  return crOf(t, c).spec.useLegacyNaming === true;
}

/**
 * The workload and main Service name: `<prefix>-<cr-name>` (`vminsert-main`); with
 * useLegacyNaming, `<cr-name>` for a single component and `<cr-name>-<part>` for a cluster part
 * (`op:api/operator/v1beta1/vmextra_types.go:172-188`).
 */
export function prefixedName(t: Topology, c: Component): string {
  const cr = crOf(t, c);
  const name = cr.name ?? '';
  const prefix = KINDS[c.kind].prefix;
  if (!usesLegacyNaming(t, c)) return `${prefix}-${name}`;
  return isClusterPart(c.kind) ? `${name}-${prefix}` : name;
}

/** The label value `app.kubernetes.io/name` the operator gives each kind's pods. */
export function appName(c: Component): string {
  return KINDS[c.kind].prefix;
}

export const MANAGED_BY = { 'managed-by': 'vm-operator' } as const;

/**
 * The labels the operator selects a component's pods by (pod template, Service selector, PDB
 * selector, and the labelSelector it fills into spreading constraints for most kinds).
 */
export function selectorLabels(t: Topology, c: Component): Record<string, string> {
  return {
    'app.kubernetes.io/name': appName(c),
    'app.kubernetes.io/instance': crOf(t, c).name ?? '',
    'app.kubernetes.io/component': 'monitoring',
    ...MANAGED_BY,
  };
}

/** A StatefulSet pod's DNS name behind its headless Service: `<pod>.<service>.<ns>`. */
export function podHost(pod: string, service: string, namespace: string): string {
  return `${pod}.${service}.${namespace}`;
}
