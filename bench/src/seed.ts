import { readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PART_OFFSETS, emptyTopology, isClusterPart } from '@vmtopo/model';
import type { Component, Link, Topology } from '@vmtopo/model';
import { importManifests } from '@vmtopo/render';

/** The YAML examples of the seed document (shared/domain/seed-high-availability.md), one file each. */
export const SEED_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../packages/render/fixtures/seed');

/**
 * The seed's full HA design: every example of the operator's HA guide in one design. The examples
 * reuse names (three `example-vmagent`s), so each file is imported on its own and gets its own
 * namespace (the file's name) and id prefix. Positions are set on a grid, as the designer would
 * give them, so that a share link carries them like a real one.
 */
export function seedDesign(): Topology {
  const files = readdirSync(SEED_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
  const out: Topology = emptyTopology('seed-ha');
  let i = 0;
  for (const f of files) {
    const ns = f.replace(/\.yaml$/, '');
    const { topology } = importManifests(readFileSync(resolve(SEED_DIR, f), 'utf8'), { name: ns });
    const id = (x: string) => `${ns}.${x}`;
    for (const c of topology.components) {
      const moved: Component = { ...c, id: id(c.id) };
      if (c.cluster !== undefined) moved.cluster = id(c.cluster);
      if (isClusterPart(c.kind)) moved.position = PART_OFFSETS[c.kind];
      else {
        moved.namespace = ns;
        moved.position = { x: (i % 6) * 320, y: Math.floor(i / 6) * 220 };
        i++;
      }
      out.components.push(moved);
    }
    for (const l of topology.links) {
      const moved: Link = { ...l, id: id(l.id), source: id(l.source) };
      if (l.target !== undefined) moved.target = id(l.target);
      out.links.push(moved);
    }
    out.extras.push(...topology.extras);
  }
  return out;
}
