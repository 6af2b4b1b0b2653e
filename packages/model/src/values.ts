/**
 * Parsing and validation of the value types that the operator's CRDs use. Every check returns a
 * message that names the rule the value breaks; callers add the component and field.
 */

const DURATION_UNITS_MS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
  y: 31_536_000_000,
};

/** Go-style durations as the operator and VictoriaMetrics accept them: `30s`, `1m30s`, `500ms`, `1h`. */
const DURATION_RE = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h|d|w|y))+$/;
const DURATION_PART_RE = /(\d+(?:\.\d+)?)(ms|s|m|h|d|w|y)/g;

const durationCache = new Map<string, number | undefined>();

/** Milliseconds of a duration string, or undefined when it is not one. `60s` and `1m` are equal. */
export function parseDuration(value: string): number | undefined {
  // The checker compares the same few strings (30s, 1m, ...) thousands of times per lint.
  if (durationCache.has(value)) return durationCache.get(value);
  let total: number | undefined;
  if (DURATION_RE.test(value)) {
    total = 0;
    for (const [, amount, unit] of value.matchAll(DURATION_PART_RE)) total += Number(amount) * DURATION_UNITS_MS[unit!]!;
  }
  if (durationCache.size > 10_000) durationCache.clear();
  durationCache.set(value, total);
  return total;
}

/** `90000` → `1m30s`: the shortest way to write a duration, for messages and fixes. */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0s';
  let rest = ms;
  let out = '';
  for (const unit of ['h', 'm', 's', 'ms'] as const) {
    const size = DURATION_UNITS_MS[unit]!;
    const n = Math.floor(rest / size);
    if (n > 0) {
      out += `${n}${unit}`;
      rest -= n * size;
    }
  }
  return out;
}

const QUANTITY_SUFFIX: Record<string, number> = {
  '': 1,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 1024,
  Mi: 1024 ** 2,
  Gi: 1024 ** 3,
  Ti: 1024 ** 4,
  Pi: 1024 ** 5,
  Ei: 1024 ** 6,
};
const QUANTITY_RE = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E)?$/;

/** Kubernetes resource quantities (`20Gi`, `500m`, `1.5`), as a plain number (bytes, cores). */
export function parseQuantity(value: string | number): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
  const m = QUANTITY_RE.exec(value);
  if (!m) return undefined;
  return Number(m[1]) * QUANTITY_SUFFIX[m[2] ?? '']!;
}

/**
 * Bytes per unit of a VictoriaMetrics size, as the operator's `BytesString` accepts it
 * (`op:api/operator/v1beta1/vmextra_types.go`, pattern `^[0-9]+(kb|mb|gb|tb|KB|MB|GB|TB|KiB|MiB|GiB|TiB)?$`):
 * KB, MB, GB, TB are powers of 1000, KiB ... TiB powers of 1024, as in VictoriaMetrics flags.
 */
const SIZE_UNITS: Record<string, number> = {
  '': 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  KB: 1e3,
  MB: 1e6,
  GB: 1e9,
  TB: 1e12,
  KiB: 1024,
  MiB: 1024 ** 2,
  GiB: 1024 ** 3,
  TiB: 1024 ** 4,
};
const SIZE_RE = /^(\d+)(kb|mb|gb|tb|KB|MB|GB|TB|KiB|MiB|GiB|TiB)?$/;

/**
 * A VictoriaMetrics size (`maxDiskUsagePerURL`, `remoteWrite[].maxDiskUsage`) in bytes: a whole
 * number of bytes (a YAML integer or a string of digits) or digits with one of the units above.
 * Kubernetes quantities (`1Gi`, `500Mi`) and fractions are not sizes: the operator refuses them.
 */
export function parseSize(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const m = SIZE_RE.exec(value);
  return m ? Number(m[1]) * SIZE_UNITS[m[2] ?? '']! : undefined;
}

export type Check = (value: unknown) => string | undefined;

const NAME_RE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** RFC 1123 label: what every CR name and namespace here must be. */
export const checkName: Check = (v) => {
  if (typeof v !== 'string' || v === '') return 'is required';
  if (v.length > 63) return `is ${v.length} characters long; Kubernetes names allow at most 63`;
  if (!NAME_RE.test(v)) {
    return 'must be lowercase letters, digits and "-", starting and ending with a letter or digit (RFC 1123)';
  }
  return undefined;
};

export const checkDuration: Check = (v) =>
  typeof v === 'string' && parseDuration(v) !== undefined
    ? undefined
    : 'must be a duration such as 30s, 1m or 1h30m';

/** The operator's scrape/eval interval pattern `[0-9]+(ms|s|m|h)`: no days or fractions. */
export const checkShortDuration: Check = (v) =>
  typeof v === 'string' && /^(\d+(ms|s|m|h))+$/.test(v)
    ? undefined
    : 'must be a duration in ms, s, m or h, such as 30s or 1m';

export const checkQuantity: Check = (v) =>
  (typeof v === 'string' || typeof v === 'number') && parseQuantity(v) !== undefined
    ? undefined
    : 'must be a Kubernetes quantity such as 20Gi, 500Mi or 250m';

/** The same size in VictoriaMetrics units, for a Kubernetes quantity whose unit has one (`1Gi` → `1GiB`, `2G` → `2GB`). */
const KUBE_TO_VM: Record<string, string> = { Ki: 'KiB', Mi: 'MiB', Gi: 'GiB', Ti: 'TiB', k: 'KB', M: 'MB', G: 'GB', T: 'TB' };

/** `v` written with a Kubernetes unit, in the VictoriaMetrics unit of the same size; else undefined. */
export function vmSizeOfKube(v: unknown): string | undefined {
  const m = typeof v === 'string' ? /^(\d+)(Ki|Mi|Gi|Ti|k|M|G|T)$/.exec(v) : null;
  return m ? `${m[1]}${KUBE_TO_VM[m[2]!]}` : undefined;
}

export const checkSize: Check = (v) => {
  if (parseSize(v) !== undefined) return undefined;
  const vm = vmSizeOfKube(v);
  const hint = vm ? `; Kubernetes units such as Gi and Mi are not accepted (write ${vm})` : '';
  return `must be a VictoriaMetrics size: a whole number of bytes, or a whole number with KB, MB, GB, TB (powers of 1000) or KiB, MiB, GiB, TiB (powers of 1024), such as 1GiB or 500MB${hint}`;
};

/** `retentionPeriod`: `^[0-9]+(h|d|w|y)?$`, a bare number is months; `1m` is refused. */
export const checkRetention: Check = (v) => {
  const s = typeof v === 'number' ? String(v) : v;
  if (typeof s === 'string' && /^[0-9]+(h|d|w|y)?$/.test(s)) return undefined;
  return 'must be a number of months (e.g. 1) or a number with h, d, w or y (e.g. 30d); "m" is not allowed';
};

/**
 * A whole number in [min, max]. Only `strings` fields (extraArgs, strings in the CRD) take its
 * decimal text: elsewhere a quoted "3" is a string the API server refuses for an integer field.
 */
export function checkInt(min: number, max = 2 ** 31 - 1, strings = false): Check {
  return (v) => {
    const digits = typeof v === 'string' && /^-?\d+$/.test(v);
    if (digits && !strings) return 'must be a whole number, not a quoted string (remove the quotes)';
    const n = digits ? Number(v) : v;
    if (typeof n !== 'number' || !Number.isInteger(n)) return 'must be a whole number';
    if (n < min) return `must be at least ${min}`;
    if (n > max) return `must be at most ${max}`;
    return undefined;
  };
}

/** PodDisruptionBudget values: an integer or a percentage. */
export const checkIntOrPercent: Check = (v) => {
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return undefined;
  if (typeof v === 'string' && /^(\d+|\d{1,3}%)$/.test(v)) {
    if (v.endsWith('%') && Number(v.slice(0, -1)) > 100) return 'must be a percentage up to 100%';
    return undefined;
  }
  return 'must be a whole number or a percentage such as 1 or 50%';
};

const LABEL_KEY_RE = /^([a-z0-9]([-a-z0-9.]*[a-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const LABEL_VALUE_RE = /^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?$/;

/**
 * Kubernetes metadata labels (`metadata.labels` of a CR): names `[prefix/]name` (DNS-subdomain
 * prefix, name of at most 63 characters of letters, digits, `-`, `_`, `.`), values of at most 63
 * such characters or empty.
 */
export const checkKubeLabels: Check = (v) => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'must be a map of label names to values';
  for (const [key, value] of Object.entries(v)) {
    const slash = key.lastIndexOf('/');
    const name = slash < 0 ? key : key.slice(slash + 1);
    if (!LABEL_KEY_RE.test(key) || name.length > 63 || slash > 253) {
      return `has an invalid Kubernetes label name "${key}": use an optional DNS prefix and "/", then at most 63 letters, digits, "-", "_" or "." starting and ending with a letter or digit`;
    }
    if (typeof value !== 'string') return `label "${key}" must have a string value`;
    if (value.length > 63 || !LABEL_VALUE_RE.test(value)) {
      return `label "${key}" has an invalid Kubernetes label value "${value}": at most 63 letters, digits, "-", "_" or "." starting and ending with a letter or digit`;
    }
  }
  return undefined;
};

const PROM_LABEL_NAME_RE = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/**
 * Prometheus labels (`externalLabels` of VMAgent and VMAlert, added to series and alerts): names
 * `[a-zA-Z_][a-zA-Z0-9_]*`, values any UTF-8 text (the operator's own default is `<namespace>/<name>`).
 */
export const checkPromLabels: Check = (v) => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'must be a map of label names to values';
  for (const [key, value] of Object.entries(v)) {
    if (!PROM_LABEL_NAME_RE.test(key)) {
      return `has an invalid Prometheus label name "${key}": use letters, digits and "_", not starting with a digit (no ".", "-" or "/")`;
    }
    if (typeof value !== 'string') return `label "${key}" must have a string value`;
  }
  return undefined;
};

const TENANT_RE = /^(\d+(:\d+)?|multitenant)$/;

/** A VMCluster tenant as vminsert and vmselect paths take it: `<accountID>[:<projectID>]`, or `multitenant`. */
export const checkTenant: Check = (v) =>
  typeof v === 'string' && TENANT_RE.test(v) ? undefined : 'must be "<accountID>[:<projectID>]" or "multitenant"';

export const checkString: Check = (v) => (typeof v === 'string' ? undefined : 'must be text');

const URL_MAX = 2_000;

/** An absolute http(s) address, as a browser opens it (an external system's URL). */
export const checkUrl: Check = (v) => {
  if (typeof v !== 'string') return 'must be text';
  if (v.length > URL_MAX) return `is ${v.length} characters long; at most ${URL_MAX} are allowed`;
  if (!/^https?:\/\/[^\s/?#]+[^\s]*$/.test(v)) return 'must be an http:// or https:// address without spaces, like https://grafana.example.com';
  return undefined;
};

export const checkBool: Check = (v) => (typeof v === 'boolean' ? undefined : 'must be true or false');
