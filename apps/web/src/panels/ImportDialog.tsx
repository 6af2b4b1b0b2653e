import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import {
  designNameFrom,
  fetchText,
  fileTooLarge,
  loadImported,
  rawUrl,
  type ImportOutcome,
  type ImportPhase,
  type ImportProblems,
} from '@vmtopo/editor';
import { useEffect, useRef, useState, type DragEvent } from 'react';
import { useEditorApi } from '../hooks/useEditorApi.ts';
import { useHost } from '../hooks/useHost.ts';
import { ErrorCodeHelp } from './ErrorCodeHelp.tsx';
import { startImport, type ImportJob } from '../importWorker.ts';
import { ImportReport } from './ImportReport.tsx';

/** One client for the URL import (loaded with this dialog, so react-query is not in the first bundle). */
const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, staleTime: Infinity, gcTime: 60_000, refetchOnWindowFocus: false, refetchOnReconnect: false } },
});

/**
 * Import into the canvas: paste manifests or a design, drop or choose a `.yaml`/`.json` file, or
 * fetch one from a URL. The result replaces the design as one undo step, laid out automatically;
 * what was kept aside and every warning are listed.
 */
export default function ImportDialog(props: { onClose: () => void; file?: File }) {
  return (
    <QueryClientProvider client={queryClient}>
      <ImportDialogBody {...props} />
    </QueryClientProvider>
  );
}

function ImportDialogBody({ onClose, file }: { onClose: () => void; file?: File }) {
  const store = useEditorApi();
  const host = useHost();
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<ImportProblems | null>(null);
  const [busy, setBusy] = useState(false);
  // The import under way (in a worker): what it is doing, and how to stop it.
  const [progress, setProgress] = useState<{ origin: string; bytes: number; phase: ImportPhase } | null>(null);
  const job = useRef<ImportJob | null>(null);
  useEffect(() => () => job.current?.cancel(), []);
  const [report, setReport] = useState<ImportOutcome | null>(null);
  const [urlText, setUrlText] = useState('');
  const [url, setUrl] = useState<string | null>(null);
  const [dropping, setDropping] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const run = async (src: string, origin: string, name?: string) => {
    setBusy(true);
    setProblems(null);
    const bytes = new Blob([src]).size;
    setProgress({ origin, bytes, phase: 'reading' });
    const started = startImport(name === undefined ? { text: src, origin } : { text: src, name, origin }, bytes, (phase) => setProgress({ origin, bytes, phase }));
    job.current = started;
    try {
      const r = await started.result;
      if ('failed' in r) setProblems(r.failed);
      else if (loadImported(store, host, r.done)) onClose();
      else setReport(r.done);
    } catch {
      // Cancelled: nothing was imported, the design on the canvas is as it was.
    } finally {
      if (job.current === started) job.current = null;
      setProgress(null);
      setBusy(false);
    }
  };
  const cancelImport = () => job.current?.cancel();

  const openFile = async (f: File) => {
    const tooLarge = fileTooLarge(f.name, f.size);
    if (tooLarge) {
      setProblems(tooLarge);
      return;
    }
    await run(await f.text(), f.name, designNameFrom(f.name));
  };

  // A file dropped on the canvas (or chosen with "Open…") arrives with the dialog.
  const started = useRef(false);
  useEffect(() => {
    if (!file || started.current) return;
    started.current = true;
    void openFile(file);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [file]);

  const query = useQuery({
    queryKey: ['import-url', url],
    queryFn: ({ signal }) => fetchText(rawUrl(url!), signal),
    enabled: url !== null,
  });
  const imported = useRef(0);
  useEffect(() => {
    if (url === null || query.data === undefined || query.dataUpdatedAt === imported.current) return;
    imported.current = query.dataUpdatedAt;
    void run(query.data, url, designNameFrom(url));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query.data, query.dataUpdatedAt, url]);

  const fetchUrl = () => {
    const u = urlText.trim();
    if (!u) return;
    setProblems(null);
    if (u === url) void query.refetch();
    else setUrl(u);
  };

  const onDragOver = (e: DragEvent) => {
    if (!e.dataTransfer.types.includes('Files')) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    setDropping(true);
  };
  const onDrop = (e: DragEvent) => {
    const f = e.dataTransfer.files[0];
    setDropping(false);
    if (!f) return;
    e.preventDefault();
    void openFile(f);
  };

  if (report) return <ImportReport report={report} onClose={onClose} />;

  const fetching = url !== null && query.isFetching;
  return (
    <div className="modal-backdrop" onClick={onClose}>
      <div
        className={`modal wide import${dropping ? ' dropping' : ''}`}
        role="dialog"
        aria-modal="true"
        aria-label="Import"
        aria-busy={busy || fetching}
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => e.key === 'Escape' && onClose()}
        onDragOver={onDragOver}
        onDragLeave={() => setDropping(false)}
        onDrop={onDrop}
      >
        <h2>Import</h2>
        <p className="muted">
          Paste VictoriaMetrics operator manifests (multi-document YAML, <code>kubectl get -o yaml</code> lists too) or a saved design
          (<code>.vmtopo.json</code>). The design on the canvas is replaced as one undo step and laid out automatically.
        </p>
        <textarea
          aria-label="Manifests or design"
          rows={12}
          value={text}
          onChange={(e) => setText(e.target.value)}
          spellCheck={false}
          autoFocus={!file}
          placeholder={'apiVersion: operator.victoriametrics.com/v1beta1\nkind: VMAgent\n…'}
        />
        <div className="import-row">
          <button type="button" onClick={() => fileInput.current?.click()} disabled={busy}>
            Open a file…
          </button>
          <span className="muted">or drop a .yaml, .yml or .json file here</span>
          <input
            ref={fileInput}
            type="file"
            hidden
            accept=".yaml,.yml,.json,application/json,application/yaml,text/yaml"
            aria-label="Choose a file"
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (f) void openFile(f);
            }}
          />
        </div>
        <form
          className="import-row"
          onSubmit={(e) => {
            e.preventDefault();
            fetchUrl();
          }}
        >
          <label htmlFor="import-url">From a URL</label>
          <input
            id="import-url"
            type="url"
            inputMode="url"
            placeholder="https://raw.githubusercontent.com/…/vmagent.yaml"
            value={urlText}
            onChange={(e) => setUrlText(e.target.value)}
          />
          <button type="submit" disabled={!urlText.trim() || fetching}>
            {fetching ? 'Fetching…' : 'Fetch'}
          </button>
        </form>
        {progress && (
          <div className="import-status" role="status">
            <span className="spinner" aria-hidden /> {progress.phase === 'reading' ? 'Reading' : 'Laying out'} {progress.origin} ({formatBytes(progress.bytes)})…
            <button type="button" onClick={cancelImport}>
              Cancel import
            </button>
          </div>
        )}
        {fetching && (
          <div className="import-status" role="status">
            <span className="spinner" aria-hidden /> Fetching {url}…
          </div>
        )}
        {url !== null && query.isError && !fetching && (
          <div className="import-error" role="alert">
            <span>
              Could not fetch {url}: {(query.error as Error).message}.
            </span>
            <button type="button" onClick={() => void query.refetch()}>
              Retry
            </button>
          </div>
        )}
        {problems && (
          <div className="import-error" role="alert">
            <div>
              <b>{problems.title}</b>
              {problems.code && <ErrorCodeHelp code={problems.code} />}
              <ul>
                {problems.items.map((p, i) => (
                  <li key={i}>{p}</li>
                ))}
              </ul>
            </div>
          </div>
        )}
        <div className="modal-actions">
          <button type="button" className="ghost" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="primary" onClick={() => void run(text, 'the pasted text')} disabled={!text.trim() || busy}>
            {busy ? 'Importing…' : 'Import'}
          </button>
        </div>
      </div>
    </div>
  );
}

/** 1234567 → "1.2 MB": sizes as the file manager shows them. */
function formatBytes(n: number): string {
  if (n < 1000) return `${n} bytes`;
  if (n < 1_000_000) return `${(n / 1000).toFixed(1)} kB`;
  return `${(n / 1_000_000).toFixed(1)} MB`;
}
