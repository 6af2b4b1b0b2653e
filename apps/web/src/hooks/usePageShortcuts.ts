import { runCommand, shortcutAction, type EditorStore } from '@vmtopo/editor';
import { useEffect } from 'react';
import { isTextField } from '../browser.ts';

/** The page's shortcuts (undo, redo, the shortcuts list) anywhere but in text fields, which keep their own undo. */
export function usePageShortcuts(store: EditorStore, showShortcuts: () => void) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTextField(e.target) || e.defaultPrevented) return;
      const action = shortcutAction(e, 'page');
      if (!action) return;
      e.preventDefault();
      if (action === 'showShortcuts') showShortcuts();
      else runCommand(store, action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, showShortcuts]);
}
