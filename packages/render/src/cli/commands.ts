import type { Command } from './command.ts';
import { explainCommand } from './commands/explain.ts';
import { importCommand } from './commands/import.ts';
import { lintCommand } from './commands/lint.ts';
import { openCommand } from './commands/open.ts';
import { renderCommand } from './commands/render.ts';
import { shareCommand } from './commands/share.ts';
import { whatifCommand } from './commands/whatif.ts';
import { sizeCommand } from './commands/size.ts';

export type { Command, Io } from './command.ts';

/** Every `vmtopo` command, one module each under commands/. */
export const COMMANDS: Record<string, Command> = {
  import: importCommand,
  render: renderCommand,
  lint: lintCommand,
  explain: explainCommand,
  share: shareCommand,
  open: openCommand,
  whatif: whatifCommand,
  size: sizeCommand,
};

export const USAGE = `vmtopo — design highly available VictoriaMetrics operator topologies

Usage: vmtopo <command> [options] <input...>

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(8)} ${c.help.split('\n')[2] ?? ''}`)
  .join('\n')}

Input is a topology document (.vmtopo.json, read alone) or operator manifests: files,
directories (recursive: *.yaml, *.yml, *.json), kustomization.yaml (its resources) and - (stdin),
assembled into one design. At most 20 MB per input and 100 YAML alias expansions per document.
Exit codes: 0 ok; 1 lint findings at or above --fail-on, or whatif --require not met; 2 bad input.
vmtopo --version prints the version. Run vmtopo <command> --help for details.`;
