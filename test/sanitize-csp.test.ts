/**
 * Which sanitiser a built page uses, under the strict CSP with Trusted Types (after `npm run build`):
 * on the HTML Sanitizer API a full article needs no `dompurify` policy and never downloads DOMPurify;
 * in a browser without the API (pages/hide-sanitizer-api.js) the loader fetches DOMPurify's file on
 * the first full article, and the single-file build has it inside. The page that hides the API and
 * refuses DOMPurify's policy (the plain-text fallback) is test/bundle/csp.test.ts's. DOMPurify's file
 * failing is made by test/loader/cdn-middleware.mjs (`/test/loader/flaky/`), as a 404 or an offline reader.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { BUILDS, type OpenedPage, openPage, settle, waitForText } from './bundle/frame.js';

/** The real article of jsonfeed-org-1.0.json, shown in full. */
const ARTICLE_TEXT = 'So we developed JSON Feed, a format similar to RSS and Atom but in JSON.';

function deepElements(root: ParentNode): Element[] {
  return Array.from(root.querySelectorAll('*')).flatMap((element) => [element, ...(element.shadowRoot ? deepElements(element.shadowRoot) : [])]);
}

/** The body's links: present only when the body was rendered as markup, not as text. */
function bodyLinks(page: OpenedPage): string[] {
  const card = page.document.querySelector('mlo-article-card')!;
  return deepElements(card.shadowRoot!)
    .filter((element) => element.localName === 'a')
    .map((link) => link.getAttribute('href') ?? '');
}

/** The script files the page fetched that hold DOMPurify. */
function domPurifyFiles(page: OpenedPage): string[] {
  return page.window.performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => /sanitize-dompurify/.test(name));
}

for (const build of BUILDS) {
  describe(`the sanitiser of a built page: ${build.name}`, function () {
    this.timeout(20_000);

    it('on the HTML Sanitizer API: the body renders as markup with no dompurify policy, no violation, and no DOMPurify download', async () => {
      const page = await openPage('strict-csp-article-native.html', build.folder);
      expect(typeof (page.window as unknown as { Sanitizer?: unknown }).Sanitizer).to.equal('function');
      const card = page.document.querySelector('mlo-article-card')!;
      await waitForText(card, ARTICLE_TEXT);
      expect(bodyLinks(page), 'the body is rendered as markup').to.include('https://jsonfeed.org/version/1');
      await settle();
      expect(page.record.violations).to.deep.equal([]);
      expect(page.record.errors).to.deep.equal([]);
      expect(domPurifyFiles(page)).to.deep.equal([]);
    });

    it('without the API: DOMPurify renders the body as markup through its allowed policy, with no violation', async () => {
      const page = await openPage('strict-csp-article-dompurify.html', build.folder);
      expect(typeof (page.window as unknown as { Sanitizer?: unknown }).Sanitizer).to.equal('undefined');
      const card = page.document.querySelector('mlo-article-card')!;
      await waitForText(card, ARTICLE_TEXT);
      expect(bodyLinks(page), 'the body is rendered as markup').to.include('https://jsonfeed.org/version/1');
      await settle();
      expect(page.record.violations).to.deep.equal([]);
      expect(page.record.errors).to.deep.equal([]);
      // The loader fetches DOMPurify's own file; the single-file build carries it inside.
      expect(domPurifyFiles(page).length).to.equal(build.singleFile ? 0 : 1);
    });
  });
}

describe('the sanitiser of a built page: DOMPurify\'s file does not arrive (the loader)', function () {
  this.timeout(20_000);

  /** Makes `/test/loader/flaky/` answer 404 (or drop the connection) for these dist/ files; none: heal. */
  async function failing(files: string[], mode: '404' | 'abort' = '404'): Promise<void> {
    const response = await fetch(`/test/loader/flaky-control?fail=${encodeURIComponent(files.join(','))}&mode=${mode}`);
    expect(response.ok).to.equal(true);
  }

  afterEach(() => failing([]));

  /** A file of this build, by the pattern of its name. */
  async function chunkOf(name: RegExp): Promise<string> {
    const { files } = (await (await fetch('/dist/chunks/files.json')).json()) as { files: string[] };
    const chunk = files.find((file) => name.test(file));
    expect(chunk, `the build has a file ${String(name)}`).to.be.a('string');
    return chunk!;
  }

  /** The DOMPurify file of this build. */
  const domPurifyChunk = (): Promise<string> => chunkOf(/^chunks\/sanitize-dompurify-[\w-]+\.js$/);

  /** The card's error block, once shown: role="alert", in words, with Retry, and no body. */
  async function errorShown(page: OpenedPage): Promise<HTMLButtonElement> {
    const card = page.document.querySelector('mlo-article-card')!;
    await waitUntil(() => card.shadowRoot?.querySelector('[role="alert"] button'), 'no error with Retry', { timeout: 8000 });
    expect(card.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('could not be loaded');
    expect(bodyLinks(page)).to.deep.equal([]);
    return card.shadowRoot!.querySelector<HTMLButtonElement>('[role="alert"] button')!;
  }

  it('a 404: the card shows a role="alert" error with Retry, no uncaught error', async () => {
    await failing([await domPurifyChunk()], '404');
    const page = await openPage('sanitizer-404.html');
    const retry = await errorShown(page);
    expect(retry.textContent.trim()).to.equal('Retry');
    await settle();
    expect(page.record.errors).to.deep.equal([]);
    expect(page.record.violations).to.deep.equal([]);
  });

  // Each page loads the loader from a path of its own (test/loader/flaky/<name>/): the test server keeps
  // the 404 it gave for an address, so Retry is tested after a dropped connection, at the same address
  // (Chromium asks again for a module whose import() failed).
  it('offline (a dropped connection): Retry renders the article once the file arrives', async () => {
    await failing([await domPurifyChunk()], 'abort');
    const page = await openPage('sanitizer-offline.html');
    const retry = await errorShown(page);
    await failing([]);
    retry.click();
    const card = page.document.querySelector('mlo-article-card')!;
    await waitForText(card, ARTICLE_TEXT);
    expect(bodyLinks(page), 'the body is rendered as markup').to.include('https://jsonfeed.org/version/1');
    expect(card.shadowRoot!.querySelector('[role="alert"]') === null).to.equal(true);
    await settle();
    expect(page.record.errors).to.deep.equal([]);
    expect(page.record.violations).to.deep.equal([]);
  });

  it('on the HTML Sanitizer API, the full article\'s own file (its code and the sanitiser) dropped: the error with Retry, then the article', async () => {
    await failing([await chunkOf(/^chunks\/full-article-[\w-]+\.js$/)], 'abort');
    const page = await openPage('sanitizer-module-offline.html');
    expect(typeof (page.window as unknown as { Sanitizer?: unknown }).Sanitizer).to.equal('function');
    const retry = await errorShown(page);
    await failing([]);
    retry.click();
    const card = page.document.querySelector('mlo-article-card')!;
    await waitForText(card, ARTICLE_TEXT);
    expect(bodyLinks(page), 'the body is rendered as markup').to.include('https://jsonfeed.org/version/1');
    expect(domPurifyFiles(page)).to.deep.equal([]);
    await settle();
    expect(page.record.errors).to.deep.equal([]);
    expect(page.record.violations).to.deep.equal([]);
  });
});
