import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  optimizeDeps: { include: ['monaco-yaml/yaml.worker.js'] }, // dev: avoids the reload when the editor first loads
  worker: { format: 'es' },
  build: { chunkSizeWarningLimit: 4000 },
  test: { name: 'web', include: ['src/**/*.test.ts'], environment: 'node' },
});
