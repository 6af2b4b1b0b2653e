/**
 * The topology: what a user draws. Components are the operator's custom resources (a VMCluster's
 * vminsert, vmselect and vmstorage are components of their own that point at their cluster), and
 * the external systems drawn around the stack (EXTERNAL_KINDS); links are the wires between them. Everything the model does not interpret is kept verbatim in `spec`,
 * so an imported manifest renders back without losing a field.
 */

export const COMPONENT_KINDS = [
  'VMAgent',
  'VMSingle',
  'VMCluster',
  'vminsert',
  'vmselect',
  'vmstorage',
  'VMAlert',
  'VMAlertmanager',
  'VMAuth',
  'Grafana',
] as const;
export type ComponentKind = (typeof COMPONENT_KINDS)[number];

/**
 * Kinds that are no operator object: systems around the stack that a design draws to show who uses
 * it (Grafana queries it). They render as a YAML comment, never as an object, and create nothing.
 * Appended to COMPONENT_KINDS: share links number kinds by their place in that list.
 */
export const EXTERNAL_KINDS = ['Grafana'] as const;
export type ExternalKind = (typeof EXTERNAL_KINDS)[number];

export function isExternalKind(kind: ComponentKind): kind is ExternalKind {
  return kind === 'Grafana';
}

/** The three parts of a VMCluster; each is a component whose `cluster` names the VMCluster. */
export const CLUSTER_PARTS = ['vminsert', 'vmselect', 'vmstorage'] as const;
export type ClusterPart = (typeof CLUSTER_PARTS)[number];

export function isClusterPart(kind: ComponentKind): kind is ClusterPart {
  return kind === 'vminsert' || kind === 'vmselect' || kind === 'vmstorage';
}

export type JsonObject = { [key: string]: unknown };

export interface Position {
  x: number;
  y: number;
}

export interface Component {
  id: string;
  kind: ComponentKind;
  /** CR name. Cluster parts have none: they take their cluster's. */
  name?: string;
  /** Unset: the design's namespace. Cluster parts have none: they take their cluster's. */
  namespace?: string;
  /** For vminsert / vmselect / vmstorage: the id of their VMCluster. */
  cluster?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  /** Other metadata fields of an imported object (finalizers, ownerReferences, ...), verbatim. */
  metadata?: JsonObject;
  /**
   * The CR spec without the fields that links own (VMAgent remoteWrite, VMAlert datasource /
   * remoteWrite / remoteRead / notifiers) and, for a VMCluster, without its three parts.
   */
  spec: JsonObject;
  position?: Position;
  /** The load it carries, as the user describes it: the inputs of capacity sizing (sizing/workload.ts). Not in the YAML. */
  workload?: WorkloadInputs;
}

/**
 * What the YAML cannot say about a component's load: a VMAgent's active series (and churn), a
 * storage's bytes per sample. Only the kinds of WORKLOAD_FIELDS carry one; unset, sizing assumes.
 */
export interface WorkloadInputs {
  /** VMAgent: active series its targets expose, one copy (before replicas or HA pairs duplicate them). */
  activeSeries?: number;
  /** VMAgent: new series per day. */
  churnPerDay?: number;
  /** VMSingle / VMCluster: bytes on disk per stored sample (default 1.2, sizing/types.ts). */
  bytesPerSample?: number;
}

export const LINK_TYPES = ['remoteWrite', 'datasource', 'remoteRead', 'notifier'] as const;
export type LinkType = (typeof LINK_TYPES)[number];

/**
 * How a VMAlert notifier reaches an alertmanager: through a label selector (the operator expands it
 * to every pod), per-pod URLs, or the single Service address (an HA mistake the checker reports).
 */
export const NOTIFIER_MODES = ['selector', 'pods', 'service'] as const;
export type NotifierMode = (typeof NOTIFIER_MODES)[number];

export interface Link {
  id: string;
  type: LinkType;
  source: string;
  /** The target component. Unset for an entry that points outside the design (see `external`). */
  target?: string;
  /** An entry whose URL or selector resolves to nothing in the design, kept verbatim. */
  external?: JsonObject;
  /** Fields of the entry other than its address (basicAuth, tlsConfig, lookback, ...), verbatim. */
  extra?: JsonObject;
  /** Tenant path of a VMCluster target ("0" when unset; "multitenant" is allowed for writes). */
  tenant?: string;
  /** Notifier links: how the alertmanager is addressed (default "selector"). */
  notify?: NotifierMode;
  /** Notifier links in "pods" mode: the pod ordinals listed; unset means every pod. */
  pods?: number[];
  /** Notifier links in "selector" mode: the selector as imported; unset means generated. */
  selector?: JsonObject;
  /** VMAlert's single `notifier` field rather than an entry of `notifiers`. */
  single?: boolean;
  /** URL host written with the cluster domain (`.svc.cluster.local`) rather than `.svc`. */
  clusterDomain?: boolean;
  /** URL port when it is not the target's default (VMSingle's `http-alias` 8428). */
  port?: number;
}

/** A Kubernetes object the model does not interpret (Secret, VMRule, VMServiceScrape, ...). */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata?: JsonObject;
  [key: string]: unknown;
}

export interface Topology {
  name: string;
  /** The namespace of every component that sets none. */
  namespace: string;
  components: Component[];
  links: Link[];
  /** Other objects, rendered back unchanged after the components. */
  extras: KubeObject[];
  /** Zones of the Kubernetes cluster the design runs in (1..64); unset: DEFAULT_ZONES (3). */
  zones?: number;
  /** Minutes of remote-storage outage every vmagent queue must ride out; unset: DEFAULT_OUTAGE_MINUTES (60). */
  outageMinutes?: number;
  /** Free-text notes on the canvas (notes.ts): saved in the document and the link, never in the YAML. */
  notes?: Note[];
}

/** A note on the canvas: text for the people reading the design; it changes nothing the operator creates. */
export interface Note {
  /** Unique among the design's components, links and notes (the canvas keeps them in one list). */
  id: string;
  text: string;
  position: Position;
}

export function emptyTopology(name = 'design', namespace = 'monitoring'): Topology {
  return { name, namespace, components: [], links: [], extras: [] };
}
