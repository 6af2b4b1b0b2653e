import type { NodeFindings } from '@vmtopo/editor';
import { useDerivations } from './useDerivations.ts';
import { useEditor } from './useEditor.ts';

/** Per component: its findings' worst severity, count and messages (the canvas badges). */
export function useFindingsByComponent(): Map<string, NodeFindings> {
  const d = useDerivations();
  return d.byComponent(useEditor((s) => s.topology));
}
