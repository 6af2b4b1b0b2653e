import {
  designNameProblem,
  designSummary,
  outageTextProblem,
  renameDesign,
  setDesignNamespace,
  setOutageMinutes,
  setZones,
  severityPhrase,
  showWorstScenario,
  survivalLine,
  zonesTextProblem,
} from '@vmtopo/editor';
import type { Topology } from '@vmtopo/model';
import { Fragment, useDeferredValue } from 'react';
import { useEditor } from '../hooks/useEditor.ts';
import { useEditorApi } from '../hooks/useEditorApi.ts';
import { useFindings } from '../hooks/useFindings.ts';
import { useSurvival } from '../hooks/useSurvival.ts';
import { InspectorHead } from './InspectorHead.tsx';
import { SizingTable } from './SizingTable.tsx';
import { TextRow } from './TextRow.tsx';

/** The design's own fields: its name, and the namespace of every component that sets none. */
const DESIGN_FIELDS = [
  { id: 'design-name', label: 'Design name', what: 'Name', help: 'Also the name of the downloaded YAML', value: (t: Topology) => t.name, commit: renameDesign },
  { id: 'design-namespace', label: 'Namespace', what: 'Namespace', help: 'Of every component that sets none', value: (t: Topology) => t.namespace, commit: setDesignNamespace },
] as const;

/** With nothing selected: the design's name and namespace, and what it holds. */
export function DesignSummary() {
  const store = useEditorApi();
  const t = useEditor((s) => s.topology);
  const sum = designSummary(t, useFindings());
  // The N−1 analysis (tens of ms at hundreds of components) catches up after typing, not on each key.
  const survival = useSurvival(useDeferredValue(t));
  const survives = survival ? survivalLine(survival.survives) : undefined;
  return (
    <div className="insp">
      <InspectorHead mark="◎" title="Design">
        <p>Select a component or a link to edit it.</p>
      </InspectorHead>
      <fieldset className="group">
        <legend>Design</legend>
        {DESIGN_FIELDS.map((f) => (
          <TextRow
            key={f.id}
            id={f.id}
            label={f.label}
            value={f.value(t)}
            help={f.help}
            check={(text) => designNameProblem(f.what, text)}
            commit={(text) => f.commit(store, text)}
          />
        ))}
        <TextRow
          id="design-zones"
          label="Zones"
          value={String(sum.zones)}
          help="Zones of the Kubernetes cluster: What if fails each one"
          check={zonesTextProblem}
          commit={(text) => setZones(store, text)}
        />
        <TextRow
          id="design-outage"
          label="Outage (minutes)"
          value={String(sum.outageMinutes)}
          help="Storage outage every vmagent queue must ride out"
          check={outageTextProblem}
          commit={(text) => setOutageMinutes(store, text)}
        />
      </fieldset>
      <fieldset className="group">
        <legend>Summary</legend>
        <dl className="summary">
          <dt>Components</dt>
          <dd>{sum.components}</dd>
          <dt>Pods</dt>
          <dd>{sum.pods}</dd>
          <dt>Links</dt>
          <dd>{sum.links}</dd>
          <dt>Namespaces</dt>
          <dd>{sum.namespaces.join(', ')}</dd>
          <dt>Survives</dt>
          <dd>
            {survives === undefined ? (
              <span className="muted" aria-busy="true">
                checking every single failure…
              </span>
            ) : (
              <button
                type="button"
                className={`link-button survives${survival?.current ? '' : ' stale'}`}
                title="Show the worst single failure in the What if mode"
                aria-label={`Survives: ${survives}. Show the worst single failure`}
                aria-busy={!survival?.current}
                onClick={() => showWorstScenario(store)}
              >
                {survives.split(' · ').map((part, i) => (
                  <Fragment key={part}>
                    {i > 0 && ' · '}
                    <span className="nowrap">{part}</span>
                  </Fragment>
                ))}
              </button>
            )}
          </dd>
          <dt>Findings</dt>
          <dd>{severityPhrase(sum.findings)}</dd>
          {sum.kinds.map(([k, n]) => (
            <div key={k} className="summary-kind">
              <dt>{k}</dt>
              <dd>{n}</dd>
            </div>
          ))}
        </dl>
      </fieldset>
      <SizingTable t={t} />
    </div>
  );
}
