import { defineConfig } from 'vitest/config';

// One Vitest run over every package: one summary and one JSON report for CI.
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/web', 'bench'],
  },
});
