import {
  getComponent,
  removeComponents,
  removeLinks,
  updateComponent,
  updateLink,
  withField,
  withSpreading,
  type FieldDef,
  type NotifierMode,
} from '@vmtopo/model';
import { applyFix, type Finding } from './core.ts';
import type { EditorStore } from './editorStore.ts';
import { parseValue } from './fields.ts';

/**
 * The inspector's and the findings list's edits of the design on screen. Typing in one field is
 * one undo step (a merge key per field); everything else is a step of its own.
 */

/** Sets a field of a component (undefined unsets it). */
export function setField(store: EditorStore, id: string, key: string, value: unknown): void {
  const s = store.getState();
  s.commit(updateComponent(s.topology, id, (x) => withField(x, key, value)), { mergeKey: `${id}:${key}` });
}

/** Sets a field from the text typed into it; text that does not parse changes nothing. */
export function setFieldText(store: EditorStore, id: string, def: FieldDef, text: string): void {
  const p = parseValue(def, text);
  if ('value' in p) setField(store, id, def.key, p.value);
}

export function setSpreading(store: EditorStore, id: string, mode: 'none' | 'hostname' | 'zone'): void {
  const s = store.getState();
  s.commit(updateComponent(s.topology, id, (x) => ({ ...x, spec: withSpreading(x.spec, mode, x) })));
}

export function renameComponent(store: EditorStore, id: string, text: string): void {
  const s = store.getState();
  s.commit(updateComponent(s.topology, id, (x) => ({ ...x, name: text.trim() })), { mergeKey: `${id}:name` });
}

/** A component's own namespace; empty text: the design's. */
export function setComponentNamespace(store: EditorStore, id: string, text: string): void {
  const s = store.getState();
  const ns = text.trim() || undefined;
  s.commit(
    updateComponent(s.topology, id, (x) => {
      const { namespace: _n, ...rest } = x;
      return ns ? { ...rest, namespace: ns } : rest;
    }),
    { mergeKey: `${id}:namespace` },
  );
}

export function renameDesign(store: EditorStore, text: string): void {
  const s = store.getState();
  s.commit({ ...s.topology, name: text.trim() }, { mergeKey: 'design:name' });
}

export function setDesignNamespace(store: EditorStore, text: string): void {
  const s = store.getState();
  s.commit({ ...s.topology, namespace: text.trim() }, { mergeKey: 'design:namespace' });
}

export function setNotifyMode(store: EditorStore, linkId: string, mode: NotifierMode): void {
  const s = store.getState();
  s.commit(updateLink(s.topology, linkId, (x) => ({ ...x, notify: mode })));
}

/** A link's tenant; empty text: the default tenant (unset). */
export function setTenant(store: EditorStore, linkId: string, text: string): void {
  const s = store.getState();
  const tenant = text.trim();
  s.commit(
    updateLink(s.topology, linkId, (x) => {
      const { tenant: _t, ...rest } = x;
      return tenant ? { ...rest, tenant } : rest;
    }),
    { mergeKey: `${linkId}:tenant` },
  );
}

export function removeLink(store: EditorStore, linkId: string): void {
  const s = store.getState();
  s.commit(removeLinks(s.topology, [linkId]));
}

/** Removes a component (a cluster with its parts) and clears the selection. */
export function removeComponent(store: EditorStore, id: string): void {
  const s = store.getState();
  s.commit(removeComponents(s.topology, [id]), { select: {} });
}

/** Applies a finding's fix as one undo step; throws when the fix cannot be applied. */
export function fixFinding(store: EditorStore, f: Finding): void {
  const s = store.getState();
  s.commit(applyFix(s.topology, f));
}

/** Fix from the findings list: says what was done (and that Ctrl+Z undoes it), or why it could not be. */
export function fixFindingAndSay(store: EditorStore, f: Finding): void {
  const s = store.getState();
  try {
    fixFinding(store, f);
    s.notify(`Fixed: ${f.fixLabel ?? f.ruleId}. Ctrl+Z undoes it.`);
  } catch (e) {
    s.notify(`Could not fix: ${(e as Error).message}`, 'error');
  }
}

/**
 * Clicking a finding: selects its first component and asks the inspector to show the field
 * concerned. Returns the finding's components that exist, for the view to bring into sight.
 */
export function showFinding(store: EditorStore, f: Finding): string[] {
  const s = store.getState();
  const ids = f.componentIds.filter((id) => getComponent(s.topology, id));
  if (ids.length === 0) return ids;
  s.select({ nodes: [ids[0]!], edges: [] });
  s.requestFocus(ids[0]!, f.field);
  return ids;
}
