/**
 * Server side of scripts/ssr-check.mjs: renders test/ssr/page.ts with @lit-labs/ssr as a whole HTML
 * document. Bundled by the script with Lit left external, so that Node loads Lit's server build.
 */
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import type { JsonFeed } from '../../src/feed/types.js';
// Serbian is rendered (server) and hydrated (browser) from the start: its tables up front (src/i18n/serbian.ts).
import '../../src/i18n/tables/serbian.js';
import '../../src/elements/news-list/define.js';
import '../../src/elements/article-card/define.js';
import '../../src/elements/breadcrumb/define.js';
import '../../src/elements/archive-search/define.js';
import '../../src/elements/office-contact/define.js';
import { page } from './page.js';

/** The page's HTML, with the feed it was rendered from embedded for the browser (test/ssr/client.ts). */
export async function renderDocument(feed: JsonFeed): Promise<string> {
  const body = await collectResult(render(page(feed)));
  // As JSON inside a script: "<" escaped, so no text in the feed can end the element.
  const data = JSON.stringify(feed).replace(/</g, '\\u003c');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>mlo-widgets server rendering check</title>
<style>
  body { margin: 0; padding: 16px; width: 960px; font: 16px/1.5 sans-serif; }
  .narrow { width: 320px; }
</style>
</head>
<body>
${body}
<script type="application/json" id="ssr-feed">${data}</script>
</body>
</html>
`;
}

export { FEED_PATH, LIGHT_STEPS, OWN_CONTACT } from './page.js';
