/**
 * Output formats of `vmtopo explain`: what the operator creates for a design, as readable text or
 * JSON. Pure: the operator model (and the topology, for component names) in, a string out.
 */
import { type Arg, type ComponentPlan, type OperatorModel, type Topology, getComponent, isClusterPart, isExternalKind, nameOf } from '@vmtopo/model';

/** How the output names a component: `VMAgent/big`, `VMCluster/prod/vmstorage`. */
export function componentRef(t: Topology, id: string): string {
  const c = getComponent(t, id);
  if (!c) return id;
  return isClusterPart(c.kind) ? `VMCluster/${nameOf(t, c)}/${c.kind}` : `${c.kind}/${c.name ?? ''}`;
}

const flagText = (a: Arg): string[] => (Array.isArray(a.value) ? a.value.map((v) => `${a.dashes}${a.flag}=${v}`) : [`${a.dashes}${a.flag}=${a.value}`]);

/** The JSON shape of issue #12: workloads with args by flag, services with port numbers, PDBs, PVCs. */
export function explainJson(t: Topology, m: OperatorModel): string {
  const plans = m.plans;
  const out = {
    operatorVersion: m.operatorVersion,
    assumptions: m.assumptions,
    workloads: plans.flatMap((p) =>
      p.workloads.map((w) => ({
        component: componentRef(t, p.componentId),
        kind: w.kind,
        name: w.name,
        ...(w.shard !== undefined ? { shard: w.shard } : {}),
        replicas: w.replicas,
        pods: w.pods,
        podNames: w.podNames,
        args: Object.fromEntries(w.args.map((a) => [a.flag, a.value])),
        argSources: Object.fromEntries(w.args.map((a) => [a.flag, a.source])),
        volumes: w.volumes,
      })),
    ),
    services: plans.flatMap((p) =>
      p.services.map((s) => ({ component: componentRef(t, p.componentId), name: s.name, ports: s.ports.map((x) => x.port), portNames: s.ports.map((x) => x.name), headless: s.headless, ...(s.note ? { note: s.note } : {}) })),
    ),
    pdbs: plans.flatMap((p) => p.pdbs.map(({ componentId, ...d }) => ({ component: componentRef(t, componentId), ...d }))),
    pvcs: plans.flatMap((p) => p.pvcs.map((c) => ({ component: componentRef(t, p.componentId), names: c.names, holds: c.holds, ...(c.size ? { size: c.size } : {}) }))),
    notes: plans.flatMap((p) => p.notes.map((note) => ({ component: componentRef(t, p.componentId), note }))),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

function planText(t: Topology, p: ComponentPlan): string[] {
  const lines = [componentRef(t, p.componentId)];
  const c = getComponent(t, p.componentId);
  if (c && isExternalKind(c.kind)) lines.push('  external, not an operator object: nothing is created for it');
  else if (p.workloads.length + p.services.length + p.pdbs.length + p.pvcs.length === 0) lines.push('  nothing of its own');
  for (const w of p.workloads) {
    const pods = w.podNames === 'per-node' ? 'one pod per Kubernetes node' : `${w.replicas} pod${w.replicas === 1 ? '' : 's'}: ${w.pods.join(', ')}${w.podNames === 'generated' ? ' (generated names, by ordinal)' : ''}`;
    lines.push(`  ${w.kind} ${w.name}${w.shard !== undefined ? ` (shard ${w.shard})` : ''} — ${pods}`);
    const texts = w.args.flatMap((a) => flagText(a).map((text) => ({ text, note: a.source.note })));
    const width = Math.min(60, Math.max(...texts.map((x) => x.text.length)));
    for (const x of texts) lines.push(`    ${x.text.padEnd(width)}  ${x.note}`);
  }
  for (const s of p.services) {
    lines.push(`  Service ${s.name}${s.headless ? ' (headless)' : ''}: ${s.ports.map((x) => `${x.name} ${x.port}${x.protocol === 'UDP' ? '/udp' : ''}`).join(', ')}${s.note ? ` — ${s.note}` : ''}`);
  }
  for (const d of p.pdbs) {
    const rule = d.maxUnavailable !== undefined ? `maxUnavailable ${d.maxUnavailable}` : `minAvailable ${d.minAvailable}`;
    lines.push(`  PodDisruptionBudget ${d.name}: ${rule} — at most ${d.allowedDown} pod${d.allowedDown === 1 ? '' : 's'} down at once`);
  }
  for (const c of p.pvcs) lines.push(`  PVC${c.names.length === 1 ? '' : 's'} (${c.holds}${c.size ? `, ${c.size} each` : ''}): ${c.names.join(', ')}`);
  for (const n of p.notes) lines.push(`  note: ${n}`);
  return lines;
}

export function explainText(t: Topology, m: OperatorModel): string {
  const lines = [`What the VictoriaMetrics operator ${m.operatorVersion} creates for this design`, ''];
  for (const p of m.plans) lines.push(...planText(t, p), '');
  lines.push('Assumptions:', ...m.assumptions.map((a) => `  - ${a}`));
  return `${lines.join('\n')}\n`;
}
