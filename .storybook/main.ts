/**
 * Storybook for designers: every element in every state, docs generated from custom-elements.json
 * (run `npm run analyze` first; the npm scripts do), the a11y panel on every story.
 * Builds offline: no telemetry, no update checks, no remote assets.
 */
import { defineMain } from '@storybook/web-components-vite/node';
import type { Plugin } from 'vite';

/** Storybook's own modules: stories/, fixtures/ and .storybook/. */
const SIDE_EFFECT_MODULE = /[\\/](stories|fixtures|\.storybook)[\\/].*\.ts$/;

/**
 * package.json `sideEffects` lists the package's registration modules only, so the production
 * build of Storybook treats every other module of this package as free of side effects and drops
 * side-effect-only imports of it, such as `import './embed-builder.js'` (which registers the
 * builder). Storybook's own modules are not part of the package: they keep their side effects.
 */
function keepRegistrations(): Plugin {
  return {
    name: 'mlo-keep-registrations',
    transform(code, id) {
      return SIDE_EFFECT_MODULE.test(id.split('?')[0] ?? id) ? { code, map: null, moduleSideEffects: true } : null;
    },
  };
}

export default defineMain({
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  // No telemetry and no crash reports (with disableTelemetry, crash reports are off too; setting
  // enableCrashReports at all, even to false, would turn error reports back on), no update checks.
  core: {
    disableTelemetry: true,
    disableWhatsNewNotifications: true,
  },
  // The examples' feed URLs are root paths (/fixtures/feeds/x.json, /demo/feed/feed.json), as in the
  // tests. The built bundle is served byte for byte (not through Vite's transforms), so the embed
  // builder's integrity hash is the hash of the file a CDN serves.
  staticDirs: [
    // Only the feeds: serving fixtures/*.ts statically would shadow the modules stories import in dev.
    { from: '../fixtures/feeds', to: '/fixtures/feeds' },
    // The prebuilt index of the search stories (JSON, and the script that writes it, which no story imports).
    { from: '../fixtures/search-index', to: '/fixtures/search-index' },
    { from: '../demo/feed', to: '/demo/feed' },
    { from: '../dist/mlo-widgets.js', to: '/dist/mlo-widgets.js' },
  ],
  viteFinal(config) {
    // vite.config.ts builds the script-tag bundle (build.lib) and opens the demo; neither applies here.
    if (config.build) delete config.build.lib;
    if (config.server) config.server.open = false;
    config.plugins = [...(config.plugins ?? []), keepRegistrations()];
    // Storybook's renderer imports lit/directive-helpers.js, which the dev server would otherwise
    // serve unbundled, beside the pre-bundled Lit: a second copy of lit-html ("Multiple versions of Lit").
    config.optimizeDeps = { ...config.optimizeDeps, include: [...(config.optimizeDeps?.include ?? []), 'lit/directive-helpers.js'] };
    return config;
  },
});
