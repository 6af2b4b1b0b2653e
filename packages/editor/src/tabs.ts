import type { Topology } from '@vmtopo/model';
import { designFromJson } from './core.ts';
import { quotaMessage, slotKey, type KeyValueStorage, type StoredDesign } from './persist.ts';

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

/** A stored value's save time and writer; null when it is absent or unreadable (loading says why). */
export function storedHeader(raw: string | null): Pick<StoredDesign, 'savedAt' | 'writer'> | null {
  if (raw === null) return null;
  try {
    const v = JSON.parse(raw) as Partial<StoredDesign> | null;
    if (typeof v !== 'object' || v === null) return null;
    return { savedAt: typeof v.savedAt === 'number' ? v.savedAt : 0, writer: typeof v.writer === 'string' ? v.writer : undefined };
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
export function changedElsewhere(header: Pick<StoredDesign, 'savedAt' | 'writer'> | null, tab: TabSlot): boolean {
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
    storage.setItem(SLOTS_KEY, JSON.stringify([entry, ...readSlots(storage).filter((e) => e.slot !== tab.slot)]));
    return { error: null, forkedFrom };
  } catch (e) {
    return { error: quotaMessage(e), forkedFrom };
  }
}

/** The design a slot holds, with its save time; throws (DocumentError, or a plain Error) when unreadable. */
export function readSlot(storage: KeyValueStorage, slot: string): { topology: Topology; savedAt: number } {
  const raw = storage.getItem(slotKey(slot));
  if (raw === null) throw new Error('it is no longer in this browser');
  const header = storedHeader(raw);
  if (!header) throw new Error('it is not a saved design');
  return { topology: designFromJson((JSON.parse(raw) as StoredDesign).document), savedAt: header.savedAt };
}
