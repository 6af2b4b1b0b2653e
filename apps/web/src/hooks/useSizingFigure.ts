import { sizingFigureOf } from '@vmtopo/editor';
import { useEditor } from './useEditor.ts';
import { useEditorApi } from './useEditorApi.ts';

/**
 * A node's sized figure ("≈ 73 GiB / pod of 200Gi", "600k series · queue 1.6 GiB") and whether
 * it fits; undefined until the design describes a workload. Re-renders the node only when its own
 * figure changes (the selector returns a string).
 */
export function useSizingFigure(id: string): { text: string; fits: boolean } | undefined {
  const store = useEditorApi();
  const key = useEditor((s) => {
    const f = sizingFigureOf(store, s.topology, id);
    return f ? `${f.fits ? '+' : '-'}${f.text}` : '';
  });
  return key ? { text: key.slice(1), fits: key[0] === '+' } : undefined;
}
