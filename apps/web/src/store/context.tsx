import type { Topology } from '@vmtopo/model';
import { createContext, useContext, useState, type ReactNode } from 'react';
import { useStore, type StoreApi } from 'zustand';
import { createEditorStore, type EditorState } from './editorStore.ts';

const EditorContext = createContext<StoreApi<EditorState> | null>(null);

export function EditorProvider({ initial, children }: { initial: Topology; children: ReactNode }) {
  const [store] = useState(() => createEditorStore(initial));
  return <EditorContext.Provider value={store}>{children}</EditorContext.Provider>;
}

export function useEditorApi(): StoreApi<EditorState> {
  const store = useContext(EditorContext);
  if (!store) throw new Error('useEditor must be used inside <EditorProvider>');
  return store;
}

/** Reads one slice of the editor store; components re-render only when that slice changes. */
export function useEditor<T>(selector: (s: EditorState) => T): T {
  return useStore(useEditorApi(), selector);
}
