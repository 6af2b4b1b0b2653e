import { layoutDesign, saveDesignFile, toggleWhatIf } from '@vmtopo/editor';
import { useReactFlow } from '@xyflow/react';
import { useRef, useState } from 'react';
import { useEditor } from '../hooks/useEditor.ts';
import { useEditorApi } from '../hooks/useEditorApi.ts';
import { useHost } from '../hooks/useHost.ts';
import { useYamlExport } from '../hooks/useYamlExport.ts';
import { ExportImageMenu } from './ExportImageMenu.tsx';
import { RecentMenu } from './RecentMenu.tsx';
import { TemplatesMenu } from './TemplatesMenu.tsx';

export type Theme = 'system' | 'light' | 'dark';

export function TopBar(props: {
  theme: Theme;
  setTheme: (t: Theme) => void;
  onImport: (file?: File) => void;
  onShare: () => void;
  onShortcuts: () => void;
}) {
  const openInput = useRef<HTMLInputElement>(null);
  const store = useEditorApi();
  const rf = useReactFlow();
  const host = useHost();
  const yaml = useYamlExport();
  const name = useEditor((s) => s.topology.name);
  const canUndo = useEditor((s) => s.past.length > 0);
  const canRedo = useEditor((s) => s.future.length > 0);
  const whatIf = useEditor((s) => s.whatif.on);
  const [busy, setBusy] = useState(false);

  const layout = async () => {
    setBusy(true);
    try {
      await layoutDesign(store, host);
    } finally {
      setBusy(false);
    }
  };
  const nextTheme: Record<Theme, Theme> = { system: 'light', light: 'dark', dark: 'system' };
  return (
    <header className="topbar" role="banner">
      <div className="brand" aria-label="vmtopo">
        <span className="logo" aria-hidden>
          ◈
        </span>
        vmtopo
      </div>
      <div className="design-name" title={`${name}: the design name (edit it in the inspector with nothing selected)`}>
        {name}
      </div>
      <nav className="toolbar" aria-label="Toolbar">
        <TemplatesMenu />
        <RecentMenu />
        <button type="button" onClick={() => props.onImport()} title="Paste, drop, open or fetch manifests or a design">
          Import
        </button>
        <button type="button" onClick={() => openInput.current?.click()} title="Open a .vmtopo.json design or a YAML file">
          Open…
        </button>
        <input
          ref={openInput}
          type="file"
          hidden
          accept=".json,.yaml,.yml,application/json,application/yaml"
          aria-label="Open a design file"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) props.onImport(f);
          }}
        />
        <button type="button" onClick={() => saveDesignFile(host, store.getState().topology)} title="Save the design as .vmtopo.json">
          Save design
        </button>
        <button type="button" onClick={() => void yaml.download()} title="Download the manifests">
          Export YAML
        </button>
        <ExportImageMenu />
        <button type="button" className="primary" onClick={props.onShare} title="A link with the whole design in it">
          Share
        </button>
        <span className="sep" />
        <button type="button" aria-label="Undo" title="Undo (Ctrl+Z)" disabled={!canUndo} onClick={() => store.getState().undo()}>
          ↶ Undo
        </button>
        <button type="button" aria-label="Redo" title="Redo (Ctrl+Shift+Z)" disabled={!canRedo} onClick={() => store.getState().redo()}>
          ↷ Redo
        </button>
        <span className="sep" />
        <button
          type="button"
          className={`whatif-toggle${whatIf ? ' on' : ''}`}
          aria-pressed={whatIf}
          title={whatIf ? 'Leave the failure simulation (W); the design is untouched' : 'What if pods fail? Click pods to fail them (W)'}
          onClick={() => toggleWhatIf(store)}
        >
          ⚡ What if
        </button>
        <button type="button" onClick={() => void layout()} disabled={busy} title="Arrange left to right (ELK)">
          Auto-layout
        </button>
        <button type="button" aria-label="Fit the design into view" onClick={() => void rf.fitView({ padding: 0.1, maxZoom: 1, duration: 250 })}>
          Fit
        </button>
        <button type="button" aria-label={`Theme: ${props.theme}`} title="Theme: system → light → dark" onClick={() => props.setTheme(nextTheme[props.theme])}>
          {props.theme === 'system' ? '◐ System' : props.theme === 'light' ? '☀ Light' : '☾ Dark'}
        </button>
        <button type="button" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)" onClick={props.onShortcuts}>
          ?
        </button>
      </nav>
    </header>
  );
}
