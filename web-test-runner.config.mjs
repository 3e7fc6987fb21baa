// Browser tests in Debian's headless Chromium (no browser download); flags in scripts/chromium.mjs.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from './scripts/chromium.mjs';
import { cdnMiddleware } from './test/loader/cdn-middleware.mjs';


/**
 * `executeServerCommand('emulate-forced-colors', { active })`: Windows High Contrast, switched on
 * through the DevTools protocol (Puppeteer's own media emulation refuses `forced-colors`).
 */
function forcedColorsPlugin() {
  // Emulation lasts as long as the DevTools session that set it: keep one per page.
  const sessions = new WeakMap();
  return {
    name: 'mlo-forced-colors',
    async executeCommand({ command, payload, session }) {
      if (command !== 'emulate-forced-colors') return undefined;
      const page = session.browser.getPage(session.id);
      if (!sessions.has(page)) sessions.set(page, await page.createCDPSession());
      await sessions.get(page).send('Emulation.setEmulatedMedia', {
        features: [{ name: 'forced-colors', value: payload?.active ? 'active' : 'none' }],
      });
      return true;
    },
  };
}

/**
 * A test's `*.bundle.ts` module is served bundled by esbuild, with its dependencies inlined: for
 * packages that ship CommonJS only (react, react-dom), which a browser cannot import. Built in memory
 * on each request, never written to disk.
 */
function bundledModulesPlugin() {
  return {
    name: 'mlo-bundled-modules',
    async serve(context) {
      if (!context.path.endsWith('.bundle.ts')) return undefined;
      const result = await build({
        entryPoints: [fileURLToPath(new URL(`.${context.path}`, import.meta.url))],
        bundle: true,
        format: 'esm',
        platform: 'browser',
        write: false,
        // React's development build, with its warnings, as the tests run Lit's.
        define: { 'process.env.NODE_ENV': '"development"' },
        logLevel: 'silent',
      });
      return { body: result.outputFiles[0].text, type: 'js' };
    },
  };
}

export default {
  files: process.env.WTR_FILES ? process.env.WTR_FILES.split(',') : ['test/**/*.test.ts'],
  // Lit's development build, which warns (about an update scheduled after an update completed, and
  // more); test/helpers/lit-warnings.ts turns each of its warnings into a failure of the running test.
  // The bundle tests (test/bundle) load the built dist/mlo-widgets.js, which carries the production build.
  nodeResolve: { exportConditions: ['development', 'default'] },
  // The Lit warning guard loads on every test page: after the test framework (its root hooks go on
  // mocha's root suite), before the test file (its set must be in place before Lit loads).
  testRunnerHtml: (testFramework) => `<!DOCTYPE html>
<html>
  <head></head>
  <body>
    <script type="module">
      import '${testFramework}';
      import '/test/helpers/lit-warnings.ts';
      // The Serbian message tables up front, as a page that has loaded them (src/i18n/serbian.ts loads
      // them on demand; test/loader checks that, on the built files).
      import '/src/i18n/tables/serbian.ts';
    </script>
  </body>
</html>`,
  rootDir: '.',
  // One page at a time: a second page is hidden, and hidden pages get no animation frames (open-wc's fixture() waits for one).
  concurrency: 1,
  testsFinishTimeout: 240_000,
  testFramework: { config: { timeout: 10_000 } },
  // dist/ from a nested CDN path, with files that fail on demand, and the bundle pages on the single-file build.
  middleware: [cdnMiddleware()],
  plugins: [
    forcedColorsPlugin(),
    bundledModulesPlugin(),
    // The tsconfig matters: without it esbuild compiles decorators as standard ones.
    esbuildPlugin({ ts: true, tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)), target: 'auto' }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: CHROMIUM_EXECUTABLE,
        headless: true,
        args: CHROMIUM_ARGS,
      },
    }),
  ],
};
