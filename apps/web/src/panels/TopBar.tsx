import { useReactFlow } from '@xyflow/react';
import { useEffect, useRef, useState } from 'react';
import { withPositions } from '../Canvas.tsx';
import { designFileText } from '../core.ts';
import { download, fitSoon, loadDesign } from '../editorActions.ts';
import { downloadUnreadable, forgetUnreadableAutosave, restoreRecent, storage } from '../lifecycle.ts';
import { readRecent, unreadableAutosave, type RecentEntry } from '../persist.ts';
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

const ago = (ms: number) => {
  const s = Math.max(0, Math.round((Date.now() - ms) / 1000));
  if (s < 60) return 'just now';
  if (s < 3600) return `${Math.round(s / 60)} min ago`;
  if (s < 86400) return `${Math.round(s / 3600)} h ago`;
  return new Date(ms).toLocaleDateString();
};

/** Designs kept in this browser when something replaced them (a share link, a restore). */
function RecentMenu() {
  const [open, setOpen] = useState(false);
  const [entries, setEntries] = useState<RecentEntry[]>([]);
  const [unreadable, setUnreadable] = useState(false);
  const store = useEditorApi();
  const rf = useReactFlow();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    setEntries(readRecent(storage()));
    setUnreadable(unreadableAutosave(storage()) !== null);
    const close = (e: MouseEvent) => !ref.current?.contains(e.target as Node) && setOpen(false);
    window.addEventListener('mousedown', close);
    return () => window.removeEventListener('mousedown', close);
  }, [open]);
  return (
    <div className="menu" ref={ref}>
      <button type="button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)} title="Designs kept in this browser">
        Recent ▾
      </button>
      {open && (
        <div className="menu-list" role="menu" aria-label="Recent designs" onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
          {entries.length === 0 && !unreadable && <div className="menu-empty">Designs replaced by a share link or a restore are kept here.</div>}
          {entries.map((e, i) => (
            <button
              key={e.key}
              type="button"
              role="menuitem"
              autoFocus={i === 0}
              onClick={() => {
                setOpen(false);
                restoreRecent(store, rf, e);
              }}
            >
              <b>{e.name}</b>
              <span>
                {e.components} component{e.components === 1 ? '' : 's'} · {ago(e.savedAt)} · {e.reason}
              </span>
            </button>
          ))}
          {unreadable && (
            <>
              <button type="button" role="menuitem" onClick={() => (setOpen(false), downloadUnreadable())}>
                <b>Download the unreadable autosave</b>
                <span>The data that could not be read at start, as it was stored</span>
              </button>
              <button type="button" role="menuitem" onClick={() => (setOpen(false), forgetUnreadableAutosave())}>
                <b>Forget the unreadable autosave</b>
                <span>Delete it from this browser</span>
              </button>
            </>
          )}
        </div>
      )}
    </div>
  );
}

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
        <button type="button" onClick={() => download(`${store.getState().topology.name}.vmtopo.json`, designFileText(store.getState().topology), 'application/json')} title="Save the design as .vmtopo.json">
          Save design
        </button>
        <button type="button" onClick={() => download(`${store.getState().topology.name}.yaml`, derivations.yaml(store.getState().topology))} title="Download the manifests">
          Export YAML
        </button>
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
