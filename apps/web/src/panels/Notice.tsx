import { useEffect } from 'react';
import { useEditor } from '../hooks/useEditor.ts';
import { ErrorCodeHelp } from './ErrorCodeHelp.tsx';

/** A short message at the top of the canvas: why a drop or a link was refused, what was done. */
export function Notice() {
  const notice = useEditor((s) => s.notice);
  const clear = useEditor((s) => s.clearNotice);
  useEffect(() => {
    // A coded error stays until dismissed: its explanation is there to be read.
    if (!notice || notice.sticky || notice.code) return;
    const id = setTimeout(clear, notice.tone === 'error' ? 7000 : notice.action ? 12000 : 3000);
    return () => clearTimeout(id);
  }, [notice, clear]);
  return (
    <div className="notice-host" aria-live="polite">
      {notice && (
        <div className={`notice ${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'} key={notice.nonce}>
          <span>{notice.text}</span>
          {notice.code && <ErrorCodeHelp code={notice.code} />}
          {notice.action && (
            <button
              type="button"
              className="notice-action"
              onClick={() => {
                clear();
                notice.action!.run();
              }}
            >
              {notice.action.label}
            </button>
          )}
          <button type="button" className="ghost" aria-label="Dismiss" onClick={clear}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
