import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { type ComponentKind, fieldOf } from '@vmtopo/model';

/**
 * The installable CLI end to end (issue #17): `pnpm pack:cli` writes the tarball, npm installs it
 * offline into an empty prefix, and the installed `vmtopo` lints a GitOps directory of the
 * operator's own examples (../shared/operator-examples, copied at test time) with a Deployment, a
 * ConfigMap and a kustomization, as SARIF whose every result points at the right file and line.
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const EXAMPLES = resolve(ROOT, '../shared/operator-examples');
const HAVE_EXAMPLES = existsSync(join(EXAMPLES, 'vmcluster.yaml'));
/** Operator examples with distinct names (several others reuse `example`, as alternatives to one another). */
const COPIED = ['vmcluster.yaml', 'vmagent.yaml', 'vmalert.yaml', 'vmalertmanager.yaml', 'vmsingle.yaml', 'vmauth.yaml'];

function sh(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', cwd: opts.cwd ?? ROOT, env: { ...process.env, ...opts.env }, timeout: 90_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** The GitOps directory: copied examples, objects vmtopo does not model, an error-level design and a kustomization naming them. */
function gitopsDir(base: string): string {
  const dir = join(base, 'gitops');
  mkdirSync(join(dir, 'apps'), { recursive: true });
  for (const f of COPIED) copyFileSync(join(EXAMPLES, f), join(dir, f));
  const apps = [
    { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } } } },
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'web-config' }, data: { 'setup.sh': 'cat <<EOF > /etc/motd\nhello\nEOF\n' } },
  ];
  writeFileSync(join(dir, 'apps/web.yaml'), apps.map((o) => stringify(o)).join('---\n'));
  // vmsingle-multi-replica (error): a VMSingle runs one pod at most.
  const broken = { apiVersion: 'operator.victoriametrics.com/v1beta1', kind: 'VMSingle', metadata: { name: 'two-pods' }, spec: { retentionPeriod: '1', replicaCount: 2 } };
  writeFileSync(join(dir, 'broken.yaml'), stringify(broken));
  const kustomization = { apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', resources: [...COPIED, 'broken.yaml', 'apps/web.yaml', 'https://github.com/VictoriaMetrics/operator/config/crd?ref=v0.74.1'] };
  writeFileSync(join(dir, 'kustomization.yaml'), stringify(kustomization));
  return dir;
}

/** The YAML document (lines between `---`) holding a 1-based line. */
function documentAround(lines: string[], line: number): string {
  let start = line - 1;
  while (start > 0 && lines[start - 1] !== '---') start--;
  let end = line - 1;
  while (end < lines.length && lines[end] !== '---') end++;
  return lines.slice(start, end).join('\n');
}

describe.skipIf(!HAVE_EXAMPLES)('installable vmtopo (pnpm pack:cli)', () => {
  it('packs, installs offline into an empty prefix, and lints a GitOps directory to SARIF located at file and line', { timeout: 180_000 }, () => {
    const tmp = mkdtempSync(join(tmpdir(), 'vmtopo-pack-test-'));
    const env = { npm_config_cache: join(tmp, 'npm-cache'), npm_config_update_notifier: 'false' };
    const pack = sh('pnpm', ['--silent', 'pack:cli', '--out', join(tmp, 'dist')], { env });
    expect(pack.err).toBe('');
    expect(pack.code).toBe(0);
    const tarballs = readdirSync(join(tmp, 'dist'));
    expect(tarballs).toEqual([expect.stringMatching(/^vmtopo-\d+\.\d+\.\d+\.tgz$/)]);
    const prefix = join(tmp, 'prefix');
    const install = sh('npm', ['install', '-g', '--offline', '--no-audit', '--no-fund', '--prefix', prefix, join(tmp, 'dist', tarballs[0]!)], { cwd: tmp, env });
    expect(install.code, install.err).toBe(0);
    const vmtopo = join(prefix, 'bin', 'vmtopo');
    // Nothing of the repository around it: run from the temporary directory.
    expect(sh(vmtopo, ['--version'], { cwd: tmp }).out).toMatch(/^vmtopo \d+\.\d+\.\d+\n$/);

    const dir = gitopsDir(tmp);
    const lint = sh(vmtopo, ['lint', '--format', 'sarif', dir], { cwd: dir });
    expect(lint.code, lint.err).toBe(1);
    expect(lint.err).not.toMatch(/VMT-|Error|at .*\.mjs/);
    expect(lint.err).toMatch(/^\d+ files: note: kept as written, not modelled: .*Deployment\/web, ConfigMap\/web-config/m);
    expect(lint.err).toContain('https://github.com/VictoriaMetrics/operator/config/crd?ref=v0.74.1 (remote, in kustomization.yaml)');
    const run = JSON.parse(lint.out).runs[0];
    expect(run.tool.driver.rules.length).toBeGreaterThan(20);
    expect(run.results.some((r: { ruleId: string; level: string }) => r.ruleId === 'vmsingle-multi-replica' && r.level === 'error')).toBe(true);
    expect(run.results.length).toBeGreaterThan(5);
    const files = new Set<string>();
    for (const r of run.results) {
      const { artifactLocation, region } = r.locations[0].physicalLocation;
      const file = join(dir, decodeURIComponent(artifactLocation.uri));
      files.add(artifactLocation.uri);
      const lines = readFileSync(file, 'utf8').split('\n');
      const line = lines[region.startLine - 1]!;
      // The object: its document names its kind and name.
      const [, crKind, name, part] = /^[^/]+\/([^/]+)\/([^/]+)(?:\/([^/]+))?$/.exec(r.locations[0].logicalLocations[0].fullyQualifiedName)!;
      const doc = documentAround(lines, region.startLine);
      expect(doc, `${r.ruleId} at ${artifactLocation.uri}:${region.startLine}`).toMatch(new RegExp(`^kind: ${crKind}$`, 'm'));
      expect(doc).toMatch(new RegExp(`^  name: ${name}$`, 'm'));
      // The line: the field's when the finding names one that is written, else the object's own.
      const own = part ? new RegExp(`^  ${part}:`) : /^apiVersion: /;
      const field = r.properties.field ? fieldOf((part ?? crKind) as ComponentKind, r.properties.field) : undefined;
      const key = field?.path.at(-1);
      expect(own.test(line) || (key !== undefined && line.includes(key)), `${r.ruleId} (${r.properties.field ?? 'no field'}) at ${artifactLocation.uri}:${region.startLine}: ${line}`).toBe(true);
    }
    // Findings come from several files, none from the objects vmtopo does not model.
    expect(files.size).toBeGreaterThan(3);
    expect(files.has('apps/web.yaml')).toBe(false);
  });
});
