import { stringify } from 'yaml';
import type { KubeObject, Topology } from '@vmtopo/model';
import { renderObjects } from './objects.ts';

/** Options shared by every emit, so that the same object always gives the same bytes. */
const YAML_OPTIONS = { lineWidth: 0, aliasDuplicateObjects: false } as const;

export function objectYaml(o: KubeObject): string {
  return stringify(o, YAML_OPTIONS);
}

/** Multi-document YAML, one document per object with `---` between them. */
export function objectsYaml(objects: KubeObject[]): string {
  return objects.map(objectYaml).join('---\n');
}

export function renderYaml(t: Topology): string {
  return objectsYaml(renderObjects(t));
}
