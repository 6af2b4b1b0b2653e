// Prints what the importer makes of a manifest file, as JSON: the components (kind, name), the
// objects kept aside and the warnings. The e2e tests compare the canvas with it.
import { readFileSync } from 'node:fs';
import { importManifests } from '@vmtopo/render';

const file = process.argv[2];
if (!file) throw new Error('usage: import.ts <manifests.yaml>');
const r = importManifests(readFileSync(file, 'utf8'));
process.stdout.write(
  JSON.stringify({
    components: r.topology.components.map((c) => ({ kind: c.kind, name: c.name ?? null, part: c.cluster !== undefined })),
    links: r.topology.links.length,
    kept: r.kept,
    warnings: r.warnings,
  }),
);
