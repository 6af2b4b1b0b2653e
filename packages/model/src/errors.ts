/**
 * The error catalog: every error a user can see carries one of these codes. The CLI prints the
 * code, the designer shows it with its explanation, and the README's "Error codes" section lists
 * the same entries (a test keeps them in step), so a code pasted into a chat or an issue leads
 * to one explanation.
 *
 * Codes are stable: never renumber or reuse one; retire a code by leaving it in place.
 * Letters say where the error comes from: D document, L share link, I import, V field value,
 * C command line.
 */
export interface CatalogEntry {
  /** What went wrong, in a few words. */
  title: string;
  /** What it means and what to do about it. */
  help: string;
}

export const ERROR_CATALOG = {
  'VMT-D01': {
    title: 'not a JSON document',
    help: 'The file is not valid JSON. A vmtopo design file is the JSON the designer saves (Save topology) or `vmtopo import` writes; operator manifests are YAML and are imported instead.',
  },
  'VMT-D02': {
    title: 'invalid design document',
    help: 'The JSON is a design document, but a value at the named path is missing or of the wrong type or value. Fix that field, or re-save the design from the designer.',
  },
  'VMT-D03': {
    title: 'unsafe document shape',
    help: 'The document uses a key that could alter JavaScript objects (`__proto__`, `constructor`, `prototype`), nests deeper than 64 levels, or holds a number that is not finite. Such input is refused whole.',
  },
  'VMT-D04': {
    title: 'document from a newer vmtopo',
    help: 'The document declares a format version this vmtopo does not know. Update vmtopo; older versions of the format always keep opening.',
  },
  'VMT-D05': {
    title: 'design too large',
    help: 'The document holds more components, links or kept objects than vmtopo supports (see "Input limits").',
  },
  'VMT-D06': {
    title: 'inconsistent design',
    help: 'The values are well-formed but do not fit together: a duplicate id, a link to a component that does not exist, a cluster part outside its VMCluster, two parts of the same kind in one cluster, or a link the link rules refuse.',
  },
  'VMT-L01': {
    title: 'not a share link',
    help: 'The text is not a vmtopo share link: a link ends in `#v<version>.` followed by the design. Copy the whole link, including the part after `#`.',
  },
  'VMT-L02': {
    title: 'share link from a newer vmtopo',
    help: 'The link was written by a newer vmtopo than this one. Open it with the newer version; links written by older versions always keep opening.',
  },
  'VMT-L03': {
    title: 'share link truncated',
    help: 'The link ends too early: a chat or mail client cut it. Copy it again, whole; very long links are better shared as a file.',
  },
  'VMT-L04': {
    title: 'share link corrupted',
    help: 'The link is complete but its data is damaged (characters changed or inserted). Copy it again from the original.',
  },
  'VMT-L05': {
    title: 'share link too large',
    help: 'The design is too large for a link (or the link inflates past the limit). Share the design file instead.',
  },
  'VMT-L06': {
    title: 'share link holds an invalid design',
    help: 'The link decodes, but the design in it breaks a document rule at the named path; the message says which.',
  },
  'VMT-I01': {
    title: 'nothing to import',
    help: 'The input is empty or holds no Kubernetes objects.',
  },
  'VMT-I02': {
    title: 'invalid YAML',
    help: 'The input is not valid YAML; the message gives the line and column of the first problem.',
  },
  'VMT-I03': {
    title: 'manifest not importable',
    help: 'An object in the manifests has a field vmtopo cannot take as it is (wrong type, invalid value, a reference it cannot resolve); the message names the document, object and field.',
  },
  'VMT-I04': {
    title: 'input over a limit',
    help: 'The input is larger than vmtopo reads, or uses more YAML aliases than it expands (see "Input limits"). Split the input, or expand the aliases.',
  },
  'VMT-V01': {
    title: 'invalid field value',
    help: 'A field holds a value the operator or Kubernetes would refuse (a name, label, size, tenant or number out of range); the message names the component and field.',
  },
  'VMT-C01': {
    title: 'invalid command line',
    help: 'An unknown option, a missing value or an option value out of range. `vmtopo <command> --help` lists the options.',
  },
  'VMT-C02': {
    title: 'input not readable',
    help: 'The named file or directory does not exist or cannot be read.',
  },
} as const satisfies Record<string, CatalogEntry>;

export type ErrorCode = keyof typeof ERROR_CATALOG;

export const isErrorCode = (s: string): s is ErrorCode => Object.hasOwn(ERROR_CATALOG, s);

/** Where an error is: a file and line for text input, a JSON path for a document or link. */
export interface ErrorPlace {
  file?: string;
  line?: number;
  col?: number;
  path?: string;
}

/** The base of every error a user can see: its catalog code and, where known, its place. */
export class VmtError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly place: ErrorPlace = {},
  ) {
    super(message);
    this.name = 'VmtError';
  }
}

/** The code of any error: a VmtError's own, or none for an unexpected failure (a bug). */
export function errorCode(e: unknown): ErrorCode | undefined {
  return e instanceof VmtError ? e.code : undefined;
}

/** One line for a terminal or a notice: `VMT-L03 share link truncated: <message>`. */
export function describeError(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const code = errorCode(e);
  return code ? `${code} ${message}` : message;
}
