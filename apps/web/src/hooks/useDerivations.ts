import type { Derivations } from '@vmtopo/editor';
import { createContext, useContext } from 'react';

export const DerivationsContext = createContext<Derivations | null>(null);

/** The editor's derived data (findings, YAML), memoised on the design without positions. */
export function useDerivations(): Derivations {
  const d = useContext(DerivationsContext);
  if (!d) throw new Error('useDerivations must be used inside <EditorProvider>');
  return d;
}
