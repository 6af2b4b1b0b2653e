/**
 * The element helper the diagram export writes its SVG with: every attribute value and text is
 * escaped here and nowhere else, so a name with `<`, `&` or quotes (names come from users and
 * imports) can never break the document.
 */

/** Characters XML 1.0 does not allow at all (control characters, lone surrogates, U+FFFE/F): replaced, not escaped. */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text made safe for an XML attribute value or element content. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '\uFFFD').replace(/[&<>"']/g, (c) => ENTITY[c]!);
}

export type Attrs = Record<string, string | number | undefined | false>;

/** Numbers with at most two decimals: a smaller file, and no `1e-7` that a viewer might refuse. */
const num = (n: number) => String(Math.round(n * 100) / 100);

/** An element as text; children are elements made by `el` (already safe), attributes left out when undefined or false. */
export function el(name: string, attrs: Attrs = {}, ...children: string[]): string {
  let out = `<${name}`;
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    out += ` ${k}="${typeof v === 'number' ? num(v) : escapeXml(v)}"`;
  }
  return children.length === 0 ? `${out}/>` : `${out}>${children.join('')}</${name}>`;
}

/** A text node (for `<text>` and `<tspan>` content). */
export const txt = (text: string): string => escapeXml(text);
