import { getComponent } from '@vmtopo/model';
import { useEffect, useState } from 'react';
import { useCollapsed } from '../hooks/useCollapsed.ts';
import { useEditor } from '../hooks/useEditor.ts';
import { ComponentInspector } from './ComponentInspector.tsx';
import { DesignSummary } from './DesignSummary.tsx';
import type { InspectorView } from './InspectorTabs.tsx';
import { LinkInspector } from './LinkInspector.tsx';
import { SelectionInspector } from './SelectionInspector.tsx';

/** Below this window width the inspector starts collapsed to a thin rail. */
const INSPECTOR_OPEN_FROM = 1200;

/** The right-hand panel: the selected component or link, several selected, or the design; collapsible. */
export function Inspector() {
  const [collapsed, toggle] = useCollapsed(INSPECTOR_OPEN_FROM);
  // A finding clicked elsewhere asks for a field: the inspector opens to show it.
  const focus = useEditor((s) => s.focus);
  useEffect(() => {
    if (focus && collapsed) toggle();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focus]);
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
    <aside className={`inspector${collapsed ? ' collapsed' : ''}`} aria-label="Inspector">
      <button type="button" className="ghost panel-toggle" aria-expanded={!collapsed} aria-label={collapsed ? 'Expand the inspector' : 'Collapse the inspector'} title={collapsed ? 'Show the inspector' : 'Hide the inspector'} onClick={toggle}>
        {collapsed ? '«' : '»'}
      </button>
      {!collapsed && body}
    </aside>
  );
}
