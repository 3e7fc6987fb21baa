/**
 * The full article on demand: its code, its styles and the article-body sanitiser (./full-article.ts,
 * one file) are loaded by `import()` on the first full article, so pages that show only teasers,
 * headlines and lists never download them; where the browser has no HTML Sanitizer API, DOMPurify is
 * loaded after it (`loadSanitizer`). Once loaded, rendering and sanitising are synchronous.
 */
import type * as FullArticleModule from './full-article.js';

export type FullArticleCode = typeof FullArticleModule;

let loaded: FullArticleCode | undefined;
let loading: Promise<FullArticleCode> | undefined;

/** The full article's code when it can render now (loaded, and its sanitiser ready), else `undefined`: call `loadFullArticle()`. */
export function fullArticleCode(): FullArticleCode | undefined {
  return loaded?.sanitizerReady() ? loaded : undefined;
}

/**
 * Loads the full article's code and makes its sanitiser ready (one request for the module, and one for
 * DOMPurify where the browser needs it, shared by every caller). Rejects when a file does not arrive;
 * the next call asks again.
 */
export async function loadFullArticle(): Promise<FullArticleCode> {
  // A literal `import()`, so that bundlers give the full article a file of its own.
  loading ??= import('./full-article.js').then(
    (module) => (loaded = module),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  const module = await loading;
  // Shared, and asked again after a failure, inside src/internal/sanitize.ts.
  await module.loadSanitizer();
  return module;
}
