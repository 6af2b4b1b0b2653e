import { defineConfig } from 'vitest/config';

// One Vitest run over every package: one summary and one JSON report for CI.
export default defineConfig({
  test: {
    projects: [
      'packages/*',
      '!packages/editor',
      // The editor's tests start with the renderer loaded (see the setup file).
      { extends: './packages/editor/vite.config.ts', test: { root: './packages/editor', setupFiles: ['./src/testing/loadRenderer.ts'] } },
      'apps/web',
      'bench',
    ],
  },
});
