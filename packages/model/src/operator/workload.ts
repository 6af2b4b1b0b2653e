/** Pieces every kind's plan is built from: pods, claims and the main Service. */
import { getPath } from '../paths.ts';
import type { Component, JsonObject, Topology } from '../topology.ts';
import type { ArgList } from './args.ts';
import { selectorLabels } from './names.ts';
import type { Pvc, Service, ServicePort, Workload, WorkloadKind, WorkloadVolume } from './types.ts';

/** Pod names of a workload: `<name>-<i>` (StatefulSets name pods so; Deployment pods stand in by ordinal). */
export function podNames(name: string, replicas: number): string[] {
  return Array.from({ length: replicas }, (_, i) => `${name}-${i}`);
}

export function workload(
  t: Topology,
  c: Component,
  w: { kind: WorkloadKind; name: string; replicas: number; args: ArgList; volumes?: WorkloadVolume[]; shard?: number; labels?: Record<string, string> },
): Workload {
  const out: Workload = {
    componentId: c.id,
    kind: w.kind,
    name: w.name,
    replicas: w.kind === 'DaemonSet' ? 0 : w.replicas,
    pods: w.kind === 'DaemonSet' ? [] : podNames(w.name, w.replicas),
    podNames: w.kind === 'StatefulSet' ? 'ordinal' : w.kind === 'Deployment' ? 'generated' : 'per-node',
    selectorLabels: { ...selectorLabels(t, c), ...w.labels },
    args: w.args.list(),
    volumes: w.volumes ?? [],
  };
  if (w.shard !== undefined) out.shard = w.shard;
  return out;
}

export function service(c: Component, name: string, ports: ServicePort[], headless: boolean, note?: string): Service {
  const s: Service = { componentId: c.id, name, ports, headless };
  if (note) s.note = note;
  return s;
}

/** The `resources.requests.storage` of a PVC spec (or of a StorageSpec's volumeClaimTemplate.spec). */
export function claimSize(pvcSpec: unknown): string | undefined {
  const v = getPath((pvcSpec ?? {}) as JsonObject, ['resources', 'requests', 'storage']);
  return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
}

/**
 * A StatefulSet volume from a StorageSpec (`{volumeClaimTemplate}` or `{emptyDir}`): a claim
 * template named `claim` when a template is given, else an emptyDir.
 */
export function statefulVolume(storage: unknown, holds: WorkloadVolume['holds'], mountPath: string, claim: string): WorkloadVolume {
  const template = (storage as JsonObject | undefined)?.volumeClaimTemplate as JsonObject | undefined;
  if (!template) return { holds, mountPath, persistence: 'emptyDir' };
  const name = getPath(template, ['metadata', 'name']);
  const v: WorkloadVolume = { holds, mountPath, persistence: 'pvc', claim: typeof name === 'string' && name !== '' ? name : claim };
  const size = claimSize(template.spec);
  if (size !== undefined) v.size = size;
  return v;
}

/** The claims Kubernetes creates for a StatefulSet's templates: `<template>-<pod>` for every pod. */
export function statefulClaims(w: Workload): Pvc[] {
  return w.volumes
    .filter((v) => v.persistence === 'pvc' && v.claim)
    .map((v) => {
      const p: Pvc = { componentId: w.componentId, names: w.pods.map((pod) => `${v.claim}-${pod}`), holds: v.holds };
      if (v.size !== undefined) p.size = v.size;
      return p;
    });
}
