import { plural, type ImportOutcome } from '@vmtopo/editor';

/** After an import with something to say: what is not on the canvas, and every warning. */
export function ImportReport({ report, onClose }: { report: ImportOutcome; onClose: () => void }) {
  const t = report.topology;
  return (
    <div className="modal-backdrop" onClick={onClose}>
      <div className="modal wide" role="dialog" aria-modal="true" aria-label="Import report" onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
        <h2>
          Imported “{t.name}”
        </h2>
        <p>
          {plural(t.components.length, 'component')} and {plural(t.links.length, 'link')}, laid out left to right.
        </p>
        {report.kept.length > 0 && (
          <section aria-label="Kept aside">
            <h3>Not on the canvas ({report.kept.length})</h3>
            <p className="muted">These objects are not VictoriaMetrics components. They stay in the YAML exactly as they were.</p>
            <ul className="report-list">
              {report.kept.map((k) => (
                <li key={k}>
                  <code>{k}</code>
                </li>
              ))}
            </ul>
          </section>
        )}
        {report.warnings.length > 0 && (
          <section aria-label="Warnings">
            <h3>Warnings ({report.warnings.length})</h3>
            <ul className="report-list">
              {report.warnings.map((w, i) => (
                <li key={i}>{w}</li>
              ))}
            </ul>
          </section>
        )}
        <div className="modal-actions">
          <button type="button" className="primary" autoFocus onClick={onClose}>
            Done
          </button>
        </div>
      </div>
    </div>
  );
}
