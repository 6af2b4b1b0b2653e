/**
 * One gate for every way in (issue #18): whatever one way in accepts — import of manifests, a
 * document (file or autosave), a share link — every other way in and `render` accept too. Hostile
 * values are planted in real manifests and in documents; each either is refused where it enters,
 * with a coded message, or travels every other way.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { DocumentError, VmtError, fromDocument, parseDocument, toDocument, type Topology } from '@vmtopo/model';
import { importManifests } from './import.ts';
import { decodeShare, encodeShare } from './share/index.ts';
import { seedFixtures } from './testing/seed.ts';
import { renderYaml } from './yaml.ts';

/** Every other way in takes `t`: a saved document, a share link, and the YAML it renders. */
function travelsEveryWay(t: Topology): void {
  const saved = JSON.stringify(toDocument(t));
  // Compared as saved: JSON has no -0, the only change a save makes.
  expect(JSON.parse(JSON.stringify(toDocument(parseDocument(saved))))).toEqual(JSON.parse(saved));
  decodeShare(encodeShare(t));
  const yaml = renderYaml(t);
  importManifests(yaml, { name: t.name });
}

/** The manifests of the seed scenarios, without their `cat <<EOF | kubectl apply` wrapper (some excerpts omit apiVersion). */
const SEEDS = seedFixtures().map((f) =>
  parseAllDocuments(f.text.replace(/^cat <<EOF.*\n|^EOF\s*$/gm, ''))
    .map((d) => d.toJS() as Record<string, unknown> | null)
    .filter((o): o is Record<string, unknown> => o !== null && typeof o.kind === 'string')
    .map((o) => ({ apiVersion: 'operator.victoriametrics.com/v1beta1', ...o })),
);
const manifests = (objects: readonly Record<string, unknown>[]) => objects.map((o) => JSON.stringify(o)).join('\n---\n');
/** A seed scenario and one of its objects. */
const arbObject = fc.nat(SEEDS.length - 1).chain((s) => fc.tuple(fc.constant(s), fc.nat(SEEDS[s]!.length - 1)));

/** Fields a careless or hostile author gets wrong, as paths into an operator object. */
const PATHS = [
  ['metadata', 'name'],
  ['metadata', 'namespace'],
  ['metadata', 'labels'],
  ['metadata', 'labels', 'tier'],
  ['spec', 'replicaCount'],
  ['spec', 'shardCount'],
  ['spec', 'retentionPeriod'],
  ['spec', 'replicationFactor'],
  ['spec', 'remoteWriteSettings', 'maxDiskUsagePerURL'],
  ['spec', 'externalLabels'],
  ['spec', 'vmstorage', 'replicaCount'],
  ['spec', 'scrapeInterval'],
] as const;

const hostile = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('', ' ', 'a\nb', 'UPPER', 'x'.repeat(70), '1Gi', '5GB', '-1', '3', '1e400', 'no', '0755', '2024-01-15', 'obs/scraper'),
  fc.integer({ min: -5, max: 2 ** 33 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.oneof(fc.string({ maxLength: 5 }), fc.integer()), { maxKeys: 2 }),
  fc.array(fc.integer(), { maxLength: 2 }),
);

function plant(o: Record<string, unknown>, path: readonly string[], value: unknown): Record<string, unknown> {
  const out = structuredClone(o);
  let at: Record<string, unknown> = out;
  for (const key of path.slice(0, -1)) {
    if (typeof at[key] !== 'object' || at[key] === null || Array.isArray(at[key])) at[key] = {};
    at = at[key] as Record<string, unknown>;
  }
  at[path[path.length - 1]!] = value;
  return out;
}

describe('every way in accepts what another accepts', { timeout: 120_000 }, () => {
  it('manifests with hostile values: refused at import with a code, or open as a document, a link and render', () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(arbObject, fc.constantFrom(...PATHS), hostile, ([s, i], path, value) => {
        const objects = SEEDS[s]!.map((o, j) => (j === i ? plant(o, path, value) : o));
        let t: Topology;
        try {
          t = importManifests(manifests(objects), { name: 'hostile' }).topology;
        } catch (e) {
          expect(e).toBeInstanceOf(VmtError);
          refused++;
          return;
        }
        accepted++;
        travelsEveryWay(t);
      }),
      { numRuns: 300 },
    );
    // Both outcomes happen: the generator plants values the gate refuses and values it accepts.
    expect(accepted).toBeGreaterThan(20);
    expect(refused).toBeGreaterThan(20);
  });

  it('documents with hostile values: refused with the JSON path, or import back from their YAML and travel as a link', () => {
    const bases = SEEDS.map((objects) => toDocument(importManifests(manifests(objects), { name: 'seed' }).topology));
    const COMPONENT_PATHS = [['name'], ['namespace'], ['labels'], ['spec', 'replicaCount'], ['spec', 'retentionPeriod'], ['spec', 'remoteWriteSettings', 'maxDiskUsagePerURL'], ['spec', 'shardCount']] as const;
    let refused = 0;
    fc.assert(
      fc.property(fc.nat(bases.length - 1), fc.nat(), fc.constantFrom(...COMPONENT_PATHS), hostile, (b, n, path, value) => {
        const doc = structuredClone(bases[b]!) as unknown as { components: Record<string, unknown>[] };
        const i = n % doc.components.length;
        doc.components[i] = plant(doc.components[i]!, path, value);
        let t: Topology;
        try {
          t = fromDocument(doc);
        } catch (e) {
          expect(e).toBeInstanceOf(DocumentError);
          expect((e as DocumentError).path).toMatch(/^\$\./);
          refused++;
          return;
        }
        travelsEveryWay(t);
      }),
      { numRuns: 300 },
    );
    expect(refused).toBeGreaterThan(20);
  });
});
