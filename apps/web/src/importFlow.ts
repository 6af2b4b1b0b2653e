import type { Topology } from '@vmtopo/model';
import { importManifests, parseDesignFile } from './core.ts';
import { placeMissing } from './layout.ts';

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

/** Lays a design out with ELK (left to right), falling back to the role columns. */
export async function autoLayout(t: Topology): Promise<Topology> {
  try {
    const { elkLayout } = await import('./elkLayout.ts');
    const positions = await elkLayout(t, {});
    return { ...t, components: t.components.map((c) => (positions[c.id] ? { ...c, position: positions[c.id]! } : c)) };
  } catch {
    return placeMissing(t);
  }
}

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
  if (len > 20 * 1024 * 1024) throw new Error(`the file is too large (${len} bytes)`);
  return res.text();
}
