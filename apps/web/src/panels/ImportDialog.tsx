import { useReactFlow } from '@xyflow/react';
import { parseDocument } from '@vmtopo/model';
import { useState } from 'react';
import { importManifests } from '../core.ts';
import { loadDesign } from '../editorActions.ts';
import { placeMissing } from '../layout.ts';
import { useEditorApi } from '../store/context.tsx';

/** Opens operator manifests (YAML) or a saved design (.vmtopo.json) as a new step. */
export function ImportDialog({ onClose }: { onClose: () => void }) {
  const store = useEditorApi();
  const rf = useReactFlow();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const open = (src: string) => {
    try {
      const trimmed = src.trimStart();
      if (trimmed.startsWith('{')) {
        loadDesign(store, rf, placeMissing(parseDocument(src)));
        store.getState().notify('Design opened.');
      } else {
        const { topology, warnings } = importManifests(src);
        loadDesign(store, rf, placeMissing(topology));
        store.getState().notify(warnings.length ? `Imported with ${warnings.length} warning(s): ${warnings.join(' · ')}` : 'Manifests imported.');
      }
      onClose();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <div className="modal-backdrop" onClick={onClose}>
      <div className="modal wide" role="dialog" aria-modal="true" aria-label="Import" onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
        <h2>Import</h2>
        <p>Paste VictoriaMetrics operator manifests (multi-document YAML) or a saved design (.vmtopo.json), or choose a file.</p>
        <input
          type="file"
          accept=".yaml,.yml,.json"
          aria-label="Choose a file"
          onChange={async (e) => {
            const f = e.target.files?.[0];
            if (f) open(await f.text());
          }}
        />
        <textarea aria-label="Manifests or design" rows={14} value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} autoFocus />
        {error && (
          <div className="field-error" role="alert">
            {error}
          </div>
        )}
        <div className="modal-actions">
          <button type="button" className="ghost" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="primary" onClick={() => open(text)} disabled={!text.trim()}>
            Import
          </button>
        </div>
      </div>
    </div>
  );
}
