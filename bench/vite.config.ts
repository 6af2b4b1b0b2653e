import { defineProject } from 'vitest/config';

// The quick run of the benchmark code (tiny sizes, shapes only): benchmarks never fail CI on a number.
export default defineProject({ test: { name: 'bench', include: ['src/**/*.test.ts'], testTimeout: 60_000 } });
