/**
 * The demo page: the MLO Belgrade article page rebuilt from the five elements, on the sample feed in
 * demo/feed/. Everything here is page glue a webmaster could write: the language switcher points every
 * element at the feed's `_mlo.alternates`, the year select filters the archive list, choosing a story
 * shows it in place, and a panel shows what the feed layer returns.
 *
 * DOM APIs only (`textContent`, never `innerHTML`): the page runs under the strict CSP in index.html.
 */
import '../src/mlo-widgets.js';
import { FeedPager, itemDisplayTitle, loadFeed, sortNewestFirst } from '../src/feed/index.js';
import type { Feed } from '../src/feed/index.js';
import { LOCALES, resolveLocale } from '../src/i18n/index.js';
import type { Locale, LocaleTable } from '../src/i18n/index.js';

/** The real article of the source page; the page opens on it. */
const REAL_ARTICLE_ID = 'https://mlo-belgrade.example/newsroom/news-archive/2023/secretary-general-visits-belgrade';
const ENGLISH_FEED_URL = new URL('feed/feed.json', location.href).href;
const THEMES = ['system', 'light', 'dark'] as const;
type Theme = (typeof THEMES)[number];
const THEME_STORAGE_KEY = 'mlo-widgets-demo:theme';

/** The page's own words (the elements bring theirs). */
interface PageText {
  documentTitle: string;
  siteName: string;
  skipToArticle: string;
  languageGroup: string;
  theme: string;
  themeSystem: string;
  themeLight: string;
  themeDark: string;
  latestNews: string;
  newsArchive: string;
  year: string;
  allYears: string;
  feedLayer: string;
  feedTitle: string;
  feedAddress: string;
  itemCount: string;
  droppedCount: string;
  firstTitles: string;
  sampleNote: string;
  feedLayerFailed: string;
}

const pageText: LocaleTable<PageText> = {
  en: {
    documentTitle: 'MLO Belgrade — News (mlo-widgets demo)',
    siteName: 'MLO Belgrade',
    skipToArticle: 'Skip to the article',
    languageGroup: 'Language',
    theme: 'Theme',
    themeSystem: 'System',
    themeLight: 'Light',
    themeDark: 'Dark',
    latestNews: 'Latest news',
    newsArchive: 'News Archive',
    year: 'Year',
    allYears: 'All years',
    feedLayer: 'What the feed layer gives',
    feedTitle: 'Feed title',
    feedAddress: 'Feed address',
    itemCount: 'Items on the first page',
    droppedCount: 'Items dropped as invalid',
    firstTitles: 'The first five titles, newest first',
    sampleNote:
      'This demo runs on a sample feed: the first article is a real MLO Belgrade story; every other story is a sample, not an MLO Belgrade publication.',
    feedLayerFailed: 'The feed layer could not read this feed:',
  },
  'sr-Latn': {
    documentTitle: 'MLO Beograd — Vesti (demonstracija mlo-widgets)',
    siteName: 'MLO Beograd',
    skipToArticle: 'Pređi na članak',
    languageGroup: 'Jezik',
    theme: 'Tema',
    themeSystem: 'Sistemska',
    themeLight: 'Svetla',
    themeDark: 'Tamna',
    latestNews: 'Najnovije vesti',
    newsArchive: 'Arhiva vesti',
    year: 'Godina',
    allYears: 'Sve godine',
    feedLayer: 'Šta vraća sloj za čitanje fida',
    feedTitle: 'Naslov fida',
    feedAddress: 'Adresa fida',
    itemCount: 'Stavke na prvoj strani',
    droppedCount: 'Odbačene neispravne stavke',
    firstTitles: 'Prvih pet naslova, od najnovijeg',
    sampleNote:
      'Ova demonstracija koristi primer fida: prvi članak je prava vest MLO Beograd, a sve ostale vesti su primeri, a ne objave MLO Beograd.',
    feedLayerFailed: 'Sloj za čitanje fida nije mogao da pročita ovaj fid:',
  },
  'sr-Cyrl': {
    documentTitle: 'МЛО Београд — Вести (демонстрација mlo-widgets)',
    siteName: 'МЛО Београд',
    skipToArticle: 'Пређи на чланак',
    languageGroup: 'Језик',
    theme: 'Тема',
    themeSystem: 'Системска',
    themeLight: 'Светла',
    themeDark: 'Тамна',
    latestNews: 'Најновије вести',
    newsArchive: 'Архива вести',
    year: 'Година',
    allYears: 'Све године',
    feedLayer: 'Шта враћа слој за читање фида',
    feedTitle: 'Наслов фида',
    feedAddress: 'Адреса фида',
    itemCount: 'Ставке на првој страни',
    droppedCount: 'Одбачене неисправне ставке',
    firstTitles: 'Првих пет наслова, од најновијег',
    sampleNote:
      'Ова демонстрација користи пример фида: први чланак је права вест МЛО Београд, а све остале вести су примери, а не објаве МЛО Београд.',
    feedLayerFailed: 'Слој за читање фида није могао да прочита овај фид:',
  },
};

/** Every language's feed: English is the page's own, the others come from its `_mlo.alternates`. */
const feedUrls = new Map<Locale, string>([['en', ENGLISH_FEED_URL]]);
let locale: Locale = 'en';
let articleId = REAL_ARTICLE_ID;
/** Bumped on every language change, so a slow answer for an earlier choice is ignored. */
let languageChange = 0;
/** Settles once the English feed has been read (or has failed) and `feedUrls` is complete. */
let alternatesKnown: Promise<void> = Promise.resolve();

/** The element of demo/index.html with that id, checked to be a `type`. */
function byId<T extends HTMLElement>(id: string, type: abstract new () => T): T {
  const element = document.getElementById(id);
  if (!(element instanceof type)) throw new Error(`demo/index.html has no ${type.name} #${id}`);
  return element;
}

function isLocale(value: string | null): value is Locale {
  return (LOCALES as readonly string[]).includes(value ?? '');
}

function isTheme(value: string | null): value is Theme {
  return (THEMES as readonly string[]).includes(value ?? '');
}

// --- Page text -------------------------------------------------------------------------------

function applyPageText(): void {
  const text = pageText[locale];
  document.title = text.documentTitle;
  for (const element of document.querySelectorAll<HTMLElement>('[data-text]')) {
    const key = element.dataset.text as keyof PageText;
    if (key in text) element.textContent = text[key];
  }
  for (const element of document.querySelectorAll<HTMLElement>('[data-label]')) {
    const key = element.dataset.label as keyof PageText;
    if (key in text) element.setAttribute('aria-label', text[key]);
  }
}

// --- Theme -------------------------------------------------------------------------------------

function storedTheme(): Theme {
  try {
    const saved = localStorage.getItem(THEME_STORAGE_KEY);
    return isTheme(saved) ? saved : 'system';
  } catch {
    return 'system'; // Storage forbidden: follow the system.
  }
}

/** Elements read `theme` from any ancestor, so setting it on <html> themes the page and every widget. */
function applyTheme(theme: Theme): void {
  if (theme === 'system') document.documentElement.removeAttribute('theme');
  else document.documentElement.setAttribute('theme', theme);
  try {
    localStorage.setItem(THEME_STORAGE_KEY, theme);
  } catch {
    // Not remembered across visits; the choice still applies now.
  }
}

// --- Feed layer panel ----------------------------------------------------------------------------

function showFeedLayer(feed: Feed, url: string): void {
  byId('feed-layer-title', HTMLElement).textContent = feed.title;
  byId('feed-layer-url', HTMLElement).textContent = url;
  byId('feed-layer-count', HTMLElement).textContent = String(feed.items.length);
  byId('feed-layer-dropped', HTMLElement).textContent = String(feed.droppedItems);
  const titles = sortNewestFirst(feed.items)
    .slice(0, 5)
    .map((item) => {
      const entry = document.createElement('li');
      entry.textContent = itemDisplayTitle(item);
      if (item.language) entry.lang = item.language;
      return entry;
    });
  byId('feed-layer-titles', HTMLElement).replaceChildren(...titles);
  byId('feed-layer-error', HTMLElement).hidden = true;
}

function showFeedLayerError(error: unknown, url: string): void {
  const message = byId('feed-layer-error', HTMLElement);
  message.textContent = `${pageText[locale].feedLayerFailed} ${url} — ${error instanceof Error ? error.message : String(error)}`;
  message.hidden = false;
}

// --- Language ------------------------------------------------------------------------------------

/** True when the story is in the feed, on any of its pages. */
async function feedHasArticle(feed: Feed, id: string): Promise<boolean> {
  const pager = new FeedPager(feed);
  while (!pager.feed.items.some((item) => item.id === id)) {
    if (!pager.hasMore) return false;
    await pager.loadMore();
  }
  return true;
}

async function setLanguage(next: Locale): Promise<void> {
  const change = ++languageChange;
  await alternatesKnown;
  const url = feedUrls.get(next) ?? ENGLISH_FEED_URL;
  let feed: Feed | undefined;
  let failure: unknown;
  let articleMissing = false;
  try {
    feed = (await loadFeed(url)).feed;
    // Not every sample is translated: a story missing from this language falls back to the real article.
    articleMissing = !(await feedHasArticle(feed, articleId));
  } catch (error) {
    failure = error; // The elements show their own alert; the panel says what the feed layer saw.
  }
  if (change !== languageChange) return; // A later choice won.

  locale = next;
  document.documentElement.lang = next;
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-lang]')) {
    button.setAttribute('aria-pressed', String(button.dataset.lang === next));
  }
  applyPageText();
  if (articleMissing) showArticle(REAL_ARTICLE_ID, { remember: false, focus: false });
  for (const element of document.querySelectorAll('[data-feed]')) element.setAttribute('src', url);
  if (feed) showFeedLayer(feed, url);
  else showFeedLayerError(failure, url);
  rememberState('replace');
}

// --- Article shown in place ---------------------------------------------------------------------

function showArticle(id: string, { remember, focus }: { remember: boolean; focus: boolean }): void {
  articleId = id;
  for (const element of document.querySelectorAll('[data-article]')) element.setAttribute('article-id', id);
  if (remember) rememberState('push');
  if (focus) {
    const main = byId('article', HTMLElement);
    main.focus({ preventScroll: true });
    main.scrollIntoView({ block: 'start' });
  }
}

/** The language and the story live in the address, so a reload or a shared link shows the same page. */
function rememberState(mode: 'push' | 'replace'): void {
  const address = new URL(location.href);
  if (locale === 'en') address.searchParams.delete('lang');
  else address.searchParams.set('lang', locale);
  if (articleId === REAL_ARTICLE_ID) address.searchParams.delete('article');
  else address.searchParams.set('article', articleId);
  if (address.href === location.href) return;
  if (mode === 'push') history.pushState(null, '', address);
  else history.replaceState(null, '', address);
}

function stateFromAddress(): { lang: Locale; article: string } {
  const params = new URL(location.href).searchParams;
  const lang = params.get('lang');
  return { lang: isLocale(lang) ? lang : 'en', article: params.get('article') ?? REAL_ARTICLE_ID };
}

// --- Archive year filter -------------------------------------------------------------------------

function fillYearSelect(feed: Feed): void {
  const select = byId('archive-year', HTMLSelectElement);
  const years = [...new Set(feed.mlo.archives.map((archive) => archive.year))].sort((a, b) => b - a);
  select.append(
    ...years.map((year) => {
      const option = document.createElement('option');
      option.value = String(year);
      option.textContent = String(year);
      return option;
    }),
  );
}

// --- Start ------------------------------------------------------------------------------------

function start(): void {
  // The breadcrumb's links are for readers without scripts; with them, the feed drives the path.
  for (const fallback of document.querySelectorAll('[data-fallback]')) fallback.remove();
  for (const control of document.querySelectorAll<HTMLElement>('[data-needs-script]')) control.hidden = false;

  const themeSelect = byId('theme-select', HTMLSelectElement);
  themeSelect.value = storedTheme();
  applyTheme(storedTheme());
  themeSelect.addEventListener('change', () => applyTheme(isTheme(themeSelect.value) ? themeSelect.value : 'system'));

  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-lang]')) {
    button.addEventListener('click', () => {
      const lang = button.dataset.lang ?? null;
      if (isLocale(lang) && lang !== locale) void setLanguage(lang);
    });
  }

  const yearSelect = byId('archive-year', HTMLSelectElement);
  const archiveList = byId('archive-list', HTMLElement);
  yearSelect.addEventListener('change', () => {
    if (yearSelect.value) archiveList.setAttribute('year', yearSelect.value);
    else archiveList.removeAttribute('year');
  });

  // A story chosen anywhere (a list, a search result) opens here instead of on the (fictional) site.
  document.addEventListener('mlo-article-select', (event) => {
    event.preventDefault();
    showArticle(event.detail.item.id, { remember: true, focus: true });
  });

  window.addEventListener('popstate', () => {
    const state = stateFromAddress();
    showArticle(state.article, { remember: false, focus: false });
    if (state.lang !== locale) void setLanguage(state.lang);
  });

  const initial = stateFromAddress();
  if (initial.article !== REAL_ARTICLE_ID) showArticle(initial.article, { remember: false, focus: false });

  alternatesKnown = loadFeed(ENGLISH_FEED_URL).then(
    ({ feed }) => {
      for (const alternate of feed.mlo.alternates) {
        const alternateLocale = resolveLocale(alternate.language);
        if (alternateLocale === alternate.language) feedUrls.set(alternateLocale, alternate.url);
      }
      fillYearSelect(feed);
      showFeedLayer(feed, ENGLISH_FEED_URL);
    },
    (error: unknown) => showFeedLayerError(error, ENGLISH_FEED_URL),
  );
  if (initial.lang !== 'en') void setLanguage(initial.lang);
}

start();
