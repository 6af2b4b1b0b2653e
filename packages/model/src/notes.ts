import type { Note, Position, Topology } from './topology.ts';

/**
 * Notes on the canvas (issue #15 §5): free text beside the components — "prod only", "ask the
 * storage team before scaling" — saved with the design and in share links. They have no effect on
 * checks, YAML or the failure simulation: those read components and links only.
 */

/** What a document may hold: enough for any annotated design, little enough for a share link. */
export const NOTE_LIMITS = { count: 500, chars: 2000 };

/** Why `text` cannot be a note's text, or undefined. */
export function noteTextProblem(text: unknown): string | undefined {
  if (typeof text !== 'string') return 'must be a string';
  if (text.length > NOTE_LIMITS.chars) return `is ${text.length} characters long; a note holds at most ${NOTE_LIMITS.chars}`;
  return undefined;
}

export const notesOf = (t: Topology): readonly Note[] => t.notes ?? [];

export const getNote = (t: Topology, id: string | undefined): Note | undefined => (id === undefined ? undefined : t.notes?.find((n) => n.id === id));

/** An id no component, link or note of the design has: `note`, `note-2`, ... */
function noteId(t: Topology): string {
  const taken = new Set<string>([...t.components.map((c) => c.id), ...t.links.map((l) => l.id), ...notesOf(t).map((n) => n.id)]);
  if (!taken.has('note')) return 'note';
  for (let i = 2; ; i++) if (!taken.has(`note-${i}`)) return `note-${i}`;
}

/** Adds a note at `position`; returns the design and the new note's id. */
export function addNote(t: Topology, position: Position, text = ''): { topology: Topology; id: string } {
  const id = noteId(t);
  return { topology: { ...t, notes: [...notesOf(t), { id, text, position: { x: Math.round(position.x), y: Math.round(position.y) } }] }, id };
}

/** The note's new text (cut to NOTE_LIMITS.chars); the same design when nothing changes. */
export function setNoteText(t: Topology, id: string, text: string): Topology {
  const cut = text.slice(0, NOTE_LIMITS.chars);
  const note = getNote(t, id);
  if (!note || note.text === cut) return t;
  return { ...t, notes: notesOf(t).map((n) => (n.id === id ? { ...n, text: cut } : n)) };
}

/** Without the notes of `ids` (other ids are ignored); the same design when none is removed. */
export function removeNotes(t: Topology, ids: Iterable<string>): Topology {
  const gone = new Set(ids);
  if (!notesOf(t).some((n) => gone.has(n.id))) return t;
  const notes = notesOf(t).filter((n) => !gone.has(n.id));
  const { notes: _, ...rest } = t;
  return notes.length > 0 ? { ...rest, notes } : rest;
}
