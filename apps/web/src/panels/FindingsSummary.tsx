import { SEVERITY_ICON, severityCounts, severityPhrase, type Finding } from '@vmtopo/editor';

/** Counts of findings by severity, as the Findings tab shows them. */
export function FindingsSummary({ findings }: { findings: Finding[] }) {
  const n = severityCounts(findings);
  return (
    <span className="sev-counts" aria-label={severityPhrase(n)} title={severityPhrase(n)}>
      <span className="sev-count sev-error" data-count={n.error}>
        {SEVERITY_ICON.error} {n.error}
      </span>
      <span className="sev-count sev-warning" data-count={n.warning}>
        {SEVERITY_ICON.warning} {n.warning}
      </span>
      <span className="sev-count sev-info" data-count={n.info}>
        {SEVERITY_ICON.info} {n.info}
      </span>
    </span>
  );
}
