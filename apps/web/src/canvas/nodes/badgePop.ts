import type { NodeFindings } from '@vmtopo/editor';
import { createContext } from 'react';

/** What the pop-up shows, and the badge it belongs to (screen coordinates). */
export interface BadgePop {
  findings: NodeFindings;
  rect: { left: number; top: number; right: number; bottom: number };
}

/**
 * The one pop-up of the canvas. Badges only say "show mine" or "hide"; the pop-up itself is a
 * single element placed inside the canvas, so that no badge carries its messages in the DOM and
 * a badge at an edge never has its pop-up cut off.
 */
export interface BadgePopStore {
  get(): BadgePop | null;
  set(p: BadgePop | null): void;
  subscribe(f: () => void): () => void;
}

export function createBadgePopStore(): BadgePopStore {
  let cur: BadgePop | null = null;
  const subs = new Set<() => void>();
  return {
    get: () => cur,
    set(p) {
      if (p === cur) return;
      cur = p;
      for (const f of subs) f();
    },
    subscribe(f) {
      subs.add(f);
      return () => subs.delete(f);
    },
  };
}

export const BadgePopContext = createContext<BadgePopStore | null>(null);
