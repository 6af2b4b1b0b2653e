import type { NodeProps } from '@xyflow/react';
import { editNote } from '@vmtopo/editor';
import { memo, useEffect, useRef, useState } from 'react';
import { useEditorApi } from '../../hooks/useEditorApi.ts';
import type { NoteFlowNode } from '../derive.ts';

/**
 * A note on the canvas. Double-click (or Enter while it is selected) to write; the text lands in
 * the design as the user types (one undo step per note and burst of typing); Escape or a click
 * elsewhere ends the writing.
 */
export const NoteNode = memo(function NoteNode({ id, data, selected }: NodeProps<NoteFlowNode>) {
  const store = useEditorApi();
  const text = data.note.text;
  // A new, empty note opens for writing.
  const [writing, setWriting] = useState(text === '');
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (!writing) return;
    // React Flow keeps a new node hidden until it is measured, and a hidden field takes no focus:
    // try again for a few frames.
    let frame = 0;
    const focus = (left: number) => {
      area.current?.focus({ preventScroll: true });
      if (document.activeElement !== area.current && left > 0) frame = requestAnimationFrame(() => focus(left - 1));
    };
    focus(20);
    return () => cancelAnimationFrame(frame);
  }, [writing]);
  return (
    <div
      className={`note-card${selected ? ' selected' : ''}`}
      onDoubleClick={() => setWriting(true)}
      onKeyDown={(e) => {
        if (!writing && e.key === 'Enter') {
          e.preventDefault();
          setWriting(true);
        }
      }}
    >
      {writing ? (
        <textarea
          ref={area}
          className="note-text nodrag nowheel"
          aria-label="Note text"
          value={text}
          placeholder="Write a note…"
          rows={Math.min(12, Math.max(3, text.split('\n').length + 1))}
          onChange={(e) => editNote(store, id, e.target.value)}
          onBlur={() => setWriting(false)}
          onKeyDown={(e) => {
            // Keys typed here are text: never the canvas's shortcuts (Delete, arrows, Ctrl+A...).
            e.stopPropagation();
            if (e.key === 'Escape') setWriting(false);
          }}
        />
      ) : (
        <div className="note-view" title="Double-click to edit">
          {text || <span className="note-empty">Empty note: double-click to write</span>}
        </div>
      )}
    </div>
  );
});
