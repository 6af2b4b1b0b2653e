import {
  type Check,
  checkBool,
  checkDuration,
  checkInt,
  checkIntOrPercent,
  checkPromLabels,
  checkQuantity,
  checkRetention,
  checkShortDuration,
  checkSize,
  checkString,
  checkUrl,
} from '../values.ts';

/**
 * How the inspector edits a field; also picks the value check. `quantity` is a Kubernetes quantity
 * (`20Gi`, `250m`), `size` a VictoriaMetrics size (`1GiB`, `500MB`, bytes), `labels` a map of
 * Prometheus labels (external labels: names `[a-zA-Z_][a-zA-Z0-9_]*`, any text as values), `url`
 * an absolute http(s) address.
 */
export type FieldType =
  | 'int'
  | 'text'
  | 'multiline'
  | 'duration'
  | 'shortDuration'
  | 'quantity'
  | 'size'
  | 'retention'
  | 'intOrPercent'
  | 'bool'
  | 'labels'
  | 'url'
  | 'spread';

/** The groups of fields, in the order the inspector shows them. */
export const FIELD_GROUPS = ['General', 'High availability', 'Scraping', 'Storage', 'Alerting', 'Resources'] as const;
export type FieldGroup = (typeof FIELD_GROUPS)[number];

/** A field the model understands: where it lives in the spec, how it is edited and checked. */
export interface FieldDef {
  /** Stable key, also the field name in messages (`replicaCount`, `dedupInterval`). */
  key: string;
  /** Path inside the component: `spec`-relative unless it starts with `metadata`. */
  path: readonly string[];
  label: string;
  group: FieldGroup;
  type: FieldType;
  /** The operator's (or binary's) default, shown as a placeholder and used by the checker. */
  default?: string | number | boolean;
  /** `extraArgs` values are strings in the CRD even when they hold numbers. */
  stringValue?: boolean;
  min?: number;
  max?: number;
  help: string;
}

export function fieldCheck(field: FieldDef): Check {
  switch (field.type) {
    case 'int':
      return checkInt(field.min ?? 0, field.max, field.stringValue);
    case 'duration':
      return checkDuration;
    case 'shortDuration':
      return checkShortDuration;
    case 'quantity':
      return checkQuantity;
    case 'size':
      return checkSize;
    case 'retention':
      return checkRetention;
    case 'intOrPercent':
      return checkIntOrPercent;
    case 'bool':
      return checkBool;
    case 'labels':
      return checkPromLabels;
    case 'url':
      return checkUrl;
    case 'spread':
      return () => undefined;
    case 'text':
    case 'multiline':
      return checkString;
  }
}

const pvcSize = (...prefix: string[]) => [...prefix, 'resources', 'requests', 'storage'];

/** Field builders shared by several kinds, so that each kind file lists only what it has. */
export const fields = {
  replicaCount: (dflt: number, help: string, max?: number): FieldDef => ({
    key: 'replicaCount',
    path: ['replicaCount'],
    label: 'Replicas',
    group: 'High availability',
    type: 'int',
    min: 0,
    max,
    default: dflt,
    help,
  }),
  pdb: (): FieldDef[] => [
    {
      key: 'pdbMaxUnavailable',
      path: ['podDisruptionBudget', 'maxUnavailable'],
      label: 'PDB maxUnavailable',
      group: 'High availability',
      type: 'intOrPercent',
      help: 'PodDisruptionBudget: how many pods a node drain may evict at once (1 is the usual choice).',
    },
    {
      key: 'pdbMinAvailable',
      path: ['podDisruptionBudget', 'minAvailable'],
      label: 'PDB minAvailable',
      group: 'High availability',
      type: 'intOrPercent',
      help: 'PodDisruptionBudget: how many pods must stay up during a drain. Use either this or maxUnavailable.',
    },
  ],
  spreading: (): FieldDef => ({
    key: 'spreading',
    path: ['topologySpreadConstraints'],
    label: 'Spread replicas',
    group: 'High availability',
    type: 'spread',
    help: 'Spread pods across nodes (kubernetes.io/hostname) or zones so one failure does not take all replicas down.',
  }),
  resources: (cpu: string, memory: string): FieldDef[] => [
    {
      key: 'cpuRequest',
      path: ['resources', 'requests', 'cpu'],
      label: 'CPU request',
      group: 'Resources',
      type: 'quantity',
      default: cpu,
      help: 'Operator default applies when unset (useDefaultResources).',
    },
    {
      key: 'memoryRequest',
      path: ['resources', 'requests', 'memory'],
      label: 'Memory request',
      group: 'Resources',
      type: 'quantity',
      default: memory,
      help: 'Operator default applies when unset (useDefaultResources).',
    },
  ],
  dedup: (help: string): FieldDef => ({
    key: 'dedupInterval',
    path: ['extraArgs', 'dedup.minScrapeInterval'],
    label: 'Dedup interval',
    group: 'High availability',
    type: 'duration',
    help,
  }),
  retention: (): FieldDef => ({
    key: 'retentionPeriod',
    path: ['retentionPeriod'],
    label: 'Retention',
    group: 'Storage',
    type: 'retention',
    default: '1',
    help: 'A bare number is months; or use h, d, w, y (e.g. 30d). "m" is not accepted.',
  }),
  storageSize: (path: string[], help: string): FieldDef => ({
    key: 'storageSize',
    path: pvcSize(...path),
    label: 'Volume size',
    group: 'Storage',
    type: 'quantity',
    help,
  }),
};
