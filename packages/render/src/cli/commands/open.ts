import { toDocument } from '@vmtopo/model';
import { ShareLinkError, decodeShare } from '../../share/index.ts';
import { parseArgs } from '../args.ts';
import type { Command } from '../command.ts';
import { InputError } from '../input.ts';

export const openCommand: Command = {
  help: `vmtopo open <link|->

Opens a share link and prints its design as a topology document (JSON).
The link may be a whole URL, #v1.… or v1.…; - reads it from stdin. Exit 2 when the link is
truncated, garbled, of an unknown version, too large or holds an invalid design.`,
  run(args, io) {
    const { positional } = parseArgs(args, {});
    if (positional.length === 0) throw new InputError('no link given: pass a share link, or - to read it from standard input');
    if (positional.length > 1) throw new InputError(`expected one link, got ${positional.length} (quote the link)`);
    const link = positional[0] === '-' ? io.stdin().trim() : positional[0]!;
    try {
      io.out(JSON.stringify(toDocument(decodeShare(link)), null, 2));
    } catch (e) {
      if (e instanceof ShareLinkError) throw new InputError(e.message, e.code, e.place);
      throw e;
    }
    return 0;
  },
};
