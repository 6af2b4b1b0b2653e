import type { EditorStore } from '@vmtopo/editor';
import { createContext, useContext } from 'react';

export const EditorContext = createContext<EditorStore | null>(null);

/** The editor's store, for actions (reading it does not re-render). */
export function useEditorApi(): EditorStore {
  const store = useContext(EditorContext);
  if (!store) throw new Error('useEditor must be used inside <EditorProvider>');
  return store;
}
