/**
 * pnpm bench [--json] [--only core,share,web] [--quick]
 *
 * Runs the benchmarks of issue #6 and prints a table; with --json prints one JSON object instead
 * (progress goes to stderr) and writes it to bench/results.json. Never fails on a figure.
 */
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PARTS, type Part, runBench } from './bench.ts';
import { formatResults } from './table.ts';

const RESULTS = resolve(dirname(fileURLToPath(import.meta.url)), '../results.json');

function parse(argv: string[]): { json: boolean; quick: boolean; only: Part[] } {
  const out = { json: false, quick: false, only: [...PARTS] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') continue;
    if (a === '--json') out.json = true;
    else if (a === '--quick') out.quick = true;
    else if (a === '--only' || a.startsWith('--only=')) {
      const v = a.includes('=') ? a.slice(7) : argv[++i];
      const parts = (v ?? '').split(',').filter(Boolean);
      const bad = parts.filter((p) => !PARTS.includes(p as Part));
      if (parts.length === 0 || bad.length) {
        console.error(`--only takes ${PARTS.join(', ')} (comma-separated); got ${JSON.stringify(v)}`);
        process.exit(2);
      }
      out.only = parts as Part[];
    } else if (a === '--help' || a === '-h') {
      console.log('usage: pnpm bench [--json] [--only core|share|web[,...]] [--quick]');
      process.exit(0);
    } else {
      console.error(`unknown argument ${a}; try --help`);
      process.exit(2);
    }
  }
  return out;
}

const args = parse(process.argv.slice(2));
const log = (line: string) => console.error(`[bench] ${line}`);
const results = await runBench({ only: args.only, quick: args.quick, log });
if (args.json) {
  const text = JSON.stringify(results, null, 2);
  writeFileSync(RESULTS, `${text}\n`);
  console.log(text);
} else {
  console.log(formatResults(results));
}
