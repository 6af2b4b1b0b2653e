import { onOtherTabSave, startAutosave, type Autosave, type EditorStore, type TabSlot } from '@vmtopo/editor';
import { useCallback, useEffect, useRef } from 'react';
import { storage } from '../browser.ts';

/**
 * Autosave: every change of the design lands in this tab's slot of localStorage ~300 ms later, and
 * at once when the page is hidden or unloaded (tab switch, close, reload, navigation). Saves of the
 * same slot by another tab arrive as `storage` events and are announced. Returns a stable `flush`.
 */
export function useAutosave(store: EditorStore, initialDirty: boolean, tab: TabSlot): () => void {
  const current = useRef<Autosave | null>(null);
  useEffect(() => {
    const autosave = startAutosave(store, storage(), initialDirty, tab);
    current.current = autosave;
    const flush = autosave.flush;
    const onHidden = () => document.visibilityState === 'hidden' && flush();
    const onStorage = (e: StorageEvent) => e.key !== null && onOtherTabSave(store, tab, e.key, e.newValue);
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', flush);
    window.addEventListener('storage', onStorage);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      autosave.stop();
      current.current = null;
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', flush);
      window.removeEventListener('storage', onStorage);
      document.removeEventListener('visibilitychange', onHidden);
    };
  }, [store, initialDirty, tab]);
  return useCallback(() => current.current?.flush(), []);
}
