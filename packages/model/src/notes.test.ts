import { describe, expect, it } from 'vitest';
import { fromDocument, parseDocument, toDocument } from './document.ts';
import { addComponent } from './edit.ts';
import { NOTE_LIMITS, addNote, getNote, removeNotes, setNoteText } from './notes.ts';
import { emptyTopology } from './topology.ts';

const err = (input: unknown) => {
  try {
    fromDocument(input);
  } catch (e) {
    return (e as Error).message;
  }
  return 'opened';
};

describe('notes', () => {
  it('add, edit and remove: ids shared with nothing else, whole positions, the same design when nothing changes', () => {
    let t = addComponent(emptyTopology(), 'VMAgent', { position: { x: 0, y: 0 } }).topology;
    const a = addNote(t, { x: 10.4, y: 20.6 }, 'prod only');
    expect(a.id).toBe('note');
    expect(getNote(a.topology, 'note')).toEqual({ id: 'note', text: 'prod only', position: { x: 10, y: 21 } });
    const b = addNote(a.topology, { x: 0, y: 0 });
    expect(b.id).toBe('note-2');
    t = setNoteText(b.topology, 'note-2', 'ask the storage team');
    expect(getNote(t, 'note-2')!.text).toBe('ask the storage team');
    expect(setNoteText(t, 'note-2', 'ask the storage team')).toBe(t);
    expect(setNoteText(t, 'nope', 'x')).toBe(t);
    expect(setNoteText(t, 'note', 'x'.repeat(NOTE_LIMITS.chars + 5)).notes![0]!.text).toHaveLength(NOTE_LIMITS.chars);
    // A component added later never takes a note's id.
    expect(addComponent(t, 'VMAgent', { name: 'note' }).topology.components.map((c) => c.id)).not.toContain('note');
    expect(removeNotes(t, ['vmagent-agent'])).toBe(t);
    const one = removeNotes(t, ['note']);
    expect(one.notes!.map((n) => n.id)).toEqual(['note-2']);
    expect('notes' in removeNotes(one, ['note-2'])).toBe(false);
  });

  it('travel in the document and come back identical', () => {
    const t = addNote(addNote(emptyTopology(), { x: 1, y: 2 }, 'a\nb ✓').topology, { x: -5, y: 7 }, '').topology;
    expect(parseDocument(JSON.stringify(toDocument(t)))).toEqual(t);
  });

  it('a bad note is refused with its path', () => {
    const doc = (notes: unknown, components: unknown[] = []) => ({ version: 2, name: 'd', namespace: 'm', components, links: [], notes });
    expect(err(doc({}))).toBe('$.notes: must be a list');
    expect(err(doc([{ id: 'n', text: 3, position: { x: 0, y: 0 } }]))).toBe('$.notes[0].text: must be a string');
    expect(err(doc([{ id: 'n', text: 'x'.repeat(NOTE_LIMITS.chars + 1), position: { x: 0, y: 0 } }]))).toMatch(/^\$\.notes\[0\]\.text: is 2001 characters long/);
    expect(err(doc([{ id: 'n', text: '' }]))).toBe('$.notes[0].position: must be {"x": number, "y": number}');
    expect(err(doc([{ id: 'a', text: '', position: { x: 0, y: 0 } }], [{ id: 'a', kind: 'VMAgent', name: 'a', spec: {} }]))).toMatch(/^\$\.notes\[0\]\.id: duplicate id "a"/);
    expect(err(doc(new Array(NOTE_LIMITS.count + 1).fill(0).map((_, i) => ({ id: `n${i}`, text: '', position: { x: 0, y: 0 } }))))).toMatch(/^\$\.notes: holds 501 notes/);
  });
});
