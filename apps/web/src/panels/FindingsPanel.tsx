import { useReactFlow } from '@xyflow/react';
import { describe, getComponent } from '@vmtopo/model';
import { useState } from 'react';
import { applyFix, type Finding, type Severity } from '../core.ts';
import { useEditor, useEditorApi } from '../store/context.tsx';
import { useFindings } from '../store/hooks.ts';

const ICON: Record<Severity, string> = { error: '✖', warning: '▲', info: 'i' };

export function severityCounts(findings: Finding[]): Record<Severity, number> {
  const out: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) out[f.severity]++;
  return out;
}

export function FindingsSummary({ findings }: { findings: Finding[] }) {
  const n = severityCounts(findings);
  return (
    <span className="sev-counts" aria-label={`${n.error} errors, ${n.warning} warnings, ${n.info} info`}>
      <span className="sev-count sev-error" data-count={n.error}>
        {ICON.error} {n.error}
      </span>
      <span className="sev-count sev-warning" data-count={n.warning}>
        {ICON.warning} {n.warning}
      </span>
      <span className="sev-count sev-info" data-count={n.info}>
        {ICON.info} {n.info}
      </span>
    </span>
  );
}

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
    const s = store.getState();
    const ids = f.componentIds.filter((id) => getComponent(s.topology, id));
    if (ids.length === 0) return;
    s.select({ nodes: [ids[0]!], edges: [] });
    s.requestFocus(ids[0]!, f.field);
    void rf.fitView({ nodes: ids.map((id) => ({ id })), duration: 300, maxZoom: 1.1, padding: 0.4 });
  };
  const fix = (f: Finding) => {
    const s = store.getState();
    try {
      s.commit(applyFix(s.topology, f));
      s.notify(`Fixed: ${f.fixLabel ?? f.ruleId}. Ctrl+Z undoes it.`);
    } catch (e) {
      s.notify(`Could not fix: ${(e as Error).message}`, 'error');
    }
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
                {ICON[f.severity]}
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
              <button type="button" className="fix" onClick={() => fix(f)} aria-label={`Fix: ${f.fixLabel ?? f.ruleId}`}>
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
