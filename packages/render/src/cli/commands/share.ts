import { DEFAULT_SHARE_BASE, SHARE_LIMITS, ShareLinkError, shareLink } from '../../share/index.ts';
import { type Command, loadArgs } from '../command.ts';
import { InputError } from '../input.ts';

/** Links longer than this get cut by some chat tools and old browsers; the CLI warns. */
const LONG_LINK = 2_000;

export const shareCommand: Command = {
  help: `vmtopo share <topology.json | manifests: files, directories, kustomization.yaml, -...> [--base URL]

Prints a share link that carries the whole design in its URL fragment (no server).
The link is <base>#v1.<data>. Positions are rounded to whole numbers. --base is the designer's address
(default ${DEFAULT_SHARE_BASE}). Anyone with the link can read the design. Exit 2 on bad input.`,
  run(args, io) {
    const { topology, opts } = loadArgs(args, io, { base: 'value' });
    let link: string;
    try {
      link = shareLink(topology, typeof opts.base === 'string' ? opts.base : DEFAULT_SHARE_BASE);
    } catch (e) {
      if (e instanceof ShareLinkError) throw new InputError(e.message, e.code, e.place);
      throw e;
    }
    if (link.length > LONG_LINK && link.length <= SHARE_LIMITS.linkChars) {
      io.err(`vmtopo share: warning: the link is ${link.length} characters; some chat tools cut links over ${LONG_LINK}, share the file instead`);
    }
    io.out(link);
    return 0;
  },
};
