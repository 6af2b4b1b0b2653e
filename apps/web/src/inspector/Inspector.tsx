import { getComponent } from '@vmtopo/model';
import { useState } from 'react';
import { useEditor } from '../hooks/useEditor.ts';
import { ComponentInspector } from './ComponentInspector.tsx';
import { DesignSummary } from './DesignSummary.tsx';
import type { InspectorView } from './InspectorTabs.tsx';
import { LinkInspector } from './LinkInspector.tsx';
import { SelectionInspector } from './SelectionInspector.tsx';

/** The right-hand panel: the selected component or link, several selected, or the design. */
export function Inspector() {
  const sel = useEditor((s) => s.selection);
  const t = useEditor((s) => s.topology);
  const [view, setView] = useState<InspectorView>('settings');
  let body;
  if (sel.nodes.length === 1) {
    const c = getComponent(t, sel.nodes[0]);
    body = c ? <ComponentInspector key={c.id} c={c} view={view} setView={setView} /> : <DesignSummary />;
  } else if (sel.nodes.length > 1 || sel.edges.length > 1) {
    body = <SelectionInspector sel={sel} />;
  } else if (sel.edges.length === 1) {
    const l = t.links.find((x) => x.id === sel.edges[0]);
    body = l ? <LinkInspector key={l.id} l={l} /> : <DesignSummary />;
  } else body = <DesignSummary />;
  return (
    <aside className="inspector" aria-label="Inspector">
      {body}
    </aside>
  );
}
