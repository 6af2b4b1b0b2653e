import { useReactFlow } from '@xyflow/react';
import { toDocument } from '@vmtopo/model';
import { useEffect, useRef, useState } from 'react';
import { withPositions } from '../Canvas.tsx';
import { download, fitSoon, loadDesign } from '../editorActions.ts';
import { useEditor, useEditorApi } from '../store/context.tsx';
import { useDerivations } from '../store/hooks.ts';
import { TEMPLATES } from '../templates.ts';

export type Theme = 'system' | 'light' | 'dark';

function TemplatesMenu() {
  const [open, setOpen] = useState(false);
  const store = useEditorApi();
  const rf = useReactFlow();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => !ref.current?.contains(e.target as Node) && setOpen(false);
    window.addEventListener('mousedown', close);
    return () => window.removeEventListener('mousedown', close);
  }, [open]);
  return (
    <div className="menu" ref={ref}>
      <button type="button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)}>
        Templates ▾
      </button>
      {open && (
        <div className="menu-list" role="menu" aria-label="Templates" onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
          {TEMPLATES.map((t, i) => (
            <button
              key={t.id}
              type="button"
              role="menuitem"
              autoFocus={i === 0}
              onClick={() => {
                setOpen(false);
                loadDesign(store, rf, t.build());
              }}
            >
              <b>{t.title}</b>
              <span>{t.summary}</span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

export function TopBar(props: { theme: Theme; setTheme: (t: Theme) => void; onImport: () => void; onShortcuts: () => void }) {
  const store = useEditorApi();
  const rf = useReactFlow();
  const derivations = useDerivations();
  const name = useEditor((s) => s.topology.name);
  const canUndo = useEditor((s) => s.past.length > 0);
  const canRedo = useEditor((s) => s.future.length > 0);
  const [busy, setBusy] = useState(false);

  const layout = async () => {
    setBusy(true);
    try {
      const { elkLayout } = await import('../elkLayout.ts');
      const s = store.getState();
      const positions = await elkLayout(s.topology, s.measured);
      store.getState().commit(withPositions(store.getState().topology, positions));
      fitSoon(rf);
    } catch (e) {
      store.getState().notify(`Layout failed: ${(e as Error).message}`, 'error');
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
      <div className="design-name" title="Design name (edit it in the inspector with nothing selected)">
        {name}
      </div>
      <nav className="toolbar" aria-label="Toolbar">
        <TemplatesMenu />
        <button type="button" onClick={props.onImport}>
          Import
        </button>
        <button type="button" onClick={() => download(`${store.getState().topology.name}.vmtopo.json`, JSON.stringify(toDocument(store.getState().topology), null, 2), 'application/json')} title="Save the design as .vmtopo.json">
          Save design
        </button>
        <button type="button" onClick={() => download(`${store.getState().topology.name}.yaml`, derivations.yaml(store.getState().topology))} title="Download the manifests">
          Export YAML
        </button>
        <span className="sep" />
        <button type="button" aria-label="Undo" title="Undo (Ctrl+Z)" disabled={!canUndo} onClick={() => store.getState().undo()}>
          ↶ Undo
        </button>
        <button type="button" aria-label="Redo" title="Redo (Ctrl+Shift+Z)" disabled={!canRedo} onClick={() => store.getState().redo()}>
          ↷ Redo
        </button>
        <span className="sep" />
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
