/**
 * The one place where the designer reaches the checker and the renderer. Everything HA-related
 * (findings, fixes) and every byte of YAML comes from @vmtopo/model and @vmtopo/render; this
 * module only adapts their entry points, so a change of API touches this file alone.
 */
import * as model from '@vmtopo/model';
import type { Topology } from '@vmtopo/model';
import * as render from '@vmtopo/render';

export type { Finding, Severity } from '@vmtopo/model';
export { SEVERITY_RANK as SEVERITY_ORDER } from '@vmtopo/model';

/** A checker session of one editor: an edit re-checks only what it can affect. */
export function createLinter(): model.Linter {
  return model.createLinter();
}

export function applyFix(t: Topology, f: model.Finding): Topology {
  return model.applyFix(t, f);
}

/** The design as multi-document operator YAML, exactly what `vmtopo render` prints. */
export function renderYaml(t: Topology): string {
  return render.renderYaml(t);
}

/** A renderer session of one editor: its edits re-emit only the documents they change. */
export function createRenderer(): render.Renderer {
  return render.createRenderer();
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

/** Operator manifests as a design; throws ImportProblem (line-numbered) on anything it cannot read. */
export function importManifests(text: string, opts: { name?: string; defaultNamespace?: string } = {}): Imported {
  try {
    const r = render.importManifests(text, opts);
    return { topology: r.topology, warnings: r.warnings, kept: r.kept };
  } catch (e) {
    if (e instanceof render.ImportError) {
      const problems = e.problems.map((p) => ({ message: p.message, line: p.pos?.line, col: p.pos?.col }));
      throw new ImportProblem(e.message, problems.length ? problems : [{ message: e.message }], e.code);
    }
    throw new ImportProblem((e as Error).message, [{ message: (e as Error).message }]);
  }
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
  return render.shareLink(t, base);
}

/** Opens a share link or fragment; throws an Error with a user-facing message (and nothing else). */
export function decodeShare(linkOrFragment: string): Topology {
  return render.decodeShare(linkOrFragment);
}

