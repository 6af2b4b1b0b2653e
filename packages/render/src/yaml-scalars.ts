import { Document, Schema, visit } from 'yaml';
import type { CreateNodeOptions, DocumentOptions, SchemaOptions, ToStringOptions } from 'yaml';

/**
 * What a YAML 1.1 reader (kubectl's go-yaml v2 paths, PyYAML, older Helm) takes for something other
 * than a string: the yaml library's own 1.1 resolvers — bools, `~`/null, octal `0755`, hex, `1_000`,
 * sexagesimal `1:20`, `.inf`, timestamps — plus the bool and null words in any case and PyYAML's
 * `=` (its "value" tag), which some readers fold case-insensitively.
 */
const YAML_11_RESOLVERS = new Schema({ schema: 'yaml-1.1' }).tags.flatMap((t) => ('test' in t && t.test && t.tag !== 'tag:yaml.org,2002:str' ? [t.test] : []));
const ANY_CASE_WORDS = /^(?:y|yes|n|no|on|off|true|false|null|~|=)$/i;

/** True when a plain (unquoted) scalar with this text would not be read back as this string by a YAML 1.1 reader. */
export function misreadByYaml11(s: string): boolean {
  return ANY_CASE_WORDS.test(s) || YAML_11_RESOLVERS.some((re) => re.test(s));
}

type Options = DocumentOptions & SchemaOptions & CreateNodeOptions & ToStringOptions;

/**
 * YAML (1.2 core schema, as the library writes) in which every string a YAML 1.1 reader would
 * take for a bool, null, number or timestamp is double-quoted, so both readers get the same
 * values. Strings the 1.2 core schema would misread are already quoted by the library.
 */
export function stringifyPortable(value: unknown, options: Options): string {
  const doc = new Document(value, options);
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value === 'string' && node.type !== 'QUOTE_DOUBLE' && misreadByYaml11(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  return doc.toString(options);
}
