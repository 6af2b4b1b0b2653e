import { ReactFlowProvider } from '@xyflow/react';
import { emptyTopology } from '@vmtopo/model';
import { useEffect, useState } from 'react';
import { Canvas } from './Canvas.tsx';
import { BottomPanel } from './panels/BottomPanel.tsx';
import { ImportDialog } from './panels/ImportDialog.tsx';
import { Inspector } from './panels/Inspector.tsx';
import { Notice } from './panels/Notice.tsx';
import { Palette } from './panels/Palette.tsx';
import { ShortcutsDialog } from './panels/Shortcuts.tsx';
import { TopBar, type Theme } from './panels/TopBar.tsx';
import { EditorProvider, useEditorApi } from './store/context.tsx';
import { createDerivations } from './store/derive.ts';
import { DerivationsContext } from './store/hooks.ts';

const isEditable = (el: EventTarget | null) =>
  el instanceof HTMLElement && !!el.closest('input, textarea, select, [contenteditable="true"], .monaco-editor');

function Editor() {
  const store = useEditorApi();
  const [theme, setTheme] = useState<Theme>('system');
  const [dialog, setDialog] = useState<'import' | 'shortcuts' | null>(null);

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
        setDialog('shortcuts');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);

  return (
    <div className="app">
      <TopBar theme={theme} setTheme={setTheme} onImport={() => setDialog('import')} onShortcuts={() => setDialog('shortcuts')} />
      <Palette />
      <main className="centre">
        <Canvas colorMode={theme} />
        <Notice />
        <BottomPanel />
      </main>
      <Inspector />
      {dialog === 'shortcuts' && <ShortcutsDialog onClose={() => setDialog(null)} />}
      {dialog === 'import' && <ImportDialog onClose={() => setDialog(null)} />}
    </div>
  );
}

export function App() {
  const [derivations] = useState(createDerivations);
  return (
    <EditorProvider initial={emptyTopology('design')}>
      <DerivationsContext.Provider value={derivations}>
        <ReactFlowProvider>
          <Editor />
        </ReactFlowProvider>
      </DerivationsContext.Provider>
    </EditorProvider>
  );
}
