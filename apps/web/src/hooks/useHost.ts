import type { Host } from '@vmtopo/editor';
import { useReactFlow } from '@xyflow/react';
import { useMemo } from 'react';
import { download, fitSoon, storage } from '../browser.ts';

/** The page as the editor's host: React Flow's view, this browser's storage and downloads. */
export function useHost(): Host {
  const rf = useReactFlow();
  return useMemo(() => ({ fit: () => fitSoon(rf), storage: storage(), download }), [rf]);
}
