import type { NodeFindings } from '@vmtopo/editor';
import type { Topology } from '@vmtopo/model';
import { useMemo } from 'react';
import { useDerivations } from './useDerivations.ts';

/**
 * Per component of `topology`: its findings' worst severity, count and messages (the canvas
 * badges). The canvas passes its deferred design, so that an edit's own render does not build the
 * index. Memoised here on the version: the derivations remember one version only, and the edit's
 * own render (where the deferred design is the one before) must not make them lint it again.
 */
export function useFindingsByComponent(topology: Topology): Map<string, NodeFindings> {
  const d = useDerivations();
  return useMemo(() => d.byComponent(topology), [d, topology]);
}
