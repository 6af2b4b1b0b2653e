import { useStore, type ReactFlowState } from '@xyflow/react';

/**
 * Below this zoom the canvas is an overview: the 20 px dot grid is a haze of sub-2 px dots and the
 * text on nodes and links is a few px high. Both are noise there, and both were rastered again on
 * every step of a drag; the overview shows nodes by their role colour, chip and findings badge.
 */
const NEAR_ZOOM = 0.3;
const isNear = (s: ReactFlowState) => s.transform[2] >= NEAR_ZOOM;

/** Whether the canvas is zoomed in far enough to read. */
export function useNearZoom(): boolean {
  return useStore(isNear);
}
