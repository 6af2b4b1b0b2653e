import type { ReactFlowInstance } from '@xyflow/react';
import { browserStorage, MAIN_SLOT, type KeyValueStorage, type TabSlot } from '@vmtopo/editor';
import type { Position } from '@vmtopo/model';

/** What the page gives the editor: local storage, downloads, the clipboard, the view. */

let storageCache: KeyValueStorage | null | undefined;
export const storage = (): KeyValueStorage | null => (storageCache === undefined ? (storageCache = browserStorage()) : storageCache);

/** Where a tab keeps the slot it writes, so that a reload of the tab reopens its own design. */
const TAB_SLOT_KEY = 'vmtopo.tab.slot';

/** The slot this tab wrote before a reload (the main slot in a new tab). */
export function tabSlotName(): string {
  try {
    return window.sessionStorage.getItem(TAB_SLOT_KEY) ?? MAIN_SLOT;
  } catch {
    return MAIN_SLOT;
  }
}

/** This tab's saving place: a new id per page load, the slot remembered across reloads. */
export function tabSlot(slot: string, seen: number): TabSlot {
  return {
    slot,
    tab: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`,
    seen,
    remember(next) {
      try {
        window.sessionStorage.setItem(TAB_SLOT_KEY, next);
      } catch {
        /* a reload of this tab then opens the main slot: the design stays in its slot */
      }
    },
  };
}

/** Drops the fragment without a navigation (so a reload shows the autosave, not the link again). */
export function clearHash() {
  if (window.location.hash) history.replaceState(history.state, '', window.location.pathname + window.location.search);
}

/** Text fields keep their own keys (typing, undo, copy and paste). */
export const isTextField = (el: EventTarget | null) =>
  el instanceof Element && !!el.closest('input, textarea, select, [contenteditable="true"], .monaco-editor');

/** Fits the whole design into view once React Flow has measured its nodes. */
export function fitSoon(rf: Pick<ReactFlowInstance, 'fitView'>) {
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      void rf.fitView({ padding: 0.1, maxZoom: 1, duration: 250 });
    }),
  );
}

/** The flow coordinates of the middle of the canvas. */
export function viewCentre(rf: Pick<ReactFlowInstance, 'screenToFlowPosition'>): Position {
  const el = document.getElementById('canvas');
  const r = el?.getBoundingClientRect() ?? { left: 0, top: 0, width: window.innerWidth, height: window.innerHeight };
  return rf.screenToFlowPosition({ x: r.left + r.width / 2, y: r.top + r.height / 2 });
}

/** Offers a text or a blob (an exported PNG) as a file to download. */
export function download(filename: string, data: string | Blob, type = 'application/yaml') {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const ta = document.createElement('textarea');
    ta.value = text;
    ta.style.position = 'fixed';
    ta.style.opacity = '0';
    document.body.appendChild(ta);
    ta.select();
    document.execCommand('copy');
    ta.remove();
  }
}

/** The id of the innermost canvas node under a screen point (parts before their cluster). */
export function nodeIdAt(clientX: number, clientY: number, except?: string): string | undefined {
  for (const el of document.elementsFromPoint(clientX, clientY)) {
    const node = (el as HTMLElement).closest?.('.react-flow__node') as HTMLElement | null;
    const id = node?.dataset.id;
    if (id && id !== except) return id;
  }
  return undefined;
}
