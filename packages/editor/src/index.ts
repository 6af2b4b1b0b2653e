/**
 * The designer's editor without React: its store (the design, history, selection, notices), the
 * actions on it (palette, inspector, findings, clipboard, links, layout, node changes, keyboard
 * shortcuts), the YAML panel's two-way sync, templates, and where designs come from and go to
 * (files, imports, share links, the autosave). The web app binds these to components and hooks.
 */
export * from './actions.ts';
export * from './clipboard.ts';
export * from './connect.ts';
export * from './core.ts';
export * from './counts.ts';
export * from './derive.ts';
export * from './diagramSvg.ts';
export * from './editorStore.ts';
export * from './edits.ts';
export * from './fields.ts';
export type * from './host.ts';
export * from './importFlow.ts';
export * from './kindMeta.ts';
export * from './layout.ts';
export * from './namespaceBoxes.ts';
export * from './lifecycle.ts';
export * from './nodeChanges.ts';
export * from './persist.ts';
export * from './routing.ts';
export * from './tabs.ts';
export * from './selection.ts';
export * from './share.ts';
export * from './sizing.ts';
export * from './shortcuts.ts';
export * from './summary.ts';
export * from './templates.ts';
export * from './whatif.ts';
export * from './yamlSync.ts';
