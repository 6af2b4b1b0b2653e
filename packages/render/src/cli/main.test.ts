import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '@vmtopo/model';
import { seedFixtures } from '../testing/seed.ts';
import { runCli as run } from '../testing/cli.ts';


const dir = mkdtempSync(join(tmpdir(), 'vmtopo-cli-'));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe('vmtopo CLI', () => {
  it('import then render of each seed example gives the same YAML as render alone', async () => {
    for (const { name, text } of seedFixtures()) {
      const imported = await run(['import', file(`${name}.yaml`, text)]);
      expect(imported.code, name).toBe(0);
      const doc = file(`${name}.json`, imported.out);
      expect(() => parseDocument(imported.out)).not.toThrow();
      const fromDoc = await run(['render', doc]);
      const direct = await run(['render', '-'], text);
      expect(fromDoc.code).toBe(0);
      expect(fromDoc.out).toBe(direct.out);
    }
  });

  it('refuses bad input with exit 2 and a message naming file and field', async () => {
    const broken = await run(['render', file('broken.json', '{"version": 1, "name": "x", "namespace": "y", "components": [{"id": "a", "kind": "VMNope"}]}')]);
    expect(broken.code).toBe(2);
    expect(broken.err).toMatch(/^vmtopo render: VMT-D02 .*broken\.json: \$\.components\[0\]\.kind: has unknown kind "VMNope"/);
    const yaml = await run(['import', '-'], 'apiVersion: operator.victoriametrics.com/v1beta1\nkind: VMAgent\nmetadata: {name: a}\nspec:\n  shardCount: lots\n');
    expect(yaml.code).toBe(2);
    expect(yaml.err).toBe(`vmtopo import: VMT-V01 <stdin>: line 5: vmagent 'a': shardCount "lots" must be a whole number\n`);
    const invalid = await run(['render', file('invalid.json', '{"version": 1, "name": "x", "namespace": "mon", "components": [{"id": "a", "kind": "VMSingle", "name": "main", "spec": {"retentionPeriod": "1m"}}]}')]);
    expect(invalid.code).toBe(2);
    expect(invalid.err).toMatch(/^vmtopo render: VMT-V01 .*invalid\.json: \$\.components\[0\]\.spec\.retentionPeriod: vmsingle 'main': retentionPeriod "1m" must be a number of months/);
    expect((await run(['render', join(dir, 'missing.yaml')])).err).toMatch(/missing\.yaml: no such file/);
    expect((await run(['render'])).err).toMatch(/no input given/);
    expect((await run(['render', '--bogus', 'x'])).err).toMatch(/unknown option --bogus/);
    expect((await run(['frobnicate'])).code).toBe(2);
  });

  it('lint: text, json and sarif, exit 1 on error-level findings, 0 without', async () => {
    const vmsingle = seedFixtures().find((f) => f.name === 'vmsingle-dedup')!.text.replace(/\s+extraArgs:\n\s+dedup\.minScrapeInterval: 60s/, '');
    const agents = seedFixtures().find((f) => f.name === 'vmagent-ha')!.text;
    const bad = file('ha.yaml', `${vmsingle}\n---\n${agents}`);
    const text = await run(['lint', bad]);
    expect(text.code).toBe(1);
    expect(text.out).toMatch(/vmsingle 'example-vmsingle-persisted'.*\n  error   ha-agents-without-dedup: vmagent 'example-vmagent' runs 2 replicas/);
    expect(text.out).toMatch(/fix: /);
    const json = await run(['lint', '--format', 'json', bad]);
    const findings = JSON.parse(json.out).findings as { ruleId: string; severity: string; componentIds: string[]; fixable: boolean }[];
    expect(findings.find((f) => f.ruleId === 'ha-agents-without-dedup')).toMatchObject({ severity: 'error', fixable: true });
    const sarif = JSON.parse((await run(['lint', '--format=sarif', bad])).out);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results.some((r: { ruleId: string; level: string }) => r.ruleId === 'ha-agents-without-dedup' && r.level === 'error')).toBe(true);
    const fixed = await run(['lint', '--fix', bad]);
    expect(fixed.code).toBe(0);
    const good = file('fixed.json', fixed.out);
    const again = await run(['lint', '--format', 'json', good]);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.out).findings.some((f: { ruleId: string }) => f.ruleId === 'ha-agents-without-dedup')).toBe(false);
    expect((await run(['lint', '--format', 'xml', bad])).err).toMatch(/--format must be one of text, json, sarif/);
  });

  it('a design with an external Grafana: render writes its comment, lint finds nothing of it, explain says it creates nothing', async () => {
    const doc = file(
      'grafana.json',
      JSON.stringify({
        version: 2,
        name: 'g',
        namespace: 'mon',
        components: [
          { id: 's', kind: 'VMSingle', name: 'main', spec: {} },
          { id: 'g', kind: 'Grafana', name: 'dash', spec: { url: 'https://grafana.example.com' } },
        ],
        links: [{ id: 'd', type: 'datasource', source: 'g', target: 's' }],
      }),
    );
    const rendered = await run(['render', doc]);
    expect(rendered.code).toBe(0);
    expect(rendered.out).toMatch(/kind: VMSingle[\s\S]*\n# Grafana "dash" in namespace "mon" \(external, not an operator object, https:\/\/grafana\.example\.com\)\n#   datasource → http:\/\/vmsingle-main\.mon\.svc:8429\n$/);
    const lint = JSON.parse((await run(['lint', '--format', 'json', doc])).out) as { findings: { componentIds: string[] }[] };
    expect(lint.findings.filter((f) => f.componentIds.includes('g'))).toEqual([]);
    const explained = await run(['explain', '--component', 'Grafana/dash', doc]);
    expect(explained.out).toContain('Grafana/dash\n  external, not an operator object: nothing is created for it\n');
  });

  it('import, render and lint print one note naming the objects kept but not modelled, never a refusal', async () => {
    const yaml = [
      'apiVersion: operator.victoriametrics.com/v1beta1\nkind: VMAuth\nmetadata: {name: gate}\nspec: {}',
      'apiVersion: operator.victoriametrics.com/v1beta1\nkind: VMRule\nmetadata: {name: foo}\nspec: {groups: [{name: g, rules: [{record: r, expr: up}]}]}',
      'apiVersion: v1\nkind: Secret\nmetadata: {name: bar}\nstringData: {k: v}',
      'apiVersion: operator.victoriametrics.com/v1beta1\nkind: VMUser\nmetadata: {name: u}\nspec: {username: u}',
    ].join('\n---\n');
    const input = file('kept.yaml', yaml);
    for (const command of ['import', 'render', 'lint']) {
      const r = await run([command, input]);
      expect(r.code, command).toBe(0);
      expect(r.err, command).toBe(`${input}: note: kept as written, not modelled: VMRule/foo, Secret/bar, VMUser/u\n`);
    }
    expect((await run(['render', input])).out).toContain('kind: VMUser');
    const none = await run(['render', '-'], 'apiVersion: operator.victoriametrics.com/v1beta1\nkind: VMAuth\nmetadata: {name: gate}\nspec: {}\n');
    expect(none.err).toBe('');
  });

  it('has --help for every command', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    for (const name of ['import', 'render', 'lint', 'share', 'open']) {
      expect(help.out).toContain(name);
      const r = await run([name, '--help']);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(new RegExp(`^vmtopo ${name}`));
    }
  });
});
