import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import type { KubeObject } from '@vmtopo/model';

/**
 * Strict conformance against the operator's CRD schemas in ../shared/crds (never copied into the
 * repo). Unknown fields are rejected wherever the CRD does not preserve them, like kubeconform
 * -strict, so a misspelt or outdated field fails the test.
 */
export const CRD_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../../shared/crds');
export const HAVE_CRDS = existsSync(resolve(CRD_DIR, 'vmagent.json'));
export const NO_CRDS_NOTE = `skipped: no CRD schemas at ${CRD_DIR} (this clone has no ../shared/crds)`;

type Schema = Record<string, unknown>;

/** OpenAPI v3 structural schema → JSON Schema that ajv checks strictly. */
function strict(schema: Schema): Schema {
  const out: Schema = {};
  for (const [k, v] of Object.entries(schema)) {
    if (k === 'properties' && typeof v === 'object' && v) {
      out.properties = Object.fromEntries(Object.entries(v as Record<string, Schema>).map(([p, s]) => [p, strict(s)]));
    } else if ((k === 'items' || k === 'additionalProperties') && typeof v === 'object' && v) {
      out[k] = strict(v as Schema);
    } else if ((k === 'anyOf' || k === 'allOf' || k === 'oneOf') && Array.isArray(v)) {
      out[k] = v.map((s) => strict(s as Schema));
    } else if (!k.startsWith('x-kubernetes-') && k !== 'format') {
      out[k] = v;
    }
  }
  if (schema['x-kubernetes-int-or-string']) {
    delete out.type;
    out.anyOf = [{ type: 'integer' }, { type: 'string' }];
  }
  if (schema.properties && !schema.additionalProperties && !schema['x-kubernetes-preserve-unknown-fields']) {
    out.additionalProperties = false;
  }
  if (schema.nullable) {
    delete out.nullable;
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
  }
  return out;
}

const FILES: Record<string, string> = {
  VMAgent: 'vmagent.json',
  VMSingle: 'vmsingle.json',
  VMCluster: 'vmcluster.json',
  VMAlert: 'vmalert.json',
  VMAlertmanager: 'vmalertmanager.json',
  VMAuth: 'vmauth.json',
  VMRule: 'vmrule.json',
  VMServiceScrape: 'vmservicescrape.json',
  VMPodScrape: 'vmpodscrape.json',
};

const ajv = new Ajv({ allErrors: true, strict: false });
const validators = new Map<string, ValidateFunction>();

function validatorFor(kind: string): ValidateFunction | undefined {
  const file = FILES[kind];
  if (!file) return undefined;
  let v = validators.get(kind);
  if (!v) {
    v = ajv.compile(strict(JSON.parse(readFileSync(resolve(CRD_DIR, file), 'utf8')) as Schema));
    validators.set(kind, v);
  }
  return v;
}

/** Schema errors of an object ("VMAgent/x: /spec/foo must NOT have additional properties"), [] if valid. */
export function crdErrors(o: KubeObject): string[] {
  const kind = String(o.kind);
  const validate = validatorFor(kind);
  if (!validate) return [];
  if (validate(o)) return [];
  const name = (o as { metadata?: { name?: string } }).metadata?.name;
  return (validate.errors ?? []).map(
    (e) => `${kind}/${name}: ${e.instancePath || '/'} ${e.message}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`,
  );
}
