import { type Component, type SizingInputs, type Topology, designInputs, sizeTopology, sizingProblems, withOverrides } from '@vmtopo/model';
import { componentRef } from '../../explain-format.ts';
import { sizeJson, sizeText } from '../../size-format.ts';
import { type Command, loadArgs } from '../command.ts';
import { InputError } from '../input.ts';

const FORMATS = ['text', 'json'] as const;
/** Options that may be repeated, one NAME=VALUE each. */
const REPEATED = ['series', 'churn', 'bytes-per-sample'] as const;
type Repeated = (typeof REPEATED)[number];

/** Takes the repeatable `--series A=N` options out of `args` (the shared parser keeps one value per option). */
function takeRepeated(args: string[]): { rest: string[]; values: Record<Repeated, string[]> } {
  const values: Record<Repeated, string[]> = { series: [], churn: [], 'bytes-per-sample': [] };
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const m = /^--([a-z-]+)(?:=(.*))?$/s.exec(a);
    const key = m?.[1] as Repeated | undefined;
    if (!m || !key || !REPEATED.includes(key)) {
      rest.push(a);
      continue;
    }
    const value = m[2] ?? args[++i];
    if (value === undefined) throw new InputError(`--${key} needs a value: NAME=NUMBER`);
    values[key].push(value);
  }
  return { rest, values };
}

/** `50000`, `50k`, `1.5M`. */
function count(text: string, option: string): number {
  const m = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(text.trim().replace(/_/g, ''));
  if (!m) throw new InputError(`--${option}: "${text}" is not a number (such as 50000, 50k or 1.5M)`);
  const unit = m[2]!.toLowerCase();
  return Number(m[1]) * (unit === 'k' ? 1e3 : unit === 'm' ? 1e6 : 1);
}

/** The component a NAME means: its id, its CR name, or Kind/name as the other commands print it. */
function resolve(t: Topology, name: string, kinds: Component['kind'][], option: string): Component {
  const candidates = t.components.filter((c) => kinds.includes(c.kind));
  const found = candidates.filter((c) => c.id === name || c.name === name || componentRef(t, c.id).toLowerCase() === name.toLowerCase());
  const known = candidates.map((c) => componentRef(t, c.id)).join(', ') || 'none';
  if (found.length === 0) throw new InputError(`--${option} ${name}: the design has no ${kinds.join(' or ')} of that name; it has ${known}`);
  if (found.length > 1) throw new InputError(`--${option} ${name}: several components have that name (${found.map((c) => c.id).join(', ')}); give the id`);
  return found[0]!;
}

function pairs(values: string[], option: string): [string, string][] {
  return values.map((v) => {
    const at = v.lastIndexOf('=');
    if (at <= 0) throw new InputError(`--${option} "${v}": expected NAME=NUMBER`);
    return [v.slice(0, at), v.slice(at + 1)];
  });
}

/** The sizing inputs the options give (names resolved to component ids). */
export function sizingInputs(t: Topology, values: Record<Repeated, string[]>, outage: string | undefined): SizingInputs {
  const inputs: SizingInputs = {};
  const series: NonNullable<SizingInputs['series']> = {};
  for (const [name, n] of pairs(values.series, 'series')) series[resolve(t, name, ['VMAgent'], 'series').id] = { active: count(n, 'series') };
  for (const [name, n] of pairs(values.churn, 'churn')) {
    const id = resolve(t, name, ['VMAgent'], 'churn').id;
    const entry = series[id];
    if (!entry) throw new InputError(`--churn ${name}: give its active series with --series too`);
    entry.churnPerDay = count(n, 'churn');
  }
  if (Object.keys(series).length > 0) inputs.series = series;
  const bps: Record<string, number> = {};
  for (const [name, n] of pairs(values['bytes-per-sample'], 'bytes-per-sample')) {
    const v = Number(n);
    if (!(v > 0)) throw new InputError(`--bytes-per-sample ${name}: "${n}" is not a positive number of bytes`);
    bps[resolve(t, name, ['VMSingle', 'VMCluster'], 'bytes-per-sample').id] = v;
  }
  if (Object.keys(bps).length > 0) inputs.bytesPerSample = bps;
  if (outage !== undefined) inputs.outage = outage;
  return inputs;
}

export const sizeCommand: Command = {
  help: `vmtopo size [--series AGENT=N ...] [--churn AGENT=N ...] [--bytes-per-sample STORAGE=B ...] [--outage 1h] [--format text|json] <topology.json | manifests: files, directories, kustomization.yaml, -...>

How big the design must be: disk, CPU and queue sizes from the workload, each with its formula.
Samples per second along every remote-write link; per storage the unique samples stored, disk over
the retention (documented formula, 20% free space), per pod against the requested claim, CPU
guidance, the load on each vmstorage survivor when one is down; per vmagent the queue an outage
of --outage (default: the design's outageMinutes, else 1h) needs. Problems come with the size each fix writes.
--series AGENT=N: active series of a VMAgent (CR name, id or VMAgent/name; 50k and 1.5M work);
  repeat per agent; overrides the design's workload. An agent without either is sized at 50,000
  series and marked assumed.
--churn AGENT=N: its new series per day (reported, no figure changes).
--bytes-per-sample STORAGE=B: disk bytes per sample of a VMSingle or VMCluster (default 1.2:
  1 byte per sample + ~20% index, as documented).
Every figure carries its formula and source. json: {"storages": [...], "agents": [...], "flows", "problems", "notes"}.
Exit 0; 2: bad input.`,
  run(args, io) {
    const { rest, values } = takeRepeated(args);
    const { topology, opts } = loadArgs(rest, io, { format: 'value', outage: 'value' });
    const format = (opts.format ?? 'text') as string;
    if (!FORMATS.includes(format as never)) throw new InputError(`--format must be one of ${FORMATS.join(', ')}, not "${format}"`);
    // The design's workloads and outage, each flag overriding its own part.
    const inputs = withOverrides(designInputs(topology), sizingInputs(topology, values, typeof opts.outage === 'string' ? opts.outage : undefined));
    let report;
    try {
      report = sizeTopology(topology, inputs);
    } catch (e) {
      if (e instanceof RangeError) throw new InputError(`--${e.message}`);
      throw e;
    }
    const problems = sizingProblems(topology, inputs, report);
    io.out(format === 'json' ? sizeJson(topology, report, problems) : sizeText(topology, report, problems));
    return 0;
  },
};
