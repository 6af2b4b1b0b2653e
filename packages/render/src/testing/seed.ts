import { readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The YAML examples of the seed document (shared/domain/seed-high-availability.md), one file each. */
export const SEED_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../fixtures/seed');

export function seedFixtures(): { name: string; text: string }[] {
  return readdirSync(SEED_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({ name: f.replace(/\.yaml$/, ''), text: readFileSync(resolve(SEED_DIR, f), 'utf8') }));
}

/** Every leaf of a JSON value as `path → value` (empty objects and lists count as leaves). */
export function leaves(v: unknown, path = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const walk = (x: unknown, p: string) => {
    if (typeof x === 'object' && x !== null && Object.keys(x).length > 0) {
      for (const [k, child] of Object.entries(x)) walk(child, `${p}/${k}`);
    } else out.set(p, x);
  };
  walk(v, path);
  return out;
}
