/**
 * What the operator creates for a design: workloads, pods, the flags it derives, Services,
 * PodDisruptionBudgets and volume claims. Every derived value says where it comes from, so a user
 * can tell their own settings from the operator's defaults and rules.
 */

/** Where a derived value comes from. */
export interface Source {
  /** `field`: a value the user set; `default`: the operator's (or binary's) default; `rule`: derived by the operator from other values. */
  origin: 'field' | 'default' | 'rule';
  /** In words: "from replicationFactor: 2", "operator default", "one per vmstorage pod". */
  note: string;
}

/** A command-line flag as the operator passes it: `-key=value` (or `--key=value` for alertmanager). */
export interface Arg {
  /** Flag name without dashes, e.g. `replicationFactor`, `cluster.peer`. */
  flag: string;
  /** The dashes the program takes: `-` for VictoriaMetrics, `--` for alertmanager. */
  dashes: '-' | '--';
  /** The value as passed; a flag the operator repeats (alertmanager `--cluster.peer`) has one per entry. */
  value: string | string[];
  source: Source;
}

export type WorkloadKind = 'StatefulSet' | 'Deployment' | 'DaemonSet';

export interface Workload {
  /** The design component it belongs to (a cluster part's own id, not its cluster's). */
  componentId: string;
  kind: WorkloadKind;
  name: string;
  /** VMAgent shards: the shard number (`-promscrape.cluster.memberNum`). */
  shard?: number;
  /** Pods the workload runs (a DaemonSet: one per node, so none are listed). */
  replicas: number;
  /** Pod names: StatefulSet pods as Kubernetes names them; Deployment pods by ordinal (see ASSUMPTIONS). */
  pods: string[];
  /** How the pods are named: `ordinal` for a StatefulSet, `generated` for a Deployment (random suffixes). */
  podNames: 'ordinal' | 'generated' | 'per-node';
  /** The pod selector labels (also the labelSelector the operator fills into spreading constraints). */
  selectorLabels: Record<string, string>;
  args: Arg[];
  /** The container's data paths that matter for failure and sizing: queue, storage, cache. */
  volumes: WorkloadVolume[];
}

export interface WorkloadVolume {
  /** What it holds: `data`, `queue`, `cache`. */
  holds: 'data' | 'queue' | 'cache';
  mountPath: string;
  /** `pvc`: survives the pod; `emptyDir`: lost when the pod is rescheduled. */
  persistence: 'pvc' | 'emptyDir';
  /** The claim template (StatefulSet) or claim (Deployment) name when persistent. */
  claim?: string;
  /** The requested size as written in the design. */
  size?: string;
}

export interface ServicePort {
  name: string;
  port: number;
  protocol?: 'TCP' | 'UDP';
}

export interface Service {
  componentId: string;
  name: string;
  ports: ServicePort[];
  /** Headless (clusterIP: None): DNS names each pod, `<pod>.<service>.<ns>`. */
  headless: boolean;
  /** Why it exists, when it is not the component's main Service. */
  note?: string;
}

export interface Pdb {
  componentId: string;
  name: string;
  /** As written in the design. */
  maxUnavailable?: string | number;
  minAvailable?: string | number;
  /** Pods of one workload a voluntary disruption (drain) may take down at once, resolved on its replicas. */
  allowedDown: number;
  /** The workload it guards. */
  workload: string;
}

export interface Pvc {
  componentId: string;
  /** The claim names Kubernetes creates, one per pod for a StatefulSet template. */
  names: string[];
  size?: string;
  holds: WorkloadVolume['holds'];
}

/** What the operator creates for one component of the design. */
export interface ComponentPlan {
  componentId: string;
  workloads: Workload[];
  services: Service[];
  pdbs: Pdb[];
  pvcs: Pvc[];
  /** Facts about this component worth saying next to the objects ("gossip off with one replica"). */
  notes: string[];
}
