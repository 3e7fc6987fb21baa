import { expect } from '@open-wc/testing';
import { FEED_ERROR_KINDS } from '../../src/feed/errors.js';
import { LOCALES, formatAge, formatDate, formatNumber, intlTag, plural, resolveLocale } from '../../src/i18n/locale.js';
import type { Locale } from '../../src/i18n/locale.js';
import { commonMessages } from '../../src/i18n/messages/common.js';

const CYRILLIC = /[\u0400-\u04ff]/;
const LATIN_LETTER = /[a-zčćžšđ]/i;

describe('resolveLocale', () => {
  const cases: Array<[string | null | undefined, Locale]> = [
    ['en', 'en'],
    ['en-GB', 'en'],
    ['en_US', 'en'],
    ['sr', 'sr-Cyrl'],
    ['sr-RS', 'sr-Cyrl'],
    ['sr-Cyrl', 'sr-Cyrl'],
    ['sr-Cyrl-RS', 'sr-Cyrl'],
    ['sr-Latn', 'sr-Latn'],
    ['sr-Latn-RS', 'sr-Latn'],
    ['SR-latn', 'sr-Latn'],
    ['sr-BA', 'sr-Cyrl'],
    ['sr-ME', 'sr-Latn'],
    ['sr-RS-u-nu-latn', 'sr-Cyrl'],
    ['sr_RS', 'sr-Cyrl'],
    ['sr-x-!!', 'sr-Cyrl'],
    ['sr-latn-!!', 'sr-Latn'],
    ['srp', 'sr-Cyrl'],
    ['sh', 'sr-Latn'],
    ['fr', 'en'],
    ['de-AT', 'en'],
    ['', 'en'],
    ['   ', 'en'],
    [null, 'en'],
    [undefined, 'en'],
  ];
  for (const [tag, locale] of cases) {
    it(`${JSON.stringify(tag)} → ${locale}`, () => {
      expect(resolveLocale(tag)).to.equal(locale);
    });
  }

  it('gives Intl an explicit script and region for Serbian', () => {
    expect(intlTag('sr-Latn')).to.equal('sr-Latn-RS');
    expect(intlTag('sr-Cyrl')).to.equal('sr-Cyrl-RS');
  });
});

describe('formatDate', () => {
  // Midday local time, so no time zone can move it to another day.
  const date = new Date(2023, 10, 22, 12, 0, 0);

  it('writes English dates as the source page does: "Nov 22 2023", no comma', () => {
    expect(formatDate(date, 'en')).to.equal('Nov 22 2023');
    expect(formatDate(new Date(2019, 0, 5, 12), 'en')).to.equal('Jan 5 2019');
  });

  it('writes Serbian Latin dates in Latin script', () => {
    const text = formatDate(date, 'sr-Latn');
    expect(text).to.contain('22').and.to.contain('2023');
    expect(text).to.match(LATIN_LETTER);
    expect(text).not.to.match(CYRILLIC);
  });

  it('writes Serbian Cyrillic dates in Cyrillic script', () => {
    const text = formatDate(date, 'sr-Cyrl');
    expect(text).to.contain('22').and.to.contain('2023');
    expect(text).to.match(CYRILLIC);
    expect(text).not.to.match(LATIN_LETTER);
  });

  // The reader's zone and UTC are written without Intl (its first use is slow); other zones go through Intl.
  it('writes every month, day and year as Intl does, in the reader’s zone, in UTC and in another zone', () => {
    const intl = (when: Date, locale: Locale, timeZone?: string): string => {
      const format = new Intl.DateTimeFormat(locale === 'en' ? 'en-US' : intlTag(locale), { year: 'numeric', month: 'short', day: 'numeric', timeZone });
      const parts = format.formatToParts(when);
      const value = (type: Intl.DateTimeFormatPartTypes) => parts.find((part) => part.type === type)?.value ?? '';
      return locale === 'en' ? `${value('month')} ${value('day')} ${value('year')}` : format.format(when);
    };
    const mismatches: string[] = [];
    for (const locale of LOCALES) {
      for (const year of [1, 999, 2008, 2024, 12345]) {
        for (let month = 0; month < 12; month += 1) {
          for (const day of [1, 9, 28]) {
            const local = new Date(year, month, day, 12);
            local.setFullYear(year); // Years below 100 are not read as 19xx.
            const utc = new Date(Date.UTC(year, month, day, 23, 30));
            for (const [when, zone] of [
              [local, undefined],
              [utc, 'UTC'],
              [utc, 'Asia/Tokyo'],
            ] as const) {
              const ours = formatDate(when, locale, zone);
              const theirs = intl(when, locale, zone);
              if (ours !== theirs) mismatches.push(`${locale} ${zone ?? 'local'} ${when.toISOString()}: ${ours} ≠ ${theirs}`);
            }
          }
        }
      }
    }
    expect(mismatches.slice(0, 5).join('\n')).to.equal('');
  });
});

describe('plural', () => {
  const results = { one: '{n} резултат', few: '{n} резултата', other: '{n} резултата' };

  it('declines Serbian nouns after numbers', () => {
    expect(plural('sr-Cyrl', 1, results)).to.equal('1 резултат');
    expect(plural('sr-Cyrl', 3, results)).to.equal('3 резултата');
    expect(plural('sr-Cyrl', 5, results)).to.equal('5 резултата');
    expect(plural('sr-Cyrl', 21, results)).to.equal('21 резултат');
    expect(plural('sr-Cyrl', 11, results)).to.equal('11 резултата');
  });

  it('picks the Serbian one/few/other categories by the last digits', () => {
    const forms = { one: '{n} one', few: '{n} few', other: '{n} other' };
    const category = (n: number) => plural('sr-Latn', n, forms).split(' ')[1];
    expect([1, 21, 101].map(category)).to.deep.equal(['one', 'one', 'one']);
    expect([2, 3, 4, 22, 34].map(category)).to.deep.equal(['few', 'few', 'few', 'few', 'few']);
    expect([0, 5, 11, 12, 14, 25, 111].map(category)).to.deep.equal(['other', 'other', 'other', 'other', 'other', 'other', 'other']);
  });

  it('uses the other form when a message has no few form', () => {
    expect(plural('sr-Latn', 3, { one: '{n} vest', other: '{n} vesti' })).to.equal('3 vesti');
  });

  it('uses one/other in English', () => {
    const forms = { one: '{n} result', other: '{n} results' };
    expect([0, 1, 2, 21].map((n) => plural('en', n, forms))).to.deep.equal(['0 results', '1 result', '2 results', '21 results']);
  });

  it('writes every whole number and picks every plural category as Intl does, without Intl', () => {
    const counts = [...Array.from({ length: 2500 }, (_, n) => n), 9999, 10_000, 12_345, 100_000, 1_234_567, 2_000_000_001, Number.MAX_SAFE_INTEGER, -1, -3, -1234];
    const forms = { one: 'one {n}', few: 'few {n}', other: 'other {n}' };
    const mismatches: string[] = [];
    for (const locale of ['en', 'sr-Latn', 'sr-Cyrl'] as const) {
      const tag = intlTag(locale);
      const numbers = new Intl.NumberFormat(tag);
      const rules = new Intl.PluralRules(tag);
      for (const n of counts) {
        const category = rules.select(n);
        const expected = `${category === 'one' || category === 'few' ? category : 'other'} ${numbers.format(n)}`;
        const actual = plural(locale, n, forms);
        if (actual !== expected) mismatches.push(`${locale} ${n}: ${actual}, Intl: ${expected}`);
        if (formatNumber(n, locale) !== numbers.format(n)) mismatches.push(`${locale} ${n}: ${formatNumber(n, locale)}, Intl: ${numbers.format(n)}`);
      }
    }
    expect(mismatches.slice(0, 5).join('\n')).to.equal('');
    // Other numbers go to Intl.
    expect(formatNumber(1234.5, 'en')).to.equal(new Intl.NumberFormat('en-GB').format(1234.5));
  });

  it('formats the number for the locale', () => {
    const forms = { one: '{n} x', other: '{n} x' };
    expect(plural('en', 12000, forms)).to.equal('12,000 x');
    expect(plural('sr-Latn', 12000, forms)).to.equal('12.000 x');
  });
});

describe('formatAge', () => {
  const now = Date.UTC(2023, 10, 22, 12);
  const ago = (ms: number) => now - ms;

  it('says how old a copy is in English', () => {
    expect(formatAge(ago(0), 'en', now)).to.equal('now');
    expect(formatAge(ago(30_000), 'en', now)).to.equal('30 seconds ago');
    expect(formatAge(ago(5 * 60_000), 'en', now)).to.equal('5 minutes ago');
    expect(formatAge(ago(2 * 3_600_000), 'en', now)).to.equal('2 hours ago');
    expect(formatAge(ago(86_400_000), 'en', now)).to.equal('yesterday');
    expect(formatAge(ago(3 * 86_400_000), 'en', now)).to.equal('3 days ago');
  });

  it('says it in Serbian, in the right script', () => {
    expect(formatAge(ago(3 * 86_400_000), 'sr-Latn', now)).to.equal('pre 3 dana');
    expect(formatAge(ago(3 * 86_400_000), 'sr-Cyrl', now)).to.equal('пре 3 дана');
    expect(formatAge(ago(5 * 60_000), 'sr-Cyrl', now)).to.match(CYRILLIC);
    expect(formatAge(ago(5 * 60_000), 'sr-Latn', now)).not.to.match(CYRILLIC);
  });
});

describe('commonMessages', () => {
  const kinds = FEED_ERROR_KINDS;

  /** Every string a table can produce, with where it came from. */
  function allStrings(locale: Locale): Array<[string, string]> {
    const table = commonMessages[locale];
    const out: Array<[string, string]> = [];
    for (const [key, value] of Object.entries(table)) {
      if (typeof value === 'string') out.push([key, value]);
    }
    out.push(['stale', table.stale(formatAge(Date.now() - 120_000, locale))]);
    for (const kind of kinds) {
      out.push([`feedError(${kind})`, table.feedError(kind)]);
      out.push([`feedError(${kind}, 404)`, table.feedError(kind, 404)]);
      out.push([`feedError(${kind}, 503)`, table.feedError(kind, 503)]);
    }
    return out;
  }

  it('has every key in every locale', () => {
    const keys = Object.keys(commonMessages.en).sort();
    expect(keys.length).to.be.greaterThan(4);
    for (const locale of LOCALES) {
      expect(Object.keys(commonMessages[locale]).sort(), locale).to.deep.equal(keys);
      for (const key of keys) {
        expect(typeof commonMessages[locale][key as keyof typeof commonMessages.en], `${locale}.${key}`).to.equal(typeof commonMessages.en[key as keyof typeof commonMessages.en]);
      }
    }
  });

  it('has no empty message, for any error kind', () => {
    for (const locale of LOCALES) {
      for (const [where, message] of allStrings(locale)) {
        expect(message, `${locale} ${where}`).to.be.a('string');
        expect(message.trim(), `${locale} ${where}`).not.to.equal('');
      }
    }
  });

  it('says which HTTP status failed', () => {
    for (const locale of LOCALES) {
      expect(commonMessages[locale].feedError('http', 404), locale).to.contain('404');
      expect(commonMessages[locale].feedError('http', 503), locale).to.contain('503');
    }
  });

  it('writes Serbian Latin without Cyrillic, and Serbian Cyrillic without Latin words', () => {
    // Names of technologies and attributes stay as they are written in code.
    const technical = /\b(CORS|JSON Feed|JSON|HTTP|src|https?)\b/g;
    for (const [where, message] of allStrings('sr-Latn')) {
      expect(message, where).not.to.match(CYRILLIC);
    }
    for (const [where, message] of allStrings('sr-Cyrl')) {
      expect(message.replace(technical, ''), where).not.to.match(LATIN_LETTER);
      expect(message, where).to.match(CYRILLIC);
    }
  });
});
