/**
 * The sizing checks of issue #14, as pure functions the rule catalog can wrap:
 * - `storage-undersized` (warning): a data pod's claim is below its share of the disk need, with
 *   the documented 20% free space (the formula's × 1.25);
 * - `vmagent-queue-too-small-for-outage` (info): a vmagent pod's queue for a URL cannot hold the
 *   chosen outage.
 * Each comes with the value its fix writes; `applySizingFix` writes it.
 */
import { describe, getComponent, withField } from '../access.ts';
import { updateComponent, updateLink } from '../edit.ts';
import { linksFrom } from '../links.ts';
import { queueVolume, urlQueues } from '../operator/index.ts';
import type { Component, Link, Topology } from '../topology.ts';
import { parseQuantity } from '../values.ts';
import { bytes } from '../rules/context.ts';
import { MIN_QUEUE_BYTES, type SizingInputs, type SizingProblem, type SizingReport } from './types.ts';
import { quantityFor, showBytes, showRetention, showSeconds, vmSizeFor } from './formulas.ts';
import { sizeTopology } from './size.ts';

/** The URL's own `maxDiskUsage`: in `extra` for a link to a component, in `external` for an entry kept verbatim. */
const ownLimit = (l: Link): unknown => (l.extra ?? l.external)?.maxDiskUsage;

/** The sizing problems of a design (or of an already computed report of it). */
export function sizingProblems(t: Topology, inputs: SizingInputs = {}, report: SizingReport = sizeTopology(t, inputs)): SizingProblem[] {
  const out: SizingProblem[] = [];
  for (const s of report.storages) {
    const data = getComponent(t, s.dataComponentId);
    // Without a claim there is nothing to grow: catalog storage-ephemeral asks for one first.
    if (!data || s.fits || !s.persistent) continue;
    const need = s.diskBytesPerPod.value;
    const fixValue = quantityFor(need);
    const have = s.requested !== undefined ? `requests ${s.requested}` : 'requests no size';
    const who = s.kind === 'VMSingle' ? describe(t, data) : `each of the ${s.pods} nodes of ${describe(t, data)}`;
    out.push({
      componentId: data.id,
      id: 'storage-undersized',
      severity: 'warning',
      message:
        `${who} ${have}: undersized, it needs ${showBytes(need)} for ${s.retention.set ? '' : 'the default '}${showRetention(s.retention)} of retention: ` +
        `${s.diskBytesPerPod.formula} (${s.diskBytes.formula}). The formula and its 20% free space are documented (understand-your-setup-size guide); ` +
        `the workload is ${report.agents.some((a) => a.assumed) ? 'partly assumed' : 'as given'}. Set the volume to ${fixValue}; Kubernetes grows existing claims only when their StorageClass allows volume expansion.`,
      field: 'storageSize',
      fixValue,
      fixLabel: `Set the ${s.kind === 'VMSingle' ? 'volume' : 'vmstorage volume'} to ${fixValue}`,
    });
  }
  for (const a of report.agents) {
    const agent = getComponent(t, a.componentId);
    if (!agent) continue;
    const short = a.queues.filter((q) => !q.fits);
    if (short.length === 0) continue;
    const need = short[0]!.neededBytes;
    const target = Math.max(need.value, MIN_QUEUE_BYTES);
    const fixValue = vmSizeFor(target);
    const outage = showSeconds(report.inputs.outageSeconds);
    const links = linksFrom(t, agent.id, 'remoteWrite');
    const estimate = `${need.formula}; the bytes per sample are an estimate, not a documented figure — measure sum(rate(vmagent_remotewrite_bytes_sent_total[1h])) by(instance,url) and size by it (vmagent docs)`;
    // URLs with their own maxDiskUsage: one problem each, the fix raises that entry.
    for (const q of short) {
      const l = links.find((x) => x.id === q.linkId);
      if (!l || ownLimit(l) === undefined) continue;
      out.push({
        componentId: agent.id,
        id: 'vmagent-queue-too-small-for-outage',
        severity: 'info',
        message: `${describe(t, agent)} queues at most ${showBytes(q.limitBytes)} per pod for ${urlName(t, l)} (its remoteWrite maxDiskUsage), but a ${outage} outage needs ${showBytes(need.value)}: ${estimate}. Raise that URL's maxDiskUsage to ${fixValue}.`,
        field: 'maxDiskUsage',
        fixValue,
        linkId: l.id,
        fixLabel: `Set maxDiskUsage of the URL to ${urlName(t, l)} to ${fixValue}`,
      });
    }
    const shared = short.filter((q) => {
      const l = links.find((x) => x.id === q.linkId);
      return l !== undefined && ownLimit(l) === undefined;
    });
    if (shared.length === 0) continue;
    const q = shared[0]!;
    const vol = queueVolume(agent);
    const volumeSplit = vol.persistence === 'pvc' && !explicitPerUrl(agent);
    const queueVolumeFix = quantityFor(target * links.length);
    out.push({
      componentId: agent.id,
      id: 'vmagent-queue-too-small-for-outage',
      severity: 'info',
      message:
        `${describe(t, agent)} queues at most ${showBytes(q.limitBytes)} per pod and remote-write URL (${q.limitSource}), but a ${outage} outage needs ${showBytes(need.value)}` +
        `${shared.length > 1 ? ` for each of its ${shared.length} URLs` : ''}: ${estimate}. ` +
        (volumeSplit
          ? `Grow the statefulMode queue volume to ${queueVolumeFix} (${links.length} URL${links.length === 1 ? '' : 's'} × ${showBytes(target)}); the operator divides it by the URLs.`
          : `Set remoteWriteSettings.maxDiskUsagePerURL to ${fixValue}${vol.persistence === 'pvc' ? ` (and the queue volume to at least ${queueVolumeFix})` : ''}.`),
      field: volumeSplit ? 'storageSize' : 'maxDiskUsagePerURL',
      fixValue: volumeSplit ? queueVolumeFix : fixValue,
      fixLabel: volumeSplit ? `Set the queue volume to ${queueVolumeFix}` : `Set maxDiskUsagePerURL to ${fixValue}`,
    });
  }
  return out;
}

/** `remoteWriteSettings.maxDiskUsagePerURL` set to something other than the 1 GiB default (which the operator treats as unset). */
function explicitPerUrl(a: Component): boolean {
  const s = a.spec.remoteWriteSettings;
  const v = typeof s === 'object' && s !== null ? (s as Record<string, unknown>).maxDiskUsagePerURL : undefined;
  return v !== undefined && String(v) !== String(1024 ** 3);
}

function urlName(t: Topology, l: Link): string {
  const target = getComponent(t, l.target);
  return target ? describe(t, target) : String(l.external?.url ?? 'an outside URL');
}

/** Grows a statefulMode queue volume to hold `perUrl` bytes for each URL, when it is smaller. */
function ensureQueueVolume(t: Topology, a: Component, perUrl: number): Topology {
  const vol = queueVolume(a);
  if (vol.persistence !== 'pvc') return t;
  const want = perUrl * linksFrom(t, a.id, 'remoteWrite').length;
  const have = vol.size !== undefined ? parseQuantity(vol.size) : undefined;
  if (have !== undefined && have >= want) return t;
  return updateComponent(t, a.id, (c) => withField(c, 'storageSize', quantityFor(want)));
}

/**
 * Writes a problem's fix into the design: the data volume (`storageSize`), the agent's queue limit
 * (`maxDiskUsagePerURL`, growing a statefulMode volume that could not hold it), or one URL's own
 * `maxDiskUsage`. Pure.
 */
export function applySizingFix(t: Topology, p: SizingProblem): Topology {
  const c = getComponent(t, p.componentId);
  if (!c) return t;
  if (p.field === 'maxDiskUsage' && p.linkId !== undefined) {
    const next = updateLink(t, p.linkId, (l) =>
      l.extra?.maxDiskUsage === undefined && l.external?.maxDiskUsage !== undefined ? { ...l, external: { ...l.external, maxDiskUsage: p.fixValue } } : { ...l, extra: { ...l.extra, maxDiskUsage: p.fixValue } },
    );
    return ensureQueueVolume(next, getComponent(next, c.id)!, bytes(p.fixValue) ?? 0);
  }
  if (p.field === 'maxDiskUsagePerURL') {
    const next = updateComponent(t, c.id, (x) => withField(x, 'maxDiskUsagePerURL', p.fixValue));
    const after = getComponent(next, c.id)!;
    // Every URL's limit after the change, so that a statefulMode volume holds them all.
    const per = Math.max(...urlQueues(next, after).map((q) => (q.bytes === 0 ? 0 : (q.bytes ?? 0))), 0);
    return ensureQueueVolume(next, after, per);
  }
  return updateComponent(t, c.id, (x) => withField(x, p.field, p.fixValue));
}
