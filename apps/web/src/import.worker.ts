import { runImportRequest, type ImportRequest } from '@vmtopo/editor';

// Imports run here, off the main thread: a large file keeps the page responsive and can be
// cancelled (the page terminates this worker). One worker per import.

// elkjs's bundle (loaded for the auto-layout) takes any page without a document for an ELK worker
// of its own and claims `self.onmessage`; our requests come through addEventListener, and its
// claim is ignored so that it never answers one of them.
Object.defineProperty(self, 'onmessage', { configurable: true, get: () => null, set: () => {} });

self.addEventListener('message', (e: MessageEvent<ImportRequest>) => {
  void runImportRequest(e.data, (m) => self.postMessage(m));
});
