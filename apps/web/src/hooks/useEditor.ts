import type { EditorState } from '@vmtopo/editor';
import { useStore } from 'zustand';
import { useEditorApi } from './useEditorApi.ts';

/** Reads one slice of the editor store; components re-render only when that slice changes. */
export function useEditor<T>(selector: (s: EditorState) => T): T {
  return useStore(useEditorApi(), selector);
}
