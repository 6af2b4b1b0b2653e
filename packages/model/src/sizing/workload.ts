/**
 * The sizing inputs a design carries (document format v2): each VMAgent's active series and churn,
 * each storage's bytes per sample, and the outage the queues must ride out. The document, the
 * editor and the CLI check values here; `designInputs` turns a design into `SizingInputs`, which
 * CLI flags may then override.
 */
import { ofKind } from '../rules/context.ts';
import type { ComponentKind, Topology, WorkloadInputs } from '../topology.ts';
import { DEFAULT_OUTAGE, type SizingInputs } from './types.ts';

export type WorkloadKey = keyof WorkloadInputs;

/** What one workload input is, for messages and the inspector. */
export interface WorkloadField {
  key: WorkloadKey;
  label: string;
  /** Whole numbers only (series are counted). */
  integer: boolean;
  min: number;
  max: number;
  /** Exclusive minimum: bytes per sample must be above 0. */
  above?: boolean;
  /** The input a workload of its kind cannot go without (a VMAgent workload without its series says nothing). */
  required?: boolean;
  help: string;
}

const ACTIVE_SERIES: WorkloadField = {
  key: 'activeSeries',
  label: 'Active series',
  required: true,
  integer: true,
  min: 0,
  max: 1e12,
  help: 'Active series the targets expose: one copy, before replicas or HA pairs duplicate them. Read it from a running setup (vm_cache_entries{type="storage/hour_metric_ids"}) or estimate it per exporter.',
};
const CHURN: WorkloadField = {
  key: 'churnPerDay',
  label: 'New series per day',
  integer: true,
  min: 0,
  max: 1e12,
  help: 'New series per day (pod restarts, volatile labels). Reported beside the documented limits; it changes no figure.',
};
const BYTES_PER_SAMPLE: WorkloadField = {
  key: 'bytesPerSample',
  label: 'Bytes per sample',
  required: true,
  integer: false,
  min: 0,
  above: true,
  max: 100,
  help: 'Bytes on disk per stored sample, index included. Default 1.2 (documented: about 1 byte after compression plus ~20% indexdb); high churn may need more than 1.5.',
};

/** The workload inputs each kind carries; other kinds carry none. */
export const WORKLOAD_FIELDS: Partial<Record<ComponentKind, readonly WorkloadField[]>> = {
  VMAgent: [ACTIVE_SERIES, CHURN],
  VMSingle: [BYTES_PER_SAMPLE],
  VMCluster: [BYTES_PER_SAMPLE],
};

export const DEFAULT_OUTAGE_MINUTES = 60;
/** A week: longer outages are a different design (a second storage), not a bigger queue. */
export const MAX_OUTAGE_MINUTES = 7 * 24 * 60;
export const MAX_ZONES = 64;

/** Why `value` cannot be this workload input; undefined when it can. */
export function workloadValueProblem(f: WorkloadField, value: unknown): string | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'must be a number';
  if (f.integer && !Number.isInteger(value)) return `must be a whole number (${f.label.toLowerCase()} are counted), not ${value}`;
  if (f.above ? value <= f.min : value < f.min) return `must be ${f.above ? 'above' : 'at least'} ${f.min}, not ${value}`;
  if (value > f.max) return `must be at most ${f.max.toLocaleString('en-US')}, not ${value}`;
  return undefined;
}

/** The first problem of a component's workload, with the key it is at (undefined key: the whole object). */
export function workloadProblem(kind: ComponentKind, workload: unknown): { key?: string; message: string } | undefined {
  const fields = WORKLOAD_FIELDS[kind];
  if (!fields) return { message: `a ${kind} has no workload inputs (only ${Object.keys(WORKLOAD_FIELDS).join(', ')} do)` };
  if (typeof workload !== 'object' || workload === null || Array.isArray(workload)) return { message: 'must be an object' };
  for (const key of Object.keys(workload)) {
    const f = fields.find((x) => x.key === key);
    if (!f) return { key, message: `is not a workload input of a ${kind} (it has ${fields.map((x) => x.key).join(', ')})` };
    const msg = workloadValueProblem(f, (workload as Record<string, unknown>)[key]);
    if (msg) return { key, message: msg };
  }
  const required = fields.find((f) => f.required)!.key;
  if ((workload as WorkloadInputs)[required] === undefined) return { key: required, message: `is missing: a ${kind} workload needs ${required}` };
  return undefined;
}

/** Why `value` cannot be the design's zone count. */
export function zonesProblem(value: unknown): string | undefined {
  if (typeof value !== 'number' || !Number.isInteger(value)) return `must be a whole number of zones, not ${JSON.stringify(value)}`;
  if (value < 1 || value > MAX_ZONES) return `must be between 1 and ${MAX_ZONES}, not ${value}`;
  return undefined;
}

/** Why `value` cannot be the design's outage in minutes. */
export function outageMinutesProblem(value: unknown): string | undefined {
  if (typeof value !== 'number' || !Number.isInteger(value)) return `must be a whole number of minutes, not ${JSON.stringify(value)}`;
  if (value < 1 || value > MAX_OUTAGE_MINUTES) return `must be between 1 and ${MAX_OUTAGE_MINUTES} minutes (a week), not ${value}`;
  return undefined;
}

/** The outage the design asks its queues to ride out, in minutes. */
export const outageMinutesOf = (t: Topology): number => t.outageMinutes ?? DEFAULT_OUTAGE_MINUTES;

/** Whether any component of the design describes its workload: without one, sizing only assumes. */
export function hasWorkload(t: Topology): boolean {
  // The agents only, from the kind index the checker builds anyway: each lint asks twice.
  for (const a of ofKind(t, 'VMAgent')) if (a.workload?.activeSeries !== undefined) return true;
  return false;
}

/**
 * The sizing inputs of a design. `unknownAgents: 'zero'` counts an agent without a workload as
 * sending nothing, so that every figure is a lower bound (what the lint rules judge by: a finding
 * never rests on an assumption); the default leaves it out, so sizing assumes and says so.
 */
export function designInputs(t: Topology, opts: { unknownAgents?: 'assume' | 'zero' } = {}): SizingInputs {
  const series: NonNullable<SizingInputs['series']> = {};
  const bytesPerSample: Record<string, number> = {};
  for (const c of t.components) {
    const w = c.workload;
    if (c.kind === 'VMAgent') {
      if (w?.activeSeries !== undefined) series[c.id] = w.churnPerDay === undefined ? { active: w.activeSeries } : { active: w.activeSeries, churnPerDay: w.churnPerDay };
      else if (opts.unknownAgents === 'zero') series[c.id] = { active: 0 };
    } else if (w?.bytesPerSample !== undefined) bytesPerSample[c.id] = w.bytesPerSample;
  }
  return { series, bytesPerSample, outage: t.outageMinutes === undefined ? DEFAULT_OUTAGE : `${t.outageMinutes}m` };
}

/** `base` (the design's inputs) with `over` (the CLI's flags) taking precedence, agent by agent and storage by storage. */
export function withOverrides(base: SizingInputs, over: SizingInputs): SizingInputs {
  const out: SizingInputs = { ...base, ...over };
  if (base.series || over.series) out.series = { ...base.series, ...over.series };
  if (base.bytesPerSample || over.bytesPerSample) out.bytesPerSample = { ...base.bytesPerSample, ...over.bytesPerSample };
  return out;
}
