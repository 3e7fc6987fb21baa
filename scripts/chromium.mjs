// How every script of this repository starts a browser: Debian's Chromium (never a downloaded one),
// as root (so --no-sandbox), headless, and quiet on a machine with no network beyond the registries
// (without the background-networking flags Chromium keeps calling home and is refused).
// Used by web-test-runner.config.mjs, scripts/check-stories.mjs and bench/search.bench.mjs.

/** `CHROME_PATH`, else Debian's package path. */
export const CHROMIUM_EXECUTABLE = process.env.CHROME_PATH || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
