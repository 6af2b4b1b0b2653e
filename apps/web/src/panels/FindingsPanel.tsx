import { fixFindingAndSay, SEVERITY_ICON, showFinding, type Finding } from '@vmtopo/editor';
import { describe, getComponent } from '@vmtopo/model';
import { useReactFlow } from '@xyflow/react';
import { useState } from 'react';
import { useEditor } from '../hooks/useEditor.ts';
import { useEditorApi } from '../hooks/useEditorApi.ts';
import { useFindings } from '../hooks/useFindings.ts';

/** Findings listed at first (then as many more per click): a large design has thousands. */
export const FINDINGS_PAGE = 100;

/** Every finding of the design, live; clicking one shows its component, Fix repairs it. */
export function FindingsPanel() {
  const findings = useFindings();
  const [limit, setLimit] = useState(FINDINGS_PAGE);
  const t = useEditor((s) => s.topology);
  const store = useEditorApi();
  const rf = useReactFlow();
  const show = (f: Finding) => {
    const ids = showFinding(store, f);
    if (ids.length > 0) void rf.fitView({ nodes: ids.map((id) => ({ id })), duration: 300, maxZoom: 1.1, padding: 0.4 });
  };
  if (findings.length === 0) {
    return (
      <p className="panel-empty" role="status">
        {t.components.length === 0 ? 'Nothing to check yet: add components to the canvas.' : '✓ No findings: the design passes every check.'}
      </p>
    );
  }
  const shown = findings.length > limit ? findings.slice(0, limit) : findings;
  const more = findings.length - shown.length;
  return (
    <>
    <ul className="findings" aria-label="Findings">
      {shown.map((f, i) => {
        const names = f.componentIds.map((id) => getComponent(t, id)).filter((c) => c !== undefined).map((c) => describe(t, c));
        return (
          <li key={`${f.ruleId}:${f.componentIds.join(',')}:${i}`} className={`finding sev-${f.severity}`} data-rule={f.ruleId}>
            <button type="button" className="finding-main" onClick={() => show(f)} aria-label={`${f.severity}: ${f.message}`}>
              <span className={`sev-icon sev-${f.severity}`} aria-hidden>
                {SEVERITY_ICON[f.severity]}
              </span>
              <span className="finding-text">
                <span className="finding-msg">{f.message}</span>
                <span className="finding-meta">
                  <code>{f.ruleId}</code>
                  {names.length > 0 && <span> · {names.join(', ')}</span>}
                  {f.field && <span> · {f.field}</span>}
                </span>
              </span>
            </button>
            {f.fixable && (
              <button type="button" className="fix" onClick={() => fixFindingAndSay(store, f)} aria-label={`Fix: ${f.fixLabel ?? f.ruleId}`}>
                Fix{f.fixLabel ? `: ${f.fixLabel}` : ''}
              </button>
            )}
          </li>
        );
      })}
    </ul>
    {more > 0 && (
      <div className="findings-more">
        <button type="button" onClick={() => setLimit(limit + FINDINGS_PAGE * 5)}>
          Show {Math.min(more, FINDINGS_PAGE * 5)} more
        </button>
        <span>
          {shown.length} of {findings.length} shown, worst first
        </span>
      </div>
    )}
    </>
  );
}
