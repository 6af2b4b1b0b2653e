import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { arbTopology, withGrafanas } from '../fixtures/arbitrary.ts';
import { linksTo } from '../links.ts';
import { sizeTopology } from '../sizing/size.ts';
import type { Topology } from '../topology.ts';
import { isExternalKind } from '../topology.ts';
import { analyse } from '../whatif/analysis.ts';
import { lint } from './index.ts';

/** A design, and the same design with Grafanas reading some of its stores. */
const pairs = () => arbTopology({ unfinished: true, workload: true }).chain((t) => withGrafanas(t).map((g) => ({ t, g })));

const grafanaIds = (t: Topology) => new Set(t.components.filter((c) => isExternalKind(c.kind)).map((c) => c.id));
/** A VMAuth that a Grafana reads through, and nothing else links to. */
const readOnlyByGrafana = (t: Topology, id: string) => {
  const into = linksTo(t, id);
  const external = grafanaIds(t);
  return into.length > 0 && into.every((l) => external.has(l.source));
};

describe('an external Grafana changes no finding, sizing or failure outcome', () => {
  test('no rule fires on it, and the findings are the same but for a VMAuth it now reads through', () => {
    fc.assert(
      fc.property(pairs(), ({ t, g }) => {
        const ids = grafanaIds(g);
        const after = lint(g, { optional: true });
        expect(after.filter((f) => f.componentIds.some((id) => ids.has(id)))).toEqual([]);
        // vmauth-single-replica fires on a one-pod VMAuth in a request path: a Grafana's queries
        // through it are one (a dashboard goes blank while its pod restarts), and only Grafana's
        // may be; on every other VMAuth the finding names the Grafana among its users.
        const keep = (f: { ruleId: string; componentIds: string[] }) => f.ruleId !== 'vmauth-single-replica';
        expect(after.filter(keep)).toEqual(lint(t, { optional: true }).filter(keep));
        const auth = (d: Topology) => lint(d, { only: ['vmauth-single-replica'] }).map((f) => f.componentIds[0]);
        expect(auth(g).filter((id) => !readOnlyByGrafana(g, id!))).toEqual(auth(t));
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  test('sizing has no row for it and the same figures', () => {
    fc.assert(
      fc.property(pairs(), ({ t, g }) => {
        expect(sizeTopology(g)).toEqual(sizeTopology(t));
      }),
      { numRuns: 100 },
    );
  }, 60_000);

  test('what-if: the same scenarios and outcomes, but for a VMAuth that only Grafana reads through (it now serves reads)', () => {
    // A VMAuth serves reads when something reads through it or nothing links to it (simulate.ts
    // readsThrough): a Grafana's datasource makes a write-only VMAuth a store of its own.
    const reads = (d: Topology, id: string) => linksTo(d, id).some((l) => l.type === 'datasource' || l.type === 'remoteRead');
    const newReader = (t: Topology, g: Topology) => t.components.some((c) => c.kind === 'VMAuth' && linksTo(t, c.id).length > 0 && !reads(t, c.id) && reads(g, c.id));
    fc.assert(
      fc.property(pairs(), ({ t, g }) => {
        if (newReader(t, g)) return;
        expect(analyse(g)).toEqual(analyse(t));
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
