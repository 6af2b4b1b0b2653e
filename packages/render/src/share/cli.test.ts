import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fromDocument, toDocument } from '@vmtopo/model';
import { haDesign } from '../../../model/src/fixtures/ha-design.ts';
import { main } from '../cli/main.ts';
import { DEFAULT_SHARE_BASE, decodeShare } from './index.ts';

async function run(argv: string[], stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s), stdin: () => stdin });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const dir = mkdtempSync(join(tmpdir(), 'vmtopo-share-'));
const designFile = join(dir, 'ha.vmtopo.json');
writeFileSync(designFile, JSON.stringify(toDocument(haDesign()), null, 2));
const seed = fileURLToPath(new URL('../../fixtures/seed/vmcluster.yaml', import.meta.url));

describe('vmtopo share', () => {
  it('prints a link to the design, with the default base', async () => {
    const r = await run(['share', designFile]);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out.startsWith(`${DEFAULT_SHARE_BASE}#v2.`)).toBe(true);
    expect(r.out).not.toContain('\n');
    expect(decodeShare(r.out)).toEqual(haDesign());
  });

  it('takes --base and reads stdin', async () => {
    const r = await run(['share', '-', '--base', 'https://designer.example/vmtopo/'], JSON.stringify(toDocument(haDesign())));
    expect(r.code).toBe(0);
    expect(r.out.startsWith('https://designer.example/vmtopo/#v2.')).toBe(true);
    expect((await run(['share', '--base=https://x.example/', designFile])).out.startsWith('https://x.example/#v2.')).toBe(true);
  });

  it('shares imported manifests', async () => {
    const r = await run(['share', seed]);
    expect(r.code).toBe(0);
    const opened = await run(['open', r.out]);
    expect(opened.code).toBe(0);
    expect(JSON.parse(opened.out)).toEqual(JSON.parse((await run(['import', seed])).out));
  });

  it('exits 2 with a message on bad input or a design too large to share', async () => {
    const missing = await run(['share', join(dir, 'nope.json')]);
    expect(missing).toMatchObject({ code: 2, out: '' });
    expect(missing.err).toMatch(/^vmtopo share: VMT-C02 .*no such file$/);
    expect((await run(['share'])).code).toBe(2);
    expect((await run(['share', designFile, '--base'])).err).toMatch(/--base needs a value/);
    const huge = {
      version: 1,
      name: 'huge',
      namespace: 'monitoring',
      components: Array.from({ length: 5001 }, (_, i) => ({ id: `vmagent-a${i}`, kind: 'VMAgent', name: `a${i}`, spec: {} })),
    };
    const r = await run(['share', '-'], JSON.stringify(huge));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^vmtopo share: VMT-L05 the design is too large for a share link/);
  });

  it('has help', async () => {
    const r = await run(['share', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^vmtopo share <topology.json \| manifests: .*> \[--base URL\]/);
    expect((await run(['--help'])).out).toMatch(/share +Prints a share link[\s\S]*open +Opens a share link/);
  });
});

describe('vmtopo open', () => {
  it('prints the topology document of a link, a fragment or stdin', async () => {
    const link = (await run(['share', designFile])).out;
    const expected = JSON.stringify(toDocument(fromDocument(toDocument(haDesign()))), null, 2);
    for (const arg of [link, link.slice(link.indexOf('#')), link.slice(link.indexOf('#') + 1)]) {
      const r = await run(['open', arg]);
      expect(r).toEqual({ code: 0, out: expected, err: '' });
    }
    expect(await run(['open', '-'], `${link}\n`)).toEqual({ code: 0, out: expected, err: '' });
  });

  it('exits 2 with the reason for a bad link, without a stack trace', async () => {
    const link = (await run(['share', designFile])).out;
    const cases: [string, RegExp][] = [
      [link.slice(0, -30), /VMT-L03 .*truncated/],
      [`${link.slice(0, 40)}!${link.slice(41)}`, /VMT-L04 .*garbled: "!" at character 41/],
      ['http://localhost:5173/#v9.abcd', /VMT-L02 .*format "v9", which this vmtopo does not know/],
      ['http://localhost:5173/', /VMT-L01 not a vmtopo share link/],
      ['#v1.____', /garbled|truncated/],
    ];
    for (const [arg, message] of cases) {
      const r = await run(['open', arg]);
      expect(r.code, arg).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toMatch(/^vmtopo open: /);
      expect(r.err).toMatch(message);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
    expect((await run(['open'])).err).toMatch(/no link given/);
    expect((await run(['open', 'a', 'b'])).err).toMatch(/expected one link, got 2/);
  });
});
