import { describe, expect, it } from 'vitest';
import type { Component } from '@vmtopo/model';
import { podCount, podsCaption } from './counts.ts';

const agent = (spec: Component['spec']): Component => ({ id: 'a', kind: 'VMAgent', name: 'a', spec });

describe('pod counts', () => {
  it('reads shards × replicas', () => {
    expect(podsCaption(agent({ shardCount: 5, replicaCount: 2 }))).toBe('5 shards × 2 replicas = 10 pods');
    expect(podCount(agent({ shardCount: 5, replicaCount: 2 }))).toBe(10);
  });
  it('treats unset counts as one', () => {
    expect(podsCaption(agent({}))).toBe('1 replica');
    expect(podCount(agent({ shardCount: 0 }))).toBe(1);
  });
});
