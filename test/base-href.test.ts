/**
 * `<base href>`: a relative `src` resolves against the document's base URL (`document.baseURI`), as the
 * page's own links do, not against the page's address. test/base-href/page.html lives in /test/base-href/
 * and sets `<base href="/fixtures/feeds/">`; its `<mlo-news-list src="news-mlo.json">` must load
 * /fixtures/feeds/news-mlo.json, the address its own `<a href="news-mlo.json">` points to.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { NEWS_FEED_ITEMS } from '../fixtures/news-list.js';

let frame: HTMLIFrameElement | undefined;

afterEach(() => {
  frame?.remove();
  frame = undefined;
});

async function openPage(): Promise<Document> {
  const iframe = document.createElement('iframe');
  frame = iframe;
  iframe.style.width = '800px';
  iframe.style.height = '600px';
  const loaded = new Promise<void>((resolve) => iframe.addEventListener('load', () => resolve(), { once: true }));
  iframe.src = '/test/base-href/page.html';
  document.body.append(iframe);
  await loaded;
  return iframe.contentDocument!;
}

describe('a page with <base href>', () => {
  it('loads a relative src from the base, as the page’s own links resolve', async () => {
    const page = await openPage();
    const expected = new URL('/fixtures/feeds/news-mlo.json', location.href).href;
    expect(page.baseURI).to.equal(new URL('/fixtures/feeds/', location.href).href);
    expect(page.querySelector<HTMLAnchorElement>('#own-link')!.href).to.equal(expected);

    const list = page.querySelector('mlo-news-list')!;
    const cards = () => [...(list.shadowRoot?.querySelectorAll('mlo-article-card') ?? [])];
    await waitUntil(() => cards().length > 0 || list.shadowRoot?.querySelector('[role="alert"]'), 'the list in the page never loaded', { timeout: 8000 });
    expect((list.shadowRoot!.querySelector('[role="alert"]')?.textContent ?? '').trim()).to.equal('');
    expect(cards()).to.have.length(Math.min(3, NEWS_FEED_ITEMS));

    const requested = (page.defaultView as unknown as { __requests: string[] }).__requests;
    expect(requested).to.deep.equal([expected]);
  });
});
