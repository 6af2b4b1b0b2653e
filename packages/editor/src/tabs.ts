import type { Topology } from '@vmtopo/model';
import { designFromJson } from './core.ts';
import { MAIN_SLOT, quotaMessage, slotKey, type KeyValueStorage, type StoredDesign } from './persist.ts';

/**
 * Several tabs, one browser storage. Each design the browser keeps has a slot of its own, and
 * each tab writes one slot (which one survives a reload of that tab: the page keeps it in
 * sessionStorage). A tab never overwrites a save another tab made after it last read the slot:
 * it continues in a new slot instead (a fork), so two tabs editing one design both keep their
 * work, and the list of slots (Recent → "Designs in this browser") reaches either.
 */

/** The list of slots: name, size and time of each, for the Recent menu. */
export const SLOTS_KEY = 'vmtopo.slots.v1';

/** This tab's place in the storage: its slot, its own id, and the save of the slot it last read or wrote. */
export interface TabSlot {
  slot: string;
  tab: string;
  seen: number;
  /** Called when the tab moves to another slot (a fork or a switch), to keep it across reloads. */
  remember?(slot: string): void;
}

export interface SlotEntry {
  slot: string;
  name: string;
  components: number;
  savedAt: number;
}

type Header = Pick<StoredDesign, 'savedAt' | 'writer'>;

/** The save time and writer of a parsed stored value; null when it is no object. */
function headerOf(v: unknown): Header | null {
  if (typeof v !== 'object' || v === null) return null;
  const { savedAt, writer } = v as Partial<StoredDesign>;
  return { savedAt: typeof savedAt === 'number' ? savedAt : 0, writer: typeof writer === 'string' ? writer : undefined };
}

/**
 * How saveTab writes a value's start: `{"savedAt":N,"writer":"…",` (earlier versions wrote no
 * writer). Reading these from the start of the text spares parsing a large design to learn who
 * saved it last.
 */
const HEADER_PREFIX = /^\{"savedAt":(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?),(?:"writer":("(?:[^"\\]|\\.)*"),)?"document":/;

/**
 * A stored value's save time and writer; null when it is absent or unreadable (loading says why).
 * A value that does not start the way saveTab writes it is parsed whole.
 */
export function storedHeader(raw: string | null): Header | null {
  if (raw === null) return null;
  const m = HEADER_PREFIX.exec(raw.slice(0, 512));
  try {
    if (m) return { savedAt: Number(m[1]), writer: m[2] === undefined ? undefined : (JSON.parse(m[2]) as string) };
    return headerOf(JSON.parse(raw));
  } catch {
    return null;
  }
}

/** The slots this browser keeps, newest first; an unreadable list reads as empty. */
export function readSlots(storage: KeyValueStorage | null): SlotEntry[] {
  if (!storage) return [];
  try {
    const v = JSON.parse(storage.getItem(SLOTS_KEY) ?? '[]') as unknown;
    if (!Array.isArray(v)) return [];
    return v.filter(
      (e): e is SlotEntry => typeof e === 'object' && e !== null && typeof e.slot === 'string' && typeof e.name === 'string' && typeof e.savedAt === 'number',
    );
  } catch {
    return [];
  }
}

/** Another tab saved this slot after this tab last read or wrote it. */
export function changedElsewhere(header: Header | null, tab: TabSlot): boolean {
  return header !== null && header.writer !== tab.tab && header.savedAt > tab.seen;
}

const newSlot = (now: number) => `${now.toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

export interface SaveResult {
  /** Why the save failed, or null. */
  error: string | null;
  /** The slot the tab left because another tab had saved it meanwhile. */
  forkedFrom?: string;
}

/**
 * Saves the tab's design into its slot, or into a new slot when another tab saved the slot since
 * this tab last saw it (that save is never overwritten). Keeps the slot list up to date.
 */
export function saveTab(storage: KeyValueStorage | null, tab: TabSlot, t: Topology, document: unknown, now = Date.now()): SaveResult {
  if (!storage) return { error: 'this browser does not allow local storage for this page' };
  let forkedFrom: string | undefined;
  try {
    if (changedElsewhere(storedHeader(storage.getItem(slotKey(tab.slot))), tab)) {
      forkedFrom = tab.slot;
      tab.slot = newSlot(now);
      tab.remember?.(tab.slot);
    }
    // Save times only grow within a slot, even when clocks of two tabs disagree by a millisecond.
    const savedAt = Math.max(now, tab.seen + 1);
    storage.setItem(slotKey(tab.slot), JSON.stringify({ savedAt, writer: tab.tab, document } satisfies StoredDesign));
    tab.seen = savedAt;
    const entry: SlotEntry = { slot: tab.slot, name: t.name, components: t.components.length, savedAt };
    const others = pruneSlots(storage, readSlots(storage).filter((e) => e.slot !== tab.slot), now);
    storage.setItem(SLOTS_KEY, JSON.stringify([entry, ...others]));
    return { error: null, forkedFrom };
  } catch (e) {
    return { error: quotaMessage(e), forkedFrom };
  }
}

/** An empty design left in a slot this long is dropped: a tab opened and closed again without an edit. */
export const EMPTY_SLOT_MS = 24 * 60 * 60 * 1000;

/**
 * The slot list without what holds nothing to lose: entries whose save is gone from the storage,
 * and other tabs' slots that have held an empty design for EMPTY_SLOT_MS (their saves are removed
 * too). Every tab makes a slot, so without this the list grew by one per tab ever opened. A slot
 * with a design in it is never dropped; the main slot (what earlier versions saved) stays listed.
 */
function pruneSlots(storage: KeyValueStorage, entries: SlotEntry[], now: number): SlotEntry[] {
  return entries.filter((e) => {
    if (storage.getItem(slotKey(e.slot)) === null) return false;
    if (e.slot === MAIN_SLOT || e.components > 0 || now - e.savedAt < EMPTY_SLOT_MS) return true;
    storage.removeItem(slotKey(e.slot));
    return false;
  });
}

/** The design a slot holds, with its save time; throws (DocumentError, or a plain Error) when unreadable. */
export function readSlot(storage: KeyValueStorage, slot: string): { topology: Topology; savedAt: number } {
  const raw = storage.getItem(slotKey(slot));
  if (raw === null) throw new Error('it is no longer in this browser');
  const stored = parseStored(raw);
  if (!stored) throw new Error('it is not a saved design');
  return { topology: designFromJson(stored.document), savedAt: stored.header.savedAt };
}

/** A stored value parsed once: its header and its document; null when it is no JSON object. */
export function parseStored(raw: string): { header: Header; document: unknown } | null {
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    return null;
  }
  const header = headerOf(v);
  return header && { header, document: (v as Partial<StoredDesign>).document };
}
