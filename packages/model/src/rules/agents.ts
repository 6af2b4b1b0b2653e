/** VMAgent rules: replicas, sharding, the persistent queue, remote-write URLs and scrape selection. */
import { describe, getComponent, namespaceOf, rawField, replicasOf } from '../access.ts';
import { removeLinks, updateLink } from '../edit.ts';
import { linksFrom } from '../links.ts';
import type { Component, Link, Topology } from '../topology.ts';
import {
  GI,
  MI,
  SELECT_ALL_KEY,
  agentsInto,
  bytes,
  clusterByRef,
  clusterReplication,
  dedupChanges,
  dedupSettable,
  isDaemonSet,
  isObj,
  ofKind,
  selectionKey,
  selectsNothing,
  setField,
  setSpec,
  showBytes,
  storagesWrittenBy,
  withAgentReplicas,
} from './context.ts';
import { type Finding, type Rule, finding } from './types.ts';

function replicasFix(t: Topology, a: Component): { fixLabel?: string } {
  if (!dedupSettable(t, a)) return {};
  const dedup = dedupChanges(t, a);
  return { fixLabel: `Set replicaCount to 2${dedup.length ? ` and ${dedup.join(', ')}` : ''}` };
}

function raiseReplicas(t: Topology, f: Finding): Topology {
  const a = getComponent(t, f.componentIds[0]);
  return a ? withAgentReplicas(t, a.id, Math.max(2, replicasOf(a))) : t;
}

export const vmagentSingleReplica: Rule = {
  id: 'vmagent-single-replica',
  severity: 'warning',
  title: 'VMAgent with a single replica',
  source: 'op:docs/resources/vmagent.md §Replication and deduplication; vm:vmagent.md §High availability',
  check(t) {
    const out: Finding[] = [];
    for (const a of ofKind(t, 'VMAgent')) {
      const r = replicasOf(a);
      if (isDaemonSet(a) || r >= 2) continue;
      out.push(
        finding(
          this,
          [a.id],
          `${describe(t, a)} runs ${r} replica${r === 1 ? '' : 's'}${(rawField(a, 'shardCount') as number) > 0 ? ' per shard' : ''}: scraping stops while the pod restarts, leaving gaps. ` +
            'Set replicaCount to 2, with dedup.minScrapeInterval on the storage it writes to set to its scrape interval.',
          { field: 'replicaCount', ...replicasFix(t, a) },
        ),
      );
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
          `${describe(t, a)} splits its targets over ${shards} shards with one pod each: losing a pod loses 1/${shards} of the targets until it is rescheduled. ` +
            `Set replicaCount to 2 (${shards * 2} pods) plus dedup on the storage.`,
          { field: 'replicaCount', ...replicasFix(t, a) },
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
      out.push(
        finding(
          this,
          [a.id],
          `${describe(t, a)} sets promscrape.cluster.replicationFactor=${crf} and replicaCount ${r}: every target is scraped ${crf * r} times, because the operator already runs ${r} identical pods per shard. ` +
            'Use one mechanism: replicas or cluster.replicationFactor.',
          { field: 'clusterReplicationFactor', fixLabel: 'Remove promscrape.cluster.replicationFactor (keep the replicas)' },
        ),
      );
    }
    return out;
  },
  fix: (t, f) => setField(t, f.componentIds[0]!, 'clusterReplicationFactor', undefined),
};

/** A hostPath volume among the agent's volumes (a node-local queue for daemonSetMode). */
function hasHostPathVolume(a: Component): boolean {
  const vols = a.spec.volumes;
  return Array.isArray(vols) && vols.some((v) => isObj(v) && isObj(v.hostPath));
}

function queueVolumeSize(t: Topology, a: Component): string {
  return `${Math.max(1, linksFrom(t, a.id, 'remoteWrite').length)}Gi`;
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
            `${describe(t, a)} runs as a DaemonSet with its persistent queue on ephemeral storage (/tmp/vmagent-remotewrite-data), so buffered data is lost when a pod is replaced during a storage outage. ` +
              'Mount a hostPath volume for the queue (statefulMode cannot be combined with daemonSetMode).',
            { field: 'statefulMode' },
          ),
        );
        continue;
      }
      const size = queueVolumeSize(t, a);
      out.push(
        finding(
          this,
          [a.id],
          stateful
            ? `${describe(t, a)} runs in statefulMode but without statefulStorage.volumeClaimTemplate, so its persistent queue is on an emptyDir and buffered data is lost when the pod is rescheduled during a storage outage. Add a volumeClaimTemplate.`
            : `${describe(t, a)} keeps its persistent queue on ephemeral storage (/tmp), so buffered data is lost when the pod is rescheduled during a storage outage. Set statefulMode: true with a statefulStorage.volumeClaimTemplate.`,
          { field: 'statefulMode', fixLabel: `Enable statefulMode with a ${size} queue volume` },
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

interface QueueCheck {
  /** The smallest per-URL queue and where it comes from. */
  min: number;
  how: string;
  urls: number;
}

function queueCheck(t: Topology, a: Component): QueueCheck | undefined {
  const links = linksFrom(t, a.id, 'remoteWrite');
  if (links.length === 0) return undefined;
  const settings = bytes(rawField(a, 'maxDiskUsagePerURL'));
  const pvc = a.spec.statefulMode === true ? bytes(rawField(a, 'storageSize')) : undefined;
  let min = Infinity;
  let how = '';
  for (const l of links) {
    const own = bytes(l.extra?.maxDiskUsage);
    let v: number;
    let h: string;
    if (own !== undefined) [v, h] = [own, 'remoteWrite maxDiskUsage'];
    else if (settings !== undefined) [v, h] = [settings, 'remoteWriteSettings.maxDiskUsagePerURL'];
    else if (pvc !== undefined) [v, h] = [pvc / links.length, `${showBytes(pvc)} statefulStorage over ${links.length} URL${links.length === 1 ? '' : 's'}`];
    else [v, h] = [GI, 'default'];
    if (v < min) [min, how] = [v, h];
  }
  return { min, how, urls: links.length };
}

export const vmagentQueueTooSmall: Rule = {
  id: 'vmagent-queue-too-small',
  severity: 'warning',
  title: 'VMAgent queue below 500Mi per URL',
  source: 'vm:vmagent.md:1343; vmagent.go:1068-1075',
  check(t) {
    const out: Finding[] = [];
    for (const a of ofKind(t, 'VMAgent')) {
      const q = queueCheck(t, a);
      if (!q || q.min >= MIN_QUEUE) continue;
      out.push(
        finding(
          this,
          [a.id],
          `${describe(t, a)} has ${showBytes(q.min)} of queue per remote-write URL (${q.how}), below the documented 500Mi minimum per URL: ` +
            `increase it (e.g. to 1Gi per URL, ${q.urls}Gi of statefulStorage) or reduce the number of remoteWrite URLs.`,
          { field: 'maxDiskUsagePerURL', fixLabel: 'Raise the queue to 1Gi per remote-write URL' },
        ),
      );
    }
    return out;
  },
  fix(t, f) {
    const a = getComponent(t, f.componentIds[0]);
    if (!a) return t;
    const links = linksFrom(t, a.id, 'remoteWrite');
    let next = t;
    for (const l of links) {
      const own = bytes(l.extra?.maxDiskUsage);
      if (own !== undefined && own < MIN_QUEUE) next = updateLink(next, l.id, (x) => ({ ...x, extra: { ...x.extra, maxDiskUsage: '1Gi' } }));
    }
    const settings = bytes(rawField(a, 'maxDiskUsagePerURL'));
    if (settings !== undefined && settings < MIN_QUEUE) next = setField(next, a.id, 'maxDiskUsagePerURL', '1Gi');
    const pvc = bytes(rawField(a, 'storageSize'));
    if (a.spec.statefulMode === true && pvc !== undefined && pvc / links.length < MIN_QUEUE) next = setField(next, a.id, 'storageSize', `${links.length}Gi`);
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

function duplicateWrites(t: Topology, a: Component): { cluster: Component; tenant: string; links: Link[] }[] {
  if (linksFrom(t, a.id, 'remoteWrite').length < 2) return [];
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
      const what = dups.map((d) => `${d.links.length} URLs into ${describe(t, d.cluster)} tenant ${d.tenant}`).join(', ');
      out.push(
        finding(
          this,
          [a.id, ...dups.map((d) => d.cluster.id)],
          `${describe(t, a)} has ${what}: the cluster already replicates data, so the extra URLs only duplicate writes. Keep a single URL per cluster and tenant.`,
          { fixLabel: 'Remove the extra remoteWrite URLs (keep the first)' },
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

/** Whether selecting everything would pair the agent with another select-all agent (a new HA pair). */
function selectAllPairs(t: Topology, a: Component): Component | undefined {
  for (const s of storagesWrittenBy(t, a)) {
    const other = agentsInto(t, s).find((b) => b.id !== a.id && selectionKey(b) === SELECT_ALL_KEY);
    if (other) return other;
  }
  return undefined;
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
      out.push(
        finding(
          this,
          [a.id],
          `${describe(t, a)} has no scrape selectors, selectAllByDefault is off and it has no inline or additional scrape config, so it picks up no VMServiceScrape or VMPodScrape. ` +
            (pair
              ? `Set explicit selectors (selectAllByDefault would make it scrape the same targets as ${describe(t, pair)}), or ingestOnlyMode: true if it only receives pushes.`
              : 'Set selectAllByDefault: true or explicit selectors, or ingestOnlyMode: true if it only receives pushes.'),
          pair ? { field: 'selectAllByDefault' } : { field: 'selectAllByDefault', fixLabel: 'Set selectAllByDefault: true' },
        ),
      );
    }
    return out;
  },
  fix: (t, f) => setField(t, f.componentIds[0]!, 'selectAllByDefault', true),
};

export const agentRules: Rule[] = [
  vmagentSingleReplica,
  vmagentShardedNoRedundancy,
  vmagentDoubleReplication,
  vmagentEphemeralQueue,
  vmagentQueueTooSmall,
  vmagentDuplicateWriteSameCluster,
  vmagentSelectsNothing,
];

