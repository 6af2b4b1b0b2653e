import { isClusterPart, nameOf, operatorModel, type Topology } from '@vmtopo/model';
import { componentRef, explainJson, explainText } from '../../explain-format.ts';
import { type Command, loadArgs } from '../command.ts';
import { InputError } from '../input.ts';

const FORMATS = ['text', 'json'] as const;

/** The ids `--component` names: a CR name (a VMCluster's parts too), or `Kind/name[/part]`. */
function selected(t: Topology, want: string): string[] {
  const ids = t.components
    .filter((c) => {
      const name = isClusterPart(c.kind) ? nameOf(t, c) : c.name;
      return name === want || componentRef(t, c.id).toLowerCase() === want.toLowerCase();
    })
    .map((c) => c.id);
  if (ids.length === 0) {
    const known = t.components.map((c) => componentRef(t, c.id)).join(', ');
    throw new InputError(`--component "${want}" names no component of the design; it has ${known || 'none'}`);
  }
  return ids;
}

export const explainCommand: Command = {
  help: `vmtopo explain [--format text|json] [--component NAME] <topology.json | manifests: files, directories, kustomization.yaml, -...>

Shows what the VictoriaMetrics operator creates for the design: workloads (one per VMAgent shard),
pod names, the flags it derives with where each comes from, Services and ports, PDBs and PVCs.
--component limits it to one component: a CR name (a VMCluster's name gives its three parts) or
Kind/name, e.g. VMCluster/prod/vmstorage. json: {"operatorVersion", "workloads", "services", "pdbs", "pvcs", ...}.
Exit 0; 2: bad input.`,
  run(args, io) {
    const { topology, opts } = loadArgs(args, io, { format: 'value', component: 'value' });
    const format = (opts.format ?? 'text') as string;
    if (!FORMATS.includes(format as never)) throw new InputError(`--format must be one of ${FORMATS.join(', ')}, not "${format}"`);
    const ids = typeof opts.component === 'string' ? selected(topology, opts.component) : undefined;
    const model = operatorModel(topology, ids);
    io.out(format === 'json' ? explainJson(topology, model) : explainText(topology, model));
    return 0;
  },
};
