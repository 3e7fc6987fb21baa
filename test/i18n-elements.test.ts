/**
 * Issue 7, languages: every message table in English, Serbian Latin and Serbian Cyrillic (complete,
 * never empty, the derived Latin transliterating back to the Cyrillic source, Serbian plurals), and each of the five elements
 * speaking the language of its own `lang`, an ancestor's or the document's, re-rendering when it changes.
 */
import { expect } from '@open-wc/testing';
import type { MloArchiveSearch } from '../src/elements/archive-search/archive-search.js';
import { FEED_ERROR_KINDS } from '../src/feed/errors.js';
import { LOCALES, formatAge, plural, resolveLocale, type Locale, type LocaleTable, type PluralForms } from '../src/i18n/locale.js';
import { archiveSearchMessages } from '../src/i18n/messages/archive-search.js';
import { newsListMessages } from '../src/i18n/messages/news-list.js';
import { examples as newsListExamples, renderNewsListExample } from '../fixtures/news-list.js';
import { clearFeedCache } from '../src/feed/load.js';
import type { JsonFeed } from '../src/feed/types.js';
import { DEMO_ARTICLE_ID, DEMO_FEED, mount, mountError, mountShown, mountTemplate, partOf, partsOf, rerendered, textOf, waitFor, type ElementTag, type FrameOptions } from './host-proof/elements.js';
import { MESSAGE_TABLES } from './helpers/message-tables.js';

// ---------------------------------------------------------------------------------------------
// The message tables
// ---------------------------------------------------------------------------------------------

const TABLES = MESSAGE_TABLES;

/** Counts that reach every Serbian plural category: one (1, 21, 101), few (2–4, 22–24), other (0, 5–20, 11–14, 111). */
const COUNTS = [0, 1, 2, 3, 4, 5, 11, 12, 14, 20, 21, 22, 24, 25, 101, 111];
const THREE_HOURS_AGO = Date.now() - 3 * 3_600_000;

/**
 * The arguments each message function is called with. Arguments are script-neutral (numbers) or
 * already localised (an age), so the Latin and Cyrillic results can be compared. A new function
 * message without an entry here fails the test below, so it cannot escape these checks.
 */
const SAMPLE_ARGUMENTS: Record<string, (locale: Locale) => unknown[][]> = {
  'common.stale': (locale) => [[formatAge(THREE_HOURS_AGO, locale)]],
  'common.feedError': () => FEED_ERROR_KINDS.flatMap((kind) => [[kind], [kind, 404], [kind, 503]]),
  'article-card.downloadDetails': () => [[['1']], [['1', '2']]],
  'breadcrumb.articleNotFound': () => [['2023-11-22']],
  'archive-search.resultCount': () => [...COUNTS.map((count) => [count, count]), [57, 10], [21, 10], [22, 1], [101, 21]],
  'archive-search.noResults': () => [['2023']],
  'archive-search.indexing': () => COUNTS.map((count) => [count]),
  'archive-search.partialArchive': () => COUNTS.map((count) => [count]),
};

function isPluralForms(value: unknown): value is PluralForms {
  return typeof value === 'object' && value !== null && 'one' in value && 'other' in value && Object.keys(value).every((key) => ['one', 'few', 'other'].includes(key));
}

/** Every string a table produces in `locale`, keyed by where it comes from ("news-list.added(21)"). */
function producedStrings(tableName: string, locale: Locale): Map<string, string> {
  const out = new Map<string, string>();
  const visit = (value: unknown, path: string, key: string): void => {
    if (typeof value === 'string') {
      out.set(path, value);
    } else if (typeof value === 'function') {
      const samples = SAMPLE_ARGUMENTS[`${tableName}.${key}`];
      if (!samples) throw new Error(`${tableName}.${key} is a function: give it sample arguments in SAMPLE_ARGUMENTS`);
      // Keyed by the sample's index: an argument may itself be localised (an age).
      samples(locale).forEach((args, index) => out.set(`${path}#${index}`, (value as (...args: unknown[]) => string)(...args)));
    } else if (isPluralForms(value)) {
      for (const count of COUNTS) out.set(`${path}(${count})`, plural(locale, count, value));
    } else if (Array.isArray(value)) {
      value.forEach((entry, index) => visit(entry, `${path}[${index}]`, key));
    } else if (typeof value === 'object' && value !== null) {
      for (const [childKey, child] of Object.entries(value)) visit(child, `${path}.${childKey}`, key || childKey);
    } else if (value !== undefined) {
      throw new Error(`${path}: unexpected ${typeof value}`);
    }
  };
  for (const [key, value] of Object.entries(TABLES[tableName]![locale])) visit(value, key, key);
  return out;
}

/** The shape of a table: every key path, with functions and plural forms as leaves. */
function shapeOf(value: unknown, path = ''): string[] {
  if (typeof value !== 'object' || value === null) return [`${path}:${typeof value}`];
  if (isPluralForms(value)) return [`${path}:plural`];
  return Object.entries(value).flatMap(([key, child]) => shapeOf(child, path ? `${path}.${key}` : key));
}

// Serbian Latin → Cyrillic (Vuk's alphabet). Digraphs first; `Lj`/`LJ` both become `Љ`.
const DIGRAPHS: Record<string, string> = { lj: 'љ', nj: 'њ', dž: 'џ', Lj: 'Љ', LJ: 'Љ', Nj: 'Њ', NJ: 'Њ', Dž: 'Џ', DŽ: 'Џ' };
const LETTERS: Record<string, string> = {
  a: 'а', b: 'б', c: 'ц', č: 'ч', ć: 'ћ', d: 'д', đ: 'ђ', e: 'е', f: 'ф', g: 'г', h: 'х', i: 'и', j: 'ј', k: 'к', l: 'л',
  m: 'м', n: 'н', o: 'о', p: 'п', r: 'р', s: 'с', š: 'ш', t: 'т', u: 'у', v: 'в', z: 'з', ž: 'ж',
};
/**
 * Written in Latin letters in Cyrillic text too: attribute and format names, protocol names and key
 * names (what the reader types or sees on the keyboard). NATO is not here: it is НАТО in Cyrillic.
 */
const LATIN_TOKENS = ['JSON Feed', 'JSON', 'HTTP', 'CORS', 'article-id', 'src', 'https', 'http', 'Enter'];
/** Protected tokens and `{placeholders}` (names the code fills in), kept as they are by `toCyrillic`. */
const LATIN_TOKEN_PATTERN = new RegExp(`((?<![\\p{L}-])(?:${LATIN_TOKENS.join('|')})(?![\\p{L}-])|\\{\\w+\\})`, 'u');

function toCyrillic(latin: string): string {
  return latin
    .split(LATIN_TOKEN_PATTERN)
    .map((piece, index) => {
      if (index % 2 === 1) return piece; // A protected token.
      let out = '';
      for (let i = 0; i < piece.length; i += 1) {
        const pair = piece.slice(i, i + 2);
        if (DIGRAPHS[pair]) {
          out += DIGRAPHS[pair];
          i += 1;
          continue;
        }
        const char = piece[i]!;
        const lower = LETTERS[char.toLowerCase()];
        out += lower === undefined ? char : char === char.toLowerCase() ? lower : lower.toUpperCase();
      }
      return out;
    })
    .join('');
}

/**
 * Where the Cyrillic legitimately differs from a letter-by-letter transliteration of the Latin
 * (e.g. a digraph that is two letters, as in "nadživeti"). Empty today; each entry needs a reason.
 */
const TRANSLITERATION_EXCEPTIONS: Record<string, string> = {};

/** Ijekavian forms of words these tables use (vest, vreme, pre, posle, reč, mesto, ceo, gde, ovde). */
const IJEKAVIAN = /(?<!\p{L})(vijest|vrijem|prije|poslije|riječ|mjest|cijel|gdje|ovdje|вијест|вријем|прије|послије|ријеч|мјест|цијел|гдје|овдје)/iu;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;

describe('message tables', () => {
  it('transliterates Serbian Latin as a Serbian would (the helper the checks below rely on)', () => {
    expect(toCyrillic('Učitaj još vesti: Ljubljana, NJEGOŠ, džep, Đurđevdan')).to.equal('Учитај још вести: Љубљана, ЊЕГОШ, џеп, Ђурђевдан');
    expect(toCyrillic('Proverite atribut src i article-id (HTTP 404, JSON Feed).')).to.equal('Проверите атрибут src и article-id (HTTP 404, JSON Feed).');
    expect(toCyrillic('NATO-a')).to.equal('НАТО-а');
  });

  for (const tableName of Object.keys(TABLES)) {
    describe(tableName, () => {
      it('has the same keys, functions and plural forms in every locale', () => {
        const shape = shapeOf(TABLES[tableName]!.en);
        for (const locale of LOCALES) expect(shapeOf(TABLES[tableName]![locale]), locale).to.deep.equal(shape);
      });

      it('never produces an empty or unfinished string', () => {
        for (const locale of LOCALES) {
          const strings = producedStrings(tableName, locale);
          expect(strings.size, locale).to.be.greaterThan(0);
          for (const [path, text] of strings) {
            expect(text.trim(), `${locale} ${path}`).not.to.equal('');
            expect(text, `${locale} ${path}`).not.to.match(/undefined|NaN|\[object|\{n\}/);
          }
        }
      });

      it('uses the same {placeholders} in every locale', () => {
        const placeholders = (locale: Locale) =>
          new Map([...producedStrings(tableName, locale)].map(([path, text]) => [path, (text.match(/\{\w+\}/g) ?? []).sort().join(' ')]));
        const english = placeholders('en');
        for (const locale of ['sr-Latn', 'sr-Cyrl'] as const) expect(placeholders(locale), locale).to.deep.equal(english);
      });

      it('writes Serbian Latin in Latin letters and Serbian Cyrillic in Cyrillic ones', () => {
        for (const [path, text] of producedStrings(tableName, 'sr-Latn')) expect(text, path).not.to.match(CYRILLIC);
        for (const [path, text] of producedStrings(tableName, 'sr-Cyrl')) {
          const outsideTokens = text.split(LATIN_TOKEN_PATTERN).filter((_, index) => index % 2 === 0).join(' ');
          expect(outsideTokens, path).not.to.match(LATIN);
        }
      });

      it('derives a Latin that transliterates back to the Cyrillic source, letter for letter (nothing lost)', () => {
        const latin = producedStrings(tableName, 'sr-Latn');
        const cyrillic = producedStrings(tableName, 'sr-Cyrl');
        for (const [path, text] of latin) {
          expect(cyrillic.get(path), path).to.equal(TRANSLITERATION_EXCEPTIONS[text] ?? toCyrillic(text));
        }
      });

      it('writes Serbian as in Serbia: ekavian, with „…“ quotes', () => {
        for (const locale of ['sr-Latn', 'sr-Cyrl'] as const) {
          for (const [path, text] of producedStrings(tableName, locale)) {
            expect(text, `${locale} ${path}`).not.to.match(IJEKAVIAN);
            expect(text, `${locale} ${path}`).not.to.match(/[“"](?=\p{L})/u);
          }
        }
      });
    });
  }

  it('declines Serbian nouns after numbers (one / few / other)', () => {
    const count = (locale: Locale, n: number) => archiveSearchMessages[locale].resultCount(n, n);
    expect([1, 2, 3, 4, 5, 11, 21, 22, 25, 101].map((n) => count('sr-Cyrl', n))).to.deep.equal([
      '1 резултат', '2 резултата', '3 резултата', '4 резултата', '5 резултата', '11 резултата', '21 резултат', '22 резултата', '25 резултата', '101 резултат',
    ]);
    expect([1, 3, 5, 21].map((n) => count('sr-Latn', n))).to.deep.equal(['1 rezultat', '3 rezultata', '5 rezultata', '21 rezultat']);
    expect([1, 3, 21].map((n) => count('en', n))).to.deep.equal(['1 result', '3 results', '21 results']);
    const added = (locale: Locale, n: number) => plural(locale, n, newsListMessages[locale].added);
    expect([1, 3, 5, 21, 12].map((n) => added('sr-Latn', n))).to.deep.equal([
      'Učitana je još 1 vest.', 'Učitane su još 3 vesti.', 'Učitano je još 5 vesti.', 'Učitana je još 21 vest.', 'Učitano je još 12 vesti.',
    ]);
    const articles = (n: number) => archiveSearchMessages['sr-Cyrl'].partialArchive(n);
    expect([1, 2, 7].map(articles).map((text) => /\((.+)\)/.exec(text)![1])).to.deep.equal(['1 чланак', '2 чланка', '7 чланака']);
  });

  it('says "of N results" in the genitive, whatever N ends in', () => {
    expect(archiveSearchMessages['sr-Latn'].resultCount(21, 10)).to.equal('Prikazujemo 10 od 21 rezultata');
    expect(archiveSearchMessages['sr-Cyrl'].resultCount(57, 1)).to.equal('Приказујемо 1 од 57 резултата');
    expect(archiveSearchMessages.en.resultCount(21, 10)).to.equal('Showing 10 of 21 results');
  });

  it('a table without every locale does not compile', () => {
    // @ts-expect-error Serbian Cyrillic is missing: LocaleTable requires every locale.
    const incomplete: LocaleTable<{ retry: string }> = { en: { retry: 'Retry' }, 'sr-Latn': { retry: 'Pokušaj ponovo' } };
    // @ts-expect-error A locale without a key does not compile either.
    const missingKey: LocaleTable<{ retry: string }> = { en: { retry: 'Retry' }, 'sr-Latn': { retry: 'Pokušaj ponovo' }, 'sr-Cyrl': {} };
    expect(Object.keys(incomplete)).not.to.include('sr-Cyrl');
    expect(missingKey['sr-Cyrl']).to.deep.equal({});
  });
});

// ---------------------------------------------------------------------------------------------
// The elements
// ---------------------------------------------------------------------------------------------

/** How a page states the language: on the element, on an ancestor, or on `<html>`. */
type Where = 'own' | 'ancestor' | 'document';

const originalDocumentLang = document.documentElement.getAttribute('lang');
afterEach(() => {
  if (originalDocumentLang === null) document.documentElement.removeAttribute('lang');
  else document.documentElement.setAttribute('lang', originalDocumentLang);
});

/** Frame options and attributes that state `tag` as the language in the given way. */
function placing(where: Where, tag: string, attributes: Record<string, string>): { attributes: Record<string, string>; options: FrameOptions } {
  if (where === 'own') return { attributes: { ...attributes, lang: tag }, options: {} };
  if (where === 'ancestor') return { attributes, options: { lang: tag } };
  document.documentElement.setAttribute('lang', tag);
  return { attributes, options: {} };
}

/** Language tags a page may use, and the locale each must resolve to. */
const TAGS: Array<[string, Locale]> = [
  ['en', 'en'],
  ['en-GB', 'en'],
  ['sr-Latn', 'sr-Latn'],
  ['sr-Latn-RS', 'sr-Latn'],
  ['sr', 'sr-Cyrl'],
  ['sr-Cyrl', 'sr-Cyrl'],
  ['fr', 'en'],
];
const WHERE: Where[] = ['own', 'ancestor', 'document'];

/** What a reader sees or hears, per locale, written out by hand (not read from the tables). */
const RETRY: Record<Locale, string> = { en: 'Retry', 'sr-Latn': 'Pokušaj ponovo', 'sr-Cyrl': 'Покушај поново' };
const ERROR_TITLE: Record<Locale, string> = { en: 'The news could not be loaded', 'sr-Latn': 'Vesti nije moguće učitati', 'sr-Cyrl': 'Вести није могуће учитати' };
const NOT_FOUND_404: Record<Locale, string> = {
  en: 'The news feed was not found (HTTP 404). Check the address in the src attribute.',
  'sr-Latn': 'Izvor vesti nije pronađen (HTTP 404). Proverite adresu u atributu src.',
  'sr-Cyrl': 'Извор вести није пронађен (HTTP 404). Проверите адресу у атрибуту src.',
};
/** The date of the source page's article (22 November 2023): as the source page writes it in English. */
const ARTICLE_DATE: Record<Locale, string> = { en: 'Nov 22 2023', 'sr-Latn': '22. nov 2023.', 'sr-Cyrl': '22. нов 2023.' };
const LOAD_MORE: Record<Locale, string> = { en: 'Load more', 'sr-Latn': 'Učitaj još', 'sr-Cyrl': 'Учитај још' };
const TAGS_LABEL: Record<Locale, string> = { en: 'Tags', 'sr-Latn': 'Oznake', 'sr-Cyrl': 'Ознаке' };
/** The byline of the (English) article: the feed's byline and original source stay as written. */
const STORY_BY: Record<Locale, string> = {
  en: 'Story by MLO Belgrade (originally posted on NATO HQ website)',
  'sr-Latn': 'Tekst: MLO Belgrade (prvobitno objavljeno na: NATO HQ website)',
  'sr-Cyrl': 'Текст: MLO Belgrade (првобитно објављено на: NATO HQ website)',
};
const SAVED_COPY: Record<Locale, string> = {
  en: 'Showing a saved copy, last updated 3 hours ago.',
  'sr-Latn': 'Prikazuje se sačuvana kopija, poslednji put ažurirana pre 3 sata.',
  'sr-Cyrl': 'Приказује се сачувана копија, последњи пут ажурирана пре 3 сата.',
};
const BREADCRUMB_LABEL: Record<Locale, string> = { en: 'Breadcrumb', 'sr-Latn': 'Navigaciona putanja', 'sr-Cyrl': 'Навигациона путања' };
const SHOW_FULL_PATH: Record<Locale, string> = { en: 'Show full path', 'sr-Latn': 'Prikaži celu putanju', 'sr-Cyrl': 'Прикажи целу путању' };
const OFFICE_HEADINGS: Record<Locale, string[]> = {
  en: ['NATO Military Liaison Office', 'Media Operations'],
  'sr-Latn': ['Kancelarija NATO-a za vojnu vezu', 'Odnosi s medijima'],
  'sr-Cyrl': ['Канцеларија НАТО-а за војну везу', 'Односи с медијима'],
};
const OFFICE_TOWN: Record<Locale, string> = { en: '11000 Belgrade', 'sr-Latn': '11000 Beograd', 'sr-Cyrl': '11000 Београд' };
const COPY_ADDRESS: Record<Locale, string> = { en: 'Copy address', 'sr-Latn': 'Kopiraj adresu', 'sr-Cyrl': 'Копирај адресу' };
const SHOW_ON_MAP: Record<Locale, string> = { en: 'Show on map', 'sr-Latn': 'Prikaži na mapi', 'sr-Cyrl': 'Прикажи на мапи' };
const SEARCH_LABEL: Record<Locale, string> = { en: 'Search our content', 'sr-Latn': 'Pretražite naš sadržaj', 'sr-Cyrl': 'Претражите наш садржај' };
const RESULTS_LABEL: Record<Locale, string> = { en: 'Search results', 'sr-Latn': 'Rezultati pretrage', 'sr-Cyrl': 'Резултати претраге' };
const YEAR_LABEL: Record<Locale, string> = { en: 'Year', 'sr-Latn': 'Godina', 'sr-Cyrl': 'Година' };
const ALL_YEARS: Record<Locale, string> = { en: 'All years', 'sr-Latn': 'Sve godine', 'sr-Cyrl': 'Све године' };
const FALLBACK_SUBMIT: Record<Locale, string> = { en: 'Search', 'sr-Latn': 'Pretraži', 'sr-Cyrl': 'Претражи' };

/** The card of the source page's article (inside a list, each card has its own shadow root). */
function sourceArticleCard(element: HTMLElement): HTMLElement {
  const card = partsOf(element, 'card').find((node) => node.textContent.includes('Secretary General'));
  if (!card) throw new Error('the source page’s article is not shown');
  return card;
}

/** What each element says in `locale`, checked against the hand-written expectations above. */
const SPEAKS: Record<ElementTag, (element: HTMLElement, locale: Locale) => void> = {
  'mlo-news-list': (element, locale) => {
    expect(textOf(partOf(element, 'load-more-button')), 'Load more').to.equal(LOAD_MORE[locale]);
    const card = sourceArticleCard(element);
    expect(textOf(card.querySelector('[part~="date"]')), 'the article’s date').to.equal(ARTICLE_DATE[locale]);
    expect(card.querySelector('[part~="tags"]')!.getAttribute('aria-label'), 'the tags’ name').to.equal(TAGS_LABEL[locale]);
  },
  'mlo-article-card': (element, locale) => {
    expect(textOf(partOf(element, 'date')), 'the date').to.equal(ARTICLE_DATE[locale]);
    expect(textOf(partOf(element, 'byline')), 'the byline').to.equal(STORY_BY[locale]);
    expect(partOf(element, 'tags').getAttribute('aria-label'), 'the tags’ name').to.equal(TAGS_LABEL[locale]);
  },
  'mlo-breadcrumb': (element, locale) => {
    expect(partOf(element, 'nav').getAttribute('aria-label'), 'the landmark’s name').to.equal(BREADCRUMB_LABEL[locale]);
  },
  'mlo-office-contact': (element, locale) => {
    expect(partsOf(element, 'heading').map(textOf), 'the headings').to.deep.equal(OFFICE_HEADINGS[locale]);
    expect(textOf(partOf(element, 'address')), 'the address').to.contain(OFFICE_TOWN[locale]);
    expect(textOf(partOf(element, 'copy-button')), 'the copy button').to.equal(COPY_ADDRESS[locale]);
    expect(textOf(partOf(element, 'map-link')), 'the map link').to.equal(SHOW_ON_MAP[locale]);
  },
  'mlo-archive-search': (element, locale) => {
    expect(textOf(partOf(element, 'label')), 'the label').to.equal(SEARCH_LABEL[locale]);
    expect(partOf(element, 'search').getAttribute('aria-label'), 'the search landmark’s name').to.equal(SEARCH_LABEL[locale]);
    expect(partOf(element, 'listbox').getAttribute('aria-label'), 'the results’ name').to.equal(RESULTS_LABEL[locale]);
    expect(textOf(partsOf(element, 'filter-label')[0]), 'the year filter').to.equal(YEAR_LABEL[locale]);
    expect(textOf(partOf(element, 'select').querySelector('option')), 'the first year option').to.equal(ALL_YEARS[locale]);
    const date = partsOf(element, 'option').find((option) => option.textContent.includes('Secretary General'))?.querySelector('[part~="option-date"]');
    expect(textOf(date), 'the article’s date').to.equal(ARTICLE_DATE[locale]);
  },
};

/**
 * What each element shows for these tests: the source page's article among other news, in full, its
 * path and in search results (English items, so only the interface changes language), and the
 * office contact's embedded default, whose very content is translated.
 */
const SOURCES: Record<ElementTag, Record<string, string>> = {
  'mlo-news-list': { src: '/fixtures/feeds/news-mlo.json', limit: '3' },
  'mlo-article-card': { src: DEMO_FEED, 'article-id': DEMO_ARTICLE_ID, variant: 'full' },
  'mlo-breadcrumb': { src: DEMO_FEED, 'article-id': DEMO_ARTICLE_ID },
  'mlo-office-contact': {},
  'mlo-archive-search': { src: DEMO_FEED, query: 'secretary general', debounce: '0' },
};

async function mountSpeaking(tag: ElementTag, options: FrameOptions, attributes: Record<string, string> = SOURCES[tag]): Promise<HTMLElement> {
  const { element } = await mountShown(tag, attributes, options);
  return element;
}

describe('the elements speak the page’s language', () => {
  for (const tag of Object.keys(SPEAKS) as ElementTag[]) {
    describe(tag, () => {
      for (const where of WHERE) {
        for (const [languageTag, locale] of TAGS) {
          it(`lang="${languageTag}" on ${where === 'own' ? 'the element' : where === 'ancestor' ? 'an ancestor' : '<html>'} → ${locale}`, async () => {
            const placed = placing(where, languageTag, SOURCES[tag]);
            const element = await mountSpeaking(tag, placed.options, placed.attributes);
            SPEAKS[tag](element, locale);
          });
        }
      }

      it('re-renders when an ancestor’s lang changes, and the element’s own lang wins', async () => {
        const element = await mountSpeaking(tag, { lang: 'en' });
        SPEAKS[tag](element, 'en');
        element.parentElement!.lang = 'sr-Cyrl';
        await rerendered(element);
        SPEAKS[tag](element, 'sr-Cyrl');
        element.parentElement!.lang = 'sr-Latn';
        await rerendered(element);
        SPEAKS[tag](element, 'sr-Latn');
        element.lang = 'en-GB';
        await rerendered(element);
        SPEAKS[tag](element, 'en');
        element.removeAttribute('lang');
        await rerendered(element);
        SPEAKS[tag](element, 'sr-Latn');
      });

      it('re-renders when <html lang> changes', async () => {
        document.documentElement.setAttribute('lang', 'sr');
        const element = await mountSpeaking(tag, {});
        SPEAKS[tag](element, 'sr-Cyrl');
        document.documentElement.setAttribute('lang', 'en');
        await rerendered(element);
        SPEAKS[tag](element, 'en');
      });
    });
  }

  for (const tag of ['mlo-news-list', 'mlo-article-card', 'mlo-breadcrumb', 'mlo-office-contact', 'mlo-archive-search'] as ElementTag[]) {
    it(`${tag}: the error and its Retry button in each language`, async () => {
      for (const [languageTag, locale] of [['en', 'en'], ['sr-Latn-RS', 'sr-Latn'], ['sr', 'sr-Cyrl']] as const) {
        const { element } = await mountError(tag, { lang: languageTag });
        expect(textOf(partOf(element, 'error-title')), `${languageTag}: the title`).to.equal(ERROR_TITLE[locale]);
        expect(textOf(partOf(element, 'error-message')), `${languageTag}: the message`).to.equal(NOT_FOUND_404[locale]);
        expect(textOf(partOf(element, 'retry-button')), `${languageTag}: Retry`).to.equal(RETRY[locale]);
      }
    });
  }

  it('mlo-news-list: the saved-copy notice says how old the copy is, in each language', async () => {
    for (const [languageTag, locale] of [['en', 'en'], ['sr-Latn', 'sr-Latn'], ['sr', 'sr-Cyrl']] as const) {
      const frame = mountTemplate(renderNewsListExample({ ...newsListExamples.stale, lang: languageTag }));
      const element = frame.querySelector('mlo-news-list')!;
      await waitFor(() => element.shadowRoot !== null && partsOf(element, 'stale').length > 0, 'no saved-copy notice');
      const notice = partOf(element, 'stale');
      expect(textOf(notice.querySelector('p'))).to.equal(SAVED_COPY[locale]);
      expect(textOf(notice.querySelector('button'))).to.equal(RETRY[locale]);
      clearFeedCache();
    }
  });

  it('mlo-breadcrumb: the "…" button of a collapsed path is named in each language', async () => {
    for (const [languageTag, locale] of [['en', 'en'], ['sr-Latn', 'sr-Latn'], ['sr-Cyrl', 'sr-Cyrl']] as const) {
      const { element } = mount('mlo-breadcrumb', SOURCES['mlo-breadcrumb'], { lang: languageTag, width: 280 });
      await waitFor(() => element.shadowRoot !== null && partsOf(element, 'expand-button').length > 0, 'the path did not collapse');
      expect(partOf(element, 'expand-button').getAttribute('aria-label')).to.equal(SHOW_FULL_PATH[locale]);
    }
  });

  it('mlo-archive-search: the plain search form’s button in each language', async () => {
    for (const [languageTag, locale] of [['en', 'en'], ['sr-Latn', 'sr-Latn'], ['sr-Cyrl', 'sr-Cyrl']] as const) {
      const { element } = mount('mlo-archive-search', { action: 'https://mlo.example/search' }, { lang: languageTag });
      await waitFor(() => element.shadowRoot !== null && partsOf(element, 'fallback-button').length > 0, 'no plain form');
      expect(textOf(partOf(element, 'fallback-button'))).to.equal(FALLBACK_SUBMIT[locale]);
      expect(textOf(partOf(element, 'label'))).to.equal(SEARCH_LABEL[locale]);
    }
  });
});

describe('Serbian plurals in the elements', () => {
  /** A feed of `count` items that all contain the word "mir", for exact result counts. */
  function peaceFeed(count: number): JsonFeed {
    return {
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Mir',
      items: Array.from({ length: count }, (_, index) => ({
        id: `mir-${index}`,
        url: `https://mlo.example/mir-${index}`,
        title: `Mir ${index + 1}`,
        content_text: 'Nauka za mir i bezbednost.',
        date_published: `2023-01-${String((index % 28) + 1).padStart(2, '0')}T10:00:00Z`,
      })),
    };
  }

  const expected: Array<[number, string, string, string]> = [
    [1, '1 result', '1 rezultat', '1 резултат'],
    [3, '3 results', '3 rezultata', '3 резултата'],
    [5, '5 results', '5 rezultata', '5 резултата'],
    [21, '21 results', '21 rezultat', '21 резултат'],
    [22, '22 results', '22 rezultata', '22 резултата'],
  ];
  for (const [count, en, latin, cyrillic] of expected) {
    it(`mlo-archive-search announces ${count} results: "${cyrillic}"`, async () => {
      const { element } = mount<MloArchiveSearch>('mlo-archive-search', { query: 'mir', limit: '30', debounce: '0' }, { lang: 'sr-Cyrl' });
      element.feed = peaceFeed(count);
      const announcement = () => textOf(partOf(element, 'status'));
      await waitFor(() => element.shadowRoot !== null && partsOf(element, 'option').length === count, `expected ${count} results`);
      await waitFor(() => announcement() === cyrillic, `expected "${cyrillic}", got "${element.shadowRoot && announcement()}"`);
      element.parentElement!.lang = 'sr-Latn';
      await waitFor(() => announcement() === latin, `expected "${latin}"`);
      element.parentElement!.lang = 'en';
      await waitFor(() => announcement() === en, `expected "${en}"`);
    });
  }

  it('mlo-archive-search: "Showing 10 of 21" in the genitive', async () => {
    const { element } = mount<MloArchiveSearch>('mlo-archive-search', { query: 'mir', limit: '10', debounce: '0' }, { lang: 'sr-Latn' });
    element.feed = peaceFeed(21);
    await waitFor(() => element.shadowRoot !== null && textOf(partsOf(element, 'status')[0]) === 'Prikazujemo 10 od 21 rezultata', 'no count');
  });

  it('mlo-news-list announces how many items Load more added, in Serbian', async () => {
    const { element } = mount('mlo-news-list', { src: DEMO_FEED, limit: '3' }, { lang: 'sr-Latn' });
    await waitFor(() => element.shadowRoot !== null && partsOf(element, 'load-more-button').length > 0, 'no Load more');
    partOf(element, 'load-more-button').click();
    await waitFor(() => textOf(partOf(element, 'status')) !== '', 'nothing announced');
    expect(textOf(partOf(element, 'status'))).to.equal('Učitane su još 3 vesti.');
  });

  it('resolves every tag the issue names', () => {
    expect(['sr', 'sr-Latn', 'sr-Latn-RS', 'sr-Cyrl', 'en-GB', 'fr'].map(resolveLocale)).to.deep.equal(['sr-Cyrl', 'sr-Latn', 'sr-Latn', 'sr-Cyrl', 'en', 'en']);
  });
});
