import { ERROR_CATALOG, type ErrorCode } from '@vmtopo/model';

/** An error's catalog code, which opens to the catalog's explanation (the README lists the same). */
export function ErrorCodeHelp({ code }: { code: ErrorCode }) {
  const entry = ERROR_CATALOG[code];
  return (
    <details className="error-code">
      <summary title={`${code}: ${entry.title} (click for what it means)`}>{code}</summary>
      <p>
        <b>{entry.title}.</b> {entry.help} <span className="muted">(README: “Error codes”)</span>
      </p>
    </details>
  );
}
