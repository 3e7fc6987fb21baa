import { aTimeout, assert, expect, html } from '@open-wc/testing';
import { examples, SEARCH_FEED, SITE_SEARCH } from '../fixtures/archive-search.js';
import { clearFeedCache } from '../src/feed/load.js';
import {
  announcement,
  combobox,
  listbox,
  liveRegion,
  mount,
  optionTitles,
  options,
  pressKey,
  renderIndexed,
  renderSearch,
  shadow,
  showIntent,
  typeQuery,
  until,
} from './archive-search-helpers.js';
import { networkError, neverAnswers, realFetch, stubFetch } from './helpers/fetch.js';

afterEach(() => clearFeedCache());

describe('mlo-archive-search: the search box', () => {
  it('is a labelled combobox with a visible label, a description and a polite live region present from the start', async () => {
    const { element } = await renderSearch(examples.default);
    const input = combobox(element);
    const label = shadow(element).querySelector<HTMLLabelElement>('label[for="input"]')!;
    expect(label.textContent.trim()).to.equal('Search our content');
    expect(label.checkVisibility()).to.equal(true);
    expect(input.labels![0]).to.equal(label);
    expect(input.getAttribute('aria-autocomplete')).to.equal('list');
    expect(input.getAttribute('aria-controls')).to.equal('listbox');
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    expect(input.placeholder).to.equal('Stoltenberg, Čačak, наука…');
    expect(shadow(element).getElementById(input.getAttribute('aria-describedby')!)!.textContent).to.include('arrow keys');
    const region = liveRegion(element);
    expect(region.getAttribute('role')).to.equal('status');
    expect(region.getAttribute('aria-live')).to.equal('polite');
    expect(getComputedStyle(region).display).not.to.equal('none');
    assert.exists(shadow(element).querySelector('[role="search"]'));
  });

  it('offers year and topic filters built from the data', async () => {
    const element = await renderIndexed(examples.default);
    const [years, topics] = [...shadow(element).querySelectorAll('select')];
    expect([...years!.options].map((option) => option.textContent.trim())).to.deep.equal(['All years', '2024', '2023', '2022', '2021']);
    expect([...topics!.options].map((option) => option.textContent.trim())).to.include.members(['All topics', 'Visits', 'Vežbe', 'Наука за мир']);
    expect(years!.closest('label')!.textContent).to.include('Year');
    expect(topics!.closest('label')!.textContent).to.include('Topic');
  });

  it('uses the label attribute when given', async () => {
    const { element } = await renderSearch({ ...examples.default, label: 'Search the news archive' });
    expect(combobox(element).labels![0]!.textContent.trim()).to.equal('Search the news archive');
  });

  it('is accessible before anything is typed', async () => {
    const element = await renderIndexed(examples.default);
    await expect(element).to.be.accessible();
  });
});

describe('mlo-archive-search: results', () => {
  it('lists results with the matched words marked, a date and an excerpt, and announces the count', async () => {
    const element = await renderIndexed(examples.results);
    await until(() => options(element).length > 0, 'no results');
    expect(combobox(element).getAttribute('aria-expanded')).to.equal('true');
    expect(listbox(element).hidden).to.equal(false);
    const first = options(element)[0]!;
    expect(first.querySelector('[part="option-title"]')!.textContent).to.equal('Stoltenberg meets students in Belgrade');
    expect([...first.querySelectorAll('mark')].map((mark) => mark.textContent)).to.include('Belgrade');
    expect(first.querySelector('time')!.getAttribute('datetime')).to.equal('2023-11-22T11:00:00.000Z');
    expect(first.querySelector('time')!.textContent).to.equal('Nov 22 2023');
    expect(first.querySelector('[part="option-excerpt"]')!.textContent).to.include('NATO Secretary General');
    expect(first.getAttribute('href')).to.equal('https://mlo.example/newsroom/archive/2023/stoltenberg-students');
    expect(announcement(element)).to.equal(options(element).length === 1 ? '1 result' : `${options(element).length} results`);
  });

  it('marks a Latin query inside a Cyrillic title', async () => {
    const element = await renderIndexed(examples.transliteration);
    await until(() => optionTitles(element).some((title) => title.startsWith('Београд')), 'the Cyrillic item was not found');
    const cyrillic = options(element).find((option) => option.textContent.includes('Београд'))!;
    expect(cyrillic.querySelector('[part="option-title"] mark')!.textContent).to.equal('Београд');
    expect(cyrillic.getAttribute('lang')).to.equal('sr-Cyrl');
  });

  it('finds Latin text for a Cyrillic query, and says so in Serbian Cyrillic', async () => {
    const element = await renderIndexed(examples.serbianCyrillic);
    await until(() => options(element).length === 2, 'expected two results');
    expect(optionTitles(element)).to.have.members(['Београд: НАТО и наука у служби мира', 'Nauka za mir: radionica u Novom Sadu']);
    const latin = options(element).find((option) => option.textContent.includes('Nauka za mir'))!;
    expect(latin.querySelector('[part="option-title"] mark')!.textContent).to.equal('Nauka');
    expect(announcement(element)).to.equal('2 резултата');
    expect(combobox(element).labels![0]!.textContent.trim()).to.equal('Претражите наш садржај');
    await expect(element).to.be.accessible();
  });

  it('forgives typos and missing diacritics, and treats dj as đ', async () => {
    const element = await renderIndexed(examples.typo);
    await until(() => optionTitles(element)[0] === 'Stoltenberg meets students in Belgrade', 'the typo was not forgiven');
    expect(shadow(element).querySelector('[part="option-title"] mark')!.textContent).to.equal('Stoltenberg');

    await typeQuery(element, 'cacak');
    expect(optionTitles(element)).to.deep.equal(['Čačak domaćin vežbe civilne zaštite']);
    expect(shadow(element).querySelector('[part="option-title"] mark')!.textContent).to.equal('Čačak');

    await typeQuery(element, 'djordje');
    expect(optionTitles(element)).to.have.members(['Đorđe Petrović o saradnji u oblasti odbrane', 'Djordje Jovanovic visits the liaison office']);
    expect([...shadow(element).querySelectorAll('[part="option-title"] mark')].map((mark) => mark.textContent)).to.have.members(['Đorđe', 'Djordje']);

    await typeQuery(element, 'Đorđe');
    expect(optionTitles(element)).to.have.length(2);
  });

  it('ranks title matches first and newer items first among equals', async () => {
    const element = await renderIndexed(examples.default);
    await typeQuery(element, 'reform');
    expect(optionTitles(element)[0]).to.equal('Defence reform conference');
    expect(optionTitles(element)).to.include('Liaison office newsletter');
    await typeQuery(element, 'annual partnership review');
    expect(optionTitles(element)).to.deep.equal(['Annual partnership review 2023', 'Annual partnership review 2021']);
  });

  it('announces "No results for …" and closes the list when nothing matches', async () => {
    const element = await renderIndexed(examples.noResults);
    await until(() => announcement(element) !== '', 'nothing announced');
    expect(announcement(element)).to.equal('No results for “xylophone”');
    expect(options(element)).to.have.length(0);
    expect(combobox(element).getAttribute('aria-expanded')).to.equal('false');
    expect(listbox(element).hidden).to.equal(true);
    await expect(element).to.be.accessible();
  });

  it('uses Serbian plural forms in the count', async () => {
    const element = await renderIndexed({ ...examples.serbianLatin, query: 'stoltenberg' });
    await until(() => announcement(element) !== '', 'nothing announced');
    expect(announcement(element)).to.equal('1 rezultat');
    await typeQuery(element, 'djordje');
    expect(announcement(element)).to.equal('2 rezultata');
    await typeQuery(element, 'xylophone');
    expect(announcement(element)).to.equal('Nema rezultata za „xylophone“');
    await typeQuery(element, '');
    expect(announcement(element)).to.equal('');
  });

  it('shows at most `limit` results and says how many there are in all', async () => {
    const element = await renderIndexed({ ...examples.default, limit: 2 });
    await typeQuery(element, 'the');
    expect(options(element)).to.have.length(2);
    expect(announcement(element)).to.match(/^Showing 2 of \d+ results$/);
  });

  it('treats an unusable limit (0, negative, not a number) as the default', async () => {
    for (const limit of [0, -3, Number.NaN]) {
      const element = await renderIndexed({ ...examples.default, limit });
      await typeQuery(element, 'the');
      expect(options(element).length, String(limit)).to.be.within(2, 10);
    }
  });

  it('says when no article has every word and shows those with some of them', async () => {
    const element = await renderIndexed(examples.default);
    await typeQuery(element, 'stoltenberg zabljak');
    expect(optionTitles(element)).to.have.members(['Stoltenberg meets students in Belgrade', 'Žabljak hosts winter mountain training']);
    expect(announcement(element)).to.equal('2 results. No article contains every word; these contain some of them.');
  });

  it('is accessible with results listed and one active', async () => {
    const element = await renderIndexed(examples.results);
    await until(() => options(element).length > 0, 'no results');
    combobox(element).focus();
    combobox(element).dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true }));
    await element.updateComplete;
    expect(combobox(element).getAttribute('aria-activedescendant')).to.equal('option-0');
    await expect(element).to.be.accessible();
  });
});

describe('mlo-archive-search: filters', () => {
  const choose = (select: HTMLSelectElement, value: string) => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  };

  it('combines the year and topic filters with the words', async () => {
    const element = await renderIndexed(examples.default);
    const [years, topics] = [...shadow(element).querySelectorAll('select')] as HTMLSelectElement[];
    await typeQuery(element, 'visits');
    expect(optionTitles(element)).to.include('Djordje Jovanovic visits the liaison office');
    choose(years!, '2023');
    await element.updateComplete;
    const titles2023 = optionTitles(element);
    expect(titles2023).to.include.members(['Stoltenberg meets students in Belgrade', 'Vučić receives NATO delegation']);
    expect(titles2023).not.to.include('Djordje Jovanovic visits the liaison office');
    for (const time of shadow(element).querySelectorAll('[part="option-date"]')) expect(time.getAttribute('datetime')!.slice(0, 4)).to.equal('2023');
    choose(topics!, 'Partnership');
    await element.updateComplete;
    expect(optionTitles(element)).to.deep.equal(['Annual partnership review 2023']);
  });

  it('lists a filter’s articles newest first when nothing is typed', async () => {
    const element = await renderIndexed(examples.default);
    const [years] = [...shadow(element).querySelectorAll('select')] as HTMLSelectElement[];
    choose(years!, '2024');
    await element.updateComplete;
    expect(optionTitles(element)).to.deep.equal(['Liaison office newsletter', 'Čačak domaćin vežbe civilne zaštite', 'Žabljak hosts winter mountain training']);
    expect(announcement(element)).to.equal('3 results');
    choose(years!, '');
    await element.updateComplete;
    expect(options(element)).to.have.length(0);
    expect(announcement(element)).to.equal('');
  });
});

describe('mlo-archive-search: all pages of the archive', () => {
  it('loads every next_url page in the background and searches them', async () => {
    const { element, ready } = await renderSearch(examples.paged);
    const detail = await ready;
    expect(detail).to.deep.equal({ itemCount: 4, complete: true });
    await until(() => optionTitles(element).length > 0, 'page 2 was not searched');
    expect(optionTitles(element)).to.deep.equal(['Kragujevac: a lecture on crisis management']);
    const [years] = [...shadow(element).querySelectorAll('select')] as HTMLSelectElement[];
    expect([...years!.options].map((option) => option.value)).to.deep.equal(['', '2024', '2019', '2018']);
  });

  it('answers from the first page while the reader types, holds the later pages until they pause, then answers the last words', async () => {
    const { element, ready } = await renderSearch({ description: 'typed before the archive is read', src: examples.paged.src });
    let readyAt = Number.POSITIVE_INFINITY;
    void ready.then(() => (readyAt = performance.now()));
    // "open day" is on the first page: a key every 100 ms, from before the feed or the search code has arrived.
    let lastKeyAt = pressKey(element, 'open day');
    const startedAt = lastKeyAt;
    while (!optionTitles(element).includes('Open day at the liaison office in Belgrade')) {
      expect(lastKeyAt - startedAt, 'the first page was not searchable while the reader typed').to.be.below(1500);
      await aTimeout(100);
      lastKeyAt = pressKey(element, element.query === 'open day' ? 'open da' : 'open day');
    }
    // Then half a second more, under the hold's limit: the second page waits.
    for (const words of ['k', 'kr', 'kra', 'krag', 'kragujevac']) {
      await aTimeout(100);
      lastKeyAt = pressKey(element, words);
    }
    expect(await ready).to.deep.equal({ itemCount: 4, complete: true });
    expect(readyAt - lastKeyAt, 'the later page was indexed while keys were coming').to.be.at.least(250);
    await until(() => optionTitles(element).length > 0 && optionTitles(element)[0]!.startsWith('Kragujevac'), 'the last words were not searched');
    expect(optionTitles(element)).to.deep.equal(['Kragujevac: a lecture on crisis management']);
  });

  it('holds indexing for two seconds at most while the reader types on', async () => {
    const { element, ready } = await renderSearch({ description: 'typed on and on', src: examples.paged.src });
    let readyAt = Number.POSITIVE_INFINITY;
    void ready.then(() => (readyAt = performance.now()));
    const startedAt = performance.now();
    let lastKeyAt = 0;
    while (performance.now() - startedAt < 3500) {
      lastKeyAt = pressKey(element, element.query === 'kragujevac' ? 'kragujeva' : 'kragujevac');
      await aTimeout(100);
    }
    expect(await ready).to.deep.equal({ itemCount: 4, complete: true });
    expect(readyAt, 'the archive waited for the reader to stop typing').to.be.below(lastKeyAt);
    await until(() => optionTitles(element).length > 0, 'the words were not searched');
    expect(optionTitles(element)).to.deep.equal(['Kragujevac: a lecture on crisis management']);
  });

  it('says when a later page fails, keeps searching what it has, and retries', async () => {
    const first = (await (await fetch('/fixtures/feeds/search-page-1.json')).json()) as Record<string, unknown>;
    const { element, ready } = await renderSearch({
      description: 'page 2 missing',
      feed: { ...first, next_url: '/fixtures/feeds/search-page-missing.json' },
    });
    await showIntent(element);
    expect(await ready).to.deep.equal({ itemCount: 2, complete: false });
    await element.updateComplete;
    const notice = shadow(element).querySelector<HTMLElement>('[part="stale"]')!;
    expect(notice.textContent).to.include('Only part of the archive could be loaded (2 articles)');
    await typeQuery(element, 'nis');
    expect(optionTitles(element)).to.deep.equal(['Niš hosts a medical exercise']);
    await expect(element).to.be.accessible();
    notice.querySelector('button')!.click();
    await until(() => shadow(element).querySelector('[part="stale"]') !== null, 'the retry did not report the page again');
  });
});

describe('mlo-archive-search: the address (?q=)', () => {
  let original: string;
  beforeEach(() => (original = location.href));
  afterEach(() => history.replaceState(history.state, '', original));

  it('reads the words from ?q= and writes them back as the reader types', async () => {
    const url = new URL(location.href);
    url.searchParams.set('q', 'stoltenberg');
    history.replaceState(history.state, '', url);
    const element = await renderIndexed(examples.urlSync);
    expect(combobox(element).value).to.equal('stoltenberg');
    await until(() => optionTitles(element).length === 1, 'the query from the address was not searched');
    await typeQuery(element, 'Čačak ');
    expect(new URL(location.href).searchParams.get('q')).to.equal('Čačak');
    await typeQuery(element, '');
    expect(new URL(location.href).searchParams.has('q')).to.equal(false);
  });

  it('leaves the address alone without sync-url', async () => {
    const element = await renderIndexed(examples.default);
    await typeQuery(element, 'stoltenberg');
    expect(new URL(location.href).searchParams.has('q')).to.equal(false);
  });
});

describe('mlo-archive-search: hostile feeds', () => {
  let alerts: unknown[];
  let originalAlert: typeof window.alert;
  beforeEach(() => {
    alerts = [];
    // eslint-disable-next-line @typescript-eslint/unbound-method -- kept only to be put back, never called.
    originalAlert = window.alert;
    window.alert = (...args: unknown[]) => void alerts.push(args);
  });
  afterEach(() => (window.alert = originalAlert));

  it('renders markup in titles and excerpts as text, also where the query matches inside it', async () => {
    const element = await renderIndexed(examples.hostile);
    await until(() => options(element).length > 0, 'no results');
    const root = shadow(element);
    const title = root.querySelector('[part="option-title"]')!;
    expect(title.textContent).to.equal('<img src=x onerror=alert(1)>Title');
    expect([...title.querySelectorAll('mark')].map((mark) => mark.textContent)).to.deep.equal(['img', 'onerror']);
    expect([...title.querySelectorAll('*')].every((node) => node.localName === 'mark')).to.equal(true);
    for (const selector of ['img', 'script', 'svg', 'iframe', 'object', 'embed', 'math', 'style:not([data-lit])', '[onerror]', '[onclick]']) {
      expect(root.querySelector(`[part="listbox"] ${selector}`), selector).to.equal(null);
    }
    // Unsafe item URLs were dropped by the feed layer: those results are not links at all.
    for (const option of options(element)) expect(option.getAttribute('href') ?? '').not.to.match(/^\s*(javascript|data|vbscript):/i);
    await typeQuery(element, 'script alert');
    expect(options(element).length).to.be.above(0);
    expect(root.querySelector('[part="listbox"] script')).to.equal(null);
    await aTimeout(50);
    expect(alerts).to.deep.equal([]);
    await expect(element).to.be.accessible();
  });

  it('keeps a 300-character title and markup-laden topics inside a 280 px container', async () => {
    const element = await renderIndexed({ ...examples.hostile, query: 'AAAA' });
    await until(() => options(element).length > 0, 'no results');
    element.parentElement!.style.width = '280px';
    await element.updateComplete;
    expect(element.getBoundingClientRect().width).to.be.at.most(280);
    for (const node of shadow(element).querySelectorAll<HTMLElement>('*')) {
      expect(node.getBoundingClientRect().right, node.className || node.localName).to.be.at.most(element.getBoundingClientRect().right + 0.5);
    }
  });
});

describe('mlo-archive-search: when the archive cannot be searched here', () => {
  it('says why, offers Retry and a plain GET form to the site’s search page', async () => {
    const { element } = await renderSearch(examples.error);
    await until(() => shadow(element).querySelector('[role="alert"]') !== null, 'no alert');
    const alert = shadow(element).querySelector('[role="alert"]')!;
    expect(alert.textContent).to.include('HTTP 404');
    expect(alert.querySelector('button')!.textContent.trim()).to.equal('Retry');
    const form = shadow(element).querySelector<HTMLFormElement>('form[part="fallback"]')!;
    expect(form.getAttribute('action')).to.equal(SITE_SEARCH);
    expect(form.method).to.equal('get');
    const field = form.querySelector<HTMLInputElement>('input[name="q"]')!;
    expect(field.value).to.equal('stoltenberg');
    expect(field.labels![0]!.textContent.trim()).to.equal('Search our content');
    expect(form.querySelector('button[type="submit"]')!.textContent.trim()).to.equal('Search');
    expect(form.textContent).to.include('You can still search on the website');
    expect(combobox(element)).to.equal(null);
    await expect(element).to.be.accessible();
  });

  it('recovers on Retry once the feed answers', async () => {
    let fail = true;
    stubFetch((input, init) => (fail ? networkError() : realFetch(input, init)));
    const { element, ready } = await renderSearch(examples.default);
    await showIntent(element);
    await until(() => shadow(element).querySelector('[role="alert"]') !== null, 'no alert');
    expect(shadow(element).querySelector('[role="alert"]')!.textContent).to.include('could not be reached');
    fail = false;
    shadow(element).querySelector<HTMLButtonElement>('[part="retry-button"]')!.click();
    await ready;
    await typeQuery(element, 'stoltenberg');
    expect(optionTitles(element)).to.deep.equal(['Stoltenberg meets students in Belgrade']);
  });

  it('takes the form’s action from the plain form written inside the element, which it hides', async () => {
    const { element } = await renderSearch(examples.notAFeed);
    await showIntent(element);
    await until(() => shadow(element).querySelector('form[part="fallback"]') !== null, 'no fallback form');
    expect(shadow(element).querySelector('[role="alert"]')!.textContent).to.include('web page, not a news feed');
    expect(shadow(element).querySelector('form[part="fallback"]')!.getAttribute('action')).to.equal(SITE_SEARCH);
    const inner = element.querySelector('form')!;
    expect(inner.checkVisibility()).to.equal(false);
    await expect(element).to.be.accessible();
  });

  it('without src, says there is nothing to search and still offers the site’s search', async () => {
    const { element } = await renderSearch(examples.noSource);
    expect(shadow(element).querySelector('[role="alert"]')!.textContent).to.include('src attribute is empty');
    expect(shadow(element).querySelector('form[part="fallback"]')!.getAttribute('action')).to.equal(SITE_SEARCH);
    await expect(element).to.be.accessible();
  });

  it('says an empty archive is empty and offers the site’s search', async () => {
    const { element } = await renderSearch(examples.empty);
    await showIntent(element);
    await until(() => shadow(element).querySelector('[part="empty"]') !== null, 'no empty state');
    expect(shadow(element).querySelector('[part="empty"]')!.textContent).to.include('no articles to search');
    assert.exists(shadow(element).querySelector('form[part="fallback"]'));
    await expect(element).to.be.accessible();
  });

  it('while loading, shows the box and says the archive is loading', async () => {
    stubFetch(neverAnswers);
    const { element } = await renderSearch(examples.default);
    await showIntent(element);
    expect(shadow(element).querySelector('[part="progress"]')!.textContent).to.equal('Loading the archive…');
    assert.exists(combobox(element));
    await typeQuery(element, 'stoltenberg');
    // No "No results" while nothing is indexed yet: that would be wrong.
    expect(announcement(element)).to.equal('');
    await expect(element).to.be.accessible();
  });

  it('without JavaScript, the plain form written inside shows and submits with GET', async () => {
    // A page that never loads the script: the element stays undefined and its children show.
    const frame = mount(html`<iframe title="no script" sandbox="allow-same-origin"></iframe>`) as HTMLIFrameElement;
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    frame.srcdoc = `<!doctype html><html lang="en"><body><mlo-archive-search src="${SEARCH_FEED}" action="${SITE_SEARCH}">
      <form action="${SITE_SEARCH}" method="get"><label>Search our content <input type="search" name="q"></label> <button>Search</button></form>
      </mlo-archive-search></body></html>`;
    await loaded;
    const doc = frame.contentDocument!;
    const form = doc.querySelector('form')!;
    expect(doc.querySelector('mlo-archive-search')!.shadowRoot).to.equal(null);
    expect(form.getBoundingClientRect().height).to.be.above(0);
    expect(form.method).to.equal('get');
    expect(form.action).to.equal(SITE_SEARCH);
    expect(form.querySelector('input')!.name).to.equal('q');
  });
});
