import {
  checkName,
  checkTenant,
  FIELD_GROUPS,
  fieldProblem,
  KINDS,
  nameScope,
  nameTaken,
  type Component,
  type ComponentKind,
  type FieldDef,
  type FieldGroup,
  type Topology,
} from '@vmtopo/model';

/**
 * The inspector's fields: which fields a kind shows, in which groups, how a value reads as text and
 * text as a value, and why a text is refused. The rules are the model's; the messages are the
 * inspector's.
 */

/** A kind's fields by group, in the model's order of groups; groups without fields left out. */
export function fieldGroups(kind: ComponentKind): { group: FieldGroup; fields: FieldDef[] }[] {
  const fields = KINDS[kind].fields;
  return FIELD_GROUPS.map((group) => ({ group, fields: fields.filter((f) => f.group === group) })).filter((g) => g.fields.length > 0);
}

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

/** Why the text typed into a field cannot be its value, or undefined. */
export function fieldTextProblem(kind: ComponentKind, def: FieldDef, text: string): string | undefined {
  const p = parseValue(def, text);
  if ('problem' in p) return p.problem;
  return fieldProblem(kind, def.key, p.value);
}

/** A component's new name: a Kubernetes name no other CR of its kind in its namespace has. */
export function nameProblem(t: Topology, c: Component, text: string): string | undefined {
  const name = text.trim();
  const m = checkName(name);
  if (m) return `Name ${m}`;
  if (nameTaken(t, c, name, c.namespace)) return `another ${nameScope(c.kind)} in this namespace is already named "${name}"`;
  return undefined;
}

/** A component's new namespace (empty: the design's), where no other CR of its kind has its name. */
export function namespaceProblem(t: Topology, c: Component, text: string): string | undefined {
  const ns = text.trim();
  if (ns === '') return undefined;
  const m = checkName(ns);
  if (m) return `Namespace ${m}`;
  if (nameTaken(t, c, c.name ?? '', ns)) return `another ${nameScope(c.kind)} named "${c.name}" is already in namespace "${ns}"`;
  return undefined;
}

/** The design's name or namespace: a Kubernetes name. */
export function designNameProblem(what: 'Name' | 'Namespace', text: string): string | undefined {
  const m = checkName(text.trim());
  return m ? `${what} ${m}` : undefined;
}

/** A link's tenant (empty: the default). */
export function tenantProblem(text: string): string | undefined {
  return text.trim() === '' ? undefined : checkTenant(text.trim());
}
