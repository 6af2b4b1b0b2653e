/** VMAgent rules: replicas, sharding, the persistent queue, remote-write URLs and scrape selection. */
import { getComponent, namespaceOf, rawField, replicasOf } from '../access.ts';
import { removeLinks, updateComponent, updateLink } from '../edit.ts';
import { linksFrom } from '../links.ts';
import type { Component, Link, Topology } from '../topology.ts';
import { type UrlQueue, ownQueue, sharedQueue, urlQueues } from '../operator/vmagent.ts';
import {
  GI,
  MI,
  SELECT_ALL_KEY,
  bytes,
  clusterByRef,
  clusterReplication,
  dedupChanges,
  dedupHolders,
  dedupSettable,
  dedupTarget,
  ensureDedup,
  ensureDedups,
  explicitDedup,
  extraArg,
  haPeers,
  isDaemonSet,
  isObj,
  num,
  ofKind,
  receivesCopies,
  selectionKey,
  selectsNothing,
  setField,
  setSpec,
  showBytes,
  storagesWrittenBy,
  withAgentReplicas,
  withExtraArg,
  named,
} from './context.ts';
import { type Finding, type Rule, finding } from './types.ts';

/** The fix label of raising an agent's replicas (with the dedup it then needs), when the fix can do it. */
function replicasFixLabel(t: Topology, a: Component): string | undefined {
  if (!dedupSettable(t, a)) return undefined;
  const dedup = dedupChanges(t, a);
  return `Set replicaCount to 2${dedup.length ? ` and ${dedup.join(', ')}` : ''}`;
}

function raiseReplicas(t: Topology, f: Finding): Topology {
  const a = getComponent(t, f.componentIds[0]);
  return a ? withAgentReplicas(t, a.id, Math.max(2, replicasOf(a))) : t;
}

const shardsOf = (a: Component) => num(rawField(a, 'shardCount')) ?? 0;

/**
 * Shards made redundant by `-promscrape.cluster.replicationFactor` ≥ 2 with shardCount > 1: every
 * target is scraped by that many shards (the operator passes the flag through, `vmagent.go:819-838`),
 * so one pod per shard is no single point of failure. This factor is the agent's redundancy: fixes
 * keep it.
 */
export function shardsReplicated(a: Component): boolean {
  return !isDaemonSet(a) && shardsOf(a) > 1 && (clusterReplication(a) ?? 1) >= 2;
}

/** What a vmagent-single-replica message says after the agent's name. */
function singleReplicaWords(r: number, sharded: boolean, pushOnly: boolean): string {
  const pods = ` runs ${r} replica${r === 1 ? '' : 's'}${sharded ? ' per shard' : ''}`;
  return pushOnly
    ? `${pods} and only receives pushes (ingestOnlyMode): while the pod restarts, pushes to it fail and data is lost unless every sender buffers and retries. ` +
        'Set replicaCount to 2: the replicas share the pushed traffic behind the Service, so no dedup is needed.'
    : `${pods}: scraping stops while the pod restarts, leaving gaps. ` +
        'Set replicaCount to 2, with dedup.minScrapeInterval on the storage it writes to set to its scrape interval.';
}

export const vmagentSingleReplica: Rule = {
  id: 'vmagent-single-replica',
  severity: 'warning',
  title: 'VMAgent with a single replica',
  source: 'op:docs/resources/vmagent.md §Replication and deduplication; vm:vmagent.md §High availability; vmagent.go:819-838',
  check(t) {
    const out: Finding[] = [];
    // The words after the name, made once per replica count in each of the four cases (sharded or
    // not, push-only or not): thousands of agents share them, and the template made five
    // concatenations each.
    const rest: Map<number, string>[] = [new Map(), new Map(), new Map(), new Map()];
    for (const a of ofKind(t, 'VMAgent')) {
      const r = replicasOf(a);
      if (isDaemonSet(a) || r >= 2 || shardsReplicated(a)) continue;
      const sharded = shardsOf(a) > 0;
      const pushOnly = a.spec.ingestOnlyMode === true;
      const known = rest[(sharded ? 2 : 0) + (pushOnly ? 1 : 0)]!;
      let words = known.get(r);
      if (words === undefined) known.set(r, (words = singleReplicaWords(r, sharded, pushOnly)));
      out.push(finding(this, [a.id], named(t, a) + words, 'replicaCount', replicasFixLabel(t, a)));
    }
    return out;
  },
  fix: raiseReplicas,
};

export const vmagentShardedNoRedundancy: Rule = {
  id: 'vmagent-sharded-no-redundancy',
  severity: 'info',
  title: 'Sharded VMAgent without redundancy',
  source: 'op:docs/resources/vmagent.md:242-300; vm:vmagent.md §Scraping big number of targets',
  check(t) {
    const out: Finding[] = [];
    for (const a of ofKind(t, 'VMAgent')) {
      const shards = Number(rawField(a, 'shardCount') ?? 0);
      if (isDaemonSet(a) || !(shards > 1) || replicasOf(a) >= 2 || (clusterReplication(a) ?? 1) > 1) continue;
      out.push(
        finding(
          this,
          [a.id],
          `${named(t, a)} splits its targets over ${shards} shards with one pod each: losing a pod loses 1/${shards} of the targets until it is rescheduled. ` +
            `Set replicaCount to 2 (${shards * 2} pods) plus dedup on the storage.`,
          'replicaCount',
          replicasFixLabel(t, a),
        ),
      );
    }
    return out;
  },
  fix: raiseReplicas,
};

export const vmagentDoubleReplication: Rule = {
  id: 'vmagent-double-replication',
  severity: 'warning',
  title: 'VMAgent replicated twice (replicas and cluster.replicationFactor)',
  source: 'op:docs/resources/vmagent.md:296-298; vmagent.go:819-838',
  check(t) {
    const out: Finding[] = [];
    for (const a of ofKind(t, 'VMAgent')) {
      const crf = clusterReplication(a) ?? 1;
      const r = replicasOf(a);
      if (isDaemonSet(a) || crf <= 1 || r <= 1) continue;
      // With shards, the replication factor is the redundancy the user built: keep it, drop the
      // extra replicas. Without shards it replicates nothing (no cluster members to share targets).
      const keep = shardsReplicated(a);
      out.push(
        finding(
          this,
          [a.id],
          `${named(t, a)} sets promscrape.cluster.replicationFactor=${crf} and replicaCount ${r}: every target is scraped ${crf * r} times, because the operator already runs ${r} identical pods per shard. ` +
            'Use one mechanism: replicas or cluster.replicationFactor.',
          keep ? 'replicaCount' : 'clusterReplicationFactor',
          keep
            ? `Set replicaCount to 1 (keep promscrape.cluster.replicationFactor=${crf}: each target stays scraped by ${crf} shards)`
            : 'Remove promscrape.cluster.replicationFactor (keep the replicas)',
        ),
      );
    }
    return out;
  },
  fix(t, f) {
    const a = getComponent(t, f.componentIds[0]);
    if (!a) return t;
    return shardsReplicated(a) ? setField(t, a.id, 'replicaCount', 1) : setField(t, a.id, 'clusterReplicationFactor', undefined);
  },
};

/** A hostPath volume among the agent's volumes (a node-local queue for daemonSetMode). */
function hasHostPathVolume(a: Component): boolean {
  const vols = a.spec.volumes;
  return Array.isArray(vols) && vols.some((v) => isObj(v) && isObj(v.hostPath));
}

/** GiB of queue volume the fix gives an agent: one per remote-write URL. */
const queueVolumeGi = (t: Topology, a: Component) => Math.max(1, linksFrom(t, a.id, 'remoteWrite').length);

const queueVolumeSize = (t: Topology, a: Component) => `${queueVolumeGi(t, a)}Gi`;

/** The fix label per queue volume size, built once: thousands of agents share a few sizes. */
const statefulFixLabels = new Map<number, string>();
function statefulFixLabel(t: Topology, a: Component): string {
  const gi = queueVolumeGi(t, a);
  let label = statefulFixLabels.get(gi);
  if (label === undefined) statefulFixLabels.set(gi, (label = `Enable statefulMode with a ${gi}Gi queue volume`));
  return label;
}

export const vmagentEphemeralQueue: Rule = {
  id: 'vmagent-ephemeral-queue',
  severity: 'warning',
  title: 'VMAgent queue on ephemeral storage',
  source: 'op:docs/resources/vmagent.md:204-213; vmagent.go:41-42; vm:docs/guides/vm-architectures/README.md §Buffering Strategy',
  check(t) {
    const out: Finding[] = [];
    for (const a of ofKind(t, 'VMAgent')) {
      const stateful = a.spec.statefulMode === true;
      const ss = a.spec.statefulStorage;
      if (stateful && isObj(ss) && isObj(ss.volumeClaimTemplate)) continue;
      if (isDaemonSet(a)) {
        if (hasHostPathVolume(a)) continue;
        out.push(
          finding(
            this,
            [a.id],
            `${named(t, a)} runs as a DaemonSet with its persistent queue on ephemeral storage (/tmp/vmagent-remotewrite-data), so buffered data is lost when a pod is replaced during a storage outage. ` +
              'Mount a hostPath volume for the queue (statefulMode cannot be combined with daemonSetMode).',
            'statefulMode',
          ),
        );
        continue;
      }
      out.push(
        finding(
          this,
          [a.id],
          stateful
            ? `${named(t, a)} runs in statefulMode but without statefulStorage.volumeClaimTemplate, so its persistent queue is on an emptyDir and buffered data is lost when the pod is rescheduled during a storage outage. Add a volumeClaimTemplate.`
            : `${named(t, a)} keeps its persistent queue on ephemeral storage (/tmp), so buffered data is lost when the pod is rescheduled during a storage outage. Set statefulMode: true with a statefulStorage.volumeClaimTemplate.`,
          'statefulMode',
          statefulFixLabel(t, a),
        ),
      );
    }
    return out;
  },
  fix(t, f) {
    const a = getComponent(t, f.componentIds[0]);
    if (!a) return t;
    const ss = isObj(a.spec.statefulStorage) ? { ...a.spec.statefulStorage } : {};
    delete ss.emptyDir;
    const next = setSpec(t, a.id, { statefulMode: true, statefulStorage: ss });
    return isObj(ss.volumeClaimTemplate) && rawField(a, 'storageSize') !== undefined ? next : setField(next, a.id, 'storageSize', queueVolumeSize(t, a));
  },
};

const MIN_QUEUE = 500 * MI;
/**
 * What the fix writes into `remoteWriteSettings.maxDiskUsagePerURL` and `remoteWrite[].maxDiskUsage`:
 * 1 GiB in VictoriaMetrics' size format, which the operator accepts there (`1GiB`, `500MiB`, plain
 * bytes), not a Kubernetes quantity (`1Gi`).
 */
export const QUEUE_FIX_SIZE = '1GiB';

function withUrlOverride(l: Link, value: string): Link {
  if (l.extra?.maxDiskUsage === undefined && l.external?.maxDiskUsage !== undefined) return { ...l, external: { ...l.external, maxDiskUsage: value } };
  return { ...l, extra: { ...l.extra, maxDiskUsage: value } };
}

/** A URL's queue limit; `link` is there when the limit is the URL's own. */
type QueueLimit = Omit<UrlQueue, 'link'> & { link?: Link };

/** Whether a URL's queue (as the operator model derives it) is below the documented minimum; 0 is no limit to vmagent. */
const tooSmall = (q: QueueLimit): boolean => q.bytes !== undefined && q.bytes !== 0 && q.bytes < MIN_QUEUE;

/** Where a URL's queue limit comes from, in words for the message. */
function queueOrigin(t: Topology, q: QueueLimit): string {
  if (q.from === 'url') return `maxDiskUsage ${q.value} of the URL to ${urlName(t, q.link!)}`;
  if (q.from === 'settings') return `remoteWriteSettings.maxDiskUsagePerURL ${q.value}`;
  return q.source.note;
}

function urlName(t: Topology, l: Link): string {
  const target = getComponent(t, l.target);
  return target ? named(t, target) : String(l.external?.url ?? 'nowhere');
}

export const vmagentQueueTooSmall: Rule = {
  id: 'vmagent-queue-too-small',
  severity: 'warning',
  title: 'VMAgent queue below 500Mi per URL',
  source: 'vm:vmagent.md:1343; vmagent.go:1068-1075',
  check(t) {
    const out: Finding[] = [];
    for (const a of ofKind(t, 'VMAgent')) {
      // The smallest (the first of equals) and how many are too small: no list of them, and no
      // object per URL without a limit of its own.
      const shared = sharedQueue(t, a);
      let min: QueueLimit | undefined;
      let count = 0;
      for (const link of linksFrom(t, a.id, 'remoteWrite')) {
        const q = ownQueue(link) ?? shared;
        if (!tooSmall(q)) continue;
        count++;
        if (!min || q.bytes! < min.bytes!) min = q;
      }
      if (!min) continue;
      const urls = linksFrom(t, a.id, 'remoteWrite').length;
      out.push(
        finding(
          this,
          [a.id],
          `${named(t, a)} has ${showBytes(min.bytes!)} of queue per remote-write URL (${queueOrigin(t, min)})` +
            `${count > 1 ? ` and ${count - 1} more URL${count === 2 ? '' : 's'} below 500Mi` : ''}, below the documented 500Mi minimum per URL: ` +
            `increase it (e.g. to 1GiB per URL, ${urls}Gi of statefulStorage) or reduce the number of remoteWrite URLs.`,
          'maxDiskUsagePerURL',
          `Raise the queue to ${QUEUE_FIX_SIZE} per remote-write URL`,
        ),
      );
    }
    return out;
  },
  fix(t, f) {
    const a = getComponent(t, f.componentIds[0]);
    if (!a) return t;
    const queues = urlQueues(t, a);
    let next = t;
    // The URLs' own small overrides first: they win over everything the agent sets.
    for (const q of queues) if (q.from === 'url' && tooSmall(q)) next = updateLink(next, q.link.id, (l) => withUrlOverride(l, QUEUE_FIX_SIZE));
    // The other URLs share one source (settings, the volume split or the default).
    const shared = queues.find((q) => q.from !== 'url' && tooSmall(q));
    if (shared?.from === 'settings') next = setField(next, a.id, 'maxDiskUsagePerURL', QUEUE_FIX_SIZE);
    // A PVC size is a Kubernetes quantity: 1Gi per URL.
    else if (shared?.from === 'volume') next = setField(next, a.id, 'storageSize', `${queues.length}Gi`);
    return next;
  },
};

const MEMBER_FLAGS = ['promscrape.cluster.membersCount', 'promscrape.cluster.memberNum'] as const;

function setsMemberFlag(a: Component): boolean {
  for (const flag of MEMBER_FLAGS) if (extraArg(a, flag) !== undefined) return true;
  return false;
}

export const vmagentManualClusterMembers: Rule = {
  id: 'vmagent-manual-cluster-members',
  severity: 'error',
  title: 'VMAgent cluster membership set by hand',
  source: 'vmagent.go:819-838 (patchShardContainers only for shards); vm:vmagent.md §Scraping big number of targets; VictoriaMetrics#8309, operator#527',
  check(t) {
    const out: Finding[] = [];
    for (const a of ofKind(t, 'VMAgent')) {
      if (!setsMemberFlag(a)) continue;
      const set = MEMBER_FLAGS.filter((flag) => extraArg(a, flag) !== undefined);
      const shards = shardsOf(a);
      if (!isDaemonSet(a) && shards > 1) continue;
      const members = num(extraArg(a, 'promscrape.cluster.membersCount'));
      const toShards = !isDaemonSet(a) && members !== undefined && members > 1;
      const flags = set.map((flag) => `-${flag}=${String(extraArg(a, flag))}`).join(' and ');
      const why = isDaemonSet(a)
        ? 'in daemonSetMode, where the operator ignores sharding: every pod gets the same member number, so the other members’ targets are never scraped'
        : shards === 1
          ? 'with shardCount 1: the operator replaces them with membersCount=1 and memberNum=0, so they never split the targets as meant'
          : `without shardCount > 1: every pod gets the same member number (${String(extraArg(a, 'promscrape.cluster.memberNum') ?? 0)}), so the other members’ targets are never scraped`;
      out.push(
        finding(
          this,
          [a.id],
          `${named(t, a)} sets ${flags} in extraArgs ${why}. Remove the flags and use shardCount: the operator sets both per shard.`,
          'shardCount',
          `Remove ${set.join(' and ')}${toShards ? ` and set shardCount to ${members}` : ''}`,
        ),
      );
    }
    return out;
  },
  fix(t, f) {
    const a = getComponent(t, f.componentIds[0]);
    if (!a) return t;
    const members = num(extraArg(a, 'promscrape.cluster.membersCount'));
    let next = updateComponent(t, a.id, (c) => MEMBER_FLAGS.reduce((x, flag) => withExtraArg(x, flag, undefined), c));
    if (!isDaemonSet(a) && members !== undefined && members > 1) next = setField(next, a.id, 'shardCount', members);
    return next;
  },
};

/** `http://vminsert-<name>[.<ns>[.svc[.<domain>]]][:port]/insert/<tenant>/...` → the cluster and tenant it writes to. */
export function resolveInsertUrl(t: Topology, url: unknown, defaultNs: string): { cluster: Component; tenant: string } | undefined {
  if (typeof url !== 'string') return undefined;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  const host = u.hostname.replace(/\.$/, '').split('.');
  if (!host[0]?.startsWith('vminsert-')) return undefined;
  if (host.length > 2 && host[2] !== 'svc') return undefined;
  const m = /^\/insert\/([^/]+)\//.exec(u.pathname);
  if (!m) return undefined;
  const cluster = clusterByRef(t, host[1] ?? defaultNs, host[0].slice('vminsert-'.length));
  return cluster ? { cluster, tenant: m[1]! } : undefined;
}

/** Whether a link may land in a cluster: to a vminsert, or to a URL outside the design. */
function mayReachCluster(t: Topology, l: Link): boolean {
  return l.target === undefined || getComponent(t, l.target)?.kind === 'vminsert';
}

/** Whether at least two of the agent's remote-write links may land in a cluster (no duplicate without). */
function twoMayReachCluster(t: Topology, a: Component): boolean {
  let n = 0;
  for (const l of linksFrom(t, a.id, 'remoteWrite')) if (mayReachCluster(t, l) && ++n === 2) return true;
  return false;
}

function duplicateWrites(t: Topology, a: Component): { cluster: Component; tenant: string; links: Link[] }[] {
  if (!twoMayReachCluster(t, a)) return [];
  const groups = new Map<string, { cluster: Component; tenant: string; links: Link[] }>();
  for (const l of linksFrom(t, a.id, 'remoteWrite')) {
    let hit: { cluster: Component; tenant: string } | undefined;
    if (l.target !== undefined) {
      const target = getComponent(t, l.target);
      const cluster = target?.kind === 'vminsert' ? getComponent(t, target.cluster) : undefined;
      if (cluster) hit = { cluster, tenant: l.tenant ?? '0' };
    } else hit = resolveInsertUrl(t, l.external?.url, namespaceOf(t, a));
    if (!hit) continue;
    const key = `${hit.cluster.id}\u0000${hit.tenant}`;
    const g = groups.get(key);
    if (g) g.links.push(l);
    else groups.set(key, { ...hit, links: [l] });
  }
  return [...groups.values()].filter((g) => g.links.length > 1);
}

export const vmagentDuplicateWriteSameCluster: Rule = {
  id: 'vmagent-duplicate-write-same-cluster',
  severity: 'info',
  title: 'VMAgent writes twice to the same VMCluster',
  source: 'vm:vmagent.md:147-149',
  check(t) {
    const out: Finding[] = [];
    for (const a of ofKind(t, 'VMAgent')) {
      const dups = duplicateWrites(t, a);
      if (dups.length === 0) continue;
      const what = dups.map((d) => `${d.links.length} URLs into ${named(t, d.cluster)} tenant ${d.tenant}`).join(', ');
      out.push(
        finding(
          this,
          [a.id, ...dups.map((d) => d.cluster.id)],
          `${named(t, a)} has ${what}: the cluster already replicates data, so the extra URLs only duplicate writes. Keep a single URL per cluster and tenant.`,
          undefined,
          'Remove the extra remoteWrite URLs (keep the first)',
        ),
      );
    }
    return out;
  },
  fix(t, f) {
    const a = getComponent(t, f.componentIds[0]);
    if (!a) return t;
    return removeLinks(
      t,
      duplicateWrites(t, a).flatMap((d) => d.links.slice(1).map((l) => l.id)),
    );
  },
};

/**
 * Whether selecting everything would pair the agent with another select-all agent (a new HA pair:
 * same storage, same VMAuth, or clusters one vmselect reads together).
 */
function selectAllPairs(t: Topology, a: Component): Component | undefined {
  return haPeers(t, a).find((b) => selectionKey(b) === SELECT_ALL_KEY);
}

export const vmagentSelectsNothing: Rule = {
  id: 'vmagent-selects-nothing',
  severity: 'warning',
  title: 'VMAgent selects no scrape objects',
  source: 'common_scrapeparams.go:isUnmanaged; op:docs/resources/vmagent.md §Scraping',
  check(t) {
    const out: Finding[] = [];
    for (const a of ofKind(t, 'VMAgent')) {
      if (a.spec.ingestOnlyMode === true || !selectsNothing(a)) continue;
      const pair = selectAllPairs(t, a);
      // Once it scrapes, HA copies may reach its storages (its own replicas, or its interval now
      // counts for another HA agent's dedup): the fix then also raises dedup there, where it can.
      const dedup = pair ? undefined : selectAllDedup(t, a);
      out.push(
        finding(
          this,
          [a.id],
          `${named(t, a)} has no scrape selectors, selectAllByDefault is off and it has no inline or additional scrape config, so it picks up no VMServiceScrape or VMPodScrape. ` +
            (pair
              ? `Set explicit selectors (selectAllByDefault would make it scrape the same targets as ${named(t, pair)}), or ingestOnlyMode: true if it only receives pushes.`
              : 'Set selectAllByDefault: true or explicit selectors, or ingestOnlyMode: true if it only receives pushes.'),
          'selectAllByDefault',
          dedup ? `Set selectAllByDefault: true${dedup.length ? ` and ${dedup.join(', ')}` : ''}` : undefined,
        ),
      );
    }
    return out;
  },
  fix(t, f) {
    const a = getComponent(t, f.componentIds[0]);
    return a ? selectAll(t, a) : t;
  },
};

/** Selects everything on `a`, raising dedup on the storages it writes to that then receive HA copies. */
function selectAll(t: Topology, a: Component): Topology {
  const next = setField(t, a.id, 'selectAllByDefault', true);
  return ensureDedups(
    next,
    storagesWrittenBy(next, a).filter((s) => receivesCopies(next, s)),
  );
}

/**
 * The dedup settings `selectAll` makes, worded for the fix label; undefined when a storage that
 * would then receive HA copies cannot carry a dedup setting.
 */
function selectAllDedup(t: Topology, a: Component): string[] | undefined {
  const next = selectAll(t, a);
  const out: string[] = [];
  for (const s of storagesWrittenBy(next, a)) {
    if (!receivesCopies(next, s)) continue;
    if (dedupHolders(next, s).length === 0) return undefined;
    const before = getComponent(t, s.id);
    const was = before && explicitDedup(t, before)?.value;
    const now = explicitDedup(next, s)?.value;
    if (now !== was) out.push(`dedup.minScrapeInterval ${now} ${dedupTarget(t, s)}`);
  }
  return out;
}

export const agentRules: Rule[] = [
  vmagentSingleReplica,
  vmagentShardedNoRedundancy,
  vmagentDoubleReplication,
  vmagentEphemeralQueue,
  vmagentQueueTooSmall,
  vmagentDuplicateWriteSameCluster,
  vmagentSelectsNothing,
];

