import { errorCode, toDocument, type Topology } from '@vmtopo/model';
import { designFileText, designFromJson } from './core.ts';
import type { EditorStore } from './editorStore.ts';
import type { Host } from './host.ts';
import {
  forgetUnreadable,
  hasContent,
  pushRecent,
  recentTopology,
  removeRecent,
  sameDesign,
  slotKey,
  unreadableAutosaves,
  type KeyValueStorage,
  type RecentEntry,
} from './persist.ts';
import { openedNotice, openShared, type BootNotice } from './share.ts';
import { parseStored, readSlot, saveTab, type TabSlot } from './tabs.ts';

/**
 * Where designs come from and go to: templates, imports, recent designs and share links replace
 * the design as one undo step; files and the autosave take it out.
 */

export const AUTOSAVE_DELAY_MS = 300;
/** A stream of edits is still saved at least this often. */
export const AUTOSAVE_MAX_WAIT_MS = 2000;

/** Loads a design as one undoable step and fits it into view. */
export function loadDesign(store: EditorStore, host: Pick<Host, 'fit'>, t: Topology): void {
  store.getState().commit(t, { select: {} });
  host.fit();
}

/** The design as a `.vmtopo.json` file. */
export function saveDesignFile(host: Pick<Host, 'download'>, t: Topology): void {
  host.download(`${t.name}.vmtopo.json`, designFileText(t), 'application/json');
}

/** The design's manifests as a `.yaml` file. */
export function exportYaml(host: Pick<Host, 'download'>, t: Topology, yaml: string): void {
  host.download(`${t.name}.yaml`, yaml);
}

/**
 * Brings a recent design back as one undo step. The design it replaces is kept in the list first
 * (when it has content and differs), so a restore never loses anything either.
 */
export function restoreRecent(store: EditorStore, host: Host, entry: RecentEntry): void {
  const s = store.getState();
  let t: Topology;
  try {
    t = recentTopology(entry);
  } catch (e) {
    s.notify(`That design cannot be opened: ${(e as Error).message}`, 'error', { code: errorCode(e) });
    return;
  }
  if (hasContent(s.topology) && !sameDesign(s.topology, t)) pushRecent(host.storage, s.topology, `before restoring “${t.name}”`);
  removeRecent(host.storage, entry.key);
  s.commit(t, { select: {} });
  host.fit();
  s.notify(`Restored “${t.name}”. Undo (Ctrl+Z) goes back to the design you had.`);
}

/** Offers every kept unreadable save as a file (the first keeps the name earlier versions used). */
export function downloadUnreadable(host: Host): void {
  unreadableAutosaves(host.storage).forEach((raw, i) =>
    host.download(`vmtopo-unreadable-autosave${i === 0 ? '' : `-${i + 1}`}.json`, raw, 'application/json'),
  );
}

export function forgetUnreadableAutosave(host: Host): void {
  forgetUnreadable(host.storage);
}

/** Shows a notice from opening a link (at start or later), with its action. */
export function showNotice(store: EditorStore, host: Host, n: BootNotice): void {
  const action = n.restore
    ? { label: 'Restore your previous design', run: () => restoreRecent(store, host, n.restore!) }
    : n.unreadable
      ? { label: 'Download the unreadable data', run: () => downloadUnreadable(host) }
      : n.saveFile
        ? { label: 'Save the topology file', run: () => saveDesignFile(host, store.getState().topology) }
        : undefined;
  store.getState().notify(n.text, n.tone, { action, sticky: n.sticky, code: n.code });
}

/** Opens a share link over the design on screen: one undo step, the old design kept under Recent. */
export function openLink(store: EditorStore, host: Host, link: string): void {
  const s = store.getState();
  const opened = openShared(link, s.topology, host.storage);
  if (!opened.ok) {
    s.notify(`${opened.message} Your design on screen is unchanged.`, 'error', { sticky: true, code: opened.code });
    return;
  }
  const previous = s.topology;
  if (!sameDesign(previous, opened.topology)) {
    s.commit(opened.topology, { select: {} });
    host.fit();
  }
  showNotice(store, host, openedNotice(opened, previous));
}

export interface Autosave {
  /** Saves a pending change now (the page is being hidden or left). */
  flush(): void;
  /** Saves what is pending and stops following the design. */
  stop(): void;
}

/**
 * Autosave: every change of the design lands in the tab's slot ~300 ms later (a stream of edits at
 * least every 2 s); `flush` saves at once. A failure is said once, until a save works again. When
 * another tab saved the slot meanwhile, the save goes to a new slot (tabs.ts) and says so.
 */
export function startAutosave(store: EditorStore, storage: KeyValueStorage | null, initialDirty: boolean, tab: TabSlot): Autosave {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: Topology | null = initialDirty ? store.getState().topology : null;
  let since = 0;
  let warned = false;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (!pending) return;
    const t = pending;
    pending = null;
    const { error, forkedFrom } = saveTab(storage, tab, t, toDocument(t));
    if (forkedFrom !== undefined) {
      store
        .getState()
        .notify(`“${t.name}” was also changed in another tab. This tab now saves its version as a separate design, so neither is lost (Recent lists both).`, 'info', { sticky: true });
    }
    if (error && !warned) {
      warned = true;
      store.getState().notify(`Your design could not be saved in this browser: ${error}. Save the topology file to keep it.`, 'error', { sticky: true });
    } else if (!error) warned = false;
  };
  const schedule = () => {
    const now = performance.now();
    if (timer === undefined) since = now;
    clearTimeout(timer);
    timer = setTimeout(flush, now - since > AUTOSAVE_MAX_WAIT_MS ? 0 : AUTOSAVE_DELAY_MS);
  };
  if (pending) schedule();
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.topology === prev.topology) return;
    pending = s.topology;
    schedule();
  });
  return {
    flush,
    stop() {
      flush();
      unsubscribe();
    },
  };
}

/**
 * Another tab saved this tab's slot (a `storage` event): say so, and offer its version. The next
 * save here goes to a new slot (see saveTab), so nothing is overwritten either way.
 */
export function onOtherTabSave(store: EditorStore, tab: TabSlot, key: string, raw: string | null): void {
  if (key !== slotKey(tab.slot) || raw === null) return;
  const stored = parseStored(raw);
  if (!stored || stored.header.writer === tab.tab) return;
  const { header } = stored;
  let theirs: Topology;
  try {
    theirs = designFromJson(stored.document);
  } catch {
    return;
  }
  store.getState().notify(`“${theirs.name}” was changed in another tab. Your changes here are kept apart from theirs.`, 'info', {
    sticky: true,
    action: {
      label: 'Load the other tab’s version',
      run: () => {
        // Adopting their save makes it the version this tab has seen: saving continues in the slot.
        tab.seen = header.savedAt;
        store.getState().commit(theirs, { select: {} });
      },
    },
  });
}

/**
 * Opens another design this browser keeps in this tab. The design on screen stays in its own slot
 * (saved first by `flush`), so switching loses nothing; the history starts afresh with the design.
 */
export function switchSlot(store: EditorStore, host: Host, tab: TabSlot, slot: string, flush: () => void): void {
  flush();
  let opened: { topology: Topology; savedAt: number };
  try {
    if (!host.storage) throw new Error('this browser does not allow local storage for this page');
    opened = readSlot(host.storage, slot);
  } catch (e) {
    store.getState().notify(`That design cannot be opened: ${(e as Error).message}`, 'error', { code: errorCode(e) });
    return;
  }
  tab.slot = slot;
  tab.seen = opened.savedAt;
  tab.remember?.(slot);
  store.getState().reset(opened.topology);
  host.fit();
  store.getState().notify(`Opened “${opened.topology.name}”. The design you had is kept under Recent.`);
}
