import { deflateSync, inflateSync } from 'node:zlib';
import LZString from 'lz-string';

// lz-string is CommonJS: its functions hang off the default export.
const { compressToEncodedURIComponent, decompressFromEncodedURIComponent } = LZString;
import { fromDocument, toDocument } from '@vmtopo/model';
import { decodeShare, shareLink } from '@vmtopo/render';
import type { Topology } from '@vmtopo/model';
import { generate } from './generate.ts';
import { seedDesign } from './seed.ts';
import { type Maybe, round, timeMedian } from './stats.ts';

/** Every link is measured on the same base, each with its tool's own fragment prefix. */
export const SHARE_BASE = 'https://vmtopo.example/';

export interface Codec {
  /** Characters after the base URL's "#"-less part: the fragment with its prefix. */
  linkChars: number;
  /** The whole link on SHARE_BASE. */
  encodeMs: number;
  decodeMs: number;
}

export interface ShareDesign {
  components: number;
  links: number;
  documentJsonChars: number;
  /** Our link: shareLink(t, base) — `#v1.<base64url(deflate-raw(compact JSON))>`. */
  ours: Maybe<Codec>;
  /** TypeScript playground: `#code/` + lz-string compressToEncodedURIComponent(document JSON). */
  lzString: Codec;
  /** Mermaid live editor: `#pako:` + base64url(zlib deflate level 9 (pretty, 2-space document JSON)). */
  deflateBase64: Codec;
  /** ours.linkChars ÷ the shorter of the other two. */
  oursVsBest: Maybe<number>;
  oursShortest: Maybe<boolean>;
  reasons?: Record<string, string>;
}

export type ShareResults = Record<string, ShareDesign>;

export interface ShareOptions {
  /** Generated sizes besides the seed design (130 and 1,300). */
  sizes: number[];
  runs?: number;
  log?: (line: string) => void;
}

const b64url = (b: Buffer) => b.toString('base64url');

function lzEncode(t: Topology): string {
  return `${SHARE_BASE}#code/${compressToEncodedURIComponent(JSON.stringify(toDocument(t)))}`;
}
function lzDecode(link: string): Topology {
  const payload = link.slice(link.indexOf('#code/') + 6);
  return fromDocument(JSON.parse(decompressFromEncodedURIComponent(payload)));
}

function mermaidEncode(t: Topology): string {
  return `${SHARE_BASE}#pako:${b64url(deflateSync(JSON.stringify(toDocument(t), null, 2), { level: 9 }))}`;
}
function mermaidDecode(link: string): Topology {
  const payload = link.slice(link.indexOf('#pako:') + 6);
  return fromDocument(JSON.parse(inflateSync(Buffer.from(payload, 'base64url')).toString('utf8')));
}

function codec(t: Topology, encode: (t: Topology) => string, decode: (s: string) => Topology, runs: number): Codec {
  const enc = timeMedian(() => encode(t), { runs, warmup: 2 });
  const link = enc.last as string;
  const dec = timeMedian(() => decode(link), { runs, warmup: 2 });
  const back = dec.last as Topology;
  if (back.components.length !== t.components.length || back.links.length !== t.links.length) {
    throw new Error('a share codec lost components or links on the way back');
  }
  return { linkChars: link.length - SHARE_BASE.length, encodeMs: enc.ms, decodeMs: dec.ms };
}

export function benchShareDesign(t: Topology, runs: number): ShareDesign {
  const reasons: Record<string, string> = {};
  let ours: Maybe<Codec> = null;
  try {
    ours = codec(t, (x) => shareLink(x, SHARE_BASE), (s) => decodeShare(s), runs);
  } catch (e) {
    reasons.ours = `shareLink/decodeShare failed: ${(e as Error).message}`;
  }
  const lzString = codec(t, lzEncode, lzDecode, runs);
  const deflateBase64 = codec(t, mermaidEncode, mermaidDecode, runs);
  const best = Math.min(lzString.linkChars, deflateBase64.linkChars);
  const out: ShareDesign = {
    components: t.components.length,
    links: t.links.length,
    documentJsonChars: JSON.stringify(toDocument(t)).length,
    ours,
    lzString,
    deflateBase64,
    oursVsBest: ours ? round(ours.linkChars / best, 3) : null,
    oursShortest: ours ? ours.linkChars < best : null,
  };
  if (Object.keys(reasons).length > 0) out.reasons = reasons;
  return out;
}

export function benchShare(opts: ShareOptions): ShareResults {
  const out: ShareResults = {};
  const designs: [string, () => Topology][] = [
    ['seed', seedDesign],
    ...opts.sizes.map((n): [string, () => Topology] => [`n${n}`, () => generate(n).topology]),
  ];
  for (const [key, make] of designs) {
    const t = make();
    const runs = opts.runs ?? (t.components.length > 500 ? 11 : 31);
    out[key] = benchShareDesign(t, runs);
    opts.log?.(`share ${key} done`);
  }
  return out;
}
