import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// One config for the page (src/ui) and for the tests. `kg serve` and `kg build-web`
// load it and add the plugin that serves or ships graph.json.
export default defineConfig({
  root: fileURLToPath(new URL('./src/ui', import.meta.url)),
  // Relative asset paths: the built site works from any folder of any static host.
  base: './',
  publicDir: false,
  build: { outDir: fileURLToPath(new URL('./dist', import.meta.url)), emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  worker: { format: 'es' },
  // Crawl the workers too, so that the dev server does not find their dependencies
  // late and reload the page in the middle of a session.
  optimizeDeps: { entries: ['index.html', 'workers/*.ts'] },
  test: {
    root: '.',
    include: ['tests/**/*.test.ts'],
    setupFiles: ['tests/setup-syntax.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
