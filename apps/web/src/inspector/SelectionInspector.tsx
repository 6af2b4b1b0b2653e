import { deleteSelection, type Selection } from '@vmtopo/editor';
import { useReactFlow } from '@xyflow/react';
import { useEditorApi } from '../hooks/useEditorApi.ts';
import { InspectorHead } from './InspectorHead.tsx';

/** Several components or links: zoom to them, or delete them. */
export function SelectionInspector({ sel }: { sel: Selection }) {
  const store = useEditorApi();
  const rf = useReactFlow();
  return (
    <div className="insp">
      <InspectorHead mark="⧉" title={`${sel.nodes.length} components, ${sel.edges.length} links selected`}>
        <p>Ctrl+C copies them, Delete removes them.</p>
      </InspectorHead>
      <div className="insp-actions">
        <button type="button" onClick={() => void rf.fitView({ nodes: sel.nodes.map((id) => ({ id })), duration: 250, padding: 0.3 })}>
          Zoom to selection
        </button>
        <button type="button" className="danger" onClick={() => deleteSelection(store)}>
          Delete selection
        </button>
      </div>
    </div>
  );
}
