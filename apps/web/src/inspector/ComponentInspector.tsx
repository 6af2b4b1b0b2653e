import {
  fieldGroups,
  KIND_ABBR,
  KIND_ROLE,
  nameProblem,
  namespaceProblem,
  podsCaption,
  removeComponent,
  renameComponent,
  setComponentNamespace,
} from '@vmtopo/editor';
import { isClusterPart, isExternalKind, KINDS, nameOf, type Component } from '@vmtopo/model';
import { useEffect, useRef } from 'react';
import { useEditor } from '../hooks/useEditor.ts';
import { useEditorApi } from '../hooks/useEditorApi.ts';
import { useFindings } from '../hooks/useFindings.ts';
import { ExplainSection } from './ExplainSection.tsx';
import { FieldRow } from './FieldRow.tsx';
import { FindingsOf } from './FindingsOf.tsx';
import { InspectorHead } from './InspectorHead.tsx';
import { InspectorTabs, type InspectorView } from './InspectorTabs.tsx';
import { LinkList } from './LinkList.tsx';
import { TextRow } from './TextRow.tsx';
import { WorkloadSection } from './WorkloadSection.tsx';

/** The focus request last acted on: a remount (selecting the component again) does not replay it. */
let handledFocus = -1;

/** One component: its findings, then its settings or what the operator creates for it. */
export function ComponentInspector({ c, view, setView }: { c: Component; view: InspectorView; setView: (v: InspectorView) => void }) {
  const store = useEditorApi();
  const t = useEditor((s) => s.topology);
  const focus = useEditor((s) => s.focus);
  const findings = useFindings().filter((f) => f.componentIds.includes(c.id));
  const root = useRef<HTMLDivElement>(null);
  const info = KINDS[c.kind];
  const part = isClusterPart(c.kind);
  const external = isExternalKind(c.kind);

  useEffect(() => {
    if (!focus || focus.id !== c.id || !root.current || handledFocus === focus.nonce) return;
    // A finding points at a field: show the settings first (the effect runs again once they are).
    if (focus.field && view !== 'settings') return setView('settings');
    handledFocus = focus.nonce;
    const el = focus.field ? root.current.querySelector<HTMLElement>(`[data-field="${CSS.escape(focus.field)}"]`) : null;
    const target = el ?? root.current;
    target.scrollIntoView({ block: 'center', behavior: 'smooth' });
    if (el) {
      el.classList.remove('flash');
      void el.offsetWidth;
      el.classList.add('flash');
      el.querySelector<HTMLElement>('input, select, textarea')?.focus({ preventScroll: true });
    }
  }, [focus, c.id, view, setView]);

  return (
    <div className="insp" ref={root}>
      <InspectorHead mark={KIND_ABBR[c.kind]} role={KIND_ROLE[c.kind]} title={part ? `${c.kind} of ${nameOf(t, c)}` : `${c.kind} ${c.name ?? ''}`}>
        <p>{info.summary}</p>
        {c.kind !== 'VMCluster' && !external && <p className="insp-pods">{podsCaption(c)}</p>}
      </InspectorHead>
      <InspectorTabs view={view} onChange={setView} />
      <FindingsOf findings={findings} />
      {view === 'explain' ? (
        <ExplainSection t={t} c={c} />
      ) : (
        <div id="insp-panel-settings" role="tabpanel" aria-labelledby="insp-tab-settings">
          {!part && (
            <fieldset className="group">
              <legend>Identity</legend>
              <TextRow
                id="name"
                label="Name"
                value={c.name ?? ''}
                help={external ? 'Its name in the design and in the YAML comment' : 'CR name; workloads are named after it'}
                check={(text) => nameProblem(t, c, text)}
                commit={(text) => renameComponent(store, c.id, text)}
              />
              <TextRow
                id="namespace"
                label="Namespace"
                value={c.namespace ?? ''}
                placeholder={t.namespace}
                help="Empty: the design’s namespace"
                check={(text) => namespaceProblem(t, c, text)}
                commit={(text) => setComponentNamespace(store, c.id, text)}
              />
            </fieldset>
          )}
          {fieldGroups(c.kind).map(({ group, fields }) => (
            <fieldset className="group" key={group}>
              <legend>{group}</legend>
              {fields.map((def) => (
                <FieldRow key={`${c.id}:${def.key}`} c={c} def={def} />
              ))}
            </fieldset>
          ))}
          <WorkloadSection c={c} />
          <LinkList t={t} c={c} />
          <div className="insp-actions">
            <button type="button" className="danger" onClick={() => removeComponent(store, c.id)}>
              Delete {part ? c.kind : c.kind === 'VMCluster' ? 'cluster and its parts' : c.kind}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
