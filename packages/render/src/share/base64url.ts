/** Unpadded base64url (RFC 4648 §5), strict on decode; works the same in Node and browsers. */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUES = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUES[ALPHABET.charCodeAt(i)] = i;
// Standard base64 letters, for links that some tool re-encoded.
VALUES['+'.charCodeAt(0)] = 62;
VALUES['/'.charCodeAt(0)] = 63;

export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!;
  }
  if (i + 1 === bytes.length) {
    const n = bytes[i]! << 16;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]!;
  } else if (i + 2 === bytes.length) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]!;
  }
  return out;
}

/** Why a string is not base64url: the first bad character, or an impossible length. */
export type Base64Problem = { kind: 'char'; index: number; char: string } | { kind: 'length' };

export function fromBase64Url(text: string): Uint8Array | Base64Problem {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 61 /* = */) end--;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128 || VALUES[c]! < 0) return { kind: 'char', index: i, char: String.fromCodePoint(text.codePointAt(i)!) };
  }
  if (end % 4 === 1) return { kind: 'length' };
  const out = new Uint8Array(Math.floor((end * 3) / 4));
  let o = 0;
  let i = 0;
  for (; i + 3 < end; i += 4) {
    const n = (VALUES[text.charCodeAt(i)]! << 18) | (VALUES[text.charCodeAt(i + 1)]! << 12) | (VALUES[text.charCodeAt(i + 2)]! << 6) | VALUES[text.charCodeAt(i + 3)]!;
    out[o++] = n >> 16;
    out[o++] = (n >> 8) & 255;
    out[o++] = n & 255;
  }
  if (end - i >= 2) {
    const n = (VALUES[text.charCodeAt(i)]! << 18) | (VALUES[text.charCodeAt(i + 1)]! << 12) | (end - i === 3 ? VALUES[text.charCodeAt(i + 2)]! << 6 : 0);
    out[o++] = n >> 16;
    if (end - i === 3) out[o++] = (n >> 8) & 255;
  }
  return out;
}
