import type { ErrorCode, Position, Topology } from '@vmtopo/model';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Clip } from './clipboard.ts';
import { pruneSelection, sameIds, type Selection } from './selection.ts';
import type { WhatIfState } from './whatif.ts';

/** How many steps undo goes back. */
export const HISTORY_LIMIT = 200;

export interface NoticeAction {
  label: string;
  run: () => void;
}

export interface NoticeOptions {
  /** A button in the notice (e.g. "Restore your previous design"); running it dismisses the notice. */
  action?: NoticeAction;
  /** Stays until dismissed (or replaced) instead of fading after a few seconds. */
  sticky?: boolean;
  /** The error catalog code of what went wrong; the notice offers its explanation. */
  code?: ErrorCode;
}

export interface Notice extends NoticeOptions {
  text: string;
  tone: 'error' | 'info';
  nonce: number;
}

export interface FocusRequest {
  id: string;
  field?: string;
  nonce: number;
}

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

export interface CommitOptions {
  /** Consecutive commits with the same key (typing in one field) make one undo step. */
  mergeKey?: string;
  /** Selection after the edit. */
  select?: Partial<Selection>;
}

export interface EditorState {
  /** The design: the single source of truth. */
  topology: Topology;
  past: Topology[];
  future: Topology[];
  mergeKey: string | undefined;
  selection: Selection;
  /**
   * A node drag is under way. Its positions live in the canvas (React Flow's store) until it
   * ends, when they land in the design as one undo step; the design is not touched per step.
   */
  dragging: boolean;
  /** Sizes React Flow measured, kept so that derived nodes stay measured. */
  measured: Record<string, { width: number; height: number }>;
  viewport: Viewport | null;
  focus: FocusRequest | null;
  notice: Notice | null;
  /** What Ctrl+C copied, and how many times it was pasted since (each paste lands further off). */
  clipboard: { clip: Clip; pastes: number } | null;
  /** The "What if" mode: pods failed in a simulation, outside the design and its history. */
  whatif: WhatIfState;
  /** How the canvas shows the design, outside it and its history. */
  view: ViewOptions;

  commit(next: Topology, opts?: CommitOptions): void;
  undo(): void;
  redo(): void;
  /** Replaces the design and forgets the history (templates, import, open). */
  reset(next: Topology): void;
  select(sel: Partial<Selection>): void;
  setDragging(on: boolean): void;
  setMeasured(updates: Record<string, { width: number; height: number }>): void;
  setViewport(v: Viewport): void;
  requestFocus(id: string, field?: string): void;
  notify(text: string, tone?: Notice['tone'], opts?: NoticeOptions): void;
  clearNotice(): void;
  setWhatIf(w: WhatIfState): void;
  setView(patch: Partial<ViewOptions>): void;
}

export interface ViewOptions {
  /** A frame around the components of each namespace (namespaceBoxes.ts). */
  namespaceBoxes: boolean;
}

export type EditorStore = StoreApi<EditorState>;

let nonce = 0;

/** One store per editor: tests and several editors on a page never share state. */
export function createEditorStore(initial: Topology): EditorStore {
  return createStore<EditorState>()((set, get) => ({
    topology: initial,
    past: [],
    future: [],
    mergeKey: undefined,
    selection: { nodes: [], edges: [] },
    dragging: false,
    measured: {},
    viewport: null,
    focus: null,
    notice: null,
    clipboard: null,
    whatif: { on: false, failed: [] },
    view: { namespaceBoxes: false },

    commit(next, opts = {}) {
      const s = get();
      if (next === s.topology) return;
      const merge = opts.mergeKey !== undefined && opts.mergeKey === s.mergeKey && s.past.length > 0;
      const past = merge ? s.past : [...s.past, s.topology].slice(-HISTORY_LIMIT);
      const selection = opts.select
        ? { nodes: opts.select.nodes ?? [], edges: opts.select.edges ?? [] }
        : pruneSelection(next, s.selection);
      set({ topology: next, past, future: [], mergeKey: opts.mergeKey, selection, dragging: false });
    },
    undo() {
      const s = get();
      const prev = s.past[s.past.length - 1];
      if (!prev) return;
      set({
        topology: prev,
        past: s.past.slice(0, -1),
        future: [s.topology, ...s.future],
        mergeKey: undefined,
        selection: pruneSelection(prev, s.selection),
        dragging: false,
      });
    },
    redo() {
      const s = get();
      const next = s.future[0];
      if (!next) return;
      set({
        topology: next,
        past: [...s.past, s.topology],
        future: s.future.slice(1),
        mergeKey: undefined,
        selection: pruneSelection(next, s.selection),
        dragging: false,
      });
    },
    reset(next) {
      set({ topology: next, past: [], future: [], mergeKey: undefined, selection: { nodes: [], edges: [] }, dragging: false });
    },
    select(sel) {
      const cur = get().selection;
      const nodes = sel.nodes ?? cur.nodes;
      const edges = sel.edges ?? cur.edges;
      if (sameIds(nodes, cur.nodes) && sameIds(edges, cur.edges)) return;
      set({ selection: { nodes, edges } });
    },
    setDragging(on) {
      if (get().dragging !== on) set({ dragging: on });
    },
    setMeasured(updates) {
      const cur = get().measured;
      let changed = false;
      for (const [id, m] of Object.entries(updates)) {
        const old = cur[id];
        if (!old || old.width !== m.width || old.height !== m.height) changed = true;
      }
      if (changed) set({ measured: { ...cur, ...updates } });
    },
    setViewport(v) {
      set({ viewport: v });
    },
    requestFocus(id, field) {
      set({ focus: { id, field, nonce: ++nonce } });
    },
    notify(text, tone = 'info', opts = {}) {
      set({ notice: { text, tone, nonce: ++nonce, ...opts } });
    },
    clearNotice() {
      set({ notice: null });
    },
    setWhatIf(whatif) {
      set({ whatif });
    },
    setView(patch) {
      set({ view: { ...get().view, ...patch } });
    },
  }));
}
