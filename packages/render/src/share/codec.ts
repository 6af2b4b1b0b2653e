import { Inflate, deflateSync } from 'fflate';
import { DocumentError, VmtError, fromDocument } from '@vmtopo/model';
import type { ErrorCode } from '@vmtopo/model';
import type { Topology } from '@vmtopo/model';
import { fromBase64Url, toBase64Url } from './base64url.ts';
import { CompactError, V1, fromCompact, roundCoord, toCompact } from './compact.ts';

/**
 * Share links: the whole design in the URL fragment, no server.
 *
 *   <base>#v2.<base64url(deflate-raw(compact JSON))>
 *
 * The encoder writes v2 (document format v2: zones, outage, workloads); the decoder still opens
 * every v1 link, whose design the model migrates like a v1 file.
 *
 * The compact JSON (see compact.ts) uses short keys and kind codes and leaves out what can be
 * derived (ids from kind and name, specs equal to the kind's initial spec). Positions are whole
 * numbers: encodeShare rounds them, so decodeShare(encodeShare(t)) equals roundPositions(t), and
 * equals t itself when t's positions are whole already (the designer's are).
 *
 * Decoding is defensive: the link length and the inflated size are capped before any work, the
 * inflate stops at the cap (a decompression bomb costs nothing), the JSON is checked for forbidden
 * keys, depth and non-finite numbers, and the result goes through the model's fromDocument. Every
 * failure is a ShareLinkError with a message a user can act on; nothing else is ever thrown.
 */

export const SHARE_VERSION = 2;
/** Every share format this decoder opens: links written by any released version. */
const READS = [1, 2] as const;

const DICTIONARY = new TextEncoder().encode(V1.dictionary);

export const SHARE_LIMITS = Object.freeze({
  /** Characters of the whole link or fragment handed to decodeShare. */
  linkChars: 1_000_000,
  /** Bytes of compact JSON after inflating; the inflate stops here. */
  inflatedBytes: 5 * 1024 * 1024,
  components: 5_000,
  /** The model checks each link against the earlier ones of its source: 10,000 keeps that < 1 s. */
  links: 10_000,
  extras: 5_000,
  /** Characters of earlier specs that components may copy as their base, in all. */
  copiedChars: 5 * 1024 * 1024,
  /** Nesting of the compact JSON (the document allows 64 below its root; compact adds one level). */
  depth: 66,
});

/** The link base the CLI uses when none is given: the designer's dev server. */
export const DEFAULT_SHARE_BASE = 'http://localhost:5173/';

export type ShareProblem = 'not-a-link' | 'version' | 'truncated' | 'garbled' | 'too-large' | 'invalid';

/** The catalog code of each link problem: 'truncated' and 'garbled' are told apart for the user. */
const SHARE_CODES: Record<ShareProblem, ErrorCode> = {
  'not-a-link': 'VMT-L01',
  version: 'VMT-L02',
  truncated: 'VMT-L03',
  garbled: 'VMT-L04',
  'too-large': 'VMT-L05',
  invalid: 'VMT-L06',
};

/** A link that cannot be opened (or a design too large to share), with a user-facing message. */
export class ShareLinkError extends VmtError {
  override name = 'ShareLinkError';
  constructor(
    readonly problem: ShareProblem,
    message: string,
    /** For 'invalid': the document path of the problem ($.components[2].kind). */
    readonly path?: string,
  ) {
    super(SHARE_CODES[problem], message, path === undefined ? {} : { path });
  }
}

/** The topology with every position rounded to whole numbers: what a share link gives back. */
export function roundPositions(t: Topology): Topology {
  return {
    ...t,
    components: t.components.map((c) => (c.position ? { ...c, position: { x: roundCoord(c.position.x), y: roundCoord(c.position.y) } } : c)),
    ...(t.notes ? { notes: t.notes.map((n) => ({ ...n, position: { x: roundCoord(n.position.x), y: roundCoord(n.position.y) } })) } : {}),
  };
}

/** The fragment payload, without '#': `v2.<data>`. Positions are rounded to whole numbers. */
export function encodeShare(t: Topology): string {
  if (t.components.length > SHARE_LIMITS.components || t.links.length > SHARE_LIMITS.links || t.extras.length > SHARE_LIMITS.extras) {
    throw new ShareLinkError(
      'too-large',
      `the design is too large for a share link (${t.components.length} components, ${t.links.length} links; at most ${SHARE_LIMITS.components} and ${SHARE_LIMITS.links}); save it as a file instead`,
    );
  }
  const json = new TextEncoder().encode(JSON.stringify(toCompact(t)));
  if (json.length > SHARE_LIMITS.inflatedBytes) {
    throw new ShareLinkError('too-large', `the design is too large for a share link (${json.length} bytes of JSON; at most ${SHARE_LIMITS.inflatedBytes}); save it as a file instead`);
  }
  const payload = `v${SHARE_VERSION}.${toBase64Url(deflateSync(json, { level: 9, dictionary: DICTIONARY }))}`;
  if (payload.length + 1 > SHARE_LIMITS.linkChars) {
    throw new ShareLinkError('too-large', `the design is too large for a share link (${payload.length} characters; at most ${SHARE_LIMITS.linkChars}); save it as a file instead`);
  }
  return payload;
}

/** The whole link: `base#v2.<data>` (any fragment already on base is replaced). */
export function shareLink(t: Topology, base = DEFAULT_SHARE_BASE): string {
  const hash = base.indexOf('#');
  return `${hash >= 0 ? base.slice(0, hash) : base}#${encodeShare(t)}`;
}

const quote = (s: string, max = 40) => JSON.stringify(s.length > max ? `${s.slice(0, max)}…` : s);

/** Inflates at most `cap` bytes; null when the output would exceed it. */
function inflateCapped(data: Uint8Array, cap: number): Uint8Array | null {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let over = false;
  const inflate = new Inflate({ dictionary: DICTIONARY }, (chunk) => {
    total += chunk.length;
    if (total > cap) over = true;
    else chunks.push(chunk);
  });
  // Small input steps bound the work and memory of each step (deflate expands at most ~1032×).
  const STEP = 1024;
  for (let i = 0; i < data.length || i === 0; i += STEP) {
    inflate.push(data.subarray(i, i + STEP), i + STEP >= data.length);
    if (over) return null;
  }
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

/** Forbidden keys, absurd depth, non-finite numbers: refused before the model sees anything. */
function checkJson(root: unknown): void {
  const stack: { v: unknown; depth: number; path: string }[] = [{ v: root, depth: 0, path: '$' }];
  while (stack.length) {
    const { v, depth, path } = stack.pop()!;
    if (typeof v === 'number' && !Number.isFinite(v)) throw invalid('holds a number too large to represent', path);
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= SHARE_LIMITS.depth) throw invalid(`is nested deeper than ${SHARE_LIMITS.depth} levels`, path);
    if (Array.isArray(v)) v.forEach((item, i) => stack.push({ v: item, depth: depth + 1, path: `${path}[${i}]` }));
    else {
      for (const [k, item] of Object.entries(v)) {
        if (k === '__proto__' || k === 'constructor' || k === 'prototype') throw invalid(`uses the key "${k}", which is not allowed`, path);
        stack.push({ v: item, depth: depth + 1, path: `${path}.${k}` });
      }
    }
  }
}

function invalid(message: string, path: string): ShareLinkError {
  return new ShareLinkError('invalid', `this share link holds an invalid design at ${path}: ${message}`, path);
}

const TRUNCATED = 'this share link is truncated: the design in it ends early; copy the whole link';

function decode(input: string): Topology {
  if (input.length > SHARE_LIMITS.linkChars) {
    throw new ShareLinkError('too-large', `this share link is too large (${input.length} characters; at most ${SHARE_LIMITS.linkChars})`);
  }
  const hash = input.indexOf('#');
  const offset = hash >= 0 ? hash + 1 : 0;
  const fragment = input.slice(offset).trim();
  const m = /^v(\d+)\.?/.exec(fragment);
  if (!m) {
    const what = input.trim() === '' ? 'it is empty' : hash >= 0 ? `its fragment is ${quote(fragment)}` : `there is no "#" in ${quote(input)}`;
    throw new ShareLinkError('not-a-link', `not a vmtopo share link: expected "#v${SHARE_VERSION}." followed by the design, but ${what}`);
  }
  const version = READS.find((v) => m[1] === String(v));
  if (version === undefined) {
    throw new ShareLinkError(
      'version',
      `this share link has format ${quote(`v${m[1]}`, 12)}, which this vmtopo does not know (it reads ${READS.map((v) => `v${v}`).join(' and ')}); open it with a newer vmtopo`,
    );
  }
  const data = fragment.slice(m[0].length);
  if (!m[0].endsWith('.')) {
    if (data === '') throw new ShareLinkError('truncated', TRUNCATED);
    throw new ShareLinkError('not-a-link', `not a vmtopo share link: expected "#v${SHARE_VERSION}." followed by the design, but it starts ${quote(fragment, 12)}`);
  }
  if (data === '') throw new ShareLinkError('truncated', TRUNCATED);

  const bytes = fromBase64Url(data);
  if (!(bytes instanceof Uint8Array)) {
    if (bytes.kind === 'length') throw new ShareLinkError('truncated', TRUNCATED);
    throw new ShareLinkError(
      'garbled',
      `this share link is garbled: ${quote(bytes.char)} at character ${offset + m[0].length + bytes.index + 1} cannot be in a link (only A-Z a-z 0-9 - _); copy the link again`,
    );
  }
  let inflated: Uint8Array | null;
  try {
    inflated = inflateCapped(bytes, SHARE_LIMITS.inflatedBytes);
  } catch (e) {
    if ((e as { code?: number }).code === 0) throw new ShareLinkError('truncated', TRUNCATED);
    throw new ShareLinkError('garbled', `this share link is garbled: its compressed data is damaged (${(e as Error).message}); copy the link again`);
  }
  if (inflated === null) {
    throw new ShareLinkError('too-large', `this share link is too large: its design inflates past ${SHARE_LIMITS.inflatedBytes} bytes`);
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(inflated));
  } catch {
    throw new ShareLinkError('garbled', 'this share link is garbled: the design in it is not valid JSON; copy the link again');
  }
  checkJson(json);
  let doc;
  try {
    doc = fromCompact(json, SHARE_LIMITS, version);
  } catch (e) {
    if (e instanceof CompactError) throw invalid(e.message, e.path);
    throw e;
  }
  try {
    return fromDocument(doc);
  } catch (e) {
    if (e instanceof DocumentError) throw invalid(e.message.startsWith(`${e.path}: `) ? e.message.slice(e.path.length + 2) : e.message, e.path);
    throw e;
  }
}

/**
 * Opens a share link: a whole URL, `#v2.…` or `v2.…` (or v1). Throws ShareLinkError, and nothing else,
 * for anything that is not a link to a valid design.
 */
export function decodeShare(linkOrFragment: string): Topology {
  try {
    if (typeof linkOrFragment !== 'string') throw new ShareLinkError('not-a-link', 'not a vmtopo share link: expected a string');
    return decode(linkOrFragment);
  } catch (e) {
    if (e instanceof ShareLinkError) throw e;
    throw new ShareLinkError('garbled', `this share link cannot be opened: ${(e as Error)?.message ?? String(e)}`);
  }
}
