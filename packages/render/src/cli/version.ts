/** The vmtopo CLI's version: `vmtopo --version`, the SARIF driver, and the npm package `pnpm pack:cli` writes. */
export const VERSION = '0.1.0';
