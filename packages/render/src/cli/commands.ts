import { toDocument } from '@vmtopo/model';
import { renderYaml } from '../yaml.ts';
import { parseArgs } from './args.ts';
import { InputError, loadTopology, readInput } from './input.ts';

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  stdin: () => string;
}

export interface Command {
  help: string;
  run: (args: string[], io: Io) => Promise<number> | number;
}

function load(args: string[], io: Io, known: Record<string, 'value' | 'flag'> = {}) {
  const { positional, opts } = parseArgs(args, known);
  if (positional.length > 1) throw new InputError(`expected one input, got ${positional.length}`);
  const { text, label } = readInput(positional[0], io.stdin);
  return { topology: loadTopology(text, label, io.err), opts };
}

export const COMMANDS: Record<string, Command> = {
  import: {
    help: `vmtopo import <manifests.yaml|->

Reads VictoriaMetrics operator manifests (multi-document YAML) and prints the topology document
(JSON). Objects of other kinds are kept; warnings go to stderr. Exit 2 on bad input.`,
    run(args, io) {
      const { topology } = load(args, io);
      io.out(JSON.stringify(toDocument(topology), null, 2));
      return 0;
    },
  },
  render: {
    help: `vmtopo render <topology.json|manifests.yaml|->

Prints the design as kubectl-ready operator YAML, one document per object. Exit 2 on bad input.`,
    run(args, io) {
      const { topology } = load(args, io);
      io.out(renderYaml(topology));
      return 0;
    },
  },
};

export const USAGE = `vmtopo — design highly available VictoriaMetrics operator topologies

Usage: vmtopo <command> [options] <input>

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(8)} ${c.help.split('\n')[2] ?? ''}`)
  .join('\n')}

Input is a topology document (.vmtopo.json) or operator manifests (.yaml); - reads stdin.
Run vmtopo <command> --help for details.`;
