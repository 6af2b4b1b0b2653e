import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PART_OFFSETS, isClusterPart } from '@vmtopo/model';
import type { Topology } from '@vmtopo/model';
import { importManifests } from '@vmtopo/render';

/** The seed document's complete HA design: its examples wired into one stack (see the file's header). */
export const SEED_DESIGN = resolve(dirname(fileURLToPath(import.meta.url)), '../../packages/render/fixtures/seed-ha-design.yaml');

/**
 * That design as the designer holds it: imported, with positions on a grid (the canvas gives every
 * component one, and a share link carries them).
 */
export function seedDesign(): Topology {
  const { topology } = importManifests(readFileSync(SEED_DESIGN, 'utf8'), { name: 'seed-ha' });
  let i = 0;
  return {
    ...topology,
    components: topology.components.map((c) => ({
      ...c,
      position: isClusterPart(c.kind) ? PART_OFFSETS[c.kind] : { x: (i++ % 4) * 320, y: Math.floor((i - 1) / 4) * 220 },
    })),
  };
}
