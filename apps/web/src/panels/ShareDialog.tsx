import { saveDesignFile, SAFE_LINK_CHARS, sentence, shareLink } from '@vmtopo/editor';
import { useMemo, useState } from 'react';
import { copyText } from '../browser.ts';
import { useEditor } from '../hooks/useEditor.ts';
import { useHost } from '../hooks/useHost.ts';

/** The address of this page without its fragment: where a share link opens the designer. */
export const shareBase = () => window.location.href.split('#')[0]!;

/**
 * Share: the whole design in the link's fragment (never sent to a server). Shows the length and,
 * past what chat apps keep, offers the topology file instead.
 */
export function ShareDialog({ onClose }: { onClose: () => void }) {
  const topology = useEditor((s) => s.topology);
  const [copied, setCopied] = useState(false);
  const link = useMemo((): { url: string } | { error: string } => {
    try {
      return { url: shareLink(topology, shareBase()) };
    } catch (e) {
      return { error: sentence((e as Error).message) };
    }
  }, [topology]);
  const host = useHost();
  const saveFile = () => saveDesignFile(host, topology);
  const long = 'url' in link && link.url.length > SAFE_LINK_CHARS;

  return (
    <div className="modal-backdrop" onClick={onClose}>
      <div className="modal wide share" role="dialog" aria-modal="true" aria-label="Share" onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
        <h2>Share “{topology.name}”</h2>
        <p className="muted">
          The whole design — components, fields, links and positions — is in the link, after the <code>#</code>, which browsers never send to a server.
          Whoever opens it gets exactly this design; their own design stays under Recent.
        </p>
        {'url' in link ? (
          <>
            <div className="share-row">
              <input
                aria-label="Share link"
                readOnly
                value={link.url}
                onFocus={(e) => e.currentTarget.select()}
                spellCheck={false}
              />
              <button
                type="button"
                className="primary"
                autoFocus
                onClick={async () => {
                  await copyText(link.url);
                  setCopied(true);
                }}
              >
                {copied ? 'Copied ✓' : 'Copy link'}
              </button>
            </div>
            <div className={`share-length${long ? ' long' : ''}`} data-testid="share-length">
              {link.url.length.toLocaleString('en-US')} characters
              {!long && <span className="muted"> · fits in chat apps and mail</span>}
            </div>
            {long && (
              <div className="share-warning" role="alert">
                <span>
                  ⚠ This link is longer than {SAFE_LINK_CHARS.toLocaleString('en-US')} characters. Chat apps and some mail clients cut links this long, and a cut
                  link does not open. Send the topology file instead.
                </span>
                <button type="button" onClick={saveFile}>
                  Save topology file
                </button>
              </div>
            )}
          </>
        ) : (
          <div className="share-warning" role="alert">
            <span>{link.error}</span>
            <button type="button" onClick={saveFile}>
              Save topology file
            </button>
          </div>
        )}
        <div className="modal-actions">
          {!long && 'url' in link && (
            <button type="button" className="ghost" onClick={saveFile} title="Save the design as .vmtopo.json">
              Save topology file instead
            </button>
          )}
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </div>
  );
}
