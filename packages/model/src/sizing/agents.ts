/**
 * How many copies of each scraped sample a VMAgent's pods send, read from the operator model's
 * pods and flags (`planOf`): replicas of a shard scrape the same targets; shards split them by
 * `-promscrape.cluster.membersCount` / `memberNum`; `-promscrape.cluster.replicationFactor` makes
 * each target scraped by that many members.
 */
import { planOf } from '../operator/index.ts';
import type { Workload } from '../operator/types.ts';
import type { Component, Topology } from '../topology.ts';
import { selectionKey } from '../rules/context.ts';
import { SRC, n } from './formulas.ts';
import type { Figure } from './types.ts';

export interface AgentCopies {
  /** Copies of each sample all pods send together (sum over pods of the share of targets each scrapes). */
  copies: number;
  /** Share of the targets scraped at all (1 unless member numbers are set by hand and some are missing). */
  coverage: number;
  /** The largest share of one copy's samples a single pod sends. Undefined for a DaemonSet. */
  podShare: number | undefined;
  /** How the copies come about, in words. */
  how: string;
  /** Whether the agent scrapes (its copies are duplicates) or only receives pushes (its pods share them). */
  scrapes: boolean;
}

const argOf = (w: Workload, flag: string): number | undefined => {
  const a = w.args.find((x) => x.flag === flag);
  const v = a ? Number(Array.isArray(a.value) ? a.value[0] : a.value) : undefined;
  return v !== undefined && Number.isFinite(v) ? v : undefined;
};

/** The hash buckets (0..M−1) member `m` scrapes with replication `r`: m, m−1, ..., m−r+1 (mod M). */
function buckets(m: number, r: number, members: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < Math.min(r, members); i++) out.push((((m - i) % members) + members) % members);
  return out;
}

export function agentCopies(t: Topology, a: Component): AgentCopies {
  const plan = planOf(t, a);
  const pods = plan.workloads.reduce((s, w) => s + w.replicas, 0);
  if (a.spec.daemonSetMode === true) {
    return { copies: 1, coverage: 1, podShare: undefined, how: 'daemonSetMode: each node’s pod scrapes its own node (one copy)', scrapes: true };
  }
  if (selectionKey(a) === undefined) {
    // Pushed data reaches one pod through the Service: the pods share it, nothing is duplicated.
    return { copies: pods > 0 ? 1 : 0, coverage: 1, podShare: pods > 0 ? 1 / pods : 0, how: `does not scrape: ${pods} pod${pods === 1 ? '' : 's'} share the pushed samples (one copy)`, scrapes: false };
  }
  let copies = 0;
  let podShare = 0;
  let unclustered = false;
  const covered = new Set<number>();
  let members = 0;
  const parts: string[] = [];
  for (const w of plan.workloads) {
    const m = argOf(w, 'promscrape.cluster.membersCount');
    const r = Math.max(1, Math.floor(argOf(w, 'promscrape.cluster.replicationFactor') ?? 1));
    if (m === undefined || m <= 1) {
      // Without cluster membership every pod scrapes every target (the replication factor has no effect).
      copies += w.replicas;
      if (w.replicas > 0) podShare = Math.max(podShare, 1);
      unclustered = unclustered || w.replicas > 0;
      continue;
    }
    members = m;
    const share = Math.min(r, m) / m;
    copies += w.replicas * share;
    if (w.replicas > 0) {
      podShare = Math.max(podShare, share);
      for (const b of buckets(argOf(w, 'promscrape.cluster.memberNum') ?? 0, r, m)) covered.add(b);
    }
    parts.push(`${w.replicas} × ${Math.min(r, m)}/${m}`);
  }
  const coverage = unclustered ? 1 : members > 0 ? covered.size / members : 0;
  const replicas = plan.workloads[0]?.replicas ?? 0;
  const pl = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 's'}`;
  let how: string;
  if (parts.length === 0) how = `${pl(replicas, 'replica')}, each scraping every target`;
  else if (new Set(parts).size === 1) how = `${pl(plan.workloads.length, 'shard')} × ${pl(replicas, 'replica')}, each pod scraping ${parts[0]!.split(' × ')[1]} of the targets`;
  else how = `${pl(plan.workloads.length, 'workload')}: ${parts.join(' + ')} of the targets`;
  if (coverage < 1) how += `; only ${n(coverage * 100)}% of the targets are scraped at all (member numbers set by hand)`;
  return { copies, coverage, podShare, how, scrapes: true };
}

export function copiesFigure(c: AgentCopies): Figure {
  return { value: c.copies, unit: 'copies', formula: `${c.how} = ${n(c.copies)} cop${c.copies === 1 ? 'y' : 'ies'}`, source: SRC.scrapeCluster, basis: 'documented' };
}
