import { downloadUnreadable, forgetUnreadableAutosave, readRecent, readSlots, restoreRecent, savedAgo, switchSlot, unreadableAutosaves } from '@vmtopo/editor';
import { useEditorApi } from '../hooks/useEditorApi.ts';
import { useHost } from '../hooks/useHost.ts';
import { useSession } from '../hooks/useSession.ts';
import { Menu } from './Menu.tsx';
import { MenuItem } from './MenuItem.tsx';

/** Designs kept in this browser when something replaced them (a share link, a restore), read when the menu opens. */
export function RecentMenu() {
  const store = useEditorApi();
  const host = useHost();
  const session = useSession();
  return (
    <Menu label="Recent ▾" title="Designs kept in this browser" listLabel="Recent designs">
      {(close) => {
        const entries = readRecent(host.storage);
        // Designs other tabs (or this one, before a switch) keep saving in their own slots.
        const others = readSlots(host.storage).filter((e) => e.slot !== session.tab.slot);
        const unreadable = unreadableAutosaves(host.storage).length > 0;
        return (
          <>
            {entries.length === 0 && others.length === 0 && !unreadable && (
              <div className="menu-empty">Designs replaced by a share link or a restore, and designs of other tabs, are kept here.</div>
            )}
            {others.map((e) => (
              <MenuItem
                key={`slot:${e.slot}`}
                title={e.name}
                about={`${e.components} component${e.components === 1 ? '' : 's'} · saved ${savedAgo(e.savedAt)} · in this browser (another tab or an earlier session)`}
                onClick={() => {
                  close();
                  switchSlot(store, host, session.tab, e.slot, session.flush);
                }}
              />
            ))}
            {entries.map((e, i) => (
              <MenuItem
                key={e.key}
                title={e.name}
                about={`${e.components} component${e.components === 1 ? '' : 's'} · ${savedAgo(e.savedAt)} · ${e.reason}`}
                autoFocus={i === 0 && others.length === 0}
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
