/**
 * "Apply sizing": every size a sizing report asks for, written into the design at once. Storage
 * volumes grow to the disk each data pod needs, data pods request the whole CPUs of the 100K
 * samples/s guidance (vmstorage with limits equal to requests, so that a busy node is not
 * throttled below what it asked for), and vmagent queues are raised to hold the design's outage.
 * Nothing shrinks: a volume claim cannot, and a larger request is the user's own decision. RAM is
 * left alone: VictoriaMetrics documents no RAM-per-series figure (RAM_NOTE).
 */
import { getComponent, withField } from '../access.ts';
import { updateComponent } from '../edit.ts';
import type { Component, JsonObject, Topology } from '../topology.ts';
import { parseQuantity } from '../values.ts';
import { quantityFor } from './formulas.ts';
import { applySizingFix, sizingProblems } from './problems.ts';
import { sizeTopology } from './size.ts';
import type { SizingInputs } from './types.ts';
import { designInputs } from './workload.ts';

const isObj = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What a quantity field holds now, in its unit (bytes, cores); undefined when unset or unreadable. */
function current(c: Component, path: string[]): number | undefined {
  let v: unknown = c.spec;
  for (const k of path) v = isObj(v) ? v[k] : undefined;
  return typeof v === 'string' || typeof v === 'number' ? parseQuantity(v) : undefined;
}

/** `cores` whole CPUs as the request (and for vmstorage the limit too), unless more is asked already. */
function withCpu(c: Component, cores: number): Component {
  const have = current(c, ['resources', 'requests', 'cpu']);
  const cpu = have !== undefined && have > cores ? undefined : String(cores);
  const next = cpu === undefined ? c : withField(c, 'cpuRequest', cpu);
  if (next.kind !== 'vmstorage') return next;
  const resources = isObj(next.spec.resources) ? next.spec.resources : {};
  const requests = isObj(resources.requests) ? resources.requests : {};
  const limits = isObj(resources.limits) ? resources.limits : {};
  const same: JsonObject = { ...limits };
  for (const k of ['cpu', 'memory']) if (requests[k] !== undefined) same[k] = requests[k];
  return { ...next, spec: { ...next.spec, resources: { ...resources, limits: same } } };
}

/** The design with every storage, CPU and queue size of its sizing report written in (one pure step). */
export function applySizing(t: Topology, inputs: SizingInputs = designInputs(t)): Topology {
  const report = sizeTopology(t, inputs);
  let next = t;
  for (const s of report.storages) {
    if (!getComponent(next, s.dataComponentId)) continue;
    next = updateComponent(next, s.dataComponentId, (c) => {
      const grown = s.persistent && !s.fits ? withField(c, 'storageSize', quantityFor(s.diskBytesPerPod.value)) : c;
      return withCpu(grown, s.cpuCoresPerPod.value);
    });
  }
  for (const p of sizingProblems(next, inputs)) if (p.id === 'vmagent-queue-too-small-for-outage') next = applySizingFix(next, p);
  return next;
}
