import { LineCounter, isPair, isScalar, isSeq, parseAllDocuments, visit } from 'yaml';
import type { Document } from 'yaml';

/** Where in the input a problem sits: the file (when the input has one), 1-based line and column. */
export interface SourcePos {
  file?: string;
  line: number;
  col: number;
}

export interface Problem {
  message: string;
  pos?: SourcePos;
}

/** One input of an import: its text and, for messages, the file it came from. */
export interface ManifestSource {
  text: string;
  file?: string;
  /**
   * Found in a directory rather than named by the user: documents in it that are not Kubernetes
   * objects (Helm values, dashboards) are skipped and listed, not refused.
   */
  optional?: boolean;
  /** The namespace a kustomization gives the operator CRs of this source, over their own. */
  namespace?: string;
}

/**
 * Alias expansions per document: YAML written by people or tools uses a few anchors; a "billion
 * laughs" document uses thousands, and expanding them would exhaust memory (README: Input limits).
 */
export const MAX_ALIASES = 100;

/** `file: line N: `, the prefix of every message about a place in the input. */
export function placeOf(pos: SourcePos | undefined, file = pos?.file): string {
  return `${file ? `${file}: ` : ''}${pos ? `line ${pos.line}: ` : ''}`;
}

/** `cat <<EOF | kubectl apply -f -` at the start of a line: indented, it is part of a YAML block scalar. */
const HEREDOC_OPEN = /^cat\s+<<(-?)\s*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\2(\s.*)?$/;

/**
 * Removes `cat <<EOF | kubectl apply -f -` wrappers copied from docs, keeping line numbers: an
 * opening line and the line that closes it as the shell would (the delimiter alone, unindented;
 * after `<<-`, leading tabs allowed). An `EOF` line that closes no opened wrapper — such as one
 * in a ConfigMap's script, which YAML indents — is never touched.
 */
export function unwrapHeredoc(text: string): { text: string; unwrapped: boolean } {
  const lines = text.split('\n');
  const wrapper: number[] = [];
  let delimiter: { word: string; tabs: boolean } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!delimiter) {
      const open = HEREDOC_OPEN.exec(line);
      if (open) {
        wrapper.push(i);
        delimiter = { word: open[3]!, tabs: open[1] === '-' };
      }
    } else if ((delimiter.tabs ? line.replace(/^\t+/, '') : line).trimEnd() === delimiter.word) {
      wrapper.push(i);
      delimiter = undefined;
    }
  }
  // An unclosed wrapper is not one the shell would run: leave the text as it is.
  if (delimiter || wrapper.length === 0) return { text, unwrapped: false };
  for (const i of wrapper) lines[i] = '';
  return { text: lines.join('\n'), unwrapped: true };
}

export interface ParsedSource {
  docs: Document[];
  lines: LineCounter;
  file?: string;
  optional?: boolean;
  namespace?: string;
  unwrapped: boolean;
}

/** Parses one input into YAML documents; syntax errors come back as problems with their line and column. */
export function parseSource(source: ManifestSource): ParsedSource | { problems: Problem[] } {
  const { text, unwrapped } = unwrapHeredoc(source.text);
  const lines = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
  // An empty input parses to an empty stream (not an array of documents).
  const known = { ...(source.file ? { file: source.file } : {}), ...(source.optional ? { optional: true } : {}), ...(source.namespace ? { namespace: source.namespace } : {}) };
  if (!Array.isArray(docs)) return { docs: [], lines, unwrapped, ...known };
  const problems = docs
    .flatMap((d) => d.errors)
    .map((e) => {
      const at = e.linePos?.[0];
      const pos = at && { ...(source.file ? { file: source.file } : {}), line: at.line, col: at.col };
      const message = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      return { message: `${placeOf(undefined, source.file)}${at ? `line ${at.line}, column ${at.col}: ` : ''}${message}`, ...(pos ? { pos } : {}) };
    });
  if (problems.length > 0) return { problems };
  return { docs, lines, unwrapped, ...known };
}

/** The dotted path of a node from the visitor's ancestors: keys of pairs, indexes in sequences. */
function pathOf(ancestors: readonly unknown[], node: unknown): string {
  const parts: string[] = [];
  for (let i = 0; i < ancestors.length; i++) {
    const a = ancestors[i];
    if (isPair(a)) parts.push(isScalar(a.key) ? String(a.key.value) : '?');
    else if (isSeq(a)) parts.push(String(a.items.indexOf((ancestors[i + 1] ?? node) as never)));
  }
  return parts.join('.');
}

/**
 * Numbers a JavaScript reader cannot hold as written: infinite (`1e400`, `.inf`), not a number
 * (`.nan`) and integers past 2^53 (a 20-digit id). Rendering them back would silently change
 * them, so they are refused with their path; a value meant as text is written in quotes.
 */
export function numbersOutOfRange(doc: Document, lines: LineCounter, file: string | undefined, label: string): Problem[] {
  const problems: Problem[] = [];
  visit(doc, {
    Scalar(_, node, ancestors) {
      const v = node.value;
      if (typeof v !== 'number' || (Number.isFinite(v) && (!Number.isInteger(v) || Number.isSafeInteger(v)))) return;
      const at = node.range ? lines.linePos(node.range[0]) : undefined;
      const pos = at && { ...(file ? { file } : {}), line: at.line, col: at.col };
      const why = Number.isNaN(v) ? 'is not a number' : Number.isFinite(v) ? 'is an integer too large to keep exactly (beyond 2^53)' : 'is out of range (not a finite number)';
      problems.push({ message: `${placeOf(pos, file)}${label}: ${pathOf(ancestors, node)} ${node.source ?? String(v)} ${why}; write it in quotes if it is text`, ...(pos ? { pos } : {}) });
    },
  });
  return problems;
}

/** The document as plain data, or the problem when it expands more aliases than MAX_ALIASES. */
export function documentValue(doc: Document, lines: LineCounter, file: string | undefined, label: string): { value: unknown } | { problem: Problem } {
  try {
    return { value: doc.toJS({ maxAliasCount: MAX_ALIASES }) as unknown };
  } catch (e) {
    // The yaml library signals an alias bomb with a ReferenceError ("Excessive alias count").
    if (!(e instanceof ReferenceError)) throw e;
    const start = (doc.contents as { range?: [number, number, number] } | null)?.range?.[0];
    const at = start === undefined ? undefined : lines.linePos(start);
    const pos = at && { ...(file ? { file } : {}), line: at.line, col: at.col };
    return { problem: { message: `${placeOf(pos, file)}${label} expands YAML aliases more than ${MAX_ALIASES} times; vmtopo stops there (expand the aliases, or split the document)`, ...(pos ? { pos } : {}) } };
  }
}
