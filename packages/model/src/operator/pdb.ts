/**
 * PodDisruptionBudgets: the operator creates one per workload when the component sets
 * `podDisruptionBudget` (one per shard for a VMAgent; never for a DaemonSet), named like the
 * workload (`op:factory/build/pdb.go`).
 */
import type { Component, JsonObject } from '../topology.ts';
import { podsAllowedDown } from './disruption.ts';
import type { Pdb, Workload } from './types.ts';

const isObj = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

export function pdbsOf(c: Component, workloads: Workload[]): Pdb[] {
  const spec = c.spec.podDisruptionBudget;
  if (!isObj(spec)) return [];
  const out: Pdb[] = [];
  for (const w of workloads) {
    if (w.kind === 'DaemonSet') continue;
    const pdb: Pdb = { componentId: c.id, name: w.name, workload: w.name, allowedDown: podsAllowedDown(spec, w.replicas) };
    if (typeof spec.maxUnavailable === 'string' || typeof spec.maxUnavailable === 'number') pdb.maxUnavailable = spec.maxUnavailable;
    if (typeof spec.minAvailable === 'string' || typeof spec.minAvailable === 'number') pdb.minAvailable = spec.minAvailable;
    out.push(pdb);
  }
  return out;
}
