import { type ScenarioClass, analyse, nearPods, parseQuantity, unknownPods, whatIf } from '@vmtopo/model';
import { whatifJson, whatifText } from '../../whatif-format.ts';
import { type Command, loadArgs } from '../command.ts';
import { InputError } from '../input.ts';

const FORMATS = ['text', 'json'] as const;
const CLASSES: readonly ScenarioClass[] = ['pod', 'node', 'zone'];

function positiveInt(name: string, v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InputError(`--${name} must be a whole number of 1 or more, not "${v}"`);
  return n;
}

/** Bytes per second: `1048576`, `1Mi`, `1MiB`, `500k`, with an optional `/s`. */
function rate(v: string): number {
  const text = v.replace(/\/s$/, '').replace(/iB$/, 'i').replace(/B$/, '');
  const n = parseQuantity(text);
  if (n === undefined || n <= 0) throw new InputError(`--send-rate must be bytes per second (e.g. 1Mi, 1MiB/s, 500k), not "${v}"`);
  return n;
}

const list = (v: string) =>
  v
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x !== '');

export const whatifCommand: Command = {
  help: `vmtopo whatif [--fail POD[,POD...]] [--zones N] [--format text|json] [--require pod,node,zone] [--send-rate BYTES/s] <topology.json | manifests: files, directories, kustomization.yaml, -...>

What if it fails: the consequence of failed pods for ingestion (ok, buffered, partial, lost),
queries (complete, partial, unavailable) and alerting (ok, degraded, lost), with the reasons.
Without --fail, the N−1 analysis: every single pod, the worst single node and every zone, under
the worst placement the design's spreading allows, and whether the design survives each class.
Pod names are the operator's (vmstorage-prod-1, vmagent-big-2-0; a DaemonSet's pod on one node:
vmagent-<name>@node): see vmtopo explain. --zones: zones of the cluster (default: the design's, else 3). --send-rate:
one vmagent pod's remote-write traffic per URL, to say how long a queue lasts.
json: {"zones", "survives": {"pod", "node", "zone"}, "scenarios": [{"class", "failed", "ingestion",
"queries", "alerting", "reasons"}], "baseline", "placement", "assumptions"}.
Exit 0; 1: a class listed in --require is not survived; 2: bad input or an unknown pod.`,
  run(args, io) {
    const { topology, opts } = loadArgs(args, io, { fail: 'value', zones: 'value', format: 'value', require: 'value', 'send-rate': 'value' });
    const format = (opts.format ?? 'text') as string;
    if (!FORMATS.includes(format as never)) throw new InputError(`--format must be one of ${FORMATS.join(', ')}, not "${format}"`);
    const zones = typeof opts.zones === 'string' ? positiveInt('zones', opts.zones) : undefined;
    const sendRate = typeof opts['send-rate'] === 'string' ? rate(opts['send-rate']) : undefined;
    const required = typeof opts.require === 'string' ? list(opts.require) : [];
    for (const c of required) if (!CLASSES.includes(c as ScenarioClass)) throw new InputError(`--require takes ${CLASSES.join(', ')} (a comma-separated list), not "${c}"`);
    const o = { ...(zones !== undefined ? { zones } : {}), ...(sendRate !== undefined ? { sendRate } : {}) };

    let failed: string[] | undefined;
    if (opts.fail !== undefined) {
      failed = typeof opts.fail === 'string' ? [...new Set(list(opts.fail))] : [];
      if (failed.length === 0) throw new InputError('--fail needs pod names, e.g. --fail vmstorage-prod-1,vminsert-prod-0');
      const unknown = unknownPods(topology, failed, o);
      if (unknown.length > 0) {
        const lines = unknown.map((p) => {
          const near = nearPods(topology, p, 5, o);
          return `--fail: the design has no pod "${p}"${near.length > 0 ? `; near: ${near.join(', ')}` : ''}`;
        });
        throw new InputError(`${lines.join('\n')}\n(vmtopo explain lists every pod)`);
      }
    }

    const analysis = analyse(topology, o);
    const report = failed ? { analysis, custom: whatIf(topology, failed, o) } : { analysis };
    io.out(format === 'json' ? whatifJson(topology, report) : whatifText(topology, report));
    const missed = required.filter((c) => !analysis.survives[c as 'pod' | 'node' | 'zone']);
    if (missed.length > 0) {
      io.err(`vmtopo whatif: the design does not survive ${missed.map((c) => `every ${c} failure`).join(', nor ')} (--require ${required.join(',')})`);
      return 1;
    }
    return 0;
  },
};
