/**
 * Output formats of `vmtopo size`: the sizing report as readable text or JSON. Pure: the topology
 * (for component names), the report and its problems in, a string out.
 */
import { type Figure, type SizingProblem, type SizingReport, type Topology, getComponent, isClusterPart, showRetention, showSizingBytes } from '@vmtopo/model';
import { componentRef } from './explain-format.ts';

const round = (v: number, digits = 2): number => Math.round(v * 10 ** digits) / 10 ** digits;
/** Bytes as whole numbers (rounded up: a need is never understated). */
const wholeBytes = (v: number): number => Math.ceil(v - Math.max(1e-6, Math.abs(v) * 1e-12));
const crName = (t: Topology, id: string): string => {
  const c = getComponent(t, id);
  if (!c) return id;
  return isClusterPart(c.kind) ? (getComponent(t, c.cluster)?.name ?? '') : (c.name ?? '');
};
const figure = (f: Figure, value = f.value) => ({ value, unit: f.unit, formula: f.formula, source: f.source, basis: f.basis });

/**
 * The JSON shape of issue #14: `storages` (component name, kind, samplesPerSecond, diskBytes for the
 * whole component with replication, diskBytesPerPod, requestedBytesPerPod, fits, formula) and
 * `agents`, plus the flows along each link, the problems with their fixes, and every figure with
 * its formula, source and basis under `figures`.
 */
export function sizeJson(t: Topology, r: SizingReport, problems: SizingProblem[]): string {
  const out = {
    inputs: {
      outage: r.inputs.outage,
      outageSeconds: r.inputs.outageSeconds,
      wireBytesPerSample: r.inputs.wireBytesPerSample,
      defaultBytesPerSample: r.inputs.defaultBytesPerSample,
      series: Object.fromEntries(r.agents.map((a) => [componentRef(t, a.componentId), { active: a.series, assumed: a.assumed, ...(a.churnPerDay !== undefined ? { churnPerDay: a.churnPerDay } : {}) }])),
    },
    storages: r.storages.map((s) => ({
      component: crName(t, s.componentId),
      ref: componentRef(t, s.componentId),
      kind: s.kind,
      samplesPerSecond: round(s.samplesPerSecond.value),
      ingestedSamplesPerSecond: round(s.ingestedSamplesPerSecond.value),
      activeSeries: Math.round(s.activeSeries.value),
      replicationFactor: s.replicationFactor,
      retention: s.retention.value,
      retentionSeconds: s.retention.seconds,
      bytesPerSample: s.bytesPerSample.value,
      diskBytes: wholeBytes(s.diskBytes.value),
      pods: s.pods,
      diskBytesPerPod: wholeBytes(s.diskBytesPerPod.value),
      requestedBytesPerPod: s.requestedBytesPerPod ?? null,
      ...(s.requested !== undefined ? { requested: s.requested } : {}),
      fits: s.fits,
      samplesPerSecondPerPod: round(s.samplesPerSecondPerPod.value),
      cpuCoresPerPod: s.cpuCoresPerPod.value,
      failover: s.failover
        ? {
            extraLoad: round(s.failover.extraLoad.value, 4),
            samplesPerSecondPerSurvivor: round(s.failover.samplesPerSecondPerSurvivor.value),
            cpuCoresPerSurvivor: round(s.failover.cpuCoresPerSurvivor.value, 3),
          }
        : null,
      formula: `disk = ${s.diskBytes.formula}; per pod: ${s.diskBytesPerPod.formula}`,
      figures: {
        ingestedSamplesPerSecond: figure(s.ingestedSamplesPerSecond),
        samplesPerSecond: figure(s.samplesPerSecond),
        activeSeries: figure(s.activeSeries),
        bytesPerSample: figure(s.bytesPerSample),
        diskBytes: figure(s.diskBytes, wholeBytes(s.diskBytes.value)),
        diskBytesPerPod: figure(s.diskBytesPerPod, wholeBytes(s.diskBytesPerPod.value)),
        samplesPerSecondPerPod: figure(s.samplesPerSecondPerPod),
        cpuCoresPerPod: figure(s.cpuCoresPerPod),
        ...(s.failover
          ? {
              failoverExtraLoad: figure(s.failover.extraLoad),
              samplesPerSecondPerSurvivor: figure(s.failover.samplesPerSecondPerSurvivor),
              cpuCoresPerSurvivor: figure(s.failover.cpuCoresPerSurvivor),
            }
          : {}),
      },
      notes: s.notes,
    })),
    agents: r.agents.map((a) => ({
      component: crName(t, a.componentId),
      ref: componentRef(t, a.componentId),
      series: a.series,
      assumed: a.assumed,
      scrapeIntervalSeconds: a.scrapeIntervalSeconds,
      samplesPerSecond: round(a.samplesPerSecond.value),
      copies: round(a.copies.value, 4),
      sentSamplesPerSecond: round(a.sentSamplesPerSecond.value),
      podSamplesPerSecond: a.podSamplesPerSecond ? round(a.podSamplesPerSecond.value) : null,
      queues: a.queues.map((q) => ({
        to: q.targetId !== undefined ? componentRef(t, q.targetId) : 'outside the design',
        limitBytes: Number.isFinite(q.limitBytes) ? q.limitBytes : null,
        limitSource: q.limitSource,
        neededBytes: wholeBytes(q.neededBytes.value),
        fits: q.fits,
      })),
      formula: a.queues[0] ? `queue per pod and URL = ${a.queues[0].neededBytes.formula}` : a.sentSamplesPerSecond.formula,
      figures: {
        samplesPerSecond: figure(a.samplesPerSecond),
        copies: figure(a.copies),
        sentSamplesPerSecond: figure(a.sentSamplesPerSecond),
        ...(a.podSamplesPerSecond ? { podSamplesPerSecond: figure(a.podSamplesPerSecond) } : {}),
        ...(a.queues[0] ? { queueBytesPerUrl: figure(a.queues[0].neededBytes, wholeBytes(a.queues[0].neededBytes.value)) } : {}),
      },
      notes: a.notes,
    })),
    flows: r.flows.map((f) => ({
      from: componentRef(t, f.agentId),
      to: f.targetId !== undefined ? componentRef(t, f.targetId) : 'outside the design',
      ...(f.storageId !== undefined ? { storage: componentRef(t, f.storageId) } : {}),
      ...(f.tenant !== undefined ? { tenant: f.tenant } : {}),
      samplesPerSecond: round(f.samplesPerSecond.value),
    })),
    problems: problems.map((p) => ({
      component: componentRef(t, p.componentId),
      id: p.id,
      severity: p.severity,
      message: p.message,
      field: p.field,
      fixValue: p.fixValue,
      ...(p.linkId !== undefined ? { linkId: p.linkId } : {}),
    })),
    notes: r.notes,
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

const num = (v: number): string => (Math.round(v * 10) / 10).toLocaleString('en-US', { maximumFractionDigits: 1 });
const TAG: Record<Figure['basis'], string> = { documented: 'documented', guidance: 'guidance', estimate: 'estimate', input: 'input' };

function row(label: string, value: string, f?: Figure): string {
  return `  ${label.padEnd(18)} ${value.padEnd(20)}${f ? ` ${f.formula}  [${TAG[f.basis]}]` : ''}`;
}

export function sizeText(t: Topology, r: SizingReport, problems: SizingProblem[]): string {
  const lines: string[] = [
    'Capacity sizing. Every figure shows its formula and is tagged: [documented] follows the VictoriaMetrics docs,',
    '[guidance] a documented rule of thumb, [estimate] an assumption of this tool, [input] your workload (or its default).',
    `Outage a queue must ride out: ${r.inputs.outage}. Queue bytes per sample: ${num(r.inputs.wireBytesPerSample)} (estimate).`,
    '',
  ];
  if (r.agents.length > 0) lines.push('VMAgents');
  for (const a of r.agents) {
    lines.push(`${componentRef(t, a.componentId)}: ${num(a.series)} active series every ${a.scrapeIntervalSeconds}s${a.assumed ? ' (assumed: no --series given)' : ''}${a.churnPerDay !== undefined ? `, ${num(a.churnPerDay)} new series/day` : ''}`);
    lines.push(row('one copy', `${num(a.samplesPerSecond.value)} samples/s`, a.samplesPerSecond));
    lines.push(row('copies', num(a.copies.value), a.copies));
    lines.push(row('sent per URL', `${num(a.sentSamplesPerSecond.value)} samples/s`, a.sentSamplesPerSecond));
    if (a.podSamplesPerSecond) lines.push(row('busiest pod', `${num(a.podSamplesPerSecond.value)} samples/s`, a.podSamplesPerSecond));
    for (const q of a.queues) {
      const to = q.targetId !== undefined ? componentRef(t, q.targetId) : 'outside the design';
      lines.push(
        `  queue → ${to}: needs ${showSizingBytes(q.neededBytes.value)} per pod for ${r.inputs.outage}, has ${showSizingBytes(q.limitBytes)} (${q.limitSource}) — ${q.fits ? 'holds it' : 'TOO SMALL'}`,
        `    ${q.neededBytes.formula}  [${TAG[q.neededBytes.basis]}]`,
      );
    }
    for (const n of a.notes) lines.push(`  note: ${n}`);
    lines.push('');
  }
  if (r.storages.length > 0) lines.push('Storages');
  for (const s of r.storages) {
    const where = s.kind === 'VMCluster' ? `, ${s.pods} vmstorage node${s.pods === 1 ? '' : 's'} written to` : '';
    lines.push(`${componentRef(t, s.componentId)}: RF ${s.replicationFactor}, retention ${showRetention(s.retention)}${s.retention.set ? '' : ' (default)'}${where}`);
    lines.push(row('arriving', `${num(s.ingestedSamplesPerSecond.value)} samples/s`, s.ingestedSamplesPerSecond));
    lines.push(row('stored (unique)', `${num(s.samplesPerSecond.value)} samples/s`, s.samplesPerSecond));
    lines.push(row('active series', num(s.activeSeries.value), s.activeSeries));
    lines.push(row('bytes per sample', num(s.bytesPerSample.value), s.bytesPerSample));
    lines.push(row('disk, all pods', showSizingBytes(s.diskBytes.value), s.diskBytes));
    lines.push(row('disk per pod', showSizingBytes(s.diskBytesPerPod.value), s.diskBytesPerPod));
    if (!s.persistent) lines.push(`  ${'volume'.padEnd(18)} no volume claim (emptyDir or a custom volume): nothing to compare`);
    else lines.push(`  ${'volume'.padEnd(18)} ${s.requested !== undefined ? `requested ${s.requested}` : 'the claim requests no size'} — ${s.fits ? 'fits' : 'DOES NOT FIT'}`);
    lines.push(row('ingest per pod', `${num(s.samplesPerSecondPerPod.value)} samples/s`, s.samplesPerSecondPerPod));
    lines.push(row('CPU per pod', `${s.cpuCoresPerPod.value} core${s.cpuCoresPerPod.value === 1 ? '' : 's'}`, s.cpuCoresPerPod));
    if (s.failover) {
      lines.push(row('one node down', `+${num(s.failover.extraLoad.value * 100)}% per survivor`, s.failover.extraLoad));
      lines.push(row('  per survivor', `${num(s.failover.samplesPerSecondPerSurvivor.value)} samples/s`, s.failover.samplesPerSecondPerSurvivor));
    }
    for (const n of s.notes) lines.push(`  note: ${n}`);
    lines.push('');
  }
  if (problems.length > 0) {
    lines.push('Problems');
    for (const p of problems) lines.push(`${p.severity} ${p.id} ${componentRef(t, p.componentId)}: ${p.message}`, `  fix: ${p.fixLabel}`);
    lines.push('');
  }
  lines.push('Notes', ...r.notes.map((n) => `  - ${n}`), '');
  const sources = new Set<string>();
  const add = (f: Figure) => {
    for (const s of f.source.split(/; (?=vm:|op:|estimate:|bytes per sample:|understand-your-setup-size)/)) sources.add(s.replace(/^bytes per sample: /, ''));
  };
  for (const a of r.agents) [a.samplesPerSecond, a.copies, a.sentSamplesPerSecond, ...a.queues.map((q) => q.neededBytes)].forEach(add);
  for (const s of r.storages) [s.samplesPerSecond, s.activeSeries, s.bytesPerSample, s.diskBytes, s.diskBytesPerPod, s.cpuCoresPerPod, ...(s.failover ? [s.failover.extraLoad] : [])].forEach(add);
  lines.push('Sources', ...[...sources].map((s) => `  - ${s}`));
  return `${lines.join('\n')}\n`;
}
