import type { FieldDef } from '@vmtopo/model';

/** A model value as the inspector shows it in a text box. */
export function formatValue(def: FieldDef, v: unknown): string {
  if (v === undefined || v === null) return '';
  if (def.type === 'labels' && typeof v === 'object') {
    return Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => `${k}=${String(x)}`)
      .join('\n');
  }
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** Text typed into a field, as the value the model would store; a parse error is a message. */
export function parseValue(def: FieldDef, text: string): { value: unknown } | { problem: string } {
  const s = def.type === 'multiline' ? text : text.trim();
  if (s === '') return { value: undefined };
  switch (def.type) {
    case 'int':
      return { value: /^-?\d+$/.test(s) ? Number(s) : s };
    case 'bool':
      return { value: s === 'true' ? true : s === 'false' ? false : s };
    case 'labels': {
      const out: Record<string, string> = {};
      const lines = s.split('\n').map((l) => l.trim()).filter(Boolean);
      for (const [i, line] of lines.entries()) {
        const m = /^([^=:\s]+)\s*[=:]\s*(.*)$/.exec(line);
        if (!m) return { problem: `line ${i + 1}: write one label per line as name=value` };
        out[m[1]!] = m[2]!.replace(/^"(.*)"$/, '$1');
      }
      return { value: out };
    }
    case 'retention':
      return { value: /^\d+$/.test(s) ? s : s };
    default:
      return { value: s };
  }
}
