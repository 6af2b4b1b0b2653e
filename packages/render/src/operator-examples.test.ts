import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import type { KubeObject } from '@vmtopo/model';
import { importManifests } from './import.ts';
import { renderObjects } from './objects.ts';
import { HAVE_CRDS, NO_CRDS_NOTE, crdErrors } from './testing/crds.ts';
import { leaves } from './testing/seed.ts';

/**
 * The operator's own example manifests (`config/examples` of VictoriaMetrics/operator, in
 * ../shared/operator-examples, never copied into the repo): real input that must import without a
 * refusal and render back strictly CRD-valid, every field where it was.
 */
const EXAMPLES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/operator-examples');
const HAVE_EXAMPLES = existsSync(resolve(EXAMPLES_DIR, 'vmagent.yaml'));
const NO_EXAMPLES_NOTE = `skipped: no operator examples at ${EXAMPLES_DIR} (this clone has no ../shared/operator-examples)`;

/** The examples of the kinds vmtopo models; the rest (VMRule, VMUser, scrapes, ...) are all kept aside. */
const MODELLED = /^vm(single|agent|alert|cluster|alertmanager|auth)[-_.]/;

function examples(modelled: boolean): { name: string; text: string }[] {
  if (!HAVE_EXAMPLES) return [];
  return readdirSync(EXAMPLES_DIR)
    .filter((f) => f.endsWith('.yaml') && MODELLED.test(f) === modelled)
    .sort()
    .map((f) => ({ name: f, text: readFileSync(resolve(EXAMPLES_DIR, f), 'utf8') }));
}

/**
 * The documented rewrites of import (README: deprecated fields rewritten): [kind, old path, new path].
 * Import also drops `status` and server-set metadata, which these examples do not carry.
 */
const REWRITES: [string, string, string][] = [
  ['VMAgent', '/spec/vmAgentExternalLabelName', '/spec/externalLabelName'],
  ['VMAlert', '/spec/replicas', '/spec/replicaCount'],
];

/** Objects by kind, namespace and name; import puts objects without a namespace into "default". */
function key(o: KubeObject): string {
  const md = (o.metadata ?? {}) as { name?: string; namespace?: string };
  return `${String(o.kind)}/${md.namespace ?? 'default'}/${String(md.name)}`;
}

function originals(text: string): KubeObject[] {
  return parseAllDocuments(text)
    .map((d) => d.toJS() as KubeObject | null)
    .filter((o): o is KubeObject => o !== null && o !== undefined);
}

/** Imports an example and checks that every object renders back with every leaf where it was. */
function roundTrip(text: string): { rendered: KubeObject[]; kept: string[] } {
  const { topology, kept } = importManifests(text);
  const out = renderObjects(topology);
  // By key, in order: an example may repeat a name (vmusers.yaml has two VMUser/vmuser-sample-2).
  const rendered = new Map<string, Map<string, unknown>[]>();
  for (const o of out) rendered.set(key(o), [...(rendered.get(key(o)) ?? []), leaves(o)]);
  const objects = originals(text);
  expect(objects.length).toBeGreaterThan(0);
  expect(out.length, 'one rendered object per input object').toBe(objects.length);
  for (const original of objects) {
    const got = rendered.get(key(original))?.shift();
    expect(got, `${key(original)} is rendered`).toBeDefined();
    for (const [path, value] of leaves(original)) {
      const rewrite = REWRITES.find(([kind, from]) => kind === original.kind && from === path);
      expect(got!.get(rewrite ? rewrite[2] : path), `${key(original)} ${path}`).toEqual(value);
    }
  }
  // What is not a component is kept aside, listed by kind/name, in input order.
  const components = /^VM(Single|Agent|Alert|Cluster|Alertmanager|Auth)$/;
  const extras = objects.filter((o) => !components.test(String(o.kind)) || o.apiVersion !== 'operator.victoriametrics.com/v1beta1');
  expect(kept).toEqual(extras.map((o) => `${String(o.kind)}/${String((o.metadata as { name?: string }).name)}`));
  return { rendered: out, kept };
}

describe.skipIf(!HAVE_EXAMPLES)('operator examples of the modelled kinds: import → render keeps every field', () => {
  for (const { name, text } of examples(true)) it(name, () => void roundTrip(text));
});

// The first validation of each kind compiles its CRD schema: seconds on a loaded machine.
describe.skipIf(!HAVE_EXAMPLES || !HAVE_CRDS)('operator examples of the modelled kinds render to strictly schema-valid objects', { timeout: 60_000 }, () => {
  for (const { name, text } of examples(true)) {
    it(name, () => {
      expect(renderObjects(importManifests(text).topology).flatMap(crdErrors)).toEqual([]);
    });
  }
});

describe.skipIf(!HAVE_EXAMPLES)('the other operator examples (VMRule, VMUser, scrapes, ...) import and render back too', () => {
  for (const { name, text } of examples(false)) it(name, () => void roundTrip(text));
});

describe.skipIf(!HAVE_EXAMPLES)('operator examples: the wiring vmtopo reads from them', () => {
  const text = (f: string) => readFileSync(resolve(EXAMPLES_DIR, f), 'utf8');

  it('vmagent.yaml: VictoriaMetrics sizes (5GB per URL, 10GB / 15GB per remote write) import as written', () => {
    const { topology } = importManifests(text('vmagent.yaml'));
    expect(topology.components[0]!.spec.remoteWriteSettings).toEqual({ maxDiskUsagePerURL: '5GB' });
    expect(topology.links.map((l) => l.external?.maxDiskUsage)).toEqual(['10GB', '15GB', undefined]);
  });

  it('vmalert-full.yaml with its VMAgent: remoteWrite becomes a link, datasource and remoteRead stay external', () => {
    const agent = 'apiVersion: operator.victoriametrics.com/v1beta1\nkind: VMAgent\nmetadata:\n  name: example\nspec:\n  remoteWrite:\n    - url: "https://remote.example.com/api/v1/write"\n';
    const { topology, warnings } = importManifests(`${text('vmalert-full.yaml')}\n---\n${agent}`);
    const from = topology.links.filter((l) => l.source === 'vmalert-example');
    expect(from.find((l) => l.type === 'remoteWrite')).toMatchObject({ target: 'vmagent-example', extra: { concurrency: 12, flushInterval: '5m' } });
    expect(from.find((l) => l.type === 'datasource')!.external).toBeDefined();
    expect(from.find((l) => l.type === 'remoteRead')!.external).toBeDefined();
    expect(warnings.filter((w) => w.includes('serves no queries'))).toHaveLength(2);
    const spec = renderObjects(topology).find((o) => o.kind === 'VMAlert')!.spec as { remoteWrite: { url: string } };
    expect(spec.remoteWrite.url).toBe('http://vmagent-example.default.svc:8429');
  });
});

if (!HAVE_EXAMPLES) console.log(NO_EXAMPLES_NOTE);
else if (!HAVE_CRDS) console.log(NO_CRDS_NOTE);
