import { loadDesign, TEMPLATES } from '@vmtopo/editor';
import { useEditorApi } from '../hooks/useEditorApi.ts';
import { useHost } from '../hooks/useHost.ts';

/** What an empty canvas says: how to start, and the templates. */
export function EmptyHint() {
  const store = useEditorApi();
  const host = useHost();
  return (
    <div className="empty-hint" role="region" aria-label="Getting started">
      <div className="empty-card">
        <h2>Design a highly available VictoriaMetrics stack</h2>
        <p>
          Drag components from the palette onto the canvas and connect them from the right-hand handle to the left-hand
          one. Findings tell you what is not highly available yet, and <b>Fix</b> repairs it.
        </p>
        <p className="empty-sub">Or start from a scenario of the operator’s HA guide:</p>
        <div className="empty-templates">
          {TEMPLATES.filter((t) => t.id !== 'blank').map((t) => (
            <button key={t.id} type="button" onClick={() => loadDesign(store, host, t.build())} aria-label={`Template: ${t.title}`}>
              <b>{t.title}</b>
              <span>{t.summary}</span>
            </button>
          ))}
        </div>
      </div>
    </div>
  );
}
