import type { Finding } from '@vmtopo/editor';
import { useDerivations } from './useDerivations.ts';
import { useEditor } from './useEditor.ts';

/** Findings of the current design; recomputed only when more than positions change. */
export function useFindings(): Finding[] {
  const d = useDerivations();
  return d.findings(useEditor((s) => s.topology));
}
