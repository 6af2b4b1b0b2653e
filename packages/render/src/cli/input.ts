import { DocumentError, VmtError, parseDocument } from '@vmtopo/model';
import type { ErrorCode, ErrorPlace, Topology } from '@vmtopo/model';
import { ImportError, type ImportResult, importManifests } from '../import.ts';
import type { InputFile, Inputs } from './sources.ts';

/** Bad input: the CLI prints its code and message (no stack trace) and exits 2. */
export class InputError extends VmtError {
  override name = 'InputError';
  constructor(message: string, code: ErrorCode = 'VMT-C01', place?: ErrorPlace) {
    super(code, message, place);
  }
}

/** Up to this many `Kind/name` in the one line about objects not modelled; the rest are counted. */
const LISTED = 20;

function list(items: string[]): string {
  const shown = items.slice(0, LISTED).join(', ');
  return items.length > LISTED ? `${shown} and ${items.length - LISTED} more` : shown;
}

/** A topology document rather than manifests: JSON that does not start as a Kubernetes object does. */
const isDocument = (text: string) => /^\s*\{/.test(text) && !/^\s*\{\s*"(apiVersion|kind)"\s*:/.test(text);

export interface Loaded {
  topology: Topology;
  /** Where a component or field is written, for manifests (a topology document has no lines to point at). */
  sourceOf?: ImportResult['sourceOf'];
}

function loadDocument(file: InputFile): Topology {
  const label = file.label;
  try {
    // Its values too: the same gate as the importer's, with the JSON path of the first bad one.
    return parseDocument(file.text);
  } catch (e) {
    if (e instanceof DocumentError) throw new InputError(`${label}: ${e.message}`, e.code, { file: label, path: e.path });
    throw e;
  }
}

/**
 * One design from every input: a topology document (JSON, alone), or operator manifests from any
 * number of files assembled into one. Warnings from the import go to `warn`, then one line naming
 * the objects kept but not modelled and one naming what was skipped.
 */
export function loadTopology(inputs: Inputs, name: string, warn: (line: string) => void): Loaded {
  const { files } = inputs;
  const docs = files.filter((f) => !f.found && isDocument(f.text));
  if (docs.length > 0 && files.length === 1) return { topology: loadDocument(docs[0]!) };
  if (docs.length > 0) throw new InputError(`${docs[0]!.label} is a topology document, which is read alone: pass it without the other inputs`);
  const where = files.length === 1 ? files[0]!.label : `${files.length} files`;
  try {
    const result = importManifests(
      // One file named alone is held to being manifests; among several (a directory, the files
      // pre-commit passes), a document that is no Kubernetes object (Helm values) is skipped.
      files.map((f) => ({ text: f.text, file: f.label, ...(f.found || files.length > 1 ? { optional: true } : {}), ...(f.namespace ? { namespace: f.namespace } : {}) })),
      { name },
    );
    for (const w of result.warnings) warn(`warning: ${w}`);
    // Objects vmtopo does not model are kept and rendered back as they came: one line says which.
    if (result.kept.length > 0) warn(`${where}: note: kept as written, not modelled: ${list(result.kept)}`);
    const skipped = [...inputs.skipped, ...result.skipped.map((s) => `${s} (not a Kubernetes object)`)];
    if (skipped.length > 0) warn(`${where}: note: skipped: ${list(skipped)}`);
    return { topology: result.topology, sourceOf: result.sourceOf };
  } catch (e) {
    if (e instanceof ImportError) {
      // Problems about a place carry its file; the rest are about the input as a whole.
      const lines = e.problems.map((p) => (p.pos?.file || files.some((f) => p.message.startsWith(`${f.label}: `)) ? p.message : `${where}: ${p.message}`));
      throw new InputError(lines.join('\n'), e.code, { ...(files.length === 1 ? { file: where } : {}), ...e.place });
    }
    throw e;
  }
}
