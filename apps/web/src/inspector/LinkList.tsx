import { removeLink } from '@vmtopo/editor';
import { describe, getComponent, LINK_LABELS, type Component, type Topology } from '@vmtopo/model';
import { useEditorApi } from '../hooks/useEditorApi.ts';

/** The links of a component, each removable. */
export function LinkList({ t, c }: { t: Topology; c: Component }) {
  const store = useEditorApi();
  const links = t.links.filter((l) => l.source === c.id || l.target === c.id);
  if (links.length === 0) return null;
  return (
    <fieldset className="group">
      <legend>Links</legend>
      <ul className="link-list">
        {links.map((l) => {
          const out = l.source === c.id;
          const other = getComponent(t, out ? l.target : l.source);
          return (
            <li key={l.id}>
              <span>
                {LINK_LABELS[l.type]} {out ? '→' : '←'} {other ? describe(t, other) : 'external'}
              </span>
              <button
                type="button"
                className="ghost"
                aria-label={`Remove ${LINK_LABELS[l.type]} link ${out ? 'to' : 'from'} ${other ? describe(t, other) : 'external'}`}
                onClick={() => removeLink(store, l.id)}
              >
                ×
              </button>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
