import {
  applyScenario,
  clearFailed,
  failComponent,
  failZone,
  podList,
  restorePod,
  scenarioLabel,
  setWhatIfMode,
  survivalLine,
  toneOf,
} from '@vmtopo/editor';
import { describe, getComponent, type WhatIfScenario } from '@vmtopo/model';
import { useState } from 'react';
import { useEditor } from '../hooks/useEditor.ts';
import { useEditorApi } from '../hooks/useEditorApi.ts';
import { useWhatIf } from '../hooks/useWhatIf.ts';

const DIMENSIONS = [
  { key: 'ingestion', label: 'Ingestion', best: 'ok' },
  { key: 'queries', label: 'Queries', best: 'complete' },
  { key: 'alerting', label: 'Alerting', best: 'ok' },
] as const;

/** The tone of one dimension's level: its best level ok, its worst bad, between them warn. */
const levelTone = (level: string, best: string): 'ok' | 'warn' | 'bad' =>
  level === best ? 'ok' : level === 'lost' || level === 'unavailable' ? 'bad' : 'warn';

function Level({ label, level, best }: { label: string; level: string; best: string }) {
  return (
    <span className={`wi-level tone-${levelTone(level, best)}`} aria-label={`${label.toLowerCase()} ${level}`}>
      {level}
    </span>
  );
}

/** "a, b and 3 more" for a table cell. */
/** Every single failure: one row per pod, the worst node and each zone; a row applies its scenario. */
function SingleFailures({ current }: { current: readonly string[] }) {
  const store = useEditorApi();
  const { view } = useWhatIf();
  const t = useEditor((s) => s.topology);
  const a = view.analysis(t);
  const key = [...current].sort().join('\n');
  return (
    <section className="wi-n1" aria-label="Every single failure">
      <p className="wi-survives">
        Survives: <strong>{survivalLine(a.survives)}</strong> <span className="wi-note">({a.zones} zones, worst placement the spreading allows)</span>
      </p>
      <table className="wi-table">
        <thead>
          <tr>
            <th scope="col">Failure</th>
            <th scope="col">Failed pods</th>
            <th scope="col">Ingestion</th>
            <th scope="col">Queries</th>
            <th scope="col">Alerting</th>
          </tr>
        </thead>
        <tbody>
          {a.scenarios.map((s: WhatIfScenario, i) => {
            const applied = [...s.failed].sort().join('\n') === key;
            return (
              <tr key={`${s.class}:${s.zone ?? ''}:${i}`} className={`tone-row-${toneOf(s)}${applied ? ' applied' : ''}`} onClick={() => applyScenario(store, s.failed)}>
                <td>{scenarioLabel(s)}</td>
                <td>
                  <button type="button" className="link-button" title={s.failed.join('\n')} aria-label={`Apply: ${scenarioLabel(s)} ${podList(s.failed)}`} onClick={(e) => {
                    e.stopPropagation();
                    applyScenario(store, s.failed);
                  }}>
                    {s.failed.length === 0 ? 'none' : podList(s.failed)}
                  </button>
                </td>
                {DIMENSIONS.map((d) => (
                  <td key={d.key}>
                    <Level label={d.label} level={s[d.key]} best={d.best} />
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

/** The "What if" mode's panel: the failed pods, what they do to ingestion, queries and alerting, and why. */
export function WhatIfPanel() {
  const store = useEditorApi();
  const { failed, outcome, view } = useWhatIf();
  const t = useEditor((s) => s.topology);
  const selected = useEditor((s) => (s.selection.nodes.length === 1 ? s.selection.nodes[0] : undefined));
  const selectedComponent = selected ? getComponent(t, selected) : undefined;
  const [showAll, setShowAll] = useState(false);
  const zones = view.analysis(t).zones;
  if (!outcome) return null;
  return (
    <div className="whatif" aria-label="What if">
      <div className="wi-head">
        <div className="wi-bar">
          <div className="wi-outcomes" role="status" aria-label="Outcome">
            {DIMENSIONS.map((d) => (
              <div key={d.key} className={`wi-outcome tone-${levelTone(outcome[d.key], d.best)}`}>
                <span className="wi-dim">{d.label}</span>
                <Level label={d.label} level={outcome[d.key]} best={d.best} />
              </div>
            ))}
          </div>
          <div className="wi-actions">
            {selectedComponent && (
              <button type="button" onClick={() => failComponent(store, selectedComponent.id)} title="Fail every pod of the selected component">
                Fail all of {describe(t, selectedComponent)}
              </button>
            )}
            <div className="wi-zones" role="group" aria-label="Fail a zone" title="Fail every pod a zone may hold under the worst placement">
              <span className="wi-dim">Fail zone</span>
              {Array.from({ length: zones }, (_, z) => (
                <button type="button" key={z} aria-label={`Fail zone ${z + 1}`} onClick={() => failZone(store, z + 1)}>
                  {z + 1}
                </button>
              ))}
            </div>
            <button type="button" disabled={failed.length === 0} onClick={() => clearFailed(store)}>
              Restore all
            </button>
            <button type="button" aria-pressed={showAll} onClick={() => setShowAll(!showAll)}>
              {showAll ? 'Hide single failures' : 'Check every single failure'}
            </button>
            <button type="button" onClick={() => setWhatIfMode(store, false)}>
              Leave What if
            </button>
          </div>
        </div>
        <div className="wi-failed" aria-label="Failed pods">
          <span className="wi-dim">Failed</span>
          {failed.length === 0 ? (
            <span className="wi-note">nothing yet: click a pod square on the canvas to fail it, or pick a failure.</span>
          ) : (
            failed.map((p) => (
              <button type="button" key={p} className="chip wi-pod" aria-label={`Restore pod ${p}`} title="Restore this pod" onClick={() => restorePod(store, p)}>
                {p} <span aria-hidden>×</span>
              </button>
            ))
          )}
        </div>
      </div>
      <div className="wi-scroll">
        {outcome.reasons.length === 0 ? (
          <p className="wi-note wi-fine">Every pod runs as designed: nothing is lost, delayed or partial.</p>
        ) : (
          <ul className="wi-reasons" aria-label="Reasons">
            {outcome.reasons.map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
        )}
        {showAll && <SingleFailures current={failed} />}
      </div>
    </div>
  );
}
