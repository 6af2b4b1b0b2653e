import { emptyTopology, errorCode, type ErrorCode, type Topology } from '@vmtopo/model';
import { decodeShare, SHARE_HASH } from './core.ts';
import { hasContent, loadAutosave, MAIN_SLOT, pushRecent, sameDesign, storageWriteProblem, type KeyValueStorage, type RecentEntry } from './persist.ts';

/** Chat apps and some mail clients cut links longer than this. */
export const SAFE_LINK_CHARS = 2000;

/** A sentence from a library message: capital first letter, full stop at the end. */
export function sentence(s: string): string {
  const t = s.trim();
  if (!t) return t;
  const cap = t[0]!.toUpperCase() + t.slice(1);
  return /[.!?]$/.test(cap) ? cap : `${cap}.`;
}

export const isShareHash = (hash: string) => SHARE_HASH.test(hash);

export type Opened =
  | { ok: true; topology: Topology; displaced: RecentEntry | null; storageError?: string }
  | { ok: false; message: string; code?: ErrorCode };

/**
 * Decodes a share link and, when it replaces a different design with content, keeps that design in
 * the recent list first: opening a link never loses a design silently.
 */
export function openShared(link: string, current: Topology | null, storage: KeyValueStorage | null): Opened {
  let topology: Topology;
  try {
    topology = decodeShare(link);
  } catch (e) {
    return { ok: false, message: sentence((e as Error).message), code: errorCode(e) };
  }
  if (!current || !hasContent(current) || sameDesign(current, topology)) return { ok: true, topology, displaced: null };
  const { entry, error } = pushRecent(storage, current, 'before opening a share link');
  return { ok: true, topology, displaced: entry, storageError: error };
}

export interface BootNotice {
  tone: 'error' | 'info';
  text: string;
  /** Offer to bring this design back. */
  restore?: RecentEntry;
  /** Offer to download the unreadable autosave. */
  unreadable?: boolean;
  /** Offer to save the design as a file (the browser cannot keep it). */
  saveFile?: boolean;
  sticky?: boolean;
  code?: ErrorCode;
}

export interface Boot {
  topology: Topology;
  notice: BootNotice | null;
  /** Fit the design into view once it is measured. */
  fit: boolean;
  /** The design differs from the autosave: save it soon. */
  dirty: boolean;
  /** The save time of the slot's design as read (0: none), for telling other tabs' saves apart. */
  seen: number;
}

const quoted = (t: Topology) => `“${t.name}”`;

/** What a successful open says, and what it offers. */
export function openedNotice(opened: Extract<Opened, { ok: true }>, previous: Topology | null): BootNotice {
  const name = quoted(opened.topology);
  if (opened.displaced && previous) {
    return {
      tone: 'info',
      text: `Opened the shared design ${name}. Your previous design ${quoted(previous)} is kept under Recent.`,
      restore: opened.displaced,
      sticky: true,
    };
  }
  if (opened.storageError && previous) {
    return {
      tone: 'error',
      text: `Opened the shared design ${name}, but your previous design ${quoted(previous)} could not be kept (${opened.storageError}). Undo (Ctrl+Z) brings it back until you reload.`,
      sticky: true,
    };
  }
  return { tone: 'info', text: `Opened the shared design ${name}.` };
}

/**
 * The design the designer starts with: a share link in the fragment wins (the autosaved design, if
 * different, is kept under Recent); otherwise the autosave; otherwise a blank design. Runs once,
 * before the first render, so a shared design is on the first frame.
 */
export function bootDesign(hash: string, storage: KeyValueStorage | null, slot = MAIN_SLOT): Boot {
  const boot = bootFromStorage(hash, storage, slot);
  // A full (or blocked) storage still reads: the design is on screen, but nothing will be saved.
  const full = storage ? storageWriteProblem(storage) : null;
  if (full === null) return boot;
  const text = `This browser cannot save your changes (${full}). Save the topology file to keep your design, or free space for this site.`;
  const notice: BootNotice = boot.notice
    ? { ...boot.notice, text: `${boot.notice.text} ${text}`, tone: 'error', sticky: true }
    : { tone: 'error', text, saveFile: true, sticky: true };
  return { ...boot, notice };
}

function bootFromStorage(hash: string, storage: KeyValueStorage | null, slot: string): Boot {
  const saved = loadAutosave(storage, slot);
  const current = saved.kind === 'ok' ? saved.topology : emptyTopology('design');
  const seen = saved.kind === 'ok' ? saved.savedAt : 0;
  const corrupt: BootNotice | null =
    saved.kind === 'corrupt'
      ? {
          tone: 'error',
          text: `Your autosaved design could not be read (${saved.message}), so you start with a blank design. The unreadable data is kept in this browser.`,
          unreadable: true,
          sticky: true,
          code: saved.code,
        }
      : null;
  if (isShareHash(hash)) {
    const opened = openShared(hash, saved.kind === 'ok' ? current : null, storage);
    if (opened.ok) {
      const notice = openedNotice(opened, saved.kind === 'ok' ? current : null);
      return { topology: opened.topology, notice: corrupt ? { ...corrupt, text: `${notice.text} ${corrupt.text}` } : notice, fit: true, dirty: true, seen };
    }
    const kept = saved.kind === 'ok' ? ' Your design on screen is unchanged.' : '';
    return {
      topology: current,
      notice: { tone: 'error', text: `${opened.message}${kept}${corrupt ? ` ${corrupt.text}` : ''}`, sticky: true, unreadable: corrupt?.unreadable, code: opened.code },
      fit: hasContent(current),
      dirty: false,
      seen,
    };
  }
  return { topology: current, notice: corrupt, fit: hasContent(current), dirty: false, seen };
}
