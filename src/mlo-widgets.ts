/**
 * The script-tag entry: registers every element. Built into dist/mlo-widgets.js.
 * Bundler users who want the classes without registration import from `mlo-widgets` (src/index.ts).
 */
export * from './index.js';
