import { addComponent, emptyTopology, type Topology } from '@vmtopo/model';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { shareLink } from './core.ts';
import { createEditorStore } from './editorStore.ts';
import type { Host } from './host.ts';
import { AUTOSAVE_DELAY_MS, exportYaml, loadDesign, openLink, restoreRecent, saveDesignFile, showNotice, startAutosave } from './lifecycle.ts';
import { AUTOSAVE_KEY, loadAutosave, MAIN_SLOT, readRecent, type KeyValueStorage } from './persist.ts';

function memoryStorage(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

function host(storage: KeyValueStorage | null = memoryStorage()) {
  const h = { fits: 0, files: [] as { filename: string; text: string; type?: string }[], storage };
  const api: Host = { storage, fit: () => h.fits++, download: (filename, text, type) => h.files.push({ filename, text, type }) };
  return { h, api };
}

const design = (name: string, kind: 'VMAgent' | 'VMSingle' = 'VMAgent'): Topology => addComponent(emptyTopology(name), kind, { position: { x: 0, y: 0 } }).topology;

describe('loading and saving designs', () => {
  it('a loaded design is one undo step, fitted into view', () => {
    const store = createEditorStore(design('first'));
    const { h, api } = host();
    loadDesign(store, api, design('second'));
    expect(store.getState().topology.name).toBe('second');
    expect(store.getState().past).toHaveLength(1);
    expect(h.fits).toBe(1);
  });
  it('files are named after the design', () => {
    const { h, api } = host();
    saveDesignFile(api, design('prod'));
    exportYaml(api, design('prod'), 'kind: VMAgent\n');
    expect(h.files.map((f) => [f.filename, f.type])).toEqual([
      ['prod.vmtopo.json', 'application/json'],
      ['prod.yaml', undefined],
    ]);
    expect(JSON.parse(h.files[0]!.text).name).toBe('prod');
  });
});

describe('share links and recent designs', () => {
  it('opening a link keeps the design on screen under Recent, and its notice restores it', () => {
    const store = createEditorStore(design('mine'));
    const { h, api } = host();
    openLink(store, api, shareLink(design('theirs', 'VMSingle'), 'http://localhost/'));
    expect(store.getState().topology.name).toBe('theirs');
    expect(h.fits).toBe(1);
    const recent = readRecent(api.storage);
    expect(recent.map((e) => e.name)).toEqual(['mine']);
    const notice = store.getState().notice!;
    expect(notice.text).toBe('Opened the shared design “theirs”. Your previous design “mine” is kept under Recent.');
    notice.action!.run();
    expect(store.getState().topology.name).toBe('mine');
    expect(readRecent(api.storage).map((e) => e.name)).toEqual(['theirs']);
  });
  it('a broken link leaves the design alone', () => {
    const store = createEditorStore(design('mine'));
    openLink(store, host().api, '#v1.garbage');
    expect(store.getState().topology.name).toBe('mine');
    expect(store.getState().notice).toMatchObject({ tone: 'error', sticky: true });
  });
  it('a damaged recent entry is refused with a notice', () => {
    const store = createEditorStore(design('mine'));
    restoreRecent(store, host().api, { key: '1', name: 'x', components: 0, savedAt: 0, reason: '', document: { version: 1 } });
    expect(store.getState().topology.name).toBe('mine');
    expect(store.getState().notice?.tone).toBe('error');
  });
  it('the unreadable autosave can be downloaded from its notice', () => {
    const storage = memoryStorage();
    storage.setItem(AUTOSAVE_KEY, '{broken');
    expect(loadAutosave(storage).kind).toBe('corrupt');
    const store = createEditorStore(emptyTopology());
    const { h, api } = host(storage);
    showNotice(store, api, { tone: 'error', text: 'unreadable', unreadable: true });
    store.getState().notice!.action!.run();
    expect(h.files).toEqual([{ filename: 'vmtopo-unreadable-autosave.json', text: '{broken', type: 'application/json' }]);
  });
});

describe('autosave', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves a change after a pause, and at once on flush', () => {
    const storage = memoryStorage();
    const store = createEditorStore(design('first'));
    const autosave = startAutosave(store, storage, false, { slot: MAIN_SLOT, tab: 'tab-1', seen: 0 });
    store.getState().commit(design('second'));
    expect(storage.data.has(AUTOSAVE_KEY)).toBe(false);
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    expect(loadAutosave(storage)).toMatchObject({ kind: 'ok', topology: { name: 'second' } });
    store.getState().commit(design('third'));
    autosave.flush();
    expect(loadAutosave(storage)).toMatchObject({ kind: 'ok', topology: { name: 'third' } });
    autosave.stop();
    store.getState().commit(design('fourth'));
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS * 10);
    expect(loadAutosave(storage)).toMatchObject({ kind: 'ok', topology: { name: 'third' } });
  });

  it('says once that it cannot save', () => {
    const store = createEditorStore(design('first'));
    const autosave = startAutosave(store, null, true, { slot: MAIN_SLOT, tab: 'tab-1', seen: 0 });
    autosave.flush();
    expect(store.getState().notice?.text).toMatch(/^Your design could not be saved in this browser: this browser does not allow local storage/);
    store.getState().clearNotice();
    store.getState().commit(design('second'));
    autosave.stop();
    expect(store.getState().notice).toBeNull();
  });
});
