/**
 * Documents and share links written by released versions must keep opening, and render the same
 * YAML byte for byte, in every later version: fixtures/frozen/v<N>/ holds what version N wrote
 * (documents, links and the YAML they rendered to). Never edit them; a format change adds a
 * folder for the new version, and a renderer change that alters this YAML is a decision to make
 * consciously, not by regenerating the files.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDocument, toDocument, DOCUMENT_VERSION, MIGRATIONS } from '@vmtopo/model';
import { decodeShare } from './share/index.ts';
import { renderYaml } from './yaml.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures/frozen');

/**
 * What each migration step adds to a document (by the version it starts from), written out here so
 * that a step that starts changing more than it says fails the frozen documents that go through it.
 */
const STEP_ADDS: Record<number, Record<string, unknown>> = {
  1: { zones: 3, outageMinutes: 60 },
};

describe('migration steps', () => {
  it('each step of MIGRATIONS says here what it adds', () => {
    expect(Object.keys(STEP_ADDS).map(Number)).toEqual(MIGRATIONS.map((m) => m.from));
  });
});

for (const version of readdirSync(root)) {
  const dir = resolve(root, version);
  const read = (f: string) => readFileSync(resolve(dir, f), 'utf8');
  const names = readdirSync(dir)
    .filter((f) => f.endsWith('.vmtopo.json'))
    .map((f) => f.replace(/\.vmtopo\.json$/, ''));
  const links = JSON.parse(read('links.json')) as Record<string, string>;

  describe(`frozen ${version} documents and links`, () => {
    it('hold a link for every document', () => {
      expect(Object.keys(links).sort()).toEqual([...names].sort());
    });

    for (const name of names) {
      it(`${name}: migrates by exactly the steps from ${version} on, keeping everything else`, () => {
        const doc = JSON.parse(read(`${name}.vmtopo.json`)) as Record<string, unknown>;
        let expected = doc;
        for (let v = doc.version as number; v < DOCUMENT_VERSION; v++) expected = { ...expected, ...STEP_ADDS[v] };
        expect(toDocument(parseDocument(read(`${name}.vmtopo.json`)))).toEqual({ ...expected, version: DOCUMENT_VERSION });
      });

      it(`${name}: the document opens, migrates to the current version and renders the same YAML`, () => {
        const t = parseDocument(read(`${name}.vmtopo.json`));
        expect(toDocument(t).version).toBe(DOCUMENT_VERSION);
        expect(renderYaml(t)).toBe(read(`${name}.yaml`));
      });

      it(`${name}: the link opens to the same design and renders the same YAML`, () => {
        const t = decodeShare(links[name]!);
        expect(t).toEqual(parseDocument(read(`${name}.vmtopo.json`)));
        expect(renderYaml(t)).toBe(read(`${name}.yaml`));
      });
    }
  });
}
