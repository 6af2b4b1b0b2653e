import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { runCli as run } from '../testing/cli.ts';
import { InputError } from './input.ts';
import { MAX_INPUT_BYTES, collectInputs } from './sources.ts';

const CR = 'operator.victoriametrics.com/v1beta1';
const single = (name: string, spec: object = {}) => ({ apiVersion: CR, kind: 'VMSingle', metadata: { name }, spec });
const agent = (name: string, url: string) => ({ apiVersion: CR, kind: 'VMAgent', metadata: { name }, spec: { replicaCount: 2, selectAllByDefault: true, remoteWrite: [{ url }] } });
const deployment = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 1 } };
const configMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, data: { 'run.sh': 'cat <<EOF\nhi\nEOF\n' } };

/** A directory tree from `{path: objects | text}`: objects are written as multi-document YAML. */
function tree(files: Record<string, object[] | string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'vmtopo-sources-'));
  for (const [path, content] of Object.entries(files)) {
    const full = join(dir, path);
    mkdirSync(join(full, '..'), { recursive: true });
    writeFileSync(full, typeof content === 'string' ? content : content.map((o) => stringify(o)).join('---\n'));
  }
  return dir;
}

const noStdin = () => {
  throw new Error('stdin read');
};

describe('collectInputs', () => {
  it('walks directories recursively for .yaml, .yml and .json, sorted, hidden ones and other files left out', () => {
    const dir = tree({ 'b.yaml': [single('b')], 'a/c.yml': [single('c')], 'a/d.json': '{}', 'notes.txt': 'x', '.git/x.yaml': [single('x')], 'node_modules/m.yaml': [single('m')] });
    const { files, skipped } = collectInputs([dir], noStdin, dir);
    expect(files.map((f) => [f.label, f.found])).toEqual([['a/c.yml', true], ['a/d.json', true], ['b.yaml', true]]);
    expect(skipped).toEqual([]);
  });

  it('reads a kustomization as its resources (relative, directories through their own kustomization), remote ones skipped, each file once', () => {
    const dir = tree({
      'base/kustomization.yaml': [{ resources: ['vmsingle.yaml'] }],
      'base/vmsingle.yaml': [single('main')],
      'overlay/kustomization.yaml': [{ resources: ['../base', 'agent.yaml', 'https://github.com/x/y//deploy?ref=v1', 'github.com/org/repo/base?ref=main'], patches: [{ path: 'patch.yaml' }] }],
      'overlay/agent.yaml': [agent('a', 'http://vmsingle-main.default.svc:8429/api/v1/write')],
      'overlay/patch.yaml': [{ apiVersion: CR, kind: 'VMSingle', metadata: { name: 'main' }, spec: { replicaCount: 1 } }],
    });
    const { files, skipped } = collectInputs(['overlay', 'base/vmsingle.yaml'], noStdin, dir);
    expect(files.map((f) => f.label)).toEqual(['base/vmsingle.yaml', 'overlay/agent.yaml']);
    expect(skipped).toEqual(['https://github.com/x/y//deploy?ref=v1 (remote, in overlay/kustomization.yaml)', 'github.com/org/repo/base?ref=main (remote, in overlay/kustomization.yaml)']);
  });

  it("gives a kustomization's namespace to the files it lists, the outermost one winning", async () => {
    const url = 'http://vmsingle-main.monitoring.svc:8429/api/v1/write';
    const dir = tree({
      'base/kustomization.yaml': [{ namespace: 'ignored', resources: ['vmsingle.yaml'] }],
      'base/vmsingle.yaml': [single('main')],
      'kustomization.yaml': [{ namespace: 'monitoring', resources: ['base', 'agent.yaml'] }],
      'agent.yaml': [agent('a', url)],
    });
    const { files } = collectInputs(['.'], noStdin, dir);
    expect(files.map((f) => [f.label, f.namespace])).toEqual([['base/vmsingle.yaml', 'monitoring'], ['agent.yaml', 'monitoring']]);
    // The agent's URL names the VMSingle in that namespace: a link, not an external URL.
    const imported = await run(['import', join(dir, 'kustomization.yaml')]);
    expect(imported.err).toBe('');
    expect(JSON.parse(imported.out)).toMatchObject({ namespace: 'monitoring', links: [{ type: 'remoteWrite', source: 'vmagent-a', target: 'vmsingle-main' }] });
  });

  it('walks a symlink loop once and names a broken link instead of failing with a stack trace', () => {
    const dir = tree({ 'a/s.yaml': [single('s')] });
    symlinkSync(join(dir, 'a'), join(dir, 'a', 'loop'));
    expect(collectInputs(['.'], noStdin, dir).files.map((f) => f.label)).toEqual(['a/s.yaml']);
    symlinkSync(join(dir, 'gone'), join(dir, 'a', 'broken.yaml'));
    expect(() => collectInputs(['.'], noStdin, dir)).toThrow('a/broken.yaml: no such file');
  });

  it('names the kustomization and line of a resource that is missing', () => {
    const dir = tree({ 'kustomization.yaml': [{ resources: ['here.yaml', 'gone.yaml'] }], 'here.yaml': [single('h')] });
    expect(() => collectInputs(['.'], noStdin, dir)).toThrow('kustomization.yaml: line 3: resources entry gone.yaml: no such file');
  });

  it('skips a Helm chart (templates are not manifests until rendered), with a note', () => {
    const dir = tree({ 'chart/Chart.yaml': [{ name: 'c' }], 'chart/templates/x.yaml': '{{ .Values.x }}', 'app.yaml': [single('s')] });
    const { files, skipped } = collectInputs([dir], noStdin, dir);
    expect(files.map((f) => f.label)).toEqual(['app.yaml']);
    expect(skipped).toEqual(['chart (a Helm chart: render it with helm template first)']);
  });

  it(`refuses an input over ${MAX_INPUT_BYTES / 1024 / 1024} MB, file or standard input, with VMT-I04`, () => {
    const dir = tree({ 'big.yaml': `# ${'x'.repeat(MAX_INPUT_BYTES)}\n` });
    expect(() => collectInputs(['big.yaml'], noStdin, dir)).toThrow(/^big\.yaml: 20\.0 MB is over the 20 MB vmtopo reads from one input/);
    try {
      collectInputs(['-'], () => 'y'.repeat(MAX_INPUT_BYTES + 1), dir);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).code).toBe('VMT-I04');
    }
    expect(collectInputs(['-'], () => 'a: 1', dir).files).toEqual([{ text: 'a: 1', label: '<stdin>', found: false }]);
    expect(() => collectInputs(['-', '-'], () => '', dir)).toThrow(/named twice/);
    expect(() => collectInputs(['nope.yaml'], noStdin, dir)).toThrow('nope.yaml: no such file');
  });
});

describe('vmtopo with many inputs', () => {
  it('assembles one design from files and directories, skips what it does not model in one line, and locates errors by file and line', async () => {
    const dir = tree({
      'storage/vmsingle.yaml': [single('main')],
      'agents/agent.yaml': [agent('scraper', 'http://vmsingle-main.default.svc:8429/api/v1/write')],
      'apps/web.yaml': [deployment, configMap],
      'apps/values.yaml': [{ replicaCount: 3, image: { tag: 'x' } }],
    });
    const lint = await run(['lint', '--format', 'json', join(dir, 'storage'), join(dir, 'agents'), join(dir, 'apps')]);
    expect(lint.code).toBe(1);
    expect(JSON.parse(lint.out).findings.map((f: { ruleId: string }) => f.ruleId)).toContain('ha-agents-without-dedup');
    expect(lint.err).toBe(
      `4 files: note: kept as written, not modelled: Deployment/web, ConfigMap/cfg\n4 files: note: skipped: ${join(dir, 'apps/values.yaml')}: document 1 (not a Kubernetes object)\n`,
    );
    // Several files named one by one (as pre-commit passes them): YAML that is no object is skipped too; one alone is refused.
    const named = await run(['lint', join(dir, 'storage/vmsingle.yaml'), join(dir, 'apps/values.yaml')]);
    expect([named.code, named.err]).toEqual([0, `2 files: note: skipped: ${join(dir, 'apps/values.yaml')}: document 1 (not a Kubernetes object)\n`]);
    expect((await run(['lint', join(dir, 'apps/values.yaml')])).err).toMatch(/VMT-I03 .*values\.yaml: line 1: document 1 has no apiVersion and kind/);
    const warnOnly = await run(['lint', '--fail-on', 'warning', join(dir, 'storage')]);
    expect(warnOnly.code).toBe(1);
    expect((await run(['lint', join(dir, 'storage')])).code).toBe(0);
    expect((await run(['lint', '--fail-on', 'fatal', join(dir, 'storage')])).err).toMatch(/VMT-C01 --fail-on must be one of error, warning, info/);
    const bad = tree({ 'ok.yaml': [single('a')], 'bad.yaml': [single('b', { retentionPeriod: '1m' })] });
    const refused = await run(['render', bad]);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(new RegExp(`^vmtopo render: VMT-V01 ${join(bad, 'bad.yaml')}: line 6: vmsingle 'b': retentionPeriod "1m"`));
    const bomb = `a: &a [1]\nb: [${Array(150).fill('*a').join(', ')}]\n`;
    const aliases = await run(['lint', '-'], bomb);
    expect(aliases.code).toBe(2);
    expect(aliases.err).toBe('vmtopo lint: VMT-I04 <stdin>: line 1: document 1 expands YAML aliases more than 100 times; vmtopo stops there (expand the aliases, or split the document)\n');
  });

  it('reads a topology document alone, and says so when it is combined with manifests', async () => {
    const dir = tree({ 's.yaml': [single('a')] });
    const doc = await run(['import', join(dir, 's.yaml')]);
    writeFileSync(join(dir, 'd.json'), doc.out);
    expect((await run(['lint', join(dir, 'd.json')])).code).toBe(0);
    const both = await run(['lint', join(dir, 'd.json'), join(dir, 's.yaml')]);
    expect(both.code).toBe(2);
    expect(both.err).toMatch(/d\.json is a topology document, which is read alone/);
  });
});
