import { loadDesign, TEMPLATES } from '@vmtopo/editor';
import { useEditorApi } from '../hooks/useEditorApi.ts';
import { useHost } from '../hooks/useHost.ts';
import { Menu } from './Menu.tsx';
import { MenuItem } from './MenuItem.tsx';

/** The templates: a blank design and the scenarios of the operator's HA guide. */
export function TemplatesMenu() {
  const store = useEditorApi();
  const host = useHost();
  return (
    <Menu label="Templates ▾" listLabel="Templates">
      {(close) =>
        TEMPLATES.map((t, i) => (
          <MenuItem
            key={t.id}
            title={t.title}
            about={t.summary}
            autoFocus={i === 0}
            onClick={() => {
              close();
              loadDesign(store, host, t.build());
            }}
          />
        ))
      }
    </Menu>
  );
}
