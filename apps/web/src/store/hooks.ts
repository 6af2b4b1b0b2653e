import type { Topology } from '@vmtopo/model';
import { createContext, useContext } from 'react';
import type { Finding } from '../core.ts';
import { useEditor } from './context.tsx';
import { createDerivations, type Derivations, type NodeFindings } from './derive.ts';

export const DerivationsContext = createContext<Derivations>(createDerivations());

export function useDerivations(): Derivations {
  return useContext(DerivationsContext);
}

export function useTopology(): Topology {
  return useEditor((s) => s.topology);
}

/** Findings of the current design; recomputed only when more than positions change. */
export function useFindings(): Finding[] {
  const d = useDerivations();
  const t = useTopology();
  return d.findings(t);
}

export function useFindingsByComponent(): Map<string, NodeFindings> {
  const d = useDerivations();
  const t = useTopology();
  return d.byComponent(t);
}
