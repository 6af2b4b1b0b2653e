import { toDocument, type Topology } from '@vmtopo/model';
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
export const RECENT_LIMIT = 6;
/** Characters of all recent designs together; the oldest go first beyond this. */
export const RECENT_CHARS = 2_000_000;

export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** localStorage, or null where it is disabled (some private modes, sandboxed frames). */
export function browserStorage(): KeyValueStorage | null {
  try {
    const s = window.localStorage;
    const probe = 'vmtopo.probe';
    s.setItem(probe, '1');
    s.removeItem(probe);
    return s;
  } catch {
    return null;
  }
}

export type Loaded =
  | { kind: 'none' }
  | { kind: 'ok'; topology: Topology; savedAt: number }
  | { kind: 'corrupt'; message: string };

interface StoredDesign {
  savedAt: number;
  document: unknown;
}

/** Reads the autosave. An unreadable one is moved to UNREADABLE_KEY (kept for download). */
export function loadAutosave(storage: KeyValueStorage | null): Loaded {
  if (!storage) return { kind: 'none' };
  const raw = storage.getItem(AUTOSAVE_KEY);
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
      storage.setItem(UNREADABLE_KEY, raw);
      storage.removeItem(AUTOSAVE_KEY);
    } catch {
      /* storage full: the raw value stays where it was */
    }
    return { kind: 'corrupt', message: (e as Error).message };
  }
}

const quotaMessage = (e: unknown) =>
  (e as { name?: string })?.name === 'QuotaExceededError' ? 'the browser storage for this site is full' : (e as Error).message;

/** Writes the autosave; returns why it failed, or null. */
export function saveAutosave(storage: KeyValueStorage | null, t: Topology, now = Date.now()): string | null {
  if (!storage) return 'this browser does not allow local storage for this page';
  try {
    storage.setItem(AUTOSAVE_KEY, JSON.stringify({ savedAt: now, document: toDocument(t) } satisfies StoredDesign));
    return null;
  } catch (e) {
    return quotaMessage(e);
  }
}

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

export function unreadableAutosave(storage: KeyValueStorage | null): string | null {
  try {
    return storage?.getItem(UNREADABLE_KEY) ?? null;
  } catch {
    return null;
  }
}

export function forgetUnreadable(storage: KeyValueStorage | null): void {
  try {
    storage?.removeItem(UNREADABLE_KEY);
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
