/**
 * The article-body sanitiser on demand: ./sanitize.ts (with the browser's own sanitiser and the
 * post-pass) is loaded by `import()` on the first full article, so pages that show only teasers,
 * headlines and lists never download it; where the browser has no HTML Sanitizer API, DOMPurify is
 * loaded after it (`loadSanitizer`). Once loaded, sanitising is synchronous.
 */
import type * as Sanitize from './sanitize.js';

export type BodySanitizer = typeof Sanitize;

let loaded: BodySanitizer | undefined;
let loading: Promise<BodySanitizer> | undefined;

/** The sanitiser when it can run now (loaded, and its engine ready), else `undefined`: call `loadBodySanitizer()`. */
export function bodySanitizer(): BodySanitizer | undefined {
  return loaded?.sanitizerReady() ? loaded : undefined;
}

/**
 * Loads the sanitiser and makes it ready (one request for the module, and one for DOMPurify where the
 * browser needs it, shared by every caller). Rejects when a file does not arrive; the next call asks again.
 */
export async function loadBodySanitizer(): Promise<BodySanitizer> {
  loading ??= import('./sanitize.js').then(
    (module) => (loaded = module),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  const module = await loading;
  // Shared, and asked again after a failure, inside ./sanitize.ts.
  await module.loadSanitizer();
  return module;
}
