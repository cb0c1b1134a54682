import { defineConfig } from 'vitest/config';

// One config for the page (src/ui) and for the tests.
export default defineConfig({
  root: 'src/ui',
  publicDir: false,
  build: { outDir: '../../dist', emptyOutDir: true },
  worker: { format: 'es' },
  test: {
    root: '.',
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
