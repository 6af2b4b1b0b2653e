import { Document, Schema } from 'yaml';
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
type Tag = Exclude<NonNullable<SchemaOptions['customTags']>, (...args: never[]) => unknown>[number];

/** Only strings that start like a number (`e5` is one to the 1.1 float pattern), a bool, a null, `=` or `<<` can be misread: the rest skip the tests. */
const MAYBE_MISREAD = /^[-+.0-9~=<eEyYnNoOtTfF]/;

/**
 * The core schema's tags with its string tag writing every string a YAML 1.1 reader would misread
 * double-quoted. It replaces the library's at emit time, so no extra pass over the document is made.
 */
const PORTABLE_TAGS: Tag[] = new Schema({ schema: 'core' }).tags.map((tag) => {
  if (tag.tag !== 'tag:yaml.org,2002:str' || !('stringify' in tag) || !tag.stringify) return tag;
  const plain = tag.stringify;
  return {
    ...tag,
    stringify(item, ...rest) {
      // The node is this emit's own (created from the value just now), so it is marked in place.
      if (typeof item.value === 'string' && MAYBE_MISREAD.test(item.value) && misreadByYaml11(item.value)) item.type = 'QUOTE_DOUBLE';
      return plain.call(tag, item, ...rest);
    },
  } as Tag;
});

/**
 * A writer of YAML (1.2 core schema, as the library writes) in which every string a YAML 1.1
 * reader would take for a bool, null, number or timestamp is double-quoted, so both readers get
 * the same values. Strings the 1.2 core schema would misread are already quoted by the library.
 * Each value is one document with no directives and no `---` (the caller joins documents).
 *
 * One Document serves every value, which also keeps its schema and its last tree alive: V8 drops
 * optimized code that checks for a hidden class once no object of that class is left, and the
 * library gives its nodes classes of their own (a property defined on each new instance). With a
 * Document per value, every full GC left none, and the emits after it ran the library's code
 * unoptimized (a render of 100 components took about three times as long after a GC).
 */
export function portableEmitter(options: Options): (value: unknown) => string {
  const doc = new Document(null, { ...options, customTags: () => PORTABLE_TAGS });
  const toStringOptions = { ...options, directives: false };
  return (value) => {
    doc.contents = doc.createNode(value, options);
    return doc.toString(toStringOptions);
  };
}
