// @ts-check
// The web console: built into dist/console by `npm run build`, served by the service at `/`.
import { join } from 'node:path';
import { defineConfig } from 'vite';
import { firstLoadBudget } from './first-load-budget.mjs';

export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  publicDir: false,
  // JSX through Vite's own transform (oxc), no React plugin needed for a production build.
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: join(import.meta.dirname, '..', 'dist', 'console'),
    emptyOutDir: true,
    // Nothing inlined: the Content-Security-Policy allows no inline script, style or data: script.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    cssCodeSplit: false,
    sourcemap: false,
    reportCompressedSize: false,
  },
  plugins: [firstLoadBudget()],
});
