import { readFileSync } from 'node:fs';
import { DocumentError, VmtError, parseDocument, validateTopology } from '@vmtopo/model';
import type { ErrorCode, ErrorPlace, Topology } from '@vmtopo/model';
import { ImportError, importManifests } from '../import.ts';

/** Bad input: the CLI prints its code and message (no stack trace) and exits 2. */
export class InputError extends VmtError {
  override name = 'InputError';
  constructor(message: string, code: ErrorCode = 'VMT-C01', place?: ErrorPlace) {
    super(code, message, place);
  }
}

export function readInput(path: string | undefined, stdin: () => string): { text: string; label: string } {
  if (path === undefined) throw new InputError('no input given: pass a file, or - for standard input');
  if (path === '-') return { text: stdin(), label: '<stdin>' };
  try {
    return { text: readFileSync(path, 'utf8'), label: path };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(`${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (e as Error).message}`, 'VMT-C02', { file: path });
  }
}

/**
 * A topology document (JSON) or operator manifests (YAML), told apart by the first character.
 * Warnings from the import go to `warn`, then one note naming the objects kept but not modelled.
 */
export function loadTopology(text: string, label: string, warn: (line: string) => void): Topology {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{')) {
    let t: Topology;
    try {
      t = parseDocument(text);
    } catch (e) {
      if (e instanceof DocumentError) throw new InputError(`${label}: ${e.message}`, e.code, { file: label, path: e.path });
      throw e;
    }
    // Manifests get this check in the importer; a document is held to the same values.
    const invalid = validateTopology(t);
    if (invalid.length > 0) throw new InputError(invalid.map((p) => `${label}: ${p.message}`).join('\n'), 'VMT-V01', { file: label });
    return t;
  }
  try {
    const name = label === '<stdin>' ? 'design' : (label.split('/').pop() ?? 'design').replace(/\.(ya?ml|json)$/, '');
    const result = importManifests(text, { name });
    for (const w of result.warnings) warn(`${label}: warning: ${w}`);
    // Objects vmtopo does not model are kept and rendered back as they came: one line says which.
    if (result.kept.length > 0) warn(`${label}: note: kept as written, not modelled: ${result.kept.join(', ')}`);
    return result.topology;
  } catch (e) {
    if (e instanceof ImportError) {
      throw new InputError(e.problems.map((p) => `${label}: ${p.message}`).join('\n'), e.code, { file: label, ...e.place });
    }
    throw e;
  }
}
