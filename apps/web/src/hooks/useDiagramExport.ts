import { useStoreApi } from '@xyflow/react';
import { useCallback } from 'react';
import type { ImageFormat } from '../diagramExport.ts';
import type { FlowEdge, FlowNode } from '../canvas/derive.ts';
import { useEditorApi } from './useEditorApi.ts';

/** Exports the canvas as an SVG or PNG file; the export code loads on first use, and the outcome is a notice. */
export function useDiagramExport(): (format: ImageFormat) => Promise<void> {
  const store = useEditorApi();
  const flow = useStoreApi<FlowNode, FlowEdge>();
  return useCallback(
    async (format) => {
      const { topology, notify } = store.getState();
      const root = document.getElementById('canvas');
      if (topology.components.length === 0 || !root) {
        notify('Nothing to export yet: the design is empty.', 'info');
        return;
      }
      try {
        const { exportCanvas } = await import('../diagramExport.ts');
        notify(await exportCanvas(format, store, flow.getState(), root));
      } catch (e) {
        notify(`Could not export the ${format.toUpperCase()}: ${e instanceof Error ? e.message : String(e)}`, 'error');
      }
    },
    [store, flow],
  );
}
