/**
 * mlo-archive-search and what it requests: nothing before the reader shows intent (counted), then
 * the prebuilt index the feed names (fixtures/search-index/), and the crawl of the feed's pages
 * when the index fails, with a visible alert.
 */
import { aTimeout, expect } from '@open-wc/testing';
import { html } from 'lit';
import { examples, SEARCH_FEED, SEARCH_PREBUILT_INDEX } from '../fixtures/archive-search.js';
import type { FeedErrorEvent } from '../src/events.js';
import { clearFeedCache } from '../src/feed/load.js';
import type { MloArchiveSearch } from '../src/elements/archive-search/archive-search.js';
import { announcement, combobox, mount, optionTitles, options, renderSearch, shadow, showIntent, typeQuery, until } from './archive-search-helpers.js';
import { realFetch, recordFetches } from './helpers/fetch.js';

const PREBUILT_FEED = '/fixtures/search-index/feed.json';
const INDEX = '/fixtures/search-index/index/';
const absolute = (path: string) => new URL(path, location.href).href;
/** Requests the element made for its search code (the dynamic import), from resource timing. */
const engineRequests = () => performance.getEntriesByType('resource').filter((entry) => entry.name.includes('/src/search/engine'));

afterEach(() => clearFeedCache());

describe('mlo-archive-search: nothing before intent', () => {
  it('requests nothing, neither the feed nor the search code, until focus; then the feed and the index', async () => {
    const requests = recordFetches();
    const { element } = await renderSearch({ description: 'prebuilt', src: PREBUILT_FEED });
    let loaded = 0;
    element.addEventListener('mlo-feed-load', () => (loaded += 1));
    await aTimeout(300);
    expect(requests.map(({ url }) => url)).to.deep.equal([]);
    expect(engineRequests().length, 'the search code is not loaded before intent').to.equal(0);
    expect(loaded).to.equal(0);
    // The box is there, labelled, and says nothing yet.
    expect(combobox(element).labels![0]!.textContent.trim()).to.equal('Search our content');
    expect(shadow(element).querySelector('[part="progress"]')).to.equal(null);
    expect(shadow(element).querySelector('[role="alert"]')).to.equal(null);
    await expect(element).to.be.accessible();

    await showIntent(element);
    await until(() => requests.some(({ url }) => url.endsWith('search-index.json')), 'the index was not requested');
    const urls = requests.map(({ url }) => absolute(url));
    expect(urls).to.deep.equal([absolute(PREBUILT_FEED), absolute(`${INDEX}search-index.json`)]);
    expect(engineRequests().length, 'the search code is loaded on intent').to.be.above(0);
  });

  it('a key press counts as intent', async () => {
    const requests = recordFetches();
    const { element } = await renderSearch({ description: 'crawl', src: SEARCH_FEED });
    await aTimeout(100);
    expect(requests).to.have.length(0);
    combobox(element).dispatchEvent(new KeyboardEvent('keydown', { key: 's', bubbles: true, composed: true }));
    await until(() => requests.length > 0, 'nothing requested after a key press');
    expect(absolute(requests[0]!.url)).to.equal(absolute(SEARCH_FEED));
  });

  it('?q= with sync-url counts as intent, and is searched', async () => {
    const original = location.href;
    const url = new URL(location.href);
    url.searchParams.set('q', 'kragujevac');
    history.replaceState(history.state, '', url);
    try {
      const requests = recordFetches();
      const { element } = await renderSearch({ description: 'sync-url', src: PREBUILT_FEED, syncUrl: true });
      await until(() => optionTitles(element).length > 0, 'the query from the address was not searched');
      expect(optionTitles(element)).to.deep.equal(['Kragujevac: a lecture on crisis management']);
      expect(requests.length).to.be.above(0);
    } finally {
      history.replaceState(history.state, '', original);
    }
  });

  it('a page without the search box’s intent: several elements, no search request', async () => {
    const requests = recordFetches();
    const frame = mount(html`<div><mlo-archive-search src=${PREBUILT_FEED}></mlo-archive-search><mlo-archive-search src=${SEARCH_FEED} sync-url></mlo-archive-search></div>`);
    for (const element of frame.querySelectorAll('mlo-archive-search')) await element.updateComplete;
    await aTimeout(300);
    expect(requests).to.have.length(0);
  });
});

describe('mlo-archive-search: the prebuilt index', () => {
  it('searches through the index the feed names, without loading the feed’s other pages', async () => {
    const requests = recordFetches();
    const { element, ready } = await renderSearch({ description: 'prebuilt', src: PREBUILT_FEED, debounce: 0 });
    await showIntent(element);
    expect(await ready).to.deep.equal({ itemCount: 4, complete: true });
    // "Kragujevac" is only on the second page, which is never requested: the index has it.
    await typeQuery(element, 'kragujevc');
    await until(() => optionTitles(element).length > 0, 'no results');
    expect(optionTitles(element)).to.deep.equal(['Kragujevac: a lecture on crisis management']);
    const first = options(element)[0]!;
    expect(first.querySelector('mark')!.textContent).to.equal('Kragujevac');
    expect(first.getAttribute('href')).to.equal('https://mlo.example/newsroom/archive/2019/page2-kragujevac');
    expect(first.querySelector('time')!.textContent).to.match(/2019/);
    expect(first.querySelector('[part="option-excerpt"]')!.textContent.length).to.be.above(0);
    expect(requests.map(({ url }) => url).some((url) => url.includes('search-page-2'))).to.equal(false);
    expect(requests.every(({ url }) => absolute(url) === absolute(PREBUILT_FEED) || absolute(url).startsWith(absolute(INDEX)))).to.equal(true);
    // Cross-script and diacritics, through the index.
    await typeQuery(element, 'Ниш');
    await until(() => optionTitles(element)[0] === 'Niš hosts a medical exercise', 'Cyrillic did not find Latin');
    await expect(element).to.be.accessible();
  });

  it('offers the index’s years and topics, and filters with them', async () => {
    const { element, ready } = await renderSearch({ description: 'prebuilt', src: PREBUILT_FEED, debounce: 0 });
    await showIntent(element);
    await ready;
    await element.updateComplete;
    const [years] = [...shadow(element).querySelectorAll('select')] as HTMLSelectElement[];
    expect([...years!.options].map((option) => option.value)).to.deep.equal(['', '2024', '2019', '2018']);
    years!.value = '2018';
    years!.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => optionTitles(element).length === 1, 'the year filter gave nothing');
    expect(optionTitles(element)).to.deep.equal(['Subotica border crossing visit']);
  });

  it('the index files are what the writer makes now (node fixtures/search-index/build.mjs)', async () => {
    const { fixtureItems } = await import('./search/prebuilt-helpers.js');
    const { writeSearchIndex } = await import('../src/search/prebuilt/write.js');
    const items = [...(await fixtureItems(PREBUILT_FEED)), ...(await fixtureItems('/fixtures/feeds/search-page-2.json'))];
    for (const file of writeSearchIndex(items)) {
      const response = await realFetch(`${INDEX}${file.path}`);
      expect(response.ok, file.path).to.equal(true);
      expect(await response.text(), file.path).to.equal(file.contents);
    }
  });
});

describe('mlo-archive-search: the index named by the page (search-index)', () => {
  it('nothing before intent; then the index alone, never the feed', async () => {
    const requests = recordFetches();
    const { element, ready } = await renderSearch({ ...examples.namedIndex, query: undefined, debounce: 0 });
    let loaded = 0;
    element.addEventListener('mlo-feed-load', () => (loaded += 1));
    await aTimeout(200);
    expect(requests).to.have.length(0);
    await showIntent(element);
    expect(await ready).to.deep.equal({ itemCount: 4, complete: true });
    await typeQuery(element, 'kragujevc');
    await until(() => optionTitles(element).length > 0, 'no results');
    expect(optionTitles(element)).to.deep.equal(['Kragujevac: a lecture on crisis management']);
    const urls = requests.map(({ url }) => absolute(url));
    expect(urls[0]).to.equal(absolute(SEARCH_PREBUILT_INDEX));
    expect(urls.every((url) => url.startsWith(absolute(INDEX))), urls.join(' ')).to.equal(true);
    expect(loaded, 'the feed is not read').to.equal(0);
    await expect(element).to.be.accessible();
  });

  it('the named index fails: the alert, then the feed’s pages are searched; Retry asks for the index again', async () => {
    let fail = true;
    const requests = recordFetches((url, init) => (fail && url.endsWith('search-index.json') ? Promise.resolve(new Response('gone', { status: 404, statusText: 'Not Found' })) : realFetch(url, init)));
    const { element } = await renderSearch({ ...examples.namedIndex, query: undefined, debounce: 0 });
    await showIntent(element);
    await until(() => (shadow(element).querySelector('[part="index-error"][role="alert"]')?.textContent ?? '').includes('pages are searched instead'), 'no alert');
    await typeQuery(element, 'subotica');
    await until(() => optionTitles(element).length > 0, 'the fallback found nothing');
    expect(optionTitles(element)).to.deep.equal(['Subotica border crossing visit']);
    expect(requests.some(({ url }) => absolute(url) === absolute(PREBUILT_FEED)), 'the feed is read after the index failed').to.equal(true);
    fail = false;
    shadow(element).querySelector<HTMLButtonElement>('[part="index-error"] button')!.click();
    await until(() => !shadow(element).querySelector('[part="index-error"]'), 'the alert stayed');
    await typeQuery(element, 'kragujevc');
    await until(() => optionTitles(element)[0] === 'Kragujevac: a lecture on crisis management', 'the index was not used again');
  });

  it('a named index alone that fails: its alert with Retry, and the plain form', async () => {
    let fail = true;
    recordFetches((url, init) => (fail && url.endsWith('search-index.json') ? Promise.reject(new TypeError('Failed to fetch')) : realFetch(url, init)));
    const { element } = await renderSearch({ description: 'named index alone', searchIndex: SEARCH_PREBUILT_INDEX, action: '/search', debounce: 0 });
    await showIntent(element);
    const alert = () => shadow(element).querySelector('[part="index-error"][role="alert"]');
    await until(() => alert() !== null, 'no alert');
    expect(alert()!.textContent).to.include('The search index could not be loaded.');
    expect(alert()!.textContent).not.to.include('pages are searched');
    expect(shadow(element).querySelector('[part="fallback"]')?.getAttribute('action')).to.equal(absolute('/search'));
    await expect(element).to.be.accessible();
    fail = false;
    alert()!.querySelector('button')!.click();
    await until(() => shadow(element).querySelector('[role="combobox"]') !== null && alert() === null, 'Retry did not open the index');
    await typeQuery(element, 'subotica');
    await until(() => optionTitles(element).length > 0, 'no results after Retry');
    expect(optionTitles(element)).to.deep.equal(['Subotica border crossing visit']);
  });
});

describe('mlo-archive-search: the best results first', function () {
  this.timeout(60_000);
  it('shows the results whose records are in, keeps rows for the rest, and says the count once', async () => {
    const { holdRecordShards, syntheticItems, serveIndex } = await import('./search/prebuilt-helpers.js');
    const { writeSearchIndex } = await import('../src/search/prebuilt/write.js');
    const { SearchIndex } = await import('../src/search/search-index.js');
    const { items } = syntheticItems(400);
    const files = writeSearchIndex(items, { documentsPerShard: 2 });
    const memory = new SearchIndex();
    memory.add(items);
    // A word of many items, so that ten results come from several record shards.
    const counts = new Map<string, number>();
    for (const item of items) for (const word of new Set((item.title ?? '').toLowerCase().split(/[^\p{L}]+/u))) if (word.length >= 5) counts.set(word, (counts.get(word) ?? 0) + 1);
    const query = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
    const expected = memory.search(query).hits.map((hit) => hit.item.title);
    expect(expected).to.have.length(10);
    // Every record shard but the first asked for (the best result's) is held until released.
    const held = holdRecordShards(files);
    serveIndex(files, '/early-element/', { override: held.override });
    // No items of its own: a feed that names an index is searched through it, not shown as an empty archive.
    const feed = { version: 'https://jsonfeed.org/version/1.1', title: 'Early', items: [], _mlo: { search_index_url: '/early-element/search-index.json' } };
    const { element, ready } = await renderSearch({ description: 'prebuilt, records slow', feed, debounce: 0 });
    await showIntent(element);
    await ready;
    await typeQuery(element, query);
    await until(() => optionTitles(element).length > 0, 'nothing shown while the other record shards wait');
    const shown = optionTitles(element);
    expect(shown.length).to.be.within(1, 9);
    expect(shown).to.deep.equal(expected.slice(0, shown.length));
    const pending = [...shadow(element).querySelectorAll('[part="option-pending"]')];
    expect(pending).to.have.length(10 - shown.length);
    expect(pending.every((row) => row.getAttribute('aria-hidden') === 'true' && !row.hasAttribute('role'))).to.equal(true);
    const said = announcement(element);
    expect(said).to.match(/^Showing 10 of /);
    await expect(element).to.be.accessible();
    // The reader's place among the first results stays when the rest come.
    combobox(element).dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true }));
    await element.updateComplete;
    expect(options(element)[0]!.getAttribute('aria-selected')).to.equal('true');
    held.release();
    await until(() => optionTitles(element).length === 10, 'the rest never came');
    expect(optionTitles(element)).to.deep.equal(expected);
    expect(shadow(element).querySelectorAll('[part="option-pending"]')).to.have.length(0);
    expect(announcement(element)).to.equal(said);
    expect(options(element)[0]!.getAttribute('aria-selected')).to.equal('true');
  });
});

describe('mlo-archive-search: when the prebuilt index fails', () => {
  async function failing(fails: (url: string) => boolean): Promise<{ element: MloArchiveSearch; requests: string[]; errors: FeedErrorEvent[] }> {
    const recorded = recordFetches((url, init) => (fails(absolute(url)) ? Promise.resolve(new Response('gone', { status: 404, statusText: 'Not Found' })) : realFetch(url, init)));
    const { element } = await renderSearch({ description: 'prebuilt, failing', src: PREBUILT_FEED, debounce: 0 });
    const errors: FeedErrorEvent[] = [];
    element.addEventListener('mlo-feed-error', (event) => errors.push(event));
    await showIntent(element);
    return { element, requests: recorded.map(({ url }) => url), errors };
  }
  const alertText = (element: MloArchiveSearch) => shadow(element).querySelector('[part="index-error"][role="alert"]')?.textContent ?? '';

  it('a posting shard that fails: an alert says so, and the feed’s pages are searched instead', async () => {
    const { element, errors } = await failing((url) => /\/search\/p-/.test(url));
    await typeQuery(element, 'kragujevac');
    await until(() => alertText(element) !== '', 'no alert');
    expect(alertText(element)).to.include('The search index could not be loaded, so the archive’s pages are searched instead');
    expect(errors[0]!.detail.error.kind).to.equal('http');
    // The crawl reads page 2 and finds it.
    await until(() => optionTitles(element).length > 0, 'the fallback found nothing');
    expect(optionTitles(element)).to.deep.equal(['Kragujevac: a lecture on crisis management']);
    expect(shadow(element).querySelector('[part="index-error"] button')!.textContent.trim()).to.equal('Retry');
    await expect(element).to.be.accessible();
  });

  it('a manifest that fails: the alert, the fallback, and Retry tries the index again', async () => {
    let fail = true;
    const recorded = recordFetches((url, init) => (fail && url.endsWith('search-index.json') ? Promise.reject(new TypeError('Failed to fetch')) : realFetch(url, init)));
    const { element } = await renderSearch({ description: 'prebuilt, offline', src: PREBUILT_FEED, debounce: 0 });
    await showIntent(element);
    await until(() => alertText(element) !== '', 'no alert');
    await typeQuery(element, 'subotica');
    await until(() => optionTitles(element).length > 0, 'the fallback found nothing');
    expect(recorded.some(({ url }) => url.includes('search-page-2'))).to.equal(true);
    fail = false;
    shadow(element).querySelector<HTMLButtonElement>('[part="index-error"] button')!.click();
    await until(() => alertText(element) === '' && recorded.filter(({ url }) => url.endsWith('search-index.json')).length === 2, 'Retry did not open the index');
    await typeQuery(element, 'subotica visit');
    await until(() => optionTitles(element).length === 1, 'no results after Retry');
  });
});
