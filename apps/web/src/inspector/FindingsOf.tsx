import { fixFinding, type Finding } from '@vmtopo/editor';
import { useEditorApi } from '../hooks/useEditorApi.ts';

/** The findings of the selected component, each with its fix. */
export function FindingsOf({ findings }: { findings: Finding[] }) {
  const store = useEditorApi();
  if (findings.length === 0) return null;
  return (
    <section className="insp-findings" aria-label="Findings of this component">
      {findings.map((f, i) => (
        <div key={i} className={`insp-finding sev-${f.severity}`}>
          <span className={`sev-dot sev-${f.severity}`} aria-label={f.severity} />
          <span>{f.message}</span>
          {f.fixable && (
            <div className="fix-row">
              <button type="button" className="fix" onClick={() => fixFinding(store, f)}>
                {f.fixLabel ?? 'Fix'}
              </button>
            </div>
          )}
        </div>
      ))}
    </section>
  );
}
