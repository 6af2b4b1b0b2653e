// Prints the checker's findings for a saved design (.vmtopo.json) as JSON: what `lint` says.
import { readFileSync } from 'node:fs';
import * as model from '@vmtopo/model';

const file = process.argv[2];
if (!file) throw new Error('usage: check.ts <design.vmtopo.json>');
const t = model.parseDocument(readFileSync(file, 'utf8'));
const lint = (model as unknown as { lint: (t: model.Topology) => unknown[] }).lint;
process.stdout.write(JSON.stringify(lint(t)));
