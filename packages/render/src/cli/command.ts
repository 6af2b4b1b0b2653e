import { parseArgs } from './args.ts';
import { InputError, loadTopology, readInput } from './input.ts';

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  stdin: () => string;
}

export interface Command {
  /** First line after the usage line is the one-line summary in `vmtopo --help`. */
  help: string;
  run: (args: string[], io: Io) => Promise<number> | number;
}

/** Reads the one input a command takes (file or -) as a topology, plus its options. */
export function loadArgs(args: string[], io: Io, known: Record<string, 'value' | 'flag'> = {}) {
  const { positional, opts } = parseArgs(args, known);
  if (positional.length > 1) throw new InputError(`expected one input, got ${positional.length}`);
  const { text, label } = readInput(positional[0], io.stdin);
  return { topology: loadTopology(text, label, io.err), opts, label };
}
