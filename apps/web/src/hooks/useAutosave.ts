import { startAutosave, type EditorStore } from '@vmtopo/editor';
import { useEffect } from 'react';
import { storage } from '../browser.ts';

/**
 * Autosave: every change of the design lands in localStorage ~300 ms later, and at once when the
 * page is hidden or unloaded (tab switch, close, reload, navigation).
 */
export function useAutosave(store: EditorStore, initialDirty: boolean) {
  useEffect(() => {
    const autosave = startAutosave(store, storage(), initialDirty);
    const flush = autosave.flush;
    const onHidden = () => document.visibilityState === 'hidden' && flush();
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', flush);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      autosave.stop();
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', flush);
      document.removeEventListener('visibilitychange', onHidden);
    };
  }, [store, initialDirty]);
}
