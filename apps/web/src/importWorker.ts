import { IMPORT_IN_WORKER_BYTES, importProblems, importText, type ImportMessage, type ImportOutcome, type ImportPhase, type ImportProblems, type ImportRequest } from '@vmtopo/editor';

export interface ImportJob {
  /** The outcome, or the problems that stopped it; never rejects except when cancelled. */
  result: Promise<{ done: ImportOutcome } | { failed: ImportProblems }>;
  cancel(): void;
}

/**
 * Starts an import: a large text in a worker of its own (`onPhase` follows its progress), a small
 * one right here (see IMPORT_IN_WORKER_BYTES).
 */
export function startImport(req: ImportRequest, bytes: number, onPhase: (p: ImportPhase) => void): ImportJob {
  if (bytes < IMPORT_IN_WORKER_BYTES) {
    const result = importText(req.text, req.name, onPhase).then(
      (done) => ({ done }),
      (e: unknown) => ({ failed: importProblems(e, req.origin) }),
    );
    return { result, cancel: () => {} };
  }
  const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
  let cancel = () => {};
  const result = new Promise<{ done: ImportOutcome } | { failed: ImportProblems }>((resolve, reject) => {
    cancel = () => {
      worker.terminate();
      reject(new DOMException('the import was cancelled', 'AbortError'));
    };
    worker.onmessage = (e: MessageEvent<ImportMessage>) => {
      const m = e.data;
      if ('phase' in m) return onPhase(m.phase);
      worker.terminate();
      resolve(m);
    };
    worker.onerror = (e) => {
      worker.terminate();
      resolve({ failed: { title: `Nothing was imported from ${req.origin}.`, items: [e.message || 'the import stopped unexpectedly'] } });
    };
  });
  worker.postMessage(req);
  return { result, cancel: () => cancel() };
}
