import { isShareHash, openLink, showNotice, type Boot, type EditorStore, type Host } from '@vmtopo/editor';
import { useEffect } from 'react';
import { clearHash } from '../browser.ts';

/** The start notice (link opened, link refused, unreadable autosave), and links opened later. */
export function useShareLinks(store: EditorStore, host: Host, boot: Boot) {
  useEffect(() => {
    if (boot.notice) showNotice(store, host, boot.notice);
    // Once per start; StrictMode's second run shows the same notice again, which is harmless.
  }, [store, host, boot]);

  useEffect(() => {
    const onHash = () => {
      const hash = window.location.hash;
      if (!isShareHash(hash)) return;
      clearHash();
      openLink(store, host, hash);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [store, host]);
}
