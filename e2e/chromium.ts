/**
 * The browser every UI test and every web benchmark runs: Debian's Chromium (never a downloaded
 * one), with the flags ../shared/perf-anchor.md measured the React Flow baseline with.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];
