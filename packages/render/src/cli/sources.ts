import { readFileSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { LineCounter, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { InputError } from './input.ts';

/**
 * The most a single input (a file, or standard input) may hold: far above any real set of
 * manifests, low enough that a runaway file or a pipe of logs is refused before the YAML parser
 * spends memory on it (README: Input limits).
 */
export const MAX_INPUT_BYTES = 20 * 1024 * 1024;

/** What a directory walk reads: the kinds of files Kubernetes manifests live in. */
const MANIFEST_EXT = new Set(['.yaml', '.yml', '.json']);
const KUSTOMIZATION = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

export interface InputFile {
  text: string;
  /** The path as the user would write it (relative to the working directory when below it), or `<stdin>`. */
  label: string;
  /** Found by walking a directory or a kustomization rather than named on the command line. */
  found: boolean;
  /** The `namespace:` of the kustomization that lists it (the outermost one), which kustomize gives its objects. */
  namespace?: string;
}

export interface Inputs {
  files: InputFile[];
  /** What was left out and why (remote kustomize resources, Helm charts), for one line on stderr. */
  skipped: string[];
}

const isRemote = (entry: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(entry) || /^(git@|github\.com\/|gitlab\.com\/|bitbucket\.org\/)/.test(entry) || /\?ref=/.test(entry);

function tooLarge(label: string, bytes: number): InputError {
  return new InputError(`${label}: ${(bytes / 1024 / 1024).toFixed(1)} MB is over the ${MAX_INPUT_BYTES / 1024 / 1024} MB vmtopo reads from one input; split it into several files`, 'VMT-I04', { file: label });
}

function unreadable(label: string, e: unknown): InputError {
  const code = (e as NodeJS.ErrnoException).code;
  return new InputError(`${label}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (e as Error).message}`, 'VMT-C02', { file: label });
}

/** Collects files, directories (recursively), kustomizations and `-` into one list, each file once. */
class Collector {
  readonly files: InputFile[] = [];
  readonly skipped: string[] = [];
  private readonly seen = new Set<string>();
  private stdinRead = false;

  constructor(private readonly cwd: string) {}

  /** A path as messages show it: relative to the working directory when it is below it. */
  private label(path: string): string {
    const rel = relative(this.cwd, path);
    return rel === '' ? '.' : rel.startsWith('..') ? path : rel;
  }

  /** False when the path was read already (a file named twice, or reached from two kustomizations). */
  private first(path: string): boolean {
    const real = realpathSync(path);
    if (this.seen.has(real)) return false;
    this.seen.add(real);
    return true;
  }

  add(arg: string, stdin: () => string) {
    if (arg === '-') {
      if (this.stdinRead) throw new InputError('- (standard input) is named twice');
      this.stdinRead = true;
      const text = stdin();
      if (Buffer.byteLength(text) > MAX_INPUT_BYTES) throw tooLarge('<stdin>', Buffer.byteLength(text));
      this.files.push({ text, label: '<stdin>', found: false });
      return;
    }
    const path = resolve(this.cwd, arg);
    let isDir: boolean;
    try {
      isDir = statSync(path).isDirectory();
    } catch (e) {
      throw unreadable(arg, e);
    }
    if (isDir) this.directory(path);
    else if (KUSTOMIZATION.includes(basename(path))) this.kustomization(path);
    else this.file(path, false);
  }

  private file(path: string, found: boolean, namespace?: string) {
    if (!this.first(path)) return;
    const label = this.label(path);
    let text: string;
    try {
      const size = statSync(path).size;
      if (size > MAX_INPUT_BYTES) throw tooLarge(label, size);
      text = readFileSync(path, 'utf8');
    } catch (e) {
      if (e instanceof InputError) throw e;
      throw unreadable(label, e);
    }
    this.files.push({ text, label, found, ...(namespace ? { namespace } : {}) });
  }

  /**
   * A directory is its kustomization when it has one (as kustomize reads it: its resources, not
   * every file — patches there are not objects); a Helm chart's templates are not manifests until
   * rendered; anything else is walked for .yaml, .yml and .json files, hidden ones left out.
   */
  private directory(dir: string, namespace?: string) {
    // Each directory once: a symlink back up the tree would otherwise be walked forever.
    if (!this.first(dir)) return;
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch (e) {
      throw unreadable(this.label(dir), e);
    }
    const kustomization = KUSTOMIZATION.find((k) => names.includes(k));
    if (kustomization) return this.kustomization(join(dir, kustomization), namespace);
    if (names.includes('Chart.yaml')) {
      this.skipped.push(`${this.label(dir)} (a Helm chart: render it with helm template first)`);
      return;
    }
    for (const name of names) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      const path = join(dir, name);
      let stat;
      try {
        stat = statSync(path);
      } catch (e) {
        throw unreadable(this.label(path), e);
      }
      if (stat.isDirectory()) this.directory(path, namespace);
      else if (stat.isFile() && MANIFEST_EXT.has(extname(name))) this.file(path, true, namespace);
    }
  }

  /**
   * A kustomization read as a list of files: its `resources` (and legacy `bases`), relative to it.
   * Its `namespace:` goes to the objects they hold unless an outer kustomization sets one (kustomize
   * applies the outer one last). A resource reached again through another kustomization is not
   * read twice, so it keeps the namespace of the first.
   */
  private kustomization(path: string, inherited?: string) {
    if (!this.first(path)) return;
    const label = this.label(path);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (e) {
      throw unreadable(label, e);
    }
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true });
    const line = (node: unknown) => {
      const range = (node as { range?: [number, number, number] } | undefined)?.range;
      return range ? lines.linePos(range[0]).line : 1;
    };
    if (doc.errors.length > 0) {
      const e = doc.errors[0]!;
      throw new InputError(`${label}: line ${e.linePos?.[0].line ?? 1}: invalid YAML: ${e.message.split('\n')[0]}`, 'VMT-I02', { file: label, line: e.linePos?.[0].line ?? 1 });
    }
    const own = isMap(doc.contents) ? doc.contents.get('namespace') : undefined;
    const namespace = inherited ?? (typeof own === 'string' && own !== '' ? own : undefined);
    for (const key of ['resources', 'bases']) {
      const list = isMap(doc.contents) ? doc.contents.get(key, true) : undefined;
      if (list === undefined) continue;
      if (!isSeq(list)) throw new InputError(`${label}: line ${line(list)}: ${key} must be a list of paths`, 'VMT-I03', { file: label, line: line(list) });
      for (const item of list.items) {
        const entry = isScalar(item) ? item.value : undefined;
        if (typeof entry !== 'string') throw new InputError(`${label}: line ${line(item)}: ${key} entries must be paths`, 'VMT-I03', { file: label, line: line(item) });
        if (isRemote(entry)) {
          this.skipped.push(`${entry} (remote, in ${label})`);
          continue;
        }
        const target = resolve(dirname(path), entry);
        let isDir: boolean;
        try {
          isDir = statSync(target).isDirectory();
        } catch (e) {
          throw new InputError(`${label}: line ${line(item)}: ${key} entry ${entry}: ${unreadable(entry, e).message.replace(`${entry}: `, '')}`, 'VMT-C02', { file: label, line: line(item) });
        }
        if (isDir) this.directory(target, namespace);
        else this.file(target, true, namespace);
      }
    }
  }
}

/**
 * Every input of a command: files, directories (recursive: `*.yaml`, `*.yml`, `*.json`),
 * kustomizations (their resources; remote ones noted and skipped) and `-` (standard input),
 * each file read once, each at most MAX_INPUT_BYTES.
 */
export function collectInputs(args: string[], stdin: () => string, cwd = process.cwd()): Inputs {
  if (args.length === 0) throw new InputError('no input given: pass files or directories, or - for standard input');
  const c = new Collector(cwd);
  for (const arg of args) c.add(arg, stdin);
  return { files: c.files, skipped: c.skipped };
}
