/**
 * Capacity sizing (issue #14): the inputs a user gives (the workload), the figures the model
 * derives, and where each figure comes from. Every number is a `Figure`: its value, the formula
 * with the numbers put in, the document it follows, and whether that document states it (a
 * documented fact), suggests it (guidance), or whether it is this model's own estimate.
 */

/** The workload of one VMAgent. */
export interface SeriesInput {
  /** Active series its targets expose: one copy, before replicas or HA pairs duplicate them. */
  active: number;
  /** New series per day (pod restarts, volatile labels). Reported and compared with the documented limits; it changes no figure. */
  churnPerDay?: number;
}

/**
 * What the design document does not say and sizing needs. Everything is optional: `resolveInputs`
 * fills the defaults below. Keyed by component id (the CLI maps CR names to ids).
 */
export interface SizingInputs {
  /** Per VMAgent id. An agent without an entry is sized at DEFAULT_ACTIVE_SERIES, marked assumed. */
  series?: Record<string, SeriesInput>;
  /** Bytes on disk per stored sample, per storage id (VMSingle or VMCluster). Default DEFAULT_BYTES_PER_SAMPLE. */
  bytesPerSample?: Record<string, number>;
  /** How long a storage outage each vmagent queue must ride out, as a duration (`1h`, `6h`, `1d`). Default DEFAULT_OUTAGE. */
  outage?: string;
  /** Bytes one sample takes in vmagent's queue and on the wire. Default DEFAULT_WIRE_BYTES_PER_SAMPLE (an estimate). */
  wireBytesPerSample?: number;
}

/**
 * Active series of an agent nobody described: the understand-your-setup-size guide's own example
 * (50 node_exporters × ~1000 series each = 50,000). An assumption, flagged as such in every output,
 * so that a design sized without a workload still shows how its parts relate.
 */
export const DEFAULT_ACTIVE_SERIES = 50_000;

/**
 * 1 byte per sample after compression (documented: "less or around 1 byte") plus ~20% for indexdb
 * (documented: "Usually, index takes about 20%"): 1.2. High-churn setups may need > 1.5 (the same
 * guide: indexdb "may use >50%"). The guide's worked example leaves the index out (1 byte).
 */
export const DEFAULT_BYTES_PER_SAMPLE = 1.2;

/**
 * The outage a queue should survive by default: 1 hour. Long enough for the outages a design
 * itself causes — a VMSingle upgrade (Recreate strategy), a vmstorage rolling restart, a node
 * drain with its volumes re-attached elsewhere — and for an on-call engineer to be paged and
 * restore a failed storage. The vmagent docs' own example buffers 6h: pass `outage` for that.
 */
export const DEFAULT_OUTAGE = '1h';

/**
 * Bytes per sample in vmagent's on-disk queue and on the wire — an ESTIMATE, no document gives a
 * constant. VictoriaMetrics measured ~50 bytes per sample over Prometheus remote write
 * (blog "Save network costs with VictoriaMetrics remote write protocol", 2023); vmagent talks the
 * VictoriaMetrics protocol to VictoriaMetrics components by default and buffers in that format,
 * which the vmagent docs say cuts bandwidth and queue disk usage "by 2x-5x". 50 ÷ 2 (the
 * conservative end) = 25. Measure it with `sum(rate(vmagent_remotewrite_bytes_sent_total[1h])) by(instance,url)`
 * divided by the samples sent, and pass `wireBytesPerSample`.
 */
export const DEFAULT_WIRE_BYTES_PER_SAMPLE = 25;

/** The documented minimum queue per remote-write URL (vm:vmagent.md §Calculating disk space for persistence queue). */
export const MIN_QUEUE_BYTES = 500 * 1024 ** 2;

/**
 * How much to trust a figure:
 * - `documented`: a formula or constant the VictoriaMetrics docs state (disk formula, RF, dedup);
 * - `guidance`: a documented rule of thumb or signal used as a target (CPU per 100K samples/s);
 * - `estimate`: this model's own assumption, clearly labelled (bytes per sample on the wire);
 * - `input`: what the user gave (or the labelled default standing in for it).
 */
export type Basis = 'documented' | 'guidance' | 'estimate' | 'input';

export type Unit = 'series' | 'samples/s' | 'bytes' | 'bytes/s' | 'cores' | 'seconds' | 'ratio' | 'copies' | 'pods';

export interface Figure {
  value: number;
  unit: Unit;
  /** The formula with its numbers, e.g. `1.2 B × 1,666.7 samples/s × RF 2 × (31d + 30d) × 1.25`. */
  formula: string;
  /** Where the formula comes from (`vm:`-prefixed paths are in VictoriaMetrics/VictoriaMetrics). */
  source: string;
  basis: Basis;
}

/** Samples flowing along one remote-write link (one `-remoteWrite.url`: each URL gets a full copy). */
export interface LinkFlow {
  linkId: string;
  agentId: string;
  /** The link's target component (VMSingle, vminsert, VMAuth); unset for a URL outside the design. */
  targetId?: string;
  /** The storage the samples land in (VMSingle or VMCluster); unset when the design cannot tell (VMAuth, outside URL). */
  storageId?: string;
  /** Tenant path for a VMCluster ("0" when unset). */
  tenant?: string;
  /** All pods of the agent together. */
  samplesPerSecond: Figure;
}

export interface RetentionFigure {
  /** As written, or "1" (the binary default) when unset. */
  value: string;
  set: boolean;
  seconds: number;
  /** One retention cycle: a month (30 days) when retention > 30 days, else a day. */
  cycleSeconds: number;
  source: string;
}

export interface Failover {
  /** 1/(N−1): the extra load each surviving vmstorage takes when one of N is down. */
  extraLoad: Figure;
  /** Samples/s each survivor ingests (replication included). */
  samplesPerSecondPerSurvivor: Figure;
  /** Cores each survivor uses by the 100K samples/s signal (no headroom: the headroom is what absorbs this). */
  cpuCoresPerSurvivor: Figure;
}

export interface StorageSizing {
  /** The VMSingle or VMCluster. */
  componentId: string;
  /** The component holding the data volume: the VMSingle itself, or the cluster's vmstorage. */
  dataComponentId: string;
  kind: 'VMSingle' | 'VMCluster';
  /** Agents writing here, with their flows. */
  flows: LinkFlow[];
  /** Samples/s arriving (all copies, before dedup and replication). */
  ingestedSamplesPerSecond: Figure;
  /** Unique samples/s stored, after dedup, before replication. */
  samplesPerSecond: Figure;
  /** Active series stored, replication included. */
  activeSeries: Figure;
  /** Churn of the agents writing here, when given. */
  churnPerDay?: number;
  /** replicationFactor as the operator passes it (1 for a VMSingle or when unset), capped at the storage nodes. */
  replicationFactor: number;
  retention: RetentionFigure;
  bytesPerSample: Figure;
  /** The whole component, replication included, with the 1.25 free-space headroom. */
  diskBytes: Figure;
  /** Pods the data is spread over: 1 for a VMSingle; the vmstorage nodes vminsert writes to. */
  pods: number;
  diskBytesPerPod: Figure;
  /** The claim size each data pod requests, in bytes; unset without a sized PVC (emptyDir, custom volume). */
  requestedBytesPerPod?: number;
  /** The claim size as written. */
  requested?: string;
  /** A volume claim holds the data (false: emptyDir or a custom volume, which catalog storage-ephemeral reports). */
  persistent: boolean;
  /** The requested claim holds diskBytesPerPod. False without a sized claim. */
  fits: boolean;
  /** Samples/s each data pod ingests (replication included). */
  samplesPerSecondPerPod: Figure;
  /** Whole cores per data pod: the 100K samples/s signal with 50% spare CPU (guidance). */
  cpuCoresPerPod: Figure;
  /** One vmstorage down (VMCluster with ≥ 2 write nodes). */
  failover?: Failover;
  notes: string[];
}

export interface QueueSizing {
  linkId: string;
  targetId?: string;
  /** The per-pod limit the operator passes (`-remoteWrite.maxDiskUsagePerURL`), in bytes; Infinity for 0 (unlimited). */
  limitBytes: number;
  /** How the operator arrived at the limit. */
  limitSource: string;
  /** What one pod's queue for this URL needs to hold the outage. */
  neededBytes: Figure;
  fits: boolean;
}

export interface AgentSizing {
  componentId: string;
  series: number;
  /** No workload given: DEFAULT_ACTIVE_SERIES stands in. */
  assumed: boolean;
  churnPerDay?: number;
  scrapeIntervalSeconds: number;
  /** One copy of its targets: active series / scrape interval. */
  samplesPerSecond: Figure;
  /** Copies of each sample its pods send (replicas, shards, promscrape.cluster.replicationFactor). */
  copies: Figure;
  /** Along each remote-write URL, all pods together. */
  sentSamplesPerSecond: Figure;
  /** The busiest pod's samples/s; unset for a DaemonSet (per-node load unknown). */
  podSamplesPerSecond?: Figure;
  queues: QueueSizing[];
  notes: string[];
}

export interface ResolvedInputs {
  outage: string;
  outageSeconds: number;
  wireBytesPerSample: number;
  defaultBytesPerSample: number;
}

export interface SizingReport {
  inputs: ResolvedInputs;
  flows: LinkFlow[];
  storages: StorageSizing[];
  agents: AgentSizing[];
  /** Statements that hold for the whole report (what is not counted, what has no official figure). */
  notes: string[];
}

/** A sizing check that failed, with the value its fix writes. The lead wires these into the rule catalog. */
export interface SizingProblem {
  /** The component the fix edits: VMSingle or vmstorage (storage), or VMAgent (queue). */
  componentId: string;
  id: 'storage-undersized' | 'vmagent-queue-too-small-for-outage';
  severity: 'warning' | 'info';
  message: string;
  /** A field key of kinds/*.ts (`storageSize`, `maxDiskUsagePerURL`), or `maxDiskUsage` of the link in `linkId`. */
  field: string;
  /** The value the fix writes: a Kubernetes quantity for `storageSize` (`62Gi`), a VictoriaMetrics size for queue limits (`2GiB`). */
  fixValue: string;
  /** For `maxDiskUsage`: the remote-write link whose own limit is raised. */
  linkId?: string;
  /** What the fix does, for a button label. */
  fixLabel: string;
}
