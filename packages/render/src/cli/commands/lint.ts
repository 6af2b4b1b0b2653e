import { type Finding, applyAllFixes, lint, toDocument } from '@vmtopo/model';
import { formatGithub } from '../../lint-github.ts';
import { type Locate, formatJson, formatText } from '../../lint-format.ts';
import { formatSarif } from '../../lint-sarif.ts';
import { type Command, loadArgs } from '../command.ts';
import { InputError } from '../input.ts';
import { VERSION } from '../version.ts';

const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
const SEVERITIES: readonly Finding['severity'][] = ['info', 'warning', 'error'];

/** Exit 1 when a finding is at or above the --fail-on severity. */
const fails = (findings: Finding[], threshold: Finding['severity']) => findings.some((f) => SEVERITIES.indexOf(f.severity) >= SEVERITIES.indexOf(threshold));

export const lintCommand: Command = {
  help: `vmtopo lint [--format text|json|sarif|github] [--fail-on error|warning|info] [--fix] <input...>

Checks the design against every high-availability rule and prints the findings (text grouped by
component; json: {"findings": [...]}; sarif: SARIF 2.1.0 for code scanning, each result at the file
and line of its object or field; github: ::error file=…,line=…:: workflow commands for annotations).
Inputs: files, directories (recursive: *.yaml, *.yml, *.json), kustomization.yaml (its resources),
or - for standard input, assembled into one design.
--fix prints the topology document with every available fix applied instead.
Exit 0: no finding at or above --fail-on (default error); 1: such findings; 2: bad input.`,
  run(args, io) {
    const { topology, sourceOf, opts, inputs } = loadArgs(args, io, { format: 'value', fix: 'flag', 'fail-on': 'value' });
    const format = (opts.format ?? 'text') as string;
    if (!FORMATS.includes(format as never)) throw new InputError(`--format must be one of ${FORMATS.join(', ')}, not "${format}"`);
    const threshold = (opts['fail-on'] ?? 'error') as Finding['severity'];
    if (!SEVERITIES.includes(threshold)) throw new InputError(`--fail-on must be one of error, warning, info, not "${String(threshold)}"`);
    if (opts.fix) {
      const fixed = applyAllFixes(topology);
      io.out(JSON.stringify(toDocument(fixed), null, 2));
      return fails(lint(fixed), threshold) ? 1 : 0;
    }
    const findings = lint(topology);
    // Manifests locate each finding at its line; a topology document only by its file.
    const single = inputs.files.length === 1 ? inputs.files[0]!.label : undefined;
    const locate: Locate | undefined = sourceOf
      ? (id, field) => {
          const at = sourceOf(id, field);
          return at?.file && at.file !== '<stdin>' ? { file: at.file, line: at.line, col: at.col } : undefined;
        }
      : single && single !== '<stdin>'
        ? () => ({ file: single })
        : undefined;
    if (format === 'json') io.out(formatJson(findings, locate));
    else if (format === 'sarif') io.out(formatSarif(findings, topology, locate, VERSION));
    else if (format === 'github') io.out(formatGithub(findings, locate));
    else io.out(formatText(findings, topology, locate));
    return fails(findings, threshold) ? 1 : 0;
  },
};
