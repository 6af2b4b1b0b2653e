/**
 * `pnpm pack:cli [--out DIR]`: the installable `vmtopo` CLI as one npm tarball
 * (`dist/vmtopo-<version>.tgz`). esbuild bundles packages/render/src/cli/bin.ts with everything it
 * imports (the model, render, yaml, fflate) into a single ES module, so the package has no
 * dependencies and installs with `npm install -g ./dist/vmtopo-<version>.tgz` on Node 20 with
 * nothing of this repository around it, and without a registry.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { VERSION } from '../packages/render/src/cli/version.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function outDir(argv: string[]): string {
  const i = argv.indexOf('--out');
  if (i < 0) return join(ROOT, 'dist');
  const dir = argv[i + 1];
  if (!dir) throw new Error('--out needs a directory');
  return resolve(dir);
}

const README = `# vmtopo

The command line of vmtopo, the designer of highly available VictoriaMetrics operator stacks:
lint operator manifests (files, directories, kustomizations) against the HA rule catalog, render,
explain what the operator creates, simulate failures and size storage.

    vmtopo lint --format sarif k8s/ > vmtopo.sarif
    vmtopo --help

Exit codes: 0 no finding at or above --fail-on (default error), 1 such findings, 2 bad input.
`;

async function main() {
  const out = outDir(process.argv.slice(2));
  const stage = mkdtempSync(join(tmpdir(), 'vmtopo-pack-'));
  try {
    await build({
      entryPoints: [join(ROOT, 'packages/render/src/cli/bin.ts')],
      outfile: join(stage, 'vmtopo.mjs'),
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      legalComments: 'eof',
      logLevel: 'warning',
      // A CommonJS dependency calling require() inside an ES module bundle needs one to call.
      banner: { js: "import { createRequire as __vmtopoRequire } from 'node:module'; const require = __vmtopoRequire(import.meta.url);" },
    });
    const pkg = {
      name: 'vmtopo',
      version: VERSION,
      description: 'Lint, render, explain and size highly available VictoriaMetrics operator stacks',
      type: 'module',
      bin: { vmtopo: 'vmtopo.mjs' },
      files: ['vmtopo.mjs', 'README.md'],
      engines: { node: '>=20' },
    };
    writeFileSync(join(stage, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
    writeFileSync(join(stage, 'README.md'), README);
    mkdirSync(out, { recursive: true });
    const name = execFileSync('npm', ['pack', '--silent', '--pack-destination', out, stage], { encoding: 'utf8' }).trim().split('\n').at(-1)!;
    process.stdout.write(`${join(out, name)}\n`);
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

await main();
