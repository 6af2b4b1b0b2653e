/**
 * How many pods of a workload a PodDisruptionBudget lets a voluntary disruption (a node drain, a
 * rollout honouring the budget) take down at once, as Kubernetes resolves it: a percentage of
 * `maxUnavailable` or `minAvailable` is taken of the replicas and rounded up
 * (`k8s.io/kubernetes/pkg/controller/disruption`, `GetScaledValueFromIntOrPercent(..., roundUp=true)`).
 */
import type { JsonObject } from '../topology.ts';

/** A whole number, or a percentage of `replicas` rounded up; undefined for anything else. */
function scaled(v: unknown, replicas: number): number | undefined {
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return v;
  if (typeof v === 'string') {
    const m = /^(\d+)%$/.exec(v.trim());
    if (m) return Math.ceil((Number(m[1]) * replicas) / 100);
    if (/^\d+$/.test(v.trim())) return Number(v.trim());
  }
  return undefined;
}

/**
 * Pods the budget `pdb` lets go at once out of `replicas`: `maxUnavailable`, else
 * replicas − `minAvailable`; every pod when the budget sets neither (or cannot be read).
 */
export function podsAllowedDown(pdb: JsonObject | undefined, replicas: number): number {
  if (!pdb) return replicas;
  const max = scaled(pdb.maxUnavailable, replicas);
  if (max !== undefined) return Math.min(max, replicas);
  const min = scaled(pdb.minAvailable, replicas);
  if (min !== undefined) return Math.max(0, replicas - min);
  return replicas;
}
