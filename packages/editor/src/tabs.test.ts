import { addComponent, emptyTopology, toDocument, type Topology } from '@vmtopo/model';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEditorStore } from './editorStore.ts';
import type { Host } from './host.ts';
import { AUTOSAVE_DELAY_MS, downloadUnreadable, onOtherTabSave, showNotice, startAutosave, switchSlot } from './lifecycle.ts';
import { AUTOSAVE_KEY, loadAutosave, MAIN_SLOT, slotKey, unreadableAutosaves, type KeyValueStorage } from './persist.ts';
import { bootDesign } from './share.ts';
import { EMPTY_SLOT_MS, readSlot, readSlots, saveTab, storedHeader, type TabSlot } from './tabs.ts';

function memoryStorage(): KeyValueStorage & { data: Map<string, string>; full: boolean } {
  const data = new Map<string, string>();
  const s = {
    data,
    full: false,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => {
      if (s.full) throw Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
      data.set(k, v);
    },
    removeItem: (k: string) => void data.delete(k),
  };
  return s;
}

const design = (name: string): Topology => addComponent(emptyTopology(name), 'VMAgent', { position: { x: 0, y: 0 } }).topology;
const tab = (id: string, seen = 0, slot = MAIN_SLOT): TabSlot => ({ slot, tab: id, seen });
const save = (storage: KeyValueStorage, t: TabSlot, d: Topology, now: number) => saveTab(storage, t, d, toDocument(d), now);

describe('two tabs, one storage', () => {
  it('a tab never overwrites a save another tab made after it last read the slot: it forks', () => {
    const storage = memoryStorage();
    const a = tab('a');
    const b = tab('b');
    expect(save(storage, a, design('from-a'), 1000)).toEqual({ error: null });
    const r = save(storage, b, design('from-b'), 2000);
    expect(r.forkedFrom).toBe(MAIN_SLOT);
    expect(b.slot).not.toBe(MAIN_SLOT);
    expect(readSlot(storage, MAIN_SLOT).topology.name).toBe('from-a');
    expect(readSlot(storage, b.slot).topology.name).toBe('from-b');
    expect(readSlots(storage).map((e) => e.name)).toEqual(['from-b', 'from-a']);
    // Each goes on in its own slot from now on.
    expect(save(storage, a, design('from-a-2'), 3000).forkedFrom).toBeUndefined();
    expect(save(storage, b, design('from-b-2'), 3001).forkedFrom).toBeUndefined();
    expect(readSlots(storage).map((e) => e.name).sort()).toEqual(['from-a-2', 'from-b-2']);
  });

  it('a tab that read the latest save, or saved it itself, writes in place', () => {
    const storage = memoryStorage();
    const a = tab('a');
    save(storage, a, design('one'), 1000);
    save(storage, a, design('two'), 1000);
    expect(a.slot).toBe(MAIN_SLOT);
    const b = tab('b', a.seen);
    expect(save(storage, b, design('three'), 900).forkedFrom).toBeUndefined();
    expect(readSlot(storage, MAIN_SLOT).topology.name).toBe('three');
  });

  it('a save of an earlier version (no writer) read at start is not taken for another tab', () => {
    const storage = memoryStorage();
    storage.setItem(AUTOSAVE_KEY, JSON.stringify({ savedAt: 5000, document: toDocument(design('old')) }));
    const boot = bootDesign('', storage);
    expect(boot.seen).toBe(5000);
    const t = tab('a', boot.seen);
    expect(save(storage, t, design('new'), 6000).forkedFrom).toBeUndefined();
    expect(t.slot).toBe(MAIN_SLOT);
  });

  it('each tab reopens its own slot after a reload', () => {
    const storage = memoryStorage();
    const b = tab('b');
    save(storage, tab('a'), design('a'), 1);
    save(storage, b, design('b'), 2);
    expect(bootDesign('', storage, b.slot).topology.name).toBe('b');
    expect(bootDesign('', storage).topology.name).toBe('a');
  });
});

describe('the slot list', () => {
  it('drops slots whose save is gone, and empty designs of other tabs after a day; never a design', () => {
    const storage = memoryStorage();
    const DAY = EMPTY_SLOT_MS;
    const empty = emptyTopology('blank');
    save(storage, tab('a', 0, 'a'), empty, 1);
    save(storage, tab('b', 0, 'b'), design('kept'), 2);
    save(storage, tab('c', 0, 'c'), empty, DAY);
    save(storage, tab('gone', 0, 'gone'), design('gone'), 3);
    storage.removeItem(slotKey('gone'));
    save(storage, tab('m', 0, MAIN_SLOT), empty, 4);
    // A day after "a" was saved empty: "a" goes with its save, "c" (empty for less than a day) stays.
    save(storage, tab('d', 0, 'd'), design('new'), DAY + 2);
    expect(readSlots(storage).map((e) => e.slot)).toEqual(['d', MAIN_SLOT, 'c', 'b']);
    expect(storage.getItem(slotKey('a'))).toBeNull();
    expect(readSlot(storage, 'b').topology.name).toBe('kept');
    // The tab of a dropped slot saves into it again.
    save(storage, tab('a', 0, 'a'), design('back'), DAY + 3);
    expect(readSlots(storage)[0]).toMatchObject({ slot: 'a', name: 'back' });
  });
});

describe('storedHeader', () => {
  const parsed = (raw: string) => {
    const v = JSON.parse(raw) as { savedAt?: unknown; writer?: unknown };
    return { savedAt: typeof v.savedAt === 'number' ? v.savedAt : 0, writer: typeof v.writer === 'string' ? v.writer : undefined };
  };

  it('reads what a whole parse reads, from saves as saveTab writes them and as earlier versions did', () => {
    const document = toDocument(design('d'));
    const raws = [
      ...['tab-1', 'a "quoted" \\ tab', 'ünï\u2028cøde', ''].map((writer) => JSON.stringify({ savedAt: 1_764_000_000_123, writer, document })),
      JSON.stringify({ savedAt: 5000, document }),
      JSON.stringify({ savedAt: 1.5e21, writer: 'w', document }),
      JSON.stringify({ writer: 'w', savedAt: 7, document }),
      JSON.stringify({ document }),
      JSON.stringify({ savedAt: 'soon', writer: 3, document }),
      JSON.stringify({ savedAt: 9, writer: 'x'.repeat(2000), document }),
    ];
    for (const raw of raws) expect(storedHeader(raw)).toEqual(parsed(raw));
    const storage = memoryStorage();
    const t = tab('a "tab"');
    save(storage, t, design('saved'), 4242);
    expect(storedHeader(storage.getItem(AUTOSAVE_KEY))).toEqual({ savedAt: 4242, writer: 'a "tab"' });
  });

  it('is null for nothing, and for what is no JSON object', () => {
    for (const raw of [null, '', 'not json', 'null', '42', '{"savedAt":1,']) expect(storedHeader(raw)).toBeNull();
  });
});

describe('autosave across tabs', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function host(storage: KeyValueStorage): Host & { files: string[] } {
    const files: string[] = [];
    return { storage, fit: () => {}, download: (name) => void files.push(name), files };
  }

  it('says so when it forks, and remembers the new slot', () => {
    const storage = memoryStorage();
    save(storage, tab('other'), design('theirs'), Date.now() + 10_000);
    const remembered: string[] = [];
    const mine = { ...tab('me'), remember: (s: string) => void remembered.push(s) };
    const store = createEditorStore(design('mine'));
    const autosave = startAutosave(store, storage, false, mine);
    store.getState().commit(design('mine, edited'));
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    expect(remembered).toEqual([mine.slot]);
    expect(store.getState().notice?.text).toMatch(/also changed in another tab.*neither is lost/);
    expect(loadAutosave(storage)).toMatchObject({ kind: 'ok', topology: { name: 'theirs' } });
    expect(loadAutosave(storage, mine.slot)).toMatchObject({ kind: 'ok', topology: { name: 'mine, edited' } });
    autosave.stop();
  });

  it('another tab’s save of this slot is announced, and its version can be loaded and then saved in place', () => {
    const storage = memoryStorage();
    const mine = tab('me');
    const store = createEditorStore(design('mine'));
    const autosave = startAutosave(store, storage, false, mine);
    const raw = JSON.stringify({ savedAt: 99, writer: 'other', document: toDocument(design('theirs')) });
    onOtherTabSave(store, mine, 'unrelated.key', raw);
    expect(store.getState().notice).toBeNull();
    onOtherTabSave(store, mine, slotKey(MAIN_SLOT), JSON.stringify({ savedAt: 99, writer: 'me', document: {} }));
    expect(store.getState().notice).toBeNull();
    storage.setItem(slotKey(MAIN_SLOT), raw);
    onOtherTabSave(store, mine, slotKey(MAIN_SLOT), raw);
    const notice = store.getState().notice!;
    expect(notice.text).toMatch(/“theirs” was changed in another tab/);
    notice.action!.run();
    expect(store.getState().topology.name).toBe('theirs');
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    expect(mine.slot).toBe(MAIN_SLOT);
    autosave.stop();
  });

  it('switching to another kept design leaves the one on screen in its slot', () => {
    const storage = memoryStorage();
    const other = tab('x');
    save(storage, tab('w'), design('first'), 1);
    save(storage, other, design('second'), 2);
    const mine = tab('me', 1);
    const store = createEditorStore(design('first'));
    const autosave = startAutosave(store, storage, false, mine);
    store.getState().commit(design('first, edited'));
    switchSlot(store, host(storage), mine, other.slot, autosave.flush);
    expect(store.getState().topology.name).toBe('second');
    expect(store.getState().past).toEqual([]);
    expect(readSlot(storage, MAIN_SLOT).topology.name).toBe('first, edited');
    switchSlot(store, host(storage), mine, 'gone', autosave.flush);
    expect(store.getState().notice).toMatchObject({ tone: 'error', text: 'That design cannot be opened: it is no longer in this browser' });
    autosave.stop();
  });
});

describe('storage trouble', () => {
  it('a save holding a value the gate refuses is kept aside; the notice names the value and its code', () => {
    const storage = memoryStorage();
    const doc = toDocument(design('d')) as unknown as { components: { spec: Record<string, unknown> }[] };
    doc.components[0]!.spec.replicaCount = -5;
    storage.setItem(AUTOSAVE_KEY, JSON.stringify({ savedAt: 1, document: doc }));
    const boot = bootDesign('', storage);
    expect(boot.notice).toMatchObject({ tone: 'error', unreadable: true, code: 'VMT-V01' });
    expect(boot.notice!.text).toMatch(/\$\.components\[0\]\.spec\.replicaCount: .*must be at least/);
    expect(unreadableAutosaves(storage)).toHaveLength(1);
  });

  it('keeps every unreadable save, never overwriting a kept copy', () => {
    const storage = memoryStorage();
    storage.setItem(AUTOSAVE_KEY, '{first broken');
    expect(loadAutosave(storage).kind).toBe('corrupt');
    storage.setItem(AUTOSAVE_KEY, '{second broken');
    expect(loadAutosave(storage).kind).toBe('corrupt');
    expect(unreadableAutosaves(storage)).toEqual(['{first broken', '{second broken']);
    const files: string[] = [];
    downloadUnreadable({ storage, fit: () => {}, download: (name) => void files.push(name) });
    expect(files).toEqual(['vmtopo-unreadable-autosave.json', 'vmtopo-unreadable-autosave-2.json']);
  });

  it('a full storage at start still opens the saved design, says nothing will be saved, and offers the file', () => {
    const storage = memoryStorage();
    save(storage, tab('a'), design('kept'), 1);
    storage.full = true;
    const boot = bootDesign('', storage);
    expect(boot.topology.name).toBe('kept');
    expect(boot.notice).toMatchObject({ tone: 'error', sticky: true, saveFile: true });
    expect(boot.notice!.text).toMatch(/cannot save your changes \(the browser storage for this site is full\)/);
    const store = createEditorStore(boot.topology);
    const files: string[] = [];
    showNotice(store, { storage, fit: () => {}, download: (name) => void files.push(name) }, boot.notice!);
    store.getState().notice!.action!.run();
    expect(files).toEqual(['kept.vmtopo.json']);
  });
});
