/**
 * The renderer's side of the designer: YAML emission and the manifest importer, with the `yaml`
 * library under them (a third of the app's own JS). The first screen needs none of it: the page
 * loads this module on first need (core.ts's loadRenderer), and only code that is itself loaded
 * later (the import flow, in its dialog or worker) imports it directly.
 */
import * as render from '@vmtopo/render';
import { ImportProblem, type Imported } from './core.ts';

export { createRenderer, renderYaml } from '@vmtopo/render';

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
