import type { ReactFlowInstance } from '@xyflow/react';
import type { Topology } from '@vmtopo/model';
import { useEffect } from 'react';
import type { StoreApi } from 'zustand';
import { download, fitSoon } from './editorActions.ts';
import {
  browserStorage,
  forgetUnreadable,
  hasContent,
  pushRecent,
  recentTopology,
  removeRecent,
  sameDesign,
  saveAutosave,
  unreadableAutosave,
  type KeyValueStorage,
  type RecentEntry,
} from './persist.ts';
import { isShareHash, openedNotice, openShared, type Boot, type BootNotice } from './share.ts';
import type { EditorState } from './store/editorStore.ts';

type Store = StoreApi<EditorState>;
type Fit = Pick<ReactFlowInstance, 'fitView'>;

export const AUTOSAVE_DELAY_MS = 300;
/** A stream of edits is still saved at least this often. */
export const AUTOSAVE_MAX_WAIT_MS = 2000;

let storageCache: KeyValueStorage | null | undefined;
export const storage = (): KeyValueStorage | null => (storageCache === undefined ? (storageCache = browserStorage()) : storageCache);

/** Drops the fragment without a navigation (so a reload shows the autosave, not the link again). */
export function clearHash() {
  if (window.location.hash) history.replaceState(history.state, '', window.location.pathname + window.location.search);
}

/**
 * Brings a recent design back as one undo step. The design it replaces is kept in the list first
 * (when it has content and differs), so a restore never loses anything either.
 */
export function restoreRecent(store: Store, rf: Fit, entry: RecentEntry) {
  const s = store.getState();
  let t: Topology;
  try {
    t = recentTopology(entry);
  } catch (e) {
    s.notify(`That design cannot be opened: ${(e as Error).message}`, 'error');
    return;
  }
  if (hasContent(s.topology) && !sameDesign(s.topology, t)) pushRecent(storage(), s.topology, `before restoring “${t.name}”`);
  removeRecent(storage(), entry.key);
  s.commit(t, { select: {} });
  fitSoon(rf);
  s.notify(`Restored “${t.name}”. Undo (Ctrl+Z) goes back to the design you had.`);
}

export function downloadUnreadable() {
  const raw = unreadableAutosave(storage());
  if (raw !== null) download('vmtopo-unreadable-autosave.json', raw, 'application/json');
}

export function forgetUnreadableAutosave() {
  forgetUnreadable(storage());
}

/** Shows a notice from opening a link (at start or later), with its action. */
export function showNotice(store: Store, rf: Fit, n: BootNotice) {
  const action = n.restore
    ? { label: 'Restore your previous design', run: () => restoreRecent(store, rf, n.restore!) }
    : n.unreadable
      ? { label: 'Download the unreadable data', run: downloadUnreadable }
      : undefined;
  store.getState().notify(n.text, n.tone, { action, sticky: n.sticky });
}

/** Opens a share link over the design on screen: one undo step, the old design kept under Recent. */
export function openLink(store: Store, rf: Fit, link: string) {
  const s = store.getState();
  const opened = openShared(link, s.topology, storage());
  if (!opened.ok) {
    s.notify(`${opened.message} Your design on screen is unchanged.`, 'error', { sticky: true });
    return;
  }
  const previous = s.topology;
  if (!sameDesign(previous, opened.topology)) {
    s.commit(opened.topology, { select: {} });
    fitSoon(rf);
  }
  showNotice(store, rf, openedNotice(opened, previous));
}

/**
 * Autosave: every change of the design lands in localStorage ~300 ms later, and at once when the
 * page is hidden or unloaded (tab switch, close, reload, navigation). A failure is said once.
 */
export function useAutosave(store: Store, initialDirty: boolean) {
  useEffect(() => {
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
      const error = saveAutosave(storage(), t);
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
    const onHidden = () => document.visibilityState === 'hidden' && flush();
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', flush);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      flush();
      unsubscribe();
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', flush);
      document.removeEventListener('visibilitychange', onHidden);
    };
  }, [store, initialDirty]);
}

/** The start notice (link opened, link refused, unreadable autosave), and links opened later. */
export function useShareLinks(store: Store, rf: Fit, boot: Boot) {
  useEffect(() => {
    if (boot.notice) showNotice(store, rf, boot.notice);
    // Once per start; StrictMode's second run shows the same notice again, which is harmless.
  }, [store, rf, boot]);

  useEffect(() => {
    const onHash = () => {
      const hash = window.location.hash;
      if (!isShareHash(hash)) return;
      clearHash();
      openLink(store, rf, hash);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [store, rf]);
}

