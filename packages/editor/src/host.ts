import type { KeyValueStorage } from './persist.ts';

/**
 * What the editor asks of the page it runs in: the designer passes the browser's (React Flow's
 * fitView, localStorage, a download link), tests pass stubs.
 */
export interface Host {
  /** Fits the whole design into view once the canvas has measured it. */
  fit(): void;
  /** Where designs are kept between visits; null where the browser refuses local storage. */
  storage: KeyValueStorage | null;
  /** Offers a text as a file to download. */
  download(filename: string, text: string, type?: string): void;
}
