import type { Boot, TabSlot } from '@vmtopo/editor';
import { ReactFlowProvider } from '@xyflow/react';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { Canvas } from './canvas/Canvas.tsx';
import { EditorProvider } from './EditorProvider.tsx';
import { useAutosave } from './hooks/useAutosave.ts';
import { useEditorApi } from './hooks/useEditorApi.ts';
import { useHost } from './hooks/useHost.ts';
import { useIdlePreparation } from './hooks/useIdlePreparation.ts';
import { SessionContext } from './hooks/useSession.ts';
import { usePageShortcuts } from './hooks/usePageShortcuts.ts';
import { useShareLinks } from './hooks/useShareLinks.ts';
import { Inspector } from './inspector/Inspector.tsx';
import { BottomPanel } from './panels/BottomPanel.tsx';
import { Notice } from './panels/Notice.tsx';
import { Palette } from './panels/Palette.tsx';
import { ShareDialog } from './panels/ShareDialog.tsx';
import { ShortcutsDialog } from './panels/Shortcuts.tsx';
import { TopBar, type Theme } from './panels/TopBar.tsx';

// The import dialog brings react-query and the importer's UI; it loads when first opened.
const ImportDialog = lazy(() => import('./panels/ImportDialog.tsx'));

type Dialog = { kind: 'import'; file?: File } | { kind: 'share' } | { kind: 'shortcuts' } | null;

function Editor({ boot, tab }: { boot: Boot; tab: TabSlot }) {
  const store = useEditorApi();
  const host = useHost();
  const [theme, setTheme] = useState<Theme>('system');
  const [dialog, setDialog] = useState<Dialog>(null);
  const showShortcuts = useCallback(() => setDialog({ kind: 'shortcuts' }), []);

  const flush = useAutosave(store, boot.dirty, tab);
  const session = useMemo(() => ({ tab, flush }), [tab, flush]);
  useShareLinks(store, host, boot);
  usePageShortcuts(store, showShortcuts);
  useIdlePreparation();

  useEffect(() => {
    if (theme === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
  }, [theme]);

  const close = () => setDialog(null);
  return (
    <SessionContext.Provider value={session}>
      <div className="app">
        <TopBar
          theme={theme}
          setTheme={setTheme}
          onImport={(file) => setDialog({ kind: 'import', file })}
          onShare={() => setDialog({ kind: 'share' })}
          onShortcuts={showShortcuts}
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
    </SessionContext.Provider>
  );
}

export function App({ boot, tab }: { boot: Boot; tab: TabSlot }) {
  return (
    <EditorProvider initial={boot.topology}>
      <ReactFlowProvider>
        <Editor boot={boot} tab={tab} />
      </ReactFlowProvider>
    </EditorProvider>
  );
}
