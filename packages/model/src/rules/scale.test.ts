import { describe, expect, test } from 'vitest';
import { agent, cluster, design, externalLink, link, single } from '../fixtures/build.ts';
import { operations } from '../fixtures/operations.ts';
import type { Component, Link, Topology } from '../topology.ts';
import { createLinter, lint } from './index.ts';

/**
 * Lint stays linear on the shapes that grow one component's neighbourhood: the work counted at 2n
 * is about twice that at n (a quadratic pass makes it four times). Operations, not time.
 */
const growth = (make: (n: number) => Topology, f: (t: Topology) => unknown = (t) => lint(t, { optional: true })) => {
  const [small, large] = [200, 400].map((n) => operations(() => f(make(n))));
  return large! / small!;
};

/** n agents remote-writing into one storage entry, half in HA pairs (same selection), half with one replica. */
function fanIn(n: number, into: 'single' | 'cluster'): Topology {
  const sink = into === 'single' ? [single('central', { dedupInterval: '30s' })] : cluster('central', { replicationFactor: 2 }, { vmstorage: { replicaCount: 3 } });
  const entry = into === 'single' ? sink[0]!.id : sink[1]!.id;
  const agents: Component[] = [];
  const links: Link[] = [];
  for (let i = 0; i < n; i++) {
    const a = agent(`a${i}`, { replicaCount: 1 + (i % 2), scrapeInterval: i % 2 ? '15s' : '30s', serviceScrapeSelector: { matchLabels: { app: `app-${i >> 1}` } } });
    agents.push(a);
    links.push(link('remoteWrite', a.id, entry));
  }
  return design([...sink, ...agents], links);
}

/** One agent writing to n VMSingles and to n URLs outside the design. */
function fanOut(n: number): Topology {
  const a = agent('fanout', { replicaCount: 2 });
  const sinks = Array.from({ length: n }, (_, i) => single(`s${i}`));
  const links = [...sinks.map((s) => link('remoteWrite', a.id, s.id)), ...sinks.map((_, i) => externalLink('remoteWrite', a.id, `https://remote-${i}.example.com/api/v1/write`, i))];
  return design([a, ...sinks], links);
}

describe('lint at scale', () => {
  test('fan-in into one VMSingle is linear: the dedup interval a storage needs is asked once per storage, not once per agent writing to it', () => {
    expect(growth((n) => fanIn(n, 'single'))).toBeLessThan(2.3);
  });

  test('fan-in into one VMCluster vminsert is linear', () => {
    expect(growth((n) => fanIn(n, 'cluster'))).toBeLessThan(2.3);
  });

  test('fan-out of one agent to many VMSingles and URLs is linear: whether it writes only to one VMSingle is asked once, and the select-all fix label raises every dedup in one pass', () => {
    expect(growth(fanOut)).toBeLessThan(2.3);
  });

  test('an edit of one agent of a fan-in re-checks in linear work too', () => {
    const edited = (t: Topology) => {
      const linter = createLinter();
      linter.lint(t);
      const i = t.components.length >> 1;
      const next = { ...t, components: t.components.map((c, k) => (k === i ? { ...c, spec: { ...c.spec, replicaCount: 3 } } : c)) };
      return operations(() => linter.lint(next));
    };
    const [small, large] = [200, 400].map((n) => edited(fanIn(n, 'single')));
    expect(large! / small!).toBeLessThan(2.3);
  });
});
