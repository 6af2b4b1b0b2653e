import { InputError } from './input.ts';

/** Splits `--flag value` / `--flag=value` options from positional arguments. */
export function parseArgs(args: string[], known: Record<string, 'value' | 'flag'>): { positional: string[]; opts: Record<string, string | true> } {
  const positional: string[] = [];
  const opts: Record<string, string | true> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const [key, inline] = a.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    const kind = known[key];
    if (!kind) throw new InputError(`unknown option --${key}`);
    if (kind === 'flag') opts[key] = true;
    else {
      const value = inline ?? args[++i];
      if (value === undefined) throw new InputError(`--${key} needs a value`);
      opts[key] = value;
    }
  }
  return { positional, opts };
}
