import { emptyTopology } from '@vmtopo/model';
import { describe, expect, it } from 'vitest';
import { designFileText, ImportProblem, renderYaml } from './core.ts';
import { createEditorStore } from './editorStore.ts';
import { designNameFrom, fileTooLarge, importProblems, importText, loadImported, MAX_IMPORT_BYTES, rawUrl, readCapped, runImportRequest, type ImportMessage } from './importFlow.ts';
import { TEMPLATES } from './templates.ts';

describe('import', () => {
  it('names a design after its file or URL', () => {
    expect(designNameFrom('prod.vmtopo.json')).toBe('prod');
    expect(designNameFrom('https://example.com/a/vmagent-ha.yaml?raw=1')).toBe('vmagent-ha');
    expect(designNameFrom('https:')).toBeUndefined();
    expect(rawUrl(' https://github.com/o/r/blob/main/x.yaml ')).toBe('https://raw.githubusercontent.com/o/r/main/x.yaml');
  });

  it('lays manifests out; a design file with positions keeps them', async () => {
    const t = TEMPLATES.find((x) => x.id === 'ha-agents')!.build();
    const fromYaml = await importText(renderYaml(t), 'ha');
    expect(fromYaml.source).toBe('manifests');
    expect(fromYaml.topology.components.every((c) => c.position)).toBe(true);
    const fromFile = await importText(designFileText(t));
    expect(fromFile.source).toBe('design');
    expect(fromFile.topology.components.map((c) => c.position)).toEqual(t.components.map((c) => c.position));
  });

  it('says why nothing was imported', () => {
    const p = importProblems(new ImportProblem('bad', [{ message: 'line 1: bad' }, { message: 'line 2: worse' }]), 'x.yaml');
    expect(p).toEqual({ title: 'Nothing was imported: 2 problems in x.yaml.', items: ['line 1: bad', 'line 2: worse'], code: 'VMT-I03' });
    expect(importProblems(new Error('boom'), 'the pasted text')).toEqual({ title: 'Nothing was imported from the pasted text.', items: ['boom'] });
    expect(fileTooLarge('a.yaml', MAX_IMPORT_BYTES)).toBeUndefined();
    expect(fileTooLarge('a.yaml', MAX_IMPORT_BYTES + 1)?.items[0]).toMatch(/^the file is too large/);
  });

  it('loads an import as one undo step; a notice when it has nothing more to say', async () => {
    const store = createEditorStore(emptyTopology());
    const out = await importText(renderYaml(TEMPLATES.find((x) => x.id === 'ha-agents')!.build()), 'ha');
    expect(loadImported(store, { fit: () => {} }, { ...out, warnings: [] })).toBe(true);
    expect(store.getState().notice?.text).toBe('Imported “ha”: 2 components, 1 link.');
    expect(store.getState().past).toHaveLength(1);
    expect(loadImported(store, { fit: () => {} }, { ...out, warnings: ['w'] })).toBe(false);
  });
});

describe('import in a worker (the worker side, as plain messages)', () => {
  const manifests = 'apiVersion: operator.victoriametrics.com/v1beta1\nkind: VMSingle\nmetadata: {name: db}\nspec: {}\n';

  it('says its phases, then answers with the outcome', async () => {
    const got: ImportMessage[] = [];
    await runImportRequest({ text: manifests, name: 'prod', origin: 'prod.yaml' }, (m) => got.push(m));
    expect(got.slice(0, 2)).toEqual([{ phase: 'reading' }, { phase: 'laying out' }]);
    const last = got[2]!;
    expect('done' in last && last.done.topology.name).toBe('prod');
    expect('done' in last && last.done.topology.components.map((c) => c.name)).toEqual(['db']);
  });

  it('answers with the problems, their lines and code, instead of throwing', async () => {
    const got: ImportMessage[] = [];
    await runImportRequest({ text: 'kind: VMAgent\n  bad: [', origin: 'the pasted text' }, (m) => got.push(m));
    const last = got.at(-1)!;
    expect('failed' in last && last.failed).toMatchObject({ title: expect.stringMatching(/^Nothing was imported: \d+ problems? in the pasted text\.$/), code: 'VMT-I02' });
    expect('failed' in last && last.failed.items[0]).toMatch(/^line \d+, column \d+: /);
  });
});

describe('reading a download', () => {
  const body = (chunks: number[]) =>
    new Response(
      new ReadableStream({
        start(c) {
          for (const n of chunks) c.enqueue(new Uint8Array(n).fill(97));
          c.close();
        },
      }),
    );

  it('reads a body up to the cap, whatever Content-Length says', async () => {
    expect(await readCapped(body([3, 4]), 7)).toBe('aaaaaaa');
    await expect(readCapped(body([3, 4, 1]), 7)).rejects.toThrow('the file is too large (more than 7 bytes)');
  });
});
