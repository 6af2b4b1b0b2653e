import { spansNamespaces } from '@vmtopo/editor';
import { LINK_LABELS, type LinkType } from '@vmtopo/model';
import { useEditor } from '../hooks/useEditor.ts';
import { useEditorApi } from '../hooks/useEditorApi.ts';
import { LINK_COLORS, LINK_DASH } from './edges/linkStyle.ts';

/** Which line style is which link; for a design in several namespaces, the namespace frames' switch. */
export function Legend() {
  const store = useEditorApi();
  const several = useEditor((s) => spansNamespaces(s.topology));
  const frames = useEditor((s) => s.view.namespaceBoxes);
  return (
    <div className="legend">
      <div className="legend-items" role="list" aria-label="Link legend">
        {(Object.keys(LINK_COLORS) as LinkType[]).map((t) => (
          <div className="legend-item" role="listitem" key={t}>
            <svg width="34" height="8" aria-hidden>
              <line x1="0" y1="4" x2="34" y2="4" stroke={LINK_COLORS[t]} strokeWidth="2.5" strokeDasharray={LINK_DASH[t]} />
            </svg>
            {LINK_LABELS[t]}
          </div>
        ))}
      </div>
      {several && (
        <label className="legend-toggle">
          <input type="checkbox" checked={frames} onChange={(e) => store.getState().setView({ namespaceBoxes: e.target.checked })} />
          Namespace boxes
        </label>
      )}
    </div>
  );
}
