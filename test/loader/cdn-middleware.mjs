// Test-server middleware for the script-tag tests (test/bundle, test/loader): the built dist/ as a CDN
// serves it, and the same pages with the single-file build.
//
// - `/test/loader/cdn/a/b/<file>` serves `dist/<file>` from a nested path (a CDN's /npm/mlo-widgets@x/dist/).
// - `/test/loader/flaky/<run>/<file>` is the same, except the files named by the last `/test/loader/flaky-control`
//   request (`?fail=<file>&mode=404|abort`) answer 404 or have their connection dropped (the reader offline);
//   `?fail=` with nothing heals them. `<run>` is any name, new for each test, so that nothing comes from the
//   browser's caches; `/test/loader/flaky/<run>/flaky.html` is test/loader/pages/flaky.html loading the loader from there.
// - `/test/bundle/single-file/<page>` serves `test/bundle/pages/<page>` with `/dist/mlo-widgets.js`
//   replaced by `/dist/mlo-widgets.bundle.js`, so the bundle tests run on both builds.
import { readFile } from 'node:fs/promises';

const CDN = '/test/loader/cdn/a/b/';
const FLAKY = '/test/loader/flaky/';
const CONTROL = '/test/loader/flaky-control';
const SINGLE = '/test/bundle/single-file/';

export function cdnMiddleware() {
  let failing = new Set();
  let mode = '404';
  return async (ctx, next) => {
    const path = ctx.path;
    if (path === CONTROL) {
      failing = new Set(ctx.query.fail ? String(ctx.query.fail).split(',') : []);
      mode = ctx.query.mode === 'abort' ? 'abort' : '404';
      ctx.body = 'ok';
      return;
    }
    if (path.startsWith(FLAKY)) {
      const [run, ...rest] = path.slice(FLAKY.length).split('/');
      const file = rest.join('/');
      ctx.set('Cache-Control', 'no-store');
      if (file === 'flaky.html') {
        const html = await readFile(new URL('pages/flaky.html', import.meta.url), 'utf8');
        ctx.type = 'html';
        ctx.body = html.replace('/test/loader/flaky/mlo-widgets.js', `${FLAKY}${run}/mlo-widgets.js`);
        return;
      }
      if (failing.has(file)) {
        if (mode === 'abort') {
          ctx.req.socket.destroy();
          return;
        }
        ctx.status = 404;
        ctx.body = 'Not found';
        return;
      }
      ctx.url = `/dist/${file}`;
      await next();
      ctx.set('Cache-Control', 'no-store'); // after the file server's own caching headers
      return;
    }
    if (path.startsWith(CDN)) {
      ctx.url = `/dist/${path.slice(CDN.length)}`;
      return next();
    }
    if (path.startsWith(SINGLE) && path.endsWith('.html')) {
      const html = await readFile(new URL(`../bundle/pages/${path.slice(SINGLE.length)}`, import.meta.url), 'utf8');
      ctx.type = 'html';
      ctx.body = html.replaceAll('/dist/mlo-widgets.js', '/dist/mlo-widgets.bundle.js').replaceAll('src="record-errors.js"', 'src="/test/bundle/pages/record-errors.js"').replaceAll('src="fake-other-version.js"', 'src="/test/bundle/pages/fake-other-version.js"');
      return;
    }
    return next();
  };
}
