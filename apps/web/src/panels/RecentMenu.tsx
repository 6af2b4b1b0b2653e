import { downloadUnreadable, forgetUnreadableAutosave, readRecent, restoreRecent, savedAgo, unreadableAutosave } from '@vmtopo/editor';
import { useEditorApi } from '../hooks/useEditorApi.ts';
import { useHost } from '../hooks/useHost.ts';
import { Menu } from './Menu.tsx';
import { MenuItem } from './MenuItem.tsx';

/** Designs kept in this browser when something replaced them (a share link, a restore), read when the menu opens. */
export function RecentMenu() {
  const store = useEditorApi();
  const host = useHost();
  return (
    <Menu label="Recent ▾" title="Designs kept in this browser" listLabel="Recent designs">
      {(close) => {
        const entries = readRecent(host.storage);
        const unreadable = unreadableAutosave(host.storage) !== null;
        return (
          <>
            {entries.length === 0 && !unreadable && <div className="menu-empty">Designs replaced by a share link or a restore are kept here.</div>}
            {entries.map((e, i) => (
              <MenuItem
                key={e.key}
                title={e.name}
                about={`${e.components} component${e.components === 1 ? '' : 's'} · ${savedAgo(e.savedAt)} · ${e.reason}`}
                autoFocus={i === 0}
                onClick={() => {
                  close();
                  restoreRecent(store, host, e);
                }}
              />
            ))}
            {unreadable && (
              <>
                <MenuItem title="Download the unreadable autosave" about="The data that could not be read at start, as it was stored" onClick={() => (close(), downloadUnreadable(host))} />
                <MenuItem title="Forget the unreadable autosave" about="Delete it from this browser" onClick={() => (close(), forgetUnreadableAutosave(host))} />
              </>
            )}
          </>
        );
      }}
    </Menu>
  );
}
