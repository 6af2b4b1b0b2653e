import { errorCode, type ErrorCode, type Topology } from '@vmtopo/model';
import { importManifests, ImportProblem, parseDesignFile } from './core.ts';
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

/**
 * Reads a text the user pasted, dropped, opened or fetched. A design file keeps its positions
 * when every component has one; anything else is laid out automatically. Throws ImportProblem
 * (manifests, with lines) or DocumentError (design files, with the JSON path).
 */
export async function importText(text: string, name?: string): Promise<ImportOutcome> {
  if (looksLikeDesignFile(text)) {
    const topology = parseDesignFile(text);
    const placed = topology.components.every((c) => c.position);
    return { topology: placed ? topology : await autoLayout(topology), source: 'design', warnings: [], kept: [] };
  }
  const r = importManifests(text, name === undefined ? {} : { name });
  return { topology: await autoLayout(r.topology), source: 'manifests', warnings: r.warnings, kept: r.kept };
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
  if (len > MAX_IMPORT_BYTES) throw new Error(`the file is too large (${len} bytes)`);
  return res.text();
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
