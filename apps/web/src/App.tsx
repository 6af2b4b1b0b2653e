import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { lazy, Suspense, useEffect, useState } from 'react';
import { Canvas } from './Canvas.tsx';
import { useAutosave, useShareLinks } from './lifecycle.ts';
import { BottomPanel } from './panels/BottomPanel.tsx';
import { Inspector } from './panels/Inspector.tsx';
import { Notice } from './panels/Notice.tsx';
import { Palette } from './panels/Palette.tsx';
import { ShareDialog } from './panels/ShareDialog.tsx';
import { ShortcutsDialog } from './panels/Shortcuts.tsx';
import { TopBar, type Theme } from './panels/TopBar.tsx';
import type { Boot } from './share.ts';
import { EditorProvider, useEditorApi } from './store/context.tsx';
import { createDerivations } from './store/derive.ts';
import { DerivationsContext } from './store/hooks.ts';

// The import dialog brings react-query and the importer's UI; it loads when first opened.
const ImportDialog = lazy(() => import('./panels/ImportDialog.tsx'));

const isEditable = (el: EventTarget | null) =>
  el instanceof HTMLElement && !!el.closest('input, textarea, select, [contenteditable="true"], .monaco-editor');

type Dialog = { kind: 'import'; file?: File } | { kind: 'share' } | { kind: 'shortcuts' } | null;

function Editor({ boot }: { boot: Boot }) {
  const store = useEditorApi();
  const rf = useReactFlow();
  const [theme, setTheme] = useState<Theme>('system');
  const [dialog, setDialog] = useState<Dialog>(null);

  useAutosave(store, boot.dirty);
  useShareLinks(store, rf, boot);

  useEffect(() => {
    if (theme === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
  }, [theme]);

  // Undo/redo and "?" anywhere except in text fields (which keep their own undo).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isEditable(e.target) || e.defaultPrevented) return;
      const mod = e.ctrlKey || e.metaKey;
      const k = e.key.toLowerCase();
      if (mod && k === 'z') {
        e.preventDefault();
        if (e.shiftKey) store.getState().redo();
        else store.getState().undo();
      } else if (mod && k === 'y') {
        e.preventDefault();
        store.getState().redo();
      } else if (e.key === '?' && !mod) {
        e.preventDefault();
        setDialog({ kind: 'shortcuts' });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);

  const close = () => setDialog(null);
  return (
    <div className="app">
      <TopBar
        theme={theme}
        setTheme={setTheme}
        onImport={(file) => setDialog({ kind: 'import', file })}
        onShare={() => setDialog({ kind: 'share' })}
        onShortcuts={() => setDialog({ kind: 'shortcuts' })}
      />
      <Palette />
      <main className="centre">
        <Canvas colorMode={theme} fitOnInit={boot.fit} onFile={(file) => setDialog({ kind: 'import', file })} />
        <Notice />
        <BottomPanel />
      </main>
      <Inspector />
      {dialog?.kind === 'shortcuts' && <ShortcutsDialog onClose={close} />}
      {dialog?.kind === 'share' && <ShareDialog onClose={close} />}
      {dialog?.kind === 'import' && (
        <Suspense fallback={null}>
          <ImportDialog key={dialog.file ? `${dialog.file.name}:${dialog.file.lastModified}` : 'paste'} file={dialog.file} onClose={close} />
        </Suspense>
      )}
    </div>
  );
}

export function App({ boot }: { boot: Boot }) {
  const [derivations] = useState(createDerivations);
  return (
    <EditorProvider initial={boot.topology}>
      <DerivationsContext.Provider value={derivations}>
        <ReactFlowProvider>
          <Editor boot={boot} />
        </ReactFlowProvider>
      </DerivationsContext.Provider>
    </EditorProvider>
  );
}
