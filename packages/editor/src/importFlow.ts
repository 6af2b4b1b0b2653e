import { errorCode, type ErrorCode, type Topology } from '@vmtopo/model';
import { ImportProblem, loadRenderer, parseDesignFile } from './core.ts';
import { plural } from './counts.ts';
import type { EditorStore } from './editorStore.ts';
import type { Host } from './host.ts';
import { autoLayout } from './layout.ts';
import { loadDesign } from './lifecycle.ts';

/** The largest file or download an import reads. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** What an import brought in, laid out, with what the user should know about it. */
export interface ImportOutcome {
  topology: Topology;
  source: 'manifests' | 'design';
  warnings: string[];
  /** Objects that are not components: kept verbatim in the YAML, not on the canvas. */
  kept: string[];
}

/** `prod.vmtopo.json` → `prod`, `vmagent-ha.yaml` → `vmagent-ha`. */
export function designNameFrom(fileOrUrl: string): string | undefined {
  const last = fileOrUrl.split(/[?#]/)[0]!.split('/').filter(Boolean).pop() ?? '';
  const base = decodeURIComponentSafe(last).replace(/\.(vmtopo\.json|json|ya?ml)$/i, '');
  return base && !/^[a-z]+:$/i.test(base) ? base : undefined;
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** A saved design (JSON) or operator manifests (YAML), told apart by the first character. */
export const looksLikeDesignFile = (text: string) => text.trimStart().startsWith('{');

/** The steps of an import, as its progress says them. */
export type ImportPhase = 'reading' | 'laying out';

/**
 * Reads a text the user pasted, dropped, opened or fetched. A design file keeps its positions
 * when every component has one; anything else is laid out automatically. Throws ImportProblem
 * (manifests, with lines) or DocumentError (design files, with the JSON path).
 */
export async function importText(text: string, name?: string, onPhase: (p: ImportPhase) => void = () => {}): Promise<ImportOutcome> {
  onPhase('reading');
  if (looksLikeDesignFile(text)) {
    const topology = parseDesignFile(text);
    if (topology.components.every((c) => c.position)) return { topology, source: 'design', warnings: [], kept: [] };
    onPhase('laying out');
    return { topology: await autoLayout(topology), source: 'design', warnings: [], kept: [] };
  }
  // The importer is not in the page's first load: the first import of manifests loads it.
  const { importManifests } = await loadRenderer();
  const r = importManifests(text, name === undefined ? {} : { name });
  onPhase('laying out');
  return { topology: await autoLayout(r.topology), source: 'manifests', warnings: r.warnings, kept: r.kept };
}

/**
 * Texts from this size on are imported in a worker, with progress and a Cancel button; smaller
 * ones take well under a frame's worth of parsing, and a worker would only add its start-up
 * (loading the importer and elkjs again) to them.
 */
export const IMPORT_IN_WORKER_BYTES = 256 * 1024;

/** What the page asks an import worker, and what the worker answers (plain data: structured clone). */
export interface ImportRequest {
  text: string;
  name?: string;
  /** Where the text came from ("prod.yaml", "the pasted text"), for the messages. */
  origin: string;
}

export type ImportMessage = { phase: ImportPhase } | { done: ImportOutcome } | { failed: ImportProblems };

/** The worker's side of an import: runs it and answers with messages (never throws). */
export async function runImportRequest(req: ImportRequest, post: (m: ImportMessage) => void): Promise<void> {
  try {
    post({ done: await importText(req.text, req.name, (phase) => post({ phase })) });
  } catch (e) {
    post({ failed: importProblems(e, req.origin) });
  }
}

/** GitHub page links to a file become their raw address (the page itself is HTML). */
export function rawUrl(url: string): string {
  const m = /^https:\/\/github\.com\/([^/]+)\/([^/]+)\/blob\/(.+)$/.exec(url.trim());
  return m ? `https://raw.githubusercontent.com/${m[1]}/${m[2]}/${m[3]}` : url.trim();
}

/** Fetches a manifest or design; the error says what went wrong in words. */
export async function fetchText(url: string, signal?: AbortSignal): Promise<string> {
  let parsed: URL;
  try {
    parsed = new URL(url, window.location.href);
  } catch {
    throw new Error(`“${url}” is not a URL`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new Error('only http and https addresses can be fetched');
  let res: Response;
  try {
    res = await fetch(parsed, { signal, credentials: 'omit', headers: { Accept: 'application/yaml, application/json, text/plain, */*' } });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new Error('the request failed: the server cannot be reached, or it does not allow this page to read the file (CORS)');
  }
  if (!res.ok) throw new Error(`the server answered ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`);
  const len = Number(res.headers.get('content-length') ?? 0);
  if (len > MAX_IMPORT_BYTES) throw new Error(`the file is too large (${len} bytes; at most ${MAX_IMPORT_BYTES})`);
  return readCapped(res, MAX_IMPORT_BYTES);
}

/**
 * A response body as text, refused past `max` bytes as it arrives: a server may send no
 * Content-Length (chunked, compressed) or a wrong one, so the header alone caps nothing.
 */
export async function readCapped(res: Response, max: number): Promise<string> {
  if (!res.body) return res.text();
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel();
      throw new Error(`the file is too large (more than ${max} bytes)`);
    }
    chunks.push(value);
  }
  const all = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return new TextDecoder().decode(all);
}

/** Why nothing was imported: a title naming where from, and the problems (at most 20). */
export interface ImportProblems {
  title: string;
  items: string[];
  /** The error catalog code, when the problem is one the catalog explains. */
  code?: ErrorCode;
}

export function importProblems(e: unknown, origin: string): ImportProblems {
  if (e instanceof ImportProblem) {
    const n = e.problems.length;
    return { title: `Nothing was imported: ${n === 1 ? 'a problem' : `${n} problems`} in ${origin}.`, items: e.problems.slice(0, 20).map((p) => p.message), code: e.code };
  }
  return { title: `Nothing was imported from ${origin}.`, items: [(e as Error).message], code: errorCode(e) };
}

/** A file too large to import, said as the import dialog says problems; undefined when it is not. */
export function fileTooLarge(name: string, size: number): ImportProblems | undefined {
  if (size <= MAX_IMPORT_BYTES) return undefined;
  return { title: `Nothing was imported from ${name}.`, items: [`the file is too large (${size} bytes; at most ${MAX_IMPORT_BYTES})`], code: 'VMT-I04' };
}

/**
 * Loads an import as one undo step and fits it into view. True when a notice said all there is to
 * say; false when the import has warnings or objects kept aside, for a report to list.
 */
export function loadImported(store: EditorStore, host: Pick<Host, 'fit'>, out: ImportOutcome): boolean {
  loadDesign(store, host, out.topology);
  if (out.warnings.length > 0 || out.kept.length > 0) return false;
  const t = out.topology;
  store.getState().notify(`${out.source === 'design' ? 'Opened' : 'Imported'} “${t.name}”: ${plural(t.components.length, 'component')}, ${plural(t.links.length, 'link')}.`);
  return true;
}
