import { Background } from '@xyflow/react';
import { useNearZoom } from '../hooks/useNearZoom.ts';

/** The dot grid, shown while it reads as a grid. */
export function Dots() {
  return useNearZoom() ? <Background gap={20} size={1.2} /> : null;
}
