import type { JsonObject } from './topology.ts';

/** How a component's pods are spread, read from topologySpreadConstraints and pod anti-affinity. */
export type Spreading = 'none' | 'hostname' | 'zone' | 'custom';

export const HOSTNAME_KEY = 'kubernetes.io/hostname';
export const ZONE_KEY = 'topology.kubernetes.io/zone';

function topologyKeys(spec: JsonObject): string[] {
  const keys: string[] = [];
  const tsc = spec.topologySpreadConstraints;
  if (Array.isArray(tsc)) for (const c of tsc) keys.push(String((c as JsonObject)?.topologyKey ?? ''));
  const anti = (spec.affinity as JsonObject | undefined)?.podAntiAffinity as JsonObject | undefined;
  if (anti) {
    for (const field of ['requiredDuringSchedulingIgnoredDuringExecution', 'preferredDuringSchedulingIgnoredDuringExecution']) {
      const terms = anti[field];
      if (!Array.isArray(terms)) continue;
      for (const term of terms) {
        const t = term as JsonObject;
        const inner = (t.podAffinityTerm as JsonObject | undefined) ?? t;
        keys.push(String(inner.topologyKey ?? ''));
      }
    }
  }
  return keys;
}

export function spreadingOf(spec: JsonObject): Spreading {
  const keys = topologyKeys(spec);
  if (keys.length === 0) return 'none';
  if (keys.includes(HOSTNAME_KEY)) return 'hostname';
  if (keys.includes(ZONE_KEY)) return 'zone';
  return 'custom';
}

/** Whether a node failure can take every replica down (no hostname-level spreading). */
export function spreadsOverNodes(spec: JsonObject): boolean {
  return topologyKeys(spec).includes(HOSTNAME_KEY);
}

/**
 * Sets the standard constraint: one pod per node (or zone) where possible. The operator fills the
 * labelSelector with the component's own selector labels, so none is written.
 */
export function withSpreading(spec: JsonObject, choice: Exclude<Spreading, 'custom'>): JsonObject {
  const { topologySpreadConstraints: _old, ...rest } = spec;
  if (choice === 'none') return rest;
  const keys = choice === 'zone' ? [ZONE_KEY, HOSTNAME_KEY] : [HOSTNAME_KEY];
  return {
    ...rest,
    topologySpreadConstraints: keys.map((topologyKey) => ({ maxSkew: 1, topologyKey, whenUnsatisfiable: 'ScheduleAnyway' })),
  };
}
