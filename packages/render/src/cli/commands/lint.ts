import { applyAllFixes, lint, toDocument } from '@vmtopo/model';
import { formatJson, formatSarif, formatText } from '../../lint-format.ts';
import { type Command, loadArgs } from '../command.ts';
import { InputError } from '../input.ts';

const FORMATS = ['text', 'json', 'sarif'] as const;

export const lintCommand: Command = {
  help: `vmtopo lint [--format text|json|sarif] [--fix] <topology.json|manifests.yaml|->

Checks the design against every high-availability rule and prints the findings (text grouped by
component; json: {"findings": [...]}; sarif: SARIF 2.1.0 for code scanning).
--fix prints the topology document with every available fix applied instead.
Exit 0: no error-level finding; 1: error-level findings; 2: bad input.`,
  run(args, io) {
    const { topology, opts, label } = loadArgs(args, io, { format: 'value', fix: 'flag' });
    const format = (opts.format ?? 'text') as string;
    if (!FORMATS.includes(format as never)) throw new InputError(`--format must be one of ${FORMATS.join(', ')}, not "${format}"`);
    if (opts.fix) {
      const fixed = applyAllFixes(topology);
      io.out(JSON.stringify(toDocument(fixed), null, 2));
      return lint(fixed).some((f) => f.severity === 'error') ? 1 : 0;
    }
    const findings = lint(topology);
    if (format === 'json') io.out(formatJson(findings));
    else if (format === 'sarif') io.out(formatSarif(findings, topology, label));
    else io.out(formatText(findings, topology));
    return findings.some((f) => f.severity === 'error') ? 1 : 0;
  },
};
