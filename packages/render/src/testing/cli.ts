import { main } from '../cli/main.ts';

/** Runs `vmtopo` in-process: its exit code, standard output as written, and standard error one line per message. */
export async function runCli(args: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += `${s}\n`), stdin: () => stdin });
  return { code, out, err };
}
