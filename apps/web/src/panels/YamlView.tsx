import { applyYamlText, componentLines, problemLine, textEdit, type SourceProblem } from '@vmtopo/editor';
import type { Topology } from '@vmtopo/model';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useDerivations } from '../hooks/useDerivations.ts';
import { useEditor } from '../hooks/useEditor.ts';
import { useEditorApi } from '../hooks/useEditorApi.ts';
import { monaco } from '../monaco.ts';

const URI = monaco.Uri.parse('file:///design.yaml');
const OWNER = 'vmtopo';
/** A settled edit: this long without typing. */
export const YAML_SETTLE_MS = 400;

type Status = { kind: 'synced' } | { kind: 'editing' } | { kind: 'invalid'; problems: SourceProblem[] };

/**
 * The design's YAML in Monaco, editable. A settled edit that parses becomes the design (one undo
 * step; components keep their ids and positions); while the text does not parse, the problem is
 * marked at its line and the canvas keeps the last good design. The text is replaced by the
 * rendered YAML only when the design changes from elsewhere, never under the user's fingers.
 */
export default function YamlView() {
  const store = useEditorApi();
  const derivations = useDerivations();
  const topology = useEditor((s) => s.topology);
  const selected = useEditor((s) => s.selection.nodes[0]);
  const yaml = derivations.yaml(topology);
  const [status, setStatus] = useState<Status>({ kind: 'synced' });
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  /** True while the text is set from the design (not typed). */
  const applying = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  /** The design this editor committed last: its re-rendered YAML must not replace the text. */
  const own = useRef<Topology | null>(null);

  const highlight = useRef<monaco.editor.IEditorDecorationsCollection | null>(null);
  const selectedDoc = useRef<monaco.editor.IEditorDecorationsCollection | null>(null);
  const fade = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const shownText = useRef<{ model: monaco.editor.ITextModel; version: number; text: string } | null>(null);
  /**
   * Shows `text`, changing only the lines that differ: replacing all of a large design's YAML
   * would make Monaco re-split, re-tokenise and re-draw everything for a one-field change. The
   * changed lines are brought into view and marked for a moment.
   */
  const setText = (model: monaco.editor.ITextModel, text: string, reveal = false) => {
    // The model's text as this view last set it, while nothing has changed it since (a large
    // design's YAML is costly to read back out of the model on every edit).
    const cur = shownText.current?.model === model && shownText.current.version === model.getVersionId() ? shownText.current.text : model.getValue();
    const edit = textEdit(cur, text);
    if (edit) applyEdit(model, edit, reveal);
    shownText.current = { model, version: model.getVersionId(), text: edit ? text : cur };
  };
  /** Makes one edit to the text (an undo step of its own); with `reveal`, brings it into view and marks it. */
  const applyEdit = (model: monaco.editor.ITextModel, edit: { start: number; end: number; text: string }, reveal: boolean) => {
    const ed = editor.current;
    const from = model.getPositionAt(edit.start);
    const to = model.getPositionAt(edit.end);
    applying.current = true;
    try {
      model.pushStackElement();
      model.pushEditOperations([], [{ range: new monaco.Range(from.lineNumber, from.column, to.lineNumber, to.column), text: edit.text }], () => null);
      model.pushStackElement();
    } finally {
      applying.current = false;
    }
    if (!ed || !reveal) return;
    const first = from.lineNumber;
    const last = model.getPositionAt(edit.start + edit.text.length).lineNumber;
    ed.revealLinesInCenterIfOutsideViewport(first, Math.min(last, first + 20), monaco.editor.ScrollType.Immediate);
    // Tokenise the lines on screen now: otherwise Monaco draws them once with stale colours and
    // again when its background tokeniser catches up, a second layout and paint tens of ms later.
    const shown = ed.getVisibleRanges();
    const end = Math.min(model.getLineCount(), Math.max(last, shown[shown.length - 1]?.endLineNumber ?? last), last + 200);
    (model as unknown as { tokenization?: { forceTokenization?: (line: number) => void } }).tokenization?.forceTokenization?.(end);
    const lines = new monaco.Range(first, 1, last, 1);
    if (highlight.current) highlight.current.set([{ range: lines, options: { isWholeLine: true, className: 'yaml-changed-line' } }]);
    else highlight.current = ed.createDecorationsCollection([{ range: lines, options: { isWholeLine: true, className: 'yaml-changed-line' } }]);
    clearTimeout(fade.current);
    fade.current = setTimeout(() => highlight.current?.clear(), 1500);
    // Draw now, in the task of the change, rather than in Monaco's next animation frame.
    ed.render();
  };

  useEffect(() => {
    const model = monaco.editor.getModel(URI) ?? monaco.editor.createModel(yaml, 'yaml', URI);
    setText(model, yaml);
    const dark = window.matchMedia('(prefers-color-scheme: dark)');
    const theme = () => ((document.documentElement.dataset.theme ?? (dark.matches ? 'dark' : 'light')) === 'dark' ? 'vs-dark' : 'vs');
    const ed = monaco.editor.create(host.current!, {
      model,
      automaticLayout: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      fontSize: 12.5,
      lineNumbersMinChars: 3,
      theme: theme(),
      ariaLabel: 'YAML of the design (editable)',
      tabSize: 2,
      insertSpaces: true,
      quickSuggestions: false,
      suggestOnTriggerCharacters: false,
      // Every feature below listens to content changes and re-computes over the whole text (or
      // asks the YAML worker to, and decodes its answer): at 500 components they added 15-25 ms
      // to each change made on the canvas. Folding was 6-8 ms of it; the canvas and the findings
      // are the way around a large design, and Ctrl+F finds a document.
      folding: false,
      stickyScroll: { enabled: false },
      bracketPairColorization: { enabled: false },
      guides: { bracketPairs: false, indentation: true },
      unicodeHighlight: { ambiguousCharacters: false, invisibleCharacters: false, nonBasicASCII: false },
      links: false,
      occurrencesHighlight: 'off',
      selectionHighlight: false,
      codeLens: false,
      colorDecorators: false,
      inlayHints: { enabled: 'off' },
      matchBrackets: 'never',
    });
    editor.current = ed;
    // The first edit of a page runs Monaco's edit and view code for the first time (parsed,
    // compiled and optimised on the spot): 60-80 ms at 500 components against 20-30 ms for the
    // next. A line rewritten with its own text by applyEdit and the rewrite undone, once the page
    // is idle (or 250 ms after the view appears: a large design keeps the page busy for seconds,
    // and the user's first change may come before), takes that cost off the user's first change;
    // the text, the scroll position and what Ctrl+Z undoes stay as they are. The derivations
    // warm the renderer's edit path at the same time (Derivations.prepare).
    const warm = requestIdleCallback(
      () => {
        derivations.prepare();
        if (ed.hasTextFocus()) return;
        const line = ed.getVisibleRanges()[0]?.startLineNumber ?? 1;
        const start = model.getOffsetAt({ lineNumber: line, column: 1 });
        const text = model.getLineContent(line);
        const known = shownText.current?.model === model && shownText.current.version === model.getVersionId();
        applyEdit(model, { start, end: start + text.length, text }, true);
        applying.current = true;
        try {
          void model.undo();
        } finally {
          applying.current = false;
        }
        clearTimeout(fade.current);
        highlight.current?.clear();
        if (known) shownText.current = { model, version: model.getVersionId(), text: shownText.current!.text };
      },
      { timeout: 250 },
    );

    const parse = () => {
      timer.current = undefined;
      const r = applyYamlText(store.getState().topology, model.getValue());
      if (!r.ok) {
        monaco.editor.setModelMarkers(
          model,
          OWNER,
          r.problems.map((p) => {
            const line = Math.min(Math.max(p.line ?? 1, 1), model.getLineCount());
            const col = Math.min(Math.max(p.col ?? 1, 1), model.getLineMaxColumn(line));
            return {
              severity: monaco.MarkerSeverity.Error,
              message: p.message,
              startLineNumber: line,
              startColumn: col,
              endLineNumber: line,
              endColumn: Math.max(col + 1, model.getLineMaxColumn(line)),
            };
          }),
        );
        setStatus({ kind: 'invalid', problems: r.problems });
        return;
      }
      monaco.editor.setModelMarkers(model, OWNER, []);
      setStatus({ kind: 'synced' });
      if (r.topology) {
        own.current = r.topology;
        store.getState().commit(r.topology);
      }
    };
    const sub = model.onDidChangeContent(() => {
      if (applying.current) return;
      clearTimeout(timer.current);
      timer.current = setTimeout(parse, YAML_SETTLE_MS);
      setStatus((s) => (s.kind === 'invalid' ? s : { kind: 'editing' }));
    });
    // Leaving the editor settles the edit at once.
    const blur = ed.onDidBlurEditorText(() => {
      if (timer.current !== undefined) {
        clearTimeout(timer.current);
        parse();
      }
    });

    const onScheme = () => monaco.editor.setTheme(theme());
    dark.addEventListener('change', onScheme);
    const obs = new MutationObserver(onScheme);
    obs.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => {
      cancelIdleCallback(warm);
      clearTimeout(timer.current);
      timer.current = undefined;
      sub.dispose();
      blur.dispose();
      dark.removeEventListener('change', onScheme);
      obs.disconnect();
      clearTimeout(fade.current);
      highlight.current = null;
      selectedDoc.current = null;
      ed.dispose();
      editor.current = null;
      // The next mount starts from the design (the mount sets its YAML), not from a half-typed text.
      monaco.editor.setModelMarkers(model, OWNER, []);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // The design changed: from this editor (keep the text as typed) or from elsewhere (show it).
  // A layout effect: the edit reaches Monaco in the same task as the change, so it draws in the next frame.
  useLayoutEffect(() => {
    const model = monaco.editor.getModel(URI);
    if (!model) return;
    if (topology === own.current) return;
    own.current = null;
    clearTimeout(timer.current);
    timer.current = undefined;
    monaco.editor.setModelMarkers(model, OWNER, []);
    setText(model, yaml, true);
    setStatus({ kind: 'synced' });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [yaml]);

  // The selected component's document (a part's section of its cluster's) is marked and scrolled
  // to the top, unless the user is typing here. Looked up when the selection changes only: Monaco
  // moves the mark with later edits, and a field change at 1,000 components need not scan the text.
  useEffect(() => {
    const ed = editor.current;
    const model = ed?.getModel();
    if (!ed || !model) return;
    const lines = selected ? componentLines(store.getState().topology, model.getValue(), selected) : undefined;
    selectedDoc.current ??= ed.createDecorationsCollection();
    if (!lines) return void selectedDoc.current.clear();
    const range = new monaco.Range(lines.first, 1, lines.last, 1);
    selectedDoc.current.set([{ range, options: { isWholeLine: true, className: 'yaml-selected-doc', linesDecorationsClassName: 'yaml-selected-gutter' } }]);
    if (!ed.hasTextFocus()) ed.revealRangeNearTop(new monaco.Range(lines.first, 1, lines.first, 1), monaco.editor.ScrollType.Immediate);
  }, [selected, store]);

  return (
    <div className="yaml-pane">
      <div className="yaml-view" ref={host} data-testid="yaml-editor" />
      <div className={`yaml-status ${status.kind}`} role="status" aria-label="YAML status" data-testid="yaml-status">
        {status.kind === 'synced' && <span>✓ The canvas shows this YAML. Edit it: the canvas follows when the text is valid.</span>}
        {status.kind === 'editing' && <span>Editing…</span>}
        {status.kind === 'invalid' && (
          <span>
            <b>{problemLine(status.problems[0]!)}</b>
            {status.problems.length > 1 && ` (and ${status.problems.length - 1} more)`} — the canvas keeps the last valid design.
          </span>
        )}
      </div>
    </div>
  );
}
