/**
 * `mlo-widgets/publish`: the library behind the `mlo-feed` command, for site generators and scripts
 * (Node ≥ 20). `build(config)` does what `mlo-feed build` does, `validate(target)` what
 * `mlo-feed validate` does, `serve(dir)` what `mlo-feed serve` does; none of them exits the process.
 * Guide: docs/publishing.md. Node-only: nothing here runs in a browser, and no element imports it.
 */
export { build, feedStem, JSON_FEED_VERSION } from './build.js';
export type { BuildOptions, BuildResult, OutputFile, OutputKind, LanguageSummary } from './build.js';
export { validate } from './validate.js';
export type { ValidateResult } from './validate.js';
export { serve, headersFor, HOSTING_ADVICE, CACHE_IMMUTABLE, CACHE_SHORT, CACHE_DEFAULT } from './serve.js';
export type { ServeOptions, RunningServer } from './serve.js';
export { loadSiteConfig, siteConfigFrom, DEFAULT_PAGE_SIZE } from './config.js';
export type { SiteConfig, LanguageSettings, ContentSource } from './config.js';
export { EXIT_OK, EXIT_CONTENT, EXIT_USAGE, EXIT_INTERNAL, UsageError, formatDiagnostic } from './diagnostics.js';
export type { Diagnostic, Severity } from './diagnostics.js';
