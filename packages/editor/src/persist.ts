import { errorCode, toDocument, type ErrorCode, type Topology } from '@vmtopo/model';
import { designFileText, designFromJson } from './core.ts';

/**
 * Local persistence (localStorage, synchronous, so a flush on `pagehide` really lands):
 *
 * - the autosave: the design on screen, written ~300 ms after each change;
 * - recent designs: designs that were displaced without an undo step the user can reach after a
 *   reload (an autosave replaced by an opened share link), newest first, a few of them;
 * - the unreadable autosave: when the autosave cannot be read, its raw text is moved aside so the
 *   user can still download it, and the designer starts blank.
 *
 * Keys carry a format version; a later format adds a new key and reads this one once.
 */
export const AUTOSAVE_KEY = 'vmtopo.autosave.v1';
export const RECENT_KEY = 'vmtopo.recent.v1';
export const UNREADABLE_KEY = 'vmtopo.autosave.v1.unreadable';
/** The slot every earlier version saved to (its key is the old single autosave key); see tabs.ts. */
export const MAIN_SLOT = 'main';
export const slotKey = (slot: string) => (slot === MAIN_SLOT ? AUTOSAVE_KEY : `vmtopo.slot.v1.${slot}`);
export const RECENT_LIMIT = 6;
/** Characters of all recent designs together; the oldest go first beyond this. */
export const RECENT_CHARS = 2_000_000;

export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * localStorage, or null where it is disabled (some private modes, sandboxed frames). A full storage
 * is still returned: what it holds can be read (storageWriteProblem says it takes no more).
 */
export function browserStorage(): KeyValueStorage | null {
  try {
    const s = window.localStorage;
    s.getItem('vmtopo.probe');
    return s;
  } catch {
    return null;
  }
}

/** Why the storage takes no writes now (full, blocked), or null when it does. */
export function storageWriteProblem(storage: KeyValueStorage | null): string | null {
  if (!storage) return 'this browser does not allow local storage for this page';
  try {
    storage.setItem('vmtopo.probe', '1');
    storage.removeItem('vmtopo.probe');
    return null;
  } catch (e) {
    return quotaMessage(e);
  }
}

export type Loaded =
  | { kind: 'none' }
  | { kind: 'ok'; topology: Topology; savedAt: number }
  | { kind: 'corrupt'; message: string; code?: ErrorCode };

/** What a slot holds. `writer` is the tab that saved it (absent in saves of earlier versions). */
export interface StoredDesign {
  savedAt: number;
  writer?: string;
  document: unknown;
}

/** Reads a slot's design (the autosave). An unreadable one is moved aside (kept for download). */
export function loadAutosave(storage: KeyValueStorage | null, slot = MAIN_SLOT): Loaded {
  if (!storage) return { kind: 'none' };
  const raw = storage.getItem(slotKey(slot));
  if (raw === null) return { kind: 'none' };
  try {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      throw new Error('it is not valid JSON');
    }
    const stored = parsed as Partial<StoredDesign> | null;
    if (typeof stored !== 'object' || stored === null || !('document' in stored)) throw new Error('it is not a saved design');
    const topology = designFromJson(stored.document);
    return { kind: 'ok', topology, savedAt: typeof stored.savedAt === 'number' ? stored.savedAt : 0 };
  } catch (e) {
    try {
      keepUnreadable(storage, raw);
      storage.removeItem(slotKey(slot));
    } catch {
      /* storage full: the raw value stays where it was */
    }
    return { kind: 'corrupt', message: (e as Error).message, code: errorCode(e) };
  }
}

export const quotaMessage = (e: unknown) =>
  (e as { name?: string })?.name === 'QuotaExceededError' ? 'the browser storage for this site is full' : (e as Error).message;

export interface RecentEntry {
  /** Unique within the list (the time it was stored, made unique). */
  key: string;
  name: string;
  components: number;
  savedAt: number;
  /** Why it was kept ("before opening a share link"). */
  reason: string;
  document: unknown;
}

/** The recent designs, newest first; an unreadable list reads as empty. */
export function readRecent(storage: KeyValueStorage | null): RecentEntry[] {
  if (!storage) return [];
  try {
    const v = JSON.parse(storage.getItem(RECENT_KEY) ?? '[]') as unknown;
    if (!Array.isArray(v)) return [];
    return v.filter(
      (e): e is RecentEntry =>
        typeof e === 'object' && e !== null && typeof e.key === 'string' && typeof e.name === 'string' && typeof e.savedAt === 'number' && 'document' in e,
    );
  } catch {
    return [];
  }
}

/** A design worth keeping: anything but an empty canvas. */
export const hasContent = (t: Topology) => t.components.length > 0 || t.extras.length > 0 || t.links.length > 0;

/** Same design, positions included (the file a user would save). */
export function sameDesign(a: Topology, b: Topology): boolean {
  return a === b || designFileText(a, 0) === designFileText(b, 0);
}

/**
 * Keeps a design in the recent list (newest first). An identical entry moves to the front instead of
 * being repeated. Returns the entry, or null with the reason when it could not be stored.
 */
export function pushRecent(storage: KeyValueStorage | null, t: Topology, reason: string, now = Date.now()): { entry: RecentEntry | null; error?: string } {
  if (!storage) return { entry: null, error: 'this browser does not allow local storage for this page' };
  const document = toDocument(t);
  const text = JSON.stringify(document);
  const list = readRecent(storage).filter((e) => JSON.stringify(e.document) !== text);
  let key = String(now);
  while (list.some((e) => e.key === key)) key += '+';
  const entry: RecentEntry = { key, name: t.name, components: t.components.length, savedAt: now, reason, document };
  let next = [entry, ...list].slice(0, RECENT_LIMIT);
  while (next.length > 1 && JSON.stringify(next).length > RECENT_CHARS) next = next.slice(0, -1);
  for (;;) {
    try {
      storage.setItem(RECENT_KEY, JSON.stringify(next));
      return { entry };
    } catch (e) {
      if (next.length <= 1) return { entry: null, error: quotaMessage(e) };
      next = next.slice(0, -1);
    }
  }
}

export function removeRecent(storage: KeyValueStorage | null, key: string): void {
  if (!storage) return;
  try {
    storage.setItem(RECENT_KEY, JSON.stringify(readRecent(storage).filter((e) => e.key !== key)));
  } catch {
    /* nothing to do */
  }
}

/** The design of a recent entry; throws DocumentError when the entry is damaged. */
export function recentTopology(e: RecentEntry): Topology {
  return designFromJson(e.document);
}

/** The keys of kept unreadable saves: the first, then `.2`, `.3`, ... */
const unreadableKey = (n: number) => (n === 1 ? UNREADABLE_KEY : `${UNREADABLE_KEY}.${n}`);

/** Keeps an unreadable save beside the earlier ones: a kept copy is never overwritten. */
function keepUnreadable(storage: KeyValueStorage, raw: string): void {
  let n = 1;
  while (storage.getItem(unreadableKey(n)) !== null) n++;
  storage.setItem(unreadableKey(n), raw);
}

/** Every unreadable save kept in this browser, oldest first. */
export function unreadableAutosaves(storage: KeyValueStorage | null): string[] {
  const out: string[] = [];
  try {
    for (let n = 1; storage; n++) {
      const raw = storage.getItem(unreadableKey(n));
      if (raw === null) break;
      out.push(raw);
    }
  } catch {
    /* storage refused: what was read so far */
  }
  return out;
}

export function forgetUnreadable(storage: KeyValueStorage | null): void {
  try {
    for (let n = 1; storage && storage.getItem(unreadableKey(n)) !== null; n++) storage.removeItem(unreadableKey(n));
  } catch {
    /* nothing to do */
  }
}

/** When a recent design was kept, as the Recent menu says it. */
export function savedAgo(savedAt: number, now = Date.now()): string {
  const s = Math.max(0, Math.round((now - savedAt) / 1000));
  if (s < 60) return 'just now';
  if (s < 3600) return `${Math.round(s / 60)} min ago`;
  if (s < 86400) return `${Math.round(s / 3600)} h ago`;
  return new Date(savedAt).toLocaleDateString();
}
