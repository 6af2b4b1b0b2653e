/**
 * The checker, the renderer, the operator model and the canvas read one index of cluster parts
 * (model `partsOf` / `partList`), so they must see the same parts of every design.
 */
import { CLUSTER_PARTS, lint, partList, partsOf, planOf, toDocument, fromDocument, type Topology } from '@vmtopo/model';
import { arbTopology } from '@vmtopo/model/fixtures/arbitrary.ts';
import { renderObjects } from '@vmtopo/render';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createNodeDeriver } from './derive.ts';

function canvasParts(t: Topology): Map<string, string[]> {
  const nodes = createNodeDeriver()({ topology: t, selected: new Set(), measured: {}, findings: new Map() });
  const out = new Map<string, string[]>();
  for (const n of nodes) if (n.parentId) out.set(n.parentId, [...(out.get(n.parentId) ?? []), n.id]);
  return out;
}

describe('cluster parts', () => {
  it('are the same parts for lint, render, the operator model and the canvas', () => {
    fc.assert(
      fc.property(arbTopology(), (generated) => {
        const t = fromDocument(toDocument(generated));
        const onCanvas = canvasParts(t);
        const rendered = new Map(renderObjects(t).filter((o) => o.kind === 'VMCluster').map((o) => [String(o.metadata?.name), o.spec as Record<string, unknown>]));
        const unsetStorage = new Set(lint(t).filter((f) => f.ruleId === 'vmcluster-storage-replicas-unset').map((f) => f.componentIds[0]));
        for (const cluster of t.components.filter((c) => c.kind === 'VMCluster')) {
          const parts = partsOf(t, cluster.id);
          expect(onCanvas.get(cluster.id) ?? []).toEqual(partList(t, cluster.id).map((p) => p.id));
          for (const kind of CLUSTER_PARTS) {
            const part = parts[kind];
            expect(rendered.get(cluster.name ?? '')?.[kind]).toEqual(part?.spec);
            if (part) expect(planOf(t, part).workloads.map((w) => w.componentId)).toEqual([part.id]);
            if (kind === 'vmstorage' && part) expect(unsetStorage.has(part.id) || unsetStorage.has(cluster.id)).toBe(part.spec.replicaCount === undefined && part.spec.hpa === undefined);
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});
