/**
 * How big a design must be (issue #14): samples along every remote-write link, then per storage
 * the unique samples stored, disk over the retention with the documented formula, per pod, CPU
 * guidance, the load on survivors when a vmstorage is down; per vmagent the queue an outage needs.
 *
 * Operator behaviour (pods, flags, queue limits, storage-node lists, claim sizes) is read from the
 * operator model, never re-derived here. Pure: a topology and inputs in, a report out.
 */
import { describe, getComponent, partsOf, rawField } from '../access.ts';
import { linksFrom, storageOf } from '../links.ts';
import { clusterRF, planOf, urlQueues } from '../operator/index.ts';
import { effectiveDedupMs, externalLabelsOf, scrapeMs, selectionKey, stableJson, storages } from '../rules/context.ts';
import type { Component, Topology } from '../topology.ts';
import { parseDuration, parseQuantity } from '../values.ts';
import { type AgentCopies, agentCopies, copiesFigure } from './agents.ts';
import { designInputs } from './workload.ts';
import { SRC, cpuCores, diskBytes, ingestionRate, n, queueBytes, retention, showBytes, showSeconds, survivorLoad } from './formulas.ts';
import {
  type AgentSizing,
  DEFAULT_ACTIVE_SERIES,
  DEFAULT_BYTES_PER_SAMPLE,
  DEFAULT_OUTAGE,
  DEFAULT_WIRE_BYTES_PER_SAMPLE,
  type Figure,
  type LinkFlow,
  type QueueSizing,
  type ResolvedInputs,
  type SizingInputs,
  type SizingReport,
  type StorageSizing,
} from './types.ts';

/** The defaults filled in; an unreadable outage is refused (the CLI reports it as bad input). */
export function resolveInputs(inputs: SizingInputs = {}): ResolvedInputs {
  const outage = inputs.outage ?? DEFAULT_OUTAGE;
  const ms = parseDuration(outage);
  if (ms === undefined) throw new RangeError(`outage "${outage}" is not a duration such as 30m, 1h or 1d`);
  const wire = inputs.wireBytesPerSample ?? DEFAULT_WIRE_BYTES_PER_SAMPLE;
  if (!(wire > 0)) throw new RangeError(`wireBytesPerSample must be a positive number, not ${wire}`);
  return { outage, outageSeconds: ms / 1000, wireBytesPerSample: wire, defaultBytesPerSample: DEFAULT_BYTES_PER_SAMPLE };
}

export const RAM_NOTE =
  'RAM: VictoriaMetrics documents no RAM-per-active-series figure, so none is given here. Size RAM by a test load and keep 50% of it free (vm:README.md §Capacity planning).';

interface AgentWork {
  agent: Component;
  series: number;
  assumed: boolean;
  churnPerDay: number | undefined;
  intervalSeconds: number;
  rate: Figure;
  copies: AgentCopies;
}

function agentWork(t: Topology, a: Component, inputs: SizingInputs): AgentWork {
  const given = inputs.series?.[a.id];
  const series = given && Number.isFinite(given.active) && given.active >= 0 ? given.active : DEFAULT_ACTIVE_SERIES;
  const intervalSeconds = scrapeMs(a) / 1000;
  const rate = ingestionRate(series, intervalSeconds);
  if (!given) rate.basis = 'input';
  return { agent: a, series, assumed: !given, churnPerDay: given?.churnPerDay, intervalSeconds, rate, copies: agentCopies(t, a) };
}

const sent = (w: AgentWork): number => w.rate.value * w.copies.copies;

function flowOf(t: Topology, w: AgentWork, linkId: string): LinkFlow {
  const l = t.links.find((x) => x.id === linkId)!;
  const target = getComponent(t, l.target);
  const storage = storageOf(t, target);
  const f: LinkFlow = {
    linkId,
    agentId: w.agent.id,
    samplesPerSecond: {
      value: sent(w),
      unit: 'samples/s',
      formula: `${n(w.rate.value)} samples/s (${w.rate.formula}) × ${n(w.copies.copies)} cop${w.copies.copies === 1 ? 'y' : 'ies'} = ${n(sent(w))}; every remote-write URL gets a full copy`,
      source: `${SRC.ingestion}; ${SRC.scrapeCluster}`,
      basis: w.assumed ? 'input' : 'documented',
    },
  };
  if (target) f.targetId = target.id;
  if (storage) f.storageId = storage.id;
  if (storage?.kind === 'VMCluster') f.tenant = l.tenant ?? '0';
  return f;
}

/** The claim size of the data volume in the operator's plan of `c` (VMSingle or vmstorage). */
function requestedOf(t: Topology, c: Component): { size?: string; bytes?: number; persistent: boolean } {
  const v = planOf(t, c).workloads[0]?.volumes.find((x) => x.holds === 'data');
  if (!v || v.persistence !== 'pvc') return { persistent: false };
  const bytes = v.size !== undefined ? parseQuantity(v.size) : undefined;
  return { size: v.size, bytes, persistent: true };
}

/** vmstorage nodes vminsert writes to: its `-storageNode` list in the operator's plan (maintenance ids left out). */
function writeNodes(t: Topology, cluster: Component): { nodes: number; listed: boolean } {
  const { vminsert, vmstorage } = partsOf(t, cluster.id);
  const arg = vminsert ? planOf(t, vminsert).workloads[0]?.args.find((a) => a.flag === 'storageNode') : undefined;
  const listed = arg ? String(Array.isArray(arg.value) ? arg.value.join(',') : arg.value).split(',').filter((x) => x !== '').length : 0;
  if (listed > 0) return { nodes: listed, listed: true };
  return { nodes: Math.max(1, vmstorage ? (planOf(t, vmstorage).workloads[0]?.replicas ?? 1) : 1), listed: false };
}

interface StoredPart {
  key: string;
  samples: number;
  series: number;
  /** Key for active series: copies of one CR (or of CRs with identical labels) are one series. */
  seriesKey: string;
}

function storageSizing(t: Topology, s: Component, flows: LinkFlow[], work: Map<string, AgentWork>, inputs: SizingInputs, resolved: ResolvedInputs): StorageSizing | undefined {
  const kind = s.kind as 'VMSingle' | 'VMCluster';
  const data = kind === 'VMSingle' ? s : partsOf(t, s.id).vmstorage;
  if (!data) return undefined;
  const notes: string[] = [];
  const dedupMs = effectiveDedupMs(t, s);
  const mine = flows.filter((f) => f.storageId === s.id);

  let ingested = 0;
  const parts: StoredPart[] = [];
  const terms: string[] = [];
  for (const f of mine) {
    const w = work.get(f.agentId)!;
    ingested += f.samplesPerSecond.value;
    const intervalMs = w.intervalSeconds * 1000;
    const merged = dedupMs !== undefined && dedupMs >= intervalMs;
    const sel = w.copies.scrapes ? selectionKey(w.agent) : undefined;
    const labels = stableJson(externalLabelsOf(t, w.agent));
    const same = sel !== undefined ? `${f.tenant ?? ''}\u0000${sel}\u0000${labels}` : `link:${f.linkId}`;
    const samples = merged ? (w.series * w.copies.coverage) / (dedupMs / 1000) : sent(w);
    parts.push({ key: merged ? same : `link:${f.linkId}`, samples, series: w.series * w.copies.coverage, seriesKey: same });
    const who = describe(t, w.agent);
    if (merged) {
      terms.push(`${who}: ${n(w.series * w.copies.coverage)} series / ${showSeconds(dedupMs / 1000)} dedup = ${n(samples)}`);
      if (dedupMs > intervalMs) notes.push(`dedup.minScrapeInterval ${showSeconds(dedupMs / 1000)} is longer than the ${showSeconds(w.intervalSeconds)} scrape interval of ${who}: one sample per ${showSeconds(dedupMs / 1000)} per series is kept (documented dedup behaviour).`);
    } else {
      terms.push(
        w.copies.copies > 1
          ? `${who}: ${n(sent(w))} (no dedup ≥ ${showSeconds(w.intervalSeconds)}: all ${n(w.copies.copies)} copies stored)`
          : `${who}: ${n(sent(w))}${w.copies.scrapes ? ' (one copy)' : ''}`,
      );
      if (w.copies.scrapes && w.copies.copies > 1) {
        notes.push(`${who} sends ${n(w.copies.copies)} copies and ${describe(t, s)} keeps them all: its dedup ${dedupMs === undefined ? 'is unset' : `${showSeconds(dedupMs / 1000)} is below the ${showSeconds(w.intervalSeconds)} scrape interval`} (catalog ha-agents-without-dedup).`);
      }
    }
  }
  const stored = maxPerKey(parts, (p) => p.key, (p) => p.samples);
  const uniqueSeries = maxPerKey(parts, (p) => p.seriesKey, (p) => p.series);
  const merges = new Set(parts.map((p) => p.key)).size < parts.length;

  const rf = kind === 'VMCluster' ? (clusterRF(s) ?? 1) : 1;
  let pods = 1;
  if (kind === 'VMCluster') {
    const w = writeNodes(t, s);
    pods = w.nodes;
    if (!w.listed) notes.push('vminsert gets no -storageNode list (vmstorage.replicaCount unset, or no vminsert): no sample can be written until it is set.');
    const maint = data.spec.maintenanceInsertNodeIDs;
    if (Array.isArray(maint) && maint.length > 0) notes.push(`maintenanceInsertNodeIDs take ${maint.length} node${maint.length === 1 ? '' : 's'} out of vminsert's list: new data is spread over the other ${pods}.`);
  }
  const rfEff = Math.max(1, Math.min(rf, pods));
  if (rfEff < rf) notes.push(`replicationFactor ${rf} exceeds the ${pods} storage node${pods === 1 ? '' : 's'} vminsert writes to: at most ${rfEff} cop${rfEff === 1 ? 'y' : 'ies'} can be placed (catalog vmcluster-rf-exceeds-storage).`);

  const ret = retention(rawField(s, 'retentionPeriod'));
  if (!ret.set) notes.push('retentionPeriod unset: the binary keeps one month (31 days).');
  const bpsGiven = inputs.bytesPerSample?.[s.id];
  const bps = bpsGiven !== undefined && bpsGiven > 0 ? bpsGiven : resolved.defaultBytesPerSample;
  const bytesPerSample: Figure =
    bpsGiven !== undefined && bpsGiven > 0
      ? { value: bps, unit: 'bytes', formula: `${n(bps)} B/sample (given)`, source: SRC.bytesPerSample, basis: 'input' }
      : { value: bps, unit: 'bytes', formula: '1 B/sample after compression + 20% indexdb = 1.2 B', source: SRC.bytesPerSample, basis: 'documented' };

  const samplesPerSecond: Figure = {
    value: stored,
    unit: 'samples/s',
    formula:
      terms.length === 0
        ? 'no VMAgent writes here'
        : terms.length === 1 && !merges
          ? terms[0]!
          : `${terms.join('; ')}${merges ? '; copies of one CR (or of CRs with identical labels) count once' : ''}; total ${n(stored)}`,
    source: `${SRC.ingestion}; ${SRC.dedup}`,
    basis: 'documented',
  };
  const disk = diskBytes(bps, stored, rfEff, ret);
  const perPodDisk = disk.value / pods;
  const diskBytesPerPod: Figure = {
    value: perPodDisk,
    unit: 'bytes',
    formula: pods === 1 ? `${showBytes(disk.value)} on the one pod` : `${showBytes(disk.value)} / ${pods} vmstorage nodes = ${showBytes(perPodDisk)}`,
    source: pods === 1 ? SRC.disk : `${SRC.disk}; ${SRC.perPod}`,
    basis: 'documented',
  };
  const ingestAll = ingested * rfEff;
  const perPodIngest = ingestAll / pods;
  const samplesPerSecondPerPod: Figure = {
    value: perPodIngest,
    unit: 'samples/s',
    formula: `${n(ingested)} samples/s arriving × RF ${rfEff}${pods > 1 ? ` / ${pods} nodes` : ''} = ${n(perPodIngest)} (before dedup: every copy is ingested)`,
    source: `${SRC.replication}; ${SRC.perPod}`,
    basis: 'documented',
  };
  const req = requestedOf(t, data);
  const out: StorageSizing = {
    componentId: s.id,
    dataComponentId: data.id,
    kind,
    flows: mine,
    ingestedSamplesPerSecond: {
      value: ingested,
      unit: 'samples/s',
      formula:
        mine.length === 0
          ? 'no VMAgent writes here'
          : `${mine.length > 1 ? `${mine.map((f) => n(f.samplesPerSecond.value)).join(' + ')} = ` : ''}${n(ingested)} (every copy the agents send, before dedup)`,
      source: SRC.ingestion,
      basis: 'documented',
    },
    samplesPerSecond,
    activeSeries: {
      value: uniqueSeries * rfEff,
      unit: 'series',
      formula: `${n(uniqueSeries)} series × RF ${rfEff} = ${n(uniqueSeries * rfEff)}`,
      source: SRC.replication,
      basis: 'documented',
    },
    replicationFactor: rfEff,
    retention: ret,
    bytesPerSample,
    diskBytes: disk,
    pods,
    diskBytesPerPod,
    persistent: req.persistent,
    fits: req.bytes !== undefined && req.bytes >= perPodDisk,
    samplesPerSecondPerPod,
    cpuCoresPerPod: cpuCores(perPodIngest),
    notes,
  };
  if (req.bytes !== undefined) out.requestedBytesPerPod = req.bytes;
  if (req.size !== undefined) out.requested = req.size;
  if (!req.persistent) notes.push('No volume claim holds the data (emptyDir or a custom volume): nothing to compare the need with (catalog storage-ephemeral).');
  else if (req.bytes === undefined) notes.push('The volume claim requests no storage size.');
  const churn = mine.reduce<number | undefined>((sum, f) => {
    const c = work.get(f.agentId)!.churnPerDay;
    return c === undefined ? sum : (sum ?? 0) + c;
  }, undefined);
  if (churn !== undefined) {
    out.churnPerDay = churn;
    notes.push(
      `Churn: ${n(churn)} new series per day (given). A high churn rate lowers compression and grows indexdb, which may exceed 50% of the data (documented); raise bytesPerSample when it does. ` +
        'The documented single-node production reference handles 150M+ new series per day (vm:README.md §Capacity planning).',
    );
  }
  if (kind === 'VMCluster' && pods >= 2) {
    const f = survivorLoad(perPodIngest, pods);
    if (f) out.failover = f;
  } else if (kind === 'VMCluster') notes.push('One vmstorage node: when it is down nothing is written or read (no survivor to take its load).');
  if (kind === 'VMSingle' && (ingested > 2_000_000 || uniqueSeries > 100_000_000)) {
    notes.push('Above the documented single-node ceiling (about 2M samples/s and 100M active series, vm:docs/victoriametrics/FAQ.md): use a VMCluster.');
  }
  return out;
}

function maxPerKey<T>(items: T[], key: (x: T) => string, value: (x: T) => number): number {
  const best = new Map<string, number>();
  for (const x of items) best.set(key(x), Math.max(best.get(key(x)) ?? 0, value(x)));
  let sum = 0;
  for (const v of best.values()) sum += v;
  return sum;
}

function agentSizing(t: Topology, w: AgentWork, resolved: ResolvedInputs): AgentSizing {
  const a = w.agent;
  const notes: string[] = [];
  if (w.assumed) notes.push(`No workload given: sized at ${n(DEFAULT_ACTIVE_SERIES)} active series (the guide's example of 50 node_exporters × 1000 series) — an assumption; pass the real number.`);
  const sentFig: Figure = {
    value: sent(w),
    unit: 'samples/s',
    formula: `${n(w.rate.value)} samples/s × ${n(w.copies.copies)} cop${w.copies.copies === 1 ? 'y' : 'ies'} = ${n(sent(w))} per remote-write URL`,
    source: `${SRC.ingestion}; ${SRC.scrapeCluster}`,
    basis: 'documented',
  };
  const out: AgentSizing = {
    componentId: a.id,
    series: w.series,
    assumed: w.assumed,
    scrapeIntervalSeconds: w.intervalSeconds,
    samplesPerSecond: w.rate,
    copies: copiesFigure(w.copies),
    sentSamplesPerSecond: sentFig,
    queues: [],
    notes,
  };
  if (w.churnPerDay !== undefined) out.churnPerDay = w.churnPerDay;
  const share = w.copies.podShare;
  if (share === undefined) {
    notes.push('daemonSetMode: the load of one node’s pod is not known from the design, so its queue is not sized.');
    return out;
  }
  const podRate = w.rate.value * share;
  out.podSamplesPerSecond = {
    value: podRate,
    unit: 'samples/s',
    formula: `${n(w.rate.value)} samples/s × ${n(share * 100)}% of the targets (the busiest pod) = ${n(podRate)}`,
    source: SRC.scrapeCluster,
    basis: 'documented',
  };
  const links = linksFrom(t, a.id, 'remoteWrite');
  const limits = urlQueues(t, a);
  const need = queueBytes(podRate, resolved.wireBytesPerSample, resolved.outageSeconds);
  links.forEach((l, i) => {
    const q = limits[i];
    const limit = q?.bytes === 0 ? Infinity : (q?.bytes ?? 0);
    const qs: QueueSizing = { linkId: l.id, limitBytes: limit, limitSource: q?.source.note ?? 'unknown', neededBytes: need, fits: limit >= need.value };
    if (l.target !== undefined) qs.targetId = l.target;
    out.queues.push(qs);
  });
  return out;
}

/**
 * Sizes a design, by default with the inputs it carries (its workloads and outage). Agents without
 * a workload in `inputs.series` are sized at DEFAULT_ACTIVE_SERIES and marked `assumed`. Throws
 * RangeError for an unreadable `outage` or a non-positive wire size.
 */
export function sizeTopology(t: Topology, inputs: SizingInputs = designInputs(t)): SizingReport {
  const resolved = resolveInputs(inputs);
  const work = new Map<string, AgentWork>();
  const flows: LinkFlow[] = [];
  const notes: string[] = [RAM_NOTE];
  for (const a of t.components) {
    if (a.kind !== 'VMAgent') continue;
    const w = agentWork(t, a, inputs);
    work.set(a.id, w);
    for (const l of linksFrom(t, a.id, 'remoteWrite')) flows.push(flowOf(t, w, l.id));
  }
  for (const f of flows) {
    if (f.storageId !== undefined) continue;
    const a = getComponent(t, f.agentId)!;
    const target = getComponent(t, f.targetId);
    notes.push(
      target
        ? `${describe(t, a)} writes through ${describe(t, target)}, whose backends the design does not name: those ${n(f.samplesPerSecond.value)} samples/s are not counted at any storage.`
        : `${describe(t, a)} writes to a URL outside the design: those ${n(f.samplesPerSecond.value)} samples/s are not counted.`,
    );
  }
  const alerts = t.components.filter((c) => c.kind === 'VMAlert' && linksFrom(t, c.id, 'remoteWrite').length > 0);
  if (alerts.length > 0) notes.push('VMAlert remote writes (recording rules, alert state) are not counted: their volume depends on the rules.');
  const out: SizingReport = { inputs: resolved, flows, storages: [], agents: [], notes };
  for (const s of storages(t)) {
    const sized = storageSizing(t, s, flows, work, inputs, resolved);
    if (sized) out.storages.push(sized);
    else notes.push(`${describe(t, s)} has no vmstorage: nothing to size.`);
  }
  for (const w of work.values()) out.agents.push(agentSizing(t, w, resolved));
  return out;
}
