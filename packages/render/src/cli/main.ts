import { readFileSync } from 'node:fs';
import { COMMANDS, USAGE } from './commands.ts';
import { VmtError } from '@vmtopo/model';
import { VERSION } from './version.ts';

/** The `vmtopo` CLI: a thin shell over the model and render packages. Exit 2 on bad input. */
export async function main(argv: string[], io: { out: (s: string) => void; err: (s: string) => void; stdin: () => string }): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(USAGE);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-V') {
    io.out(`vmtopo ${VERSION}`);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`vmtopo: unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.out(command.help);
    return 0;
  }
  try {
    return await command.run(args, io);
  } catch (e) {
    // Every error a user can cause carries its catalog code (README: Error codes); anything else
    // is a bug and keeps its stack trace.
    if (e instanceof VmtError) {
      io.err(`vmtopo ${name}: ${e.code} ${e.message}`);
      return 2;
    }
    throw e;
  }
}

/** Runs the CLI on this process: arguments, standard streams, exit code. */
export async function runProcess(): Promise<void> {
  process.exitCode = await main(process.argv.slice(2), {
    out: (s) => process.stdout.write(s.endsWith('\n') ? s : `${s}\n`),
    err: (s) => process.stderr.write(s.endsWith('\n') ? s : `${s}\n`),
    stdin: () => readFileSync(0, 'utf8'),
  });
}

