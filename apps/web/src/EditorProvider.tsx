import { createDerivations, createEditorStore, structuralViewOf } from '@vmtopo/editor';
import type { Topology } from '@vmtopo/model';
import { useState, type ReactNode } from 'react';
import { DerivationsContext } from './hooks/useDerivations.ts';
import { EditorContext } from './hooks/useEditorApi.ts';

/** One editor: its store and the data derived from its design, for everything below. */
export function EditorProvider({ initial, children }: { initial: Topology; children: ReactNode }) {
  const [store] = useState(() => createEditorStore(initial));
  const [derivations] = useState(() => createDerivations(structuralViewOf(store)));
  return (
    <EditorContext.Provider value={store}>
      <DerivationsContext.Provider value={derivations}>{children}</DerivationsContext.Provider>
    </EditorContext.Provider>
  );
}
