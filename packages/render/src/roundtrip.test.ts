import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { namespaceOf } from '@vmtopo/model';
import type { Link, Topology } from '@vmtopo/model';
import { arbTopology, withGrafanas } from '@vmtopo/model/fixtures/arbitrary.ts';
import { arbPick, edit } from '@vmtopo/model/fixtures/edits.ts';
import { importManifests } from './import.ts';
import { selectorIsExact } from './notifier.ts';
import { renderObjects } from './objects.ts';
import { createRenderer, renderYaml, renderYamlUncached } from './yaml.ts';
import { HAVE_CRDS, NO_CRDS_NOTE, crdErrors } from './testing/crds.ts';

/**
 * The generator covers states that YAML spells only one way; these are the documented
 * normalisations, applied to both sides before comparing:
 * - positions and link ids are not in the YAML (import derives ids);
 * - namespaces are compared resolved (import picks the most common one as the design's);
 * - tenant "0" and notify "selector" are the defaults; a notifier listing every pod in order is "every pod";
 * - a selector notifier whose selector would not pick exactly its alertmanager renders per-pod URLs.
 */
function canonical(t: Topology) {
  const am = new Map(t.components.map((c) => [c.id, c]));
  return {
    name: t.name,
    components: t.components.map(({ position: _p, ...c }) => {
      const out: Record<string, unknown> = { ...c, namespace: c.cluster ? undefined : namespaceOf(t, c) };
      if (c.labels && Object.keys(c.labels).length === 0) delete out.labels;
      return out;
    }),
    links: t.links.map(({ id: _id, ...l }) => {
      const out: Omit<Link, 'id'> = { ...l };
      if (out.tenant === '0') delete out.tenant;
      const target = am.get(l.target ?? '');
      if (l.type === 'notifier' && (l.notify ?? 'selector') === 'selector' && !l.selector && target) {
        if (!selectorIsExact(t, target)) out.notify = 'pods';
      }
      if (out.notify === 'selector') delete out.notify;
      if (out.notify === 'pods' && target) {
        const n = typeof target.spec.replicaCount === 'number' ? target.spec.replicaCount : 1;
        if (!out.pods || (out.pods.length === n && out.pods.every((p, i) => p === i))) delete out.pods;
      }
      return out;
    }),
    extras: t.extras,
  };
}

/** Drops what YAML cannot carry at all: empty pod lists, and "external" URLs that do resolve. */
const representable = arbTopology().map((t) => ({
  ...t,
  links: t.links
    .filter((l) => !(l.pods && l.pods.length === 0))
    .map((l) => (l.external && String(l.external.url).includes('.svc') ? { ...l, external: { url: 'https://remote.example.com/api/v1/write' } } : l)),
}));

// Property runs take a few seconds; under a loaded CI machine they need more than the default 5 s.
describe('renderer properties', { timeout: 60_000 }, () => {
  it('import(render(t)) equals t', () => {
    fc.assert(
      fc.property(representable, (t) => {
        const back = importManifests(renderYaml(t), { name: t.name }).topology;
        expect(canonical(back)).toEqual(canonical(t));
      }),
      { numRuns: 150 },
    );
  });

  it('after random edits, the incremental render equals the uncached one (Grafana comments included)', () => {
    fc.assert(
      fc.property(arbTopology().chain(withGrafanas), fc.array(arbPick, { minLength: 1, maxLength: 6 }), (t, picks) => {
        const renderer = createRenderer();
        let current = t;
        renderer.render(current);
        for (const p of picks) {
          current = edit(current, p);
          expect(renderer.render(current)).toBe(renderYamlUncached(current));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the cached render equals the uncached one', () => {
    fc.assert(
      fc.property(arbTopology().chain(withGrafanas), (t) => {
        expect(renderYaml(t)).toBe(renderYamlUncached(t));
      }),
      { numRuns: 100 },
    );
  });

  it('a Grafana is lost on the way back, as a comment: import(render(t with Grafanas)) equals import(render(t))', () => {
    fc.assert(
      fc.property(representable.chain((t) => withGrafanas(t).map((g) => ({ t, g }))), ({ t, g }) => {
        const yaml = renderYaml(g);
        expect(yaml.startsWith(renderYaml(t))).toBe(true);
        expect(importManifests(yaml, { name: t.name }).topology).toEqual(importManifests(renderYaml(t), { name: t.name }).topology);
      }),
      { numRuns: 100 },
    );
  });

  it.skipIf(!HAVE_CRDS)('random valid topologies render to strictly schema-valid objects', () => {
    fc.assert(
      fc.property(arbTopology().chain(withGrafanas), (t) => {
        expect(renderObjects(t).flatMap(crdErrors)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
  if (!HAVE_CRDS) console.log(NO_CRDS_NOTE);
});
