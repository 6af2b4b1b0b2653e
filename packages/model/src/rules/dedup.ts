/** Deduplication rules: HA agents (and HA vmalerts) need dedup on the storage they write to. */
import { getComponent, rawField, replicasOf, partsOf } from '../access.ts';
import { linksFrom, linksTo, storageOf } from '../links.ts';
import type { Component, Topology } from '../topology.ts';
import type { HaGroup, ReadGroup } from './context.ts';
import {
  DEFAULT_EVAL_MS,
  SHORT_LIST,
  agentsInto,
  dedupHolders,
  dedupTarget,
  dur,
  effectiveDedupMs,
  ensureDedup,
  explicitDedup,
  externalLabelsOf,
  extraArg,
  haIndex,
  idsOf,
  isDaemonSet,
  clusterReplication,
  isObj,
  listOf,
  ms,
  ofKind,
  replicationFactor,
  requiredDedupMs,
  scrapeMs,
  scrapes,
  scrapingAgentsInto,
  writesCopies,
  setDedup,
  setField,
  setSpec,
  storages,
  uniqueById,
  writeEntry,
  named,
  pairedWith,
} from './context.ts';
import { selectedRules } from './selectors.ts';
import { type Finding, type Rule, finding } from './types.ts';

/** An agent that writes HA copies through its own replicas (a DaemonSet's pods scrape different nodes). */
const runsReplicas = (a: Component) => !isDaemonSet(a) && replicasOf(a) > 1;

/** Only scraping agents write HA copies (catalog: ingestOnlyMode replicas share pushed traffic). */
const writesHaCopies = (a: Component) => scrapes(a) && writesCopies(a);

const setOn = (s: Component) => (s.kind === 'VMCluster' ? ' on vmselect and vmstorage' : '');

/** Why HA copies reach a storage, in words: the first three reasons (the message shows two, and whether there are more). */
function copyReasons(t: Topology, haAgents: readonly Component[], groups: readonly HaGroup[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < haAgents.length && out.length < 3; i++) {
    const a = haAgents[i]!;
    out.push(runsReplicas(a) ? `${named(t, a)} runs ${replicasOf(a)} replicas` : `${named(t, a)} sets promscrape.cluster.replicationFactor=${clusterReplication(a)}`);
  }
  for (let i = 0; i < groups.length && out.length < 3; i++) out.push(`${listOf(t, groups[i]!.agents)} scrape the same targets`);
  return out;
}

/**
 * `first`, then the agents whose copies reach the storage: those writing copies themselves, then
 * the other members of its HA groups (each once: the groups' agents are its own, and one group
 * per selection).
 */
function findingIds(first: readonly Component[], haAgents: readonly Component[], groups: readonly HaGroup[]): string[] {
  const ids = idsOf(first, haAgents);
  for (const g of groups) for (const a of g.agents) if (!writesHaCopies(a)) ids.push(a.id);
  return ids;
}

export const haAgentsWithoutDedup: Rule = {
  id: 'ha-agents-without-dedup',
  severity: 'error',
  title: 'HA vmagents write to storage without deduplication',
  source: 'op:docs/resources/vmagent.md:140-181; vm:README.md §Deduplication (L1390-1398); vm:Cluster-VictoriaMetrics.md:1042-1044; vm:vmagent.md:955-957',
  check(t) {
    const out: Finding[] = [];
    const byStorage = haIndex(t).byStorage;
    for (const s of storages(t)) {
      const agents = agentsInto(t, s);
      if (agents.length === 0) continue;
      const groups = byStorage.get(s.id) ?? [];
      if (groups.length === 0 && !agents.some(writesHaCopies)) continue;
      const need = requiredDedupMs(t, s)!;
      const have = effectiveDedupMs(t, s);
      if (have !== undefined && have >= need) continue;
      // The words only for a finding: most storages of a good design pass the check above.
      const haAgents = agents.filter(writesHaCopies);
      const why = copyReasons(t, haAgents, groups);
      const explicit = explicitDedup(t, s);
      let state: string;
      if (explicit) state = `whose dedup.minScrapeInterval ${explicit.value} is shorter than the ${dur(need)} scrape interval`;
      else if (have !== undefined) state = `whose only dedup is the automatic 1ms from replicationFactor ${replicationFactor(s) ?? ''}, which does not remove HA copies`;
      else state = 'which has no dedup';
      const holders = dedupHolders(t, s);
      const shown = why.length > 2 ? `${why.slice(0, 2).join(', ')} and more` : why.join(' and ');
      out.push(
        finding(
          this,
          findingIds(holders.length ? holders : [s], haAgents, groups),
          `${shown} into ${named(t, s)}, ${state}: duplicate samples are stored and double-counted. ` +
            `Set dedup.minScrapeInterval to ${dur(need)}, the agents' scrape interval${s.kind === 'VMCluster' ? ', on both vmselect and vmstorage' : ''}.`,
          holders.length ? 'dedupInterval' : undefined,
          holders.length ? `Set dedup.minScrapeInterval to ${dur(need)}${setOn(s)}` : undefined,
        ),
      );
    }
    return out;
  },
  fix(t, f) {
    const s = clusterOf(t, f.componentIds[0]);
    return s ? ensureDedup(t, s.id) : t;
  },
};

/** The storage a dedup holder belongs to (VMSingle itself, or the cluster of vmselect / vmstorage). */
function clusterOf(t: Topology, id: string | undefined): Component | undefined {
  const c = getComponent(t, id);
  if (!c) return undefined;
  if (c.kind === 'VMSingle' || c.kind === 'VMCluster') return c;
  return c.cluster !== undefined ? getComponent(t, c.cluster) : undefined;
}

/** Whether every scraping agent of `agents` (none is no finding too) scrapes every `interval` ms. */
function everyScrapeEvery(agents: readonly Component[], interval: number): boolean {
  for (const a of agents) if (scrapes(a) && scrapeMs(a) !== interval) return false;
  return true;
}

/** The distinct scrape intervals of `agents`, ascending. */
function scrapeIntervals(agents: readonly Component[]): number[] {
  const seen = new Set<number>();
  for (const a of agents) seen.add(scrapeMs(a));
  return [...seen].sort((a, b) => a - b);
}

export const dedupNotEqualScrapeInterval: Rule = {
  id: 'dedup-not-equal-scrape-interval',
  severity: 'warning',
  title: 'Dedup interval differs from the scrape interval',
  source: 'vm:README.md:1390-1392',
  check(t) {
    const out: Finding[] = [];
    for (const s of storages(t)) {
      const explicit = explicitDedup(t, s);
      if (!explicit || explicit.ms === undefined) continue;
      // The scrape interval is what dedup should equal: agents that do not scrape (ingestOnlyMode,
      // or selecting nothing) have none that matters.
      if (everyScrapeEvery(agentsInto(t, s), explicit.ms)) continue;
      const agents = scrapingAgentsInto(t, s);
      const intervals = scrapeIntervals(agents);
      const ids = idsOf(dedupHolders(t, s), agents);
      if (intervals.length > 1) {
        out.push(
          finding(
            this,
            ids,
            `The vmagents writing to ${named(t, s)} use different scrape intervals (${intervals.map(dur).join(', ')}) while its dedup.minScrapeInterval is ${explicit.value}: ` +
              'the dedup interval should equal the scrape interval. Use one scrape interval for these agents and set dedup to it.',
            'dedupInterval',
          ),
        );
      } else {
        const want = dur(intervals[0]!);
        out.push(
          finding(
            this,
            ids,
            `${named(t, s)} has dedup.minScrapeInterval ${explicit.value} but ${listOf(t, agents)} ${agents.length === 1 ? 'scrapes' : 'scrape'} every ${want}: ` +
              `the dedup interval should equal the scrape interval. Set dedup.minScrapeInterval to ${want}${s.kind === 'VMCluster' ? ' on both vmselect and vmstorage' : ''}.`,
            'dedupInterval',
            `Set dedup.minScrapeInterval to ${want}${setOn(s)}`,
          ),
        );
      }
    }
    return out;
  },
  fix(t, f) {
    const s = clusterOf(t, f.componentIds[0]);
    if (!s) return t;
    const intervals = new Set(scrapingAgentsInto(t, s).map(scrapeMs));
    return intervals.size === 1 ? setDedup(t, s, dur([...intervals][0]!)) : t;
  },
};

export const dedupSelectStorageMismatch: Rule = {
  id: 'dedup-select-storage-mismatch',
  severity: 'warning',
  title: 'vmselect and vmstorage use different dedup intervals',
  source: 'vm:Cluster-VictoriaMetrics.md §Deduplication; vmcluster.go:592-608,1089-1099',
  check(t) {
    const out: Finding[] = [];
    for (const cluster of ofKind(t, 'VMCluster')) {
      const { vmselect, vmstorage } = partsOf(t, cluster.id);
      if (!vmselect || !vmstorage) continue;
      const sel = rawField(vmselect, 'dedupInterval');
      const sto = rawField(vmstorage, 'dedupInterval');
      if (sel === undefined && sto === undefined) continue;
      if (sel !== undefined && sto !== undefined) {
        const a = ms(sel);
        const b = ms(sto);
        if (a !== undefined && b !== undefined ? a === b : sel === sto) continue;
      }
      const value = String(sel ?? sto);
      const auto = (replicationFactor(cluster) ?? 0) > 1 ? ' (the operator gives the side without it the automatic 1ms, since replicationFactor > 1)' : '';
      const what =
        sel !== undefined && sto !== undefined
          ? `vmselect has dedup.minScrapeInterval ${String(sel)} but vmstorage has ${String(sto)}`
          : sel !== undefined
            ? `dedup.minScrapeInterval ${String(sel)} is set on vmselect only${auto}`
            : `dedup.minScrapeInterval ${String(sto)} is set on vmstorage only${auto}`;
      out.push(
        finding(
          this,
          [vmselect.id, vmstorage.id],
          `In ${named(t, cluster)}, ${what}: vmselect and vmstorage should use the same dedup interval. Set ${value} on both.`,
          'dedupInterval',
          `Set dedup.minScrapeInterval to ${value} on vmselect and vmstorage`,
        ),
      );
    }
    return out;
  },
  fix(t, f) {
    const s = clusterOf(t, f.componentIds[0]);
    if (!s) return t;
    const { vmselect, vmstorage } = partsOf(t, s.id);
    const v = (vmselect && rawField(vmselect, 'dedupInterval')) ?? (vmstorage && rawField(vmstorage, 'dedupInterval'));
    return v === undefined ? t : setDedup(t, s, String(v));
  },
};

function showLabels(l: Record<string, string>): string {
  let out = '';
  for (const k in l) out += `${out === '' ? '' : ', '}${k}="${l[k]}"`;
  return out === '' ? 'none' : out;
}

function sameLabels(a: Record<string, string>, b: Record<string, string>): boolean {
  let n = 0;
  for (const k in a) {
    if (!Object.hasOwn(b, k) || a[k] !== b[k]) return false;
    n++;
  }
  for (const _ in b) n--;
  return n === 0;
}

/** The first agent of `agents` whose external labels differ from the first one's, with both label sets. */
function labelMismatch(t: Topology, agents: readonly Component[]): { first: Record<string, string>; at: number; other: Record<string, string> } | undefined {
  const first = externalLabelsOf(t, agents[0]!);
  for (let i = 1; i < agents.length; i++) {
    const other = externalLabelsOf(t, agents[i]!);
    if (!sameLabels(other, first)) return { first, at: i, other };
  }
  return undefined;
}

/**
 * The agents linked to `ids` through HA pairs (transitively): giving all of them the same labels
 * fixes this pair without breaking another pair that shares one of its agents.
 */
function pairedClosure(t: Topology, ids: string[]): Component[] {
  // Agents of one set share one array: each set is walked once, so thousands of agents paired
  // into one storage cost a pass over them, not one per agent.
  const sets = new Set<Component[]>();
  const loose: (Component | undefined)[] = [];
  for (const id of ids) {
    const set = pairedWith(t, id);
    if (set) sets.add(set);
    else loose.push(getComponent(t, id));
  }
  return uniqueById([...[...sets].flat(), ...loose]);
}

// The fixed words of the two HA-pair messages, one string each: thousands of pairs make as many
// findings, and a template adds its literal pieces again to each.
const LABELS_ADVICE =
  '), so dedup cannot merge their copies. ' +
  'Use one VMAgent CR with replicaCount 2, or give every CR identical externalLabels (overriding prometheus) or externalLabelName: "" on all.';
const CLUSTER_NAME_ADVICE =
  ' form an HA pair but do not set distinct extraArgs["promscrape.cluster.name"] (the operator never sets it): ' +
  'give each CR a unique -promscrape.cluster.name so that dedup consistently keeps one member\'s samples.';

export const haAgentCrsLabelMismatch: Rule = {
  id: 'ha-agent-crs-label-mismatch',
  severity: 'error',
  title: 'HA vmagent CRs add different external labels',
  source: 'common_scrapeparams.go:667-693; vm:README.md:1383-1398',
  check(t) {
    const out: Finding[] = [];
    const idx = haIndex(t);
    // Copies meet in one storage (or behind one VMAuth), or in a vmselect that reads several clusters.
    const meetings: readonly (readonly (HaGroup | ReadGroup)[])[] = [idx.groups, idx.readGroups];
    for (const list of meetings) {
      for (const g of list) {
        const mismatch = labelMismatch(t, g.agents);
        if (!mismatch) continue;
        // The group's agents are one set of the paired closure (see pairedClosure): its size is the count.
        const more = (pairedWith(t, g.agents[0]!.id)?.length ?? g.agents.length) - g.agents.length;
        const names = listOf(t, g.agents);
        const where =
          'reader' in g
            ? `into ${listOf(t, g.storages)}, which ${named(t, g.reader)} reads together (extra storage nodes),`
            : `into ${listOf(t, g.storages)}`;
        out.push(
          finding(
            this,
            idsOf(g.agents),
            `${names} scrape the same targets ${where} but add different external labels ` +
              `(${showLabels(mismatch.first)} on ${named(t, g.agents[0]!)}, ${showLabels(mismatch.other)} on ${named(t, g.agents[mismatch.at]!)}` +
              LABELS_ADVICE,
            'externalLabelName',
            `Set externalLabelName: "" and the same externalLabels on ${names}${more > 0 ? ` (and the ${more} other CR${more === 1 ? '' : 's'} paired with them)` : ''}`,
          ),
        );
      }
    }
    return out;
  },
  fix(t, f) {
    const first = getComponent(t, f.componentIds[0]);
    if (!first) return t;
    const labels = isObj(first.spec.externalLabels) ? first.spec.externalLabels : undefined;
    let next = t;
    for (const a of pairedClosure(t, f.componentIds)) {
      next = setSpec(next, a.id, { externalLabelName: '', vmAgentExternalLabelName: undefined, externalLabels: labels && { ...labels } });
    }
    return next;
  },
};

/** Whether every agent sets a non-empty promscrape.cluster.name, none the same as another's. */
function distinctClusterNames(agents: readonly Component[]): boolean {
  if (agents.length > SHORT_LIST) {
    const names = agents.map((a) => extraArg(a, 'promscrape.cluster.name'));
    return names.every((n) => typeof n === 'string' && n !== '') && new Set(names).size === names.length;
  }
  // A pair or a few: compared pairwise, nothing allocated.
  for (let i = 0; i < agents.length; i++) {
    const n = extraArg(agents[i]!, 'promscrape.cluster.name');
    if (typeof n !== 'string' || n === '') return false;
    for (let j = 0; j < i; j++) if (extraArg(agents[j]!, 'promscrape.cluster.name') === n) return false;
  }
  return true;
}

export const haAgentCrsClusterName: Rule = {
  id: 'ha-agent-crs-cluster-name',
  severity: 'info',
  title: 'HA vmagent CRs without distinct promscrape.cluster.name',
  source: 'vm:vmagent.md §High availability (L970-983); vm:README.md:1402-1405',
  check(t) {
    const out: Finding[] = [];
    for (const g of haIndex(t).groups) {
      if (distinctClusterNames(g.agents)) continue;
      const agents = listOf(t, g.agents);
      out.push(
        finding(
          this,
          idsOf(g.agents),
          agents + CLUSTER_NAME_ADVICE,
          'clusterName',
          `Set a distinct promscrape.cluster.name on ${agents}`,
        ),
      );
    }
    return out;
  },
  fix(t, f) {
    const agents = f.componentIds.map((id) => getComponent(t, id)).filter((c): c is Component => c !== undefined);
    const used = new Set<string>();
    const keep = new Set<string>();
    for (const a of agents) {
      const n = extraArg(a, 'promscrape.cluster.name');
      if (typeof n === 'string' && n !== '' && !used.has(n)) {
        used.add(n);
        keep.add(a.id);
      }
    }
    let next = t;
    for (const a of agents) {
      if (keep.has(a.id)) continue;
      const base = a.name || a.id;
      let name = base;
      for (let i = 2; used.has(name); i++) name = `${base}-${i}`;
      used.add(name);
      next = setField(next, a.id, 'clusterName', name);
    }
    return next;
  },
};

// ---------- vmalert-dedup-vs-eval-interval ----------

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
const lcm = (values: number[]) => values.map((v) => Math.max(1, Math.round(v))).reduce((a, b) => (a / gcd(a, b)) * b, 1);

const evalMs = (a: Component) => ms(rawField(a, 'evaluationInterval')) ?? DEFAULT_EVAL_MS;

function alertIntervals(t: Topology, a: Component): number[] {
  return [evalMs(a), ...selectedRules(t, a).intervals];
}

function dedupFitsAlert(t: Topology, a: Component, d: number | undefined): boolean {
  if (d === undefined || d < evalMs(a)) return false;
  return alertIntervals(t, a).every((i) => Math.round(d) % Math.max(1, Math.round(i)) === 0);
}

/** How the fix resolves a finding: align the VMAlert to an explicit dedup, or raise dedup. */
function evalPlan(t: Topology, a: Component, s: Component): { kind: 'eval'; value: string } | { kind: 'dedup'; value: string } | undefined {
  const explicit = explicitDedup(t, s);
  const groups = selectedRules(t, a).intervals;
  if (explicit?.ms !== undefined && explicit.ms >= 1000 && Number.isInteger(explicit.ms) && groups.every((i) => explicit.ms! % Math.max(1, Math.round(i)) === 0)) {
    return { kind: 'eval', value: dur(explicit.ms) };
  }
  if (dedupHolders(t, s).length === 0) return undefined;
  const entry = writeEntry(t, s);
  const values: number[] = [...alertIntervals(t, a)];
  for (const l of entry ? linksTo(t, entry.id, 'remoteWrite') : []) {
    const other = getComponent(t, l.source);
    if (other?.kind === 'VMAlert' && other.id !== a.id && replicasOf(other) > 1) values.push(...alertIntervals(t, other));
  }
  const need = requiredDedupMs(t, s);
  if (need !== undefined) values.push(need);
  return { kind: 'dedup', value: dur(lcm(values)) };
}

export const vmalertDedupVsEvalInterval: Rule = {
  id: 'vmalert-dedup-vs-eval-interval',
  severity: 'warning',
  title: 'HA vmalerts write to storage whose dedup does not match the evaluation interval',
  source: 'vm:vmalert.md:681-693',
  check(t) {
    const out: Finding[] = [];
    for (const a of ofKind(t, 'VMAlert')) {
      const r = replicasOf(a);
      if (r < 2) continue;
      for (const l of linksFrom(t, a.id, 'remoteWrite')) {
        const s = storageOf(t, getComponent(t, l.target));
        if (!s) continue;
        const d = effectiveDedupMs(t, s);
        if (dedupFitsAlert(t, a, d)) continue;
        const ev = dur(evalMs(a));
        const state =
          d === undefined
            ? 'which has no dedup'
            : d < evalMs(a)
              ? `whose dedup ${dur(d)} is shorter than the evaluation interval ${ev}`
              : `whose dedup ${dur(d)} is not a multiple of the rule group intervals (${alertIntervals(t, a).map(dur).join(', ')})`;
        const plan = evalPlan(t, a, s);
        const fixLabel =
          plan?.kind === 'eval'
            ? `Set evaluationInterval to ${plan.value}`
            : plan
              ? `Set dedup.minScrapeInterval to ${plan.value} ${dedupTarget(t, s)}`
              : undefined;
        out.push(
          finding(
            this,
            [a.id, ...dedupHolders(t, s).map((h) => h.id)],
            `${named(t, a)} runs ${r} replicas writing to ${named(t, s)}, ${state}: the replicas' recording results and alert state are stored twice. ` +
              `Set the storage dedup.minScrapeInterval to the evaluation interval ${ev} (a common multiple of the group intervals), or align evaluationInterval with the dedup interval.`,
            'evaluationInterval',
            fixLabel,
          ),
        );
      }
    }
    return out;
  },
  fix(t, f) {
    const a = getComponent(t, f.componentIds[0]);
    if (!a) return t;
    const l = linksFrom(t, a.id, 'remoteWrite').find((x) => x.target !== undefined);
    const s = storageOf(t, getComponent(t, l?.target));
    if (!s) return t;
    const plan = evalPlan(t, a, s);
    if (!plan) return t;
    return plan.kind === 'eval' ? setField(t, a.id, 'evaluationInterval', plan.value) : setDedup(t, s, plan.value);
  },
};

export const dedupRules: Rule[] = [
  haAgentsWithoutDedup,
  dedupNotEqualScrapeInterval,
  dedupSelectStorageMismatch,
  haAgentCrsLabelMismatch,
  haAgentCrsClusterName,
];
