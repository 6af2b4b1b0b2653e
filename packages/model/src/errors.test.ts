import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DocumentError, fromDocument, parseDocument } from './document.ts';
import { ERROR_CATALOG, describeError, errorCode, isErrorCode, VmtError } from './errors.ts';

const ROOT = join(import.meta.dirname, '../../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (name === 'node_modules' || name === 'dist') return [];
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(name) ? [p] : [];
  });
}

const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return errorCode(e);
  }
  throw new Error('expected a throw');
};

describe('error catalog', () => {
  it('is the README\'s "Error codes" table, entry for entry', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Error codes'));
    const rows = [...section.matchAll(/^\| `(VMT-[A-Z]\d\d)` \| ([^|]+) \|/gm)].map((m) => [m[1], m[2]!.trim()]);
    expect(rows).toEqual(Object.entries(ERROR_CATALOG).map(([code, e]) => [code, e.title]));
  });

  it('knows every code the sources use', () => {
    const used = new Set<string>();
    for (const dir of ['packages/model/src', 'packages/render/src', 'packages/editor/src', 'apps/web/src']) {
      for (const f of sourceFiles(join(ROOT, dir))) for (const m of readFileSync(f, 'utf8').matchAll(/VMT-[A-Z]\d\d/g)) used.add(m[0]);
    }
    expect([...used].filter((c) => !isErrorCode(c))).toEqual([]);
  });

  it('gives document errors the code of what went wrong', () => {
    expect(codeOf(() => parseDocument('{"version": 1,'))).toBe('VMT-D01');
    expect(codeOf(() => fromDocument({ version: 1, name: 'x' }))).toBe('VMT-D02');
    expect(codeOf(() => fromDocument(JSON.parse('{"version": 1, "__proto__": {}}')))).toBe('VMT-D03');
    expect(codeOf(() => fromDocument({ version: 999, name: 'x', namespace: 'y' }))).toBe('VMT-D04');
    const dup = { version: 1, name: 'x', namespace: 'y', components: [1, 2].map(() => ({ id: 'a', kind: 'VMSingle', name: 'a' })) };
    expect(codeOf(() => fromDocument(dup))).toBe('VMT-D06');
  });

  it('prints the code before the message, and nothing for an unexpected error', () => {
    const e = new DocumentError('needs a "name"', '$.name');
    expect(e).toBeInstanceOf(VmtError);
    expect(describeError(e)).toBe('VMT-D02 $.name: needs a "name"');
    expect(e.place).toEqual({ path: '$.name' });
    expect(describeError(new TypeError('x is undefined'))).toBe('x is undefined');
  });
});
