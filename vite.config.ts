/**
 * Two jobs: `npm start` serves the demo (demo/index.html) from source, and `npm run build` writes
 * the script-tag bundle dist/mlo-widgets.js: one minified IIFE with Lit's production build and every
 * dependency inlined, which works as a classic script and as a module script alike.
 * The npm ESM build (dist/lib) comes from `tsc -p tsconfig.build.json`, which keeps lit external.
 */
import { defineConfig } from 'vite';

export default defineConfig({
  root: '.',
  server: { open: '/demo/index.html' },
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    minify: true,
    sourcemap: true,
    // ASCII only: a partner page in another encoding (windows-1250 is common in Serbia) that loads the
    // script without charset="utf-8" must still read the Serbian strings right.
    rolldownOptions: { output: { charset: 'ascii' } },
    lib: {
      entry: 'src/mlo-widgets.ts',
      name: 'MloWidgets',
      formats: ['iife'],
      fileName: () => 'mlo-widgets.js',
    },
  },
});
