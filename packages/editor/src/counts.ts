import { isExternalKind, replicasOf, type Component } from '@vmtopo/model';

/** `1 replica`, `2 replicas`: a count with its noun. */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

export function shardsOf(c: Component): number {
  return typeof c.spec.shardCount === 'number' ? c.spec.shardCount : 0;
}

/** "2 shards × 2 replicas", "3 replicas", "3 nodes": what a node's pods are, in words. */
export function podsCaption(c: Component): string {
  const replicas = replicasOf(c);
  if (c.kind === 'VMAgent') {
    const shards = shardsOf(c);
    const pods = Math.max(shards, 1) * replicas;
    if (shards > 1) return `${plural(shards, 'shard')} × ${plural(replicas, 'replica')} = ${plural(pods, 'pod')}`;
    return plural(replicas, 'replica');
  }
  if (c.kind === 'vmstorage') return plural(replicas, 'storage node');
  return plural(replicas, 'replica');
}

/** Pods a component runs (a VMCluster's come from its parts; an external system's are not the design's). */
export function podCount(c: Component): number {
  if (c.kind === 'VMCluster' || isExternalKind(c.kind)) return 0;
  const replicas = replicasOf(c);
  return c.kind === 'VMAgent' ? Math.max(shardsOf(c), 1) * replicas : replicas;
}
