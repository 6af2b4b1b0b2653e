/**
 * The one place where the designer reaches the checker and the renderer. Everything HA-related
 * (findings, fixes) and every byte of YAML comes from @vmtopo/model and @vmtopo/render; this
 * module (with rendering.ts, the renderer's half) only adapts their entry points, so a change of
 * API touches these two files alone.
 *
 * The renderer (YAML emission, the importer, the `yaml` library) is not in the first load: the
 * first screen shows the canvas and the findings, and a share link needs only the share codec.
 * It loads with loadRenderer when something needs it (the YAML tab, an export, a copy).
 */
import * as model from '@vmtopo/model';
import type { Topology } from '@vmtopo/model';
import * as share from '@vmtopo/render/share';

export type { Finding, Severity } from '@vmtopo/model';
export { SEVERITY_RANK as SEVERITY_ORDER } from '@vmtopo/model';

/** A checker session of one editor: an edit re-checks only what it can affect. */
export function createLinter(): model.Linter {
  return model.createLinter();
}

export function applyFix(t: Topology, f: model.Finding): Topology {
  return model.applyFix(t, f);
}

/** The renderer's module, loaded on first need. */
export type RendererModule = typeof import('./rendering.ts');

let loaded: RendererModule | undefined;
let loading: Promise<RendererModule> | undefined;

/**
 * Loads the renderer once for the page; every caller shares the one load. A failed load (a chunk
 * the network lost) rejects with a message a user can act on. It is not tried again: a browser
 * keeps a module that failed to fetch as failed until the page is reloaded.
 */
export function loadRenderer(): Promise<RendererModule> {
  loading ??= import('./rendering.ts').then(
    (m) => (loaded = m),
    (e: unknown) => {
      throw new Error(`The YAML renderer could not be loaded (${(e as Error).message}). Check the connection and reload the page.`);
    },
  );
  return loading;
}

/**
 * The renderer, for code that must answer synchronously (a memoised derivation, the YAML view's
 * sync) and runs only once it has loaded; throws before, which is a caller's bug.
 */
export function loadedRenderer(): RendererModule {
  if (!loaded) throw new Error('the YAML renderer is not loaded yet (await loadRenderer() first)');
  return loaded;
}

/** The design as multi-document operator YAML, exactly what `vmtopo render` prints. Once loadRenderer has resolved. */
export function renderYaml(t: Topology): string {
  return loadedRenderer().renderYaml(t);
}

export interface SourceProblem {
  message: string;
  /** 1-based; absent when the problem has no place in the text. */
  line?: number;
  col?: number;
}

/** Why a text could not be imported: every problem, each with its line when known. */
export class ImportProblem extends model.VmtError {
  constructor(
    message: string,
    readonly problems: SourceProblem[],
    code: model.ErrorCode = 'VMT-I03',
  ) {
    super(code, message, { line: problems[0]?.line, col: problems[0]?.col });
    this.name = 'ImportProblem';
  }
}

export interface Imported {
  topology: Topology;
  /** Things the user should know (rewritten fields, dropped server metadata, ...). */
  warnings: string[];
  /** Objects that are not components: kept verbatim in the YAML, not shown on the canvas. */
  kept: string[];
}

/** Operator manifests as a design; throws ImportProblem (line-numbered). Once loadRenderer has resolved. */
export function importManifests(text: string, opts: { name?: string; defaultNamespace?: string } = {}): Imported {
  return loadedRenderer().importManifests(text, opts);
}

/** A `.vmtopo.json` file as a design; throws with the JSON path of the first problem. */
export function parseDesignFile(text: string): Topology {
  return model.parseDocument(text);
}

/**
 * The design as the `.vmtopo.json` file (versioned document), in the document's canonical key
 * order, so that a design and the same design read back (autosave, share link, file) save the
 * same bytes.
 */
export function designFileText(t: Topology, indent = 2): string {
  let doc = model.toDocument(t);
  try {
    doc = model.toDocument(model.fromDocument(doc));
  } catch {
    /* a design the editor holds is valid; if not, save it as it is */
  }
  return JSON.stringify(doc, null, indent);
}

/** A stored document (already parsed JSON) as a design; throws DocumentError. */
export function designFromJson(doc: unknown): Topology {
  return model.fromDocument(doc);
}

/** A share-link fragment: `#v1.…`, or any `#v<digits>` so that unknown versions get a clear message. */
export const SHARE_HASH = /^#v\d+(\.|$)/;

/** The whole share link of a design; throws an Error whose message says why (too large). */
export function shareLink(t: Topology, base: string): string {
  return share.shareLink(t, base);
}

/** Opens a share link or fragment; throws an Error with a user-facing message (and nothing else). */
export function decodeShare(linkOrFragment: string): Topology {
  return share.decodeShare(linkOrFragment);
}

