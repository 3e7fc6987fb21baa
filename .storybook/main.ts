/**
 * Storybook for designers: every element in every state, docs generated from custom-elements.json
 * (run `npm run analyze` first; the npm scripts do), the a11y panel on every story.
 * Builds offline: no telemetry, no update checks, no remote assets.
 */
import { defineMain } from '@storybook/web-components-vite/node';

export default defineMain({
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  core: {
    disableTelemetry: true,
    disableWhatsNewNotifications: true,
    enableCrashReports: false,
  },
  // The examples' feed URLs are root paths (/fixtures/feeds/x.json, /demo/feed/feed.json), as in the tests.
  staticDirs: [
    { from: '../fixtures', to: '/fixtures' },
    { from: '../demo/feed', to: '/demo/feed' },
  ],
  async viteFinal(config) {
    // vite.config.ts builds the script-tag bundle (build.lib) and opens the demo; neither applies here.
    if (config.build) delete config.build.lib;
    if (config.server) config.server.open = false;
    return config;
  },
});
