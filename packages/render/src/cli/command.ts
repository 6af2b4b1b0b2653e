import { parseArgs } from './args.ts';
import { basename } from 'node:path';
import { loadTopology } from './input.ts';
import { collectInputs } from './sources.ts';

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

/**
 * Reads a command's inputs (files, directories, kustomizations, `-`) as one topology, plus its
 * options. The design is named after the first input.
 */
export function loadArgs(args: string[], io: Io, known: Record<string, 'value' | 'flag'> = {}) {
  const { positional, opts } = parseArgs(args, known);
  const inputs = collectInputs(positional, io.stdin);
  const first = positional[0] === '-' ? 'design' : basename(positional[0]!).replace(/\.(ya?ml|json)$/, '') || 'design';
  const loaded = loadTopology(inputs, first, io.err);
  return { ...loaded, opts, inputs };
}
