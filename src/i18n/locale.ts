/**
 * Languages: which of our three locales an element speaks, and locale-aware dates and plurals.
 * The real site is published in English, Serbian Latin and Serbian Cyrillic.
 */
import { dateAttribute } from '../feed/dates.js';
import { itemDate, itemDateKind } from '../feed/parse.js';
import type { FeedItem } from '../feed/types.js';

export const LOCALES = ['en', 'sr-Latn', 'sr-Cyrl'] as const;
export type Locale = (typeof LOCALES)[number];

/** A message table: every locale must have every key (checked at compile time by this type). */
export type LocaleTable<Messages> = { readonly [L in Locale]: Messages };

/**
 * The script of a Serbian tag: the explicit one, else CLDR's likely one for the region (`sr-ME` is
 * Latin, `sr-RS` and `sr` Cyrillic). `-u-nu-latn` (Latin digits) says nothing about the script.
 */
function serbianScript(parts: string[]): string | undefined {
  try {
    return new Intl.Locale(parts.join('-')).maximize().script;
  } catch {
    return parts[1] === 'latn' ? 'Latn' : undefined; // Not a well-formed tag.
  }
}

const resolvedLocales = new Map<string, Locale>();
const RESOLVED_LOCALES_LIMIT = 200;

/**
 * Maps any BCP 47 tag to one of our locales. `sr` alone is Cyrillic (as in CLDR); `sr-Latn`,
 * `sr-Latn-RS`, `sr-ME`, `sr-RS-u-…` and `sh`/`hbs` resolve sensibly; anything else is English.
 */
export function resolveLocale(tag: string | null | undefined): Locale {
  // Every element resolves its language when it connects: the few tags a page uses are resolved once.
  const key = tag ?? '';
  let locale = resolvedLocales.get(key);
  if (locale === undefined) {
    locale = resolveTag(key);
    if (resolvedLocales.size < RESOLVED_LOCALES_LIMIT) resolvedLocales.set(key, locale);
  }
  return locale;
}

function resolveTag(tag: string): Locale {
  const parts = tag.trim().toLowerCase().split(/[-_]/);
  const [language] = parts;
  if (language === 'sr' || language === 'srp') {
    return serbianScript(parts) === 'Latn' ? 'sr-Latn' : 'sr-Cyrl';
  }
  // Serbo-Croatian written in Latin script by neighbours: Latin is closer than English.
  if (language === 'sh' || language === 'hbs') return 'sr-Latn';
  return 'en';
}

/** The BCP 47 tag used with Intl, with an explicit script and region for Serbian. */
export function intlTag(locale: Locale): string {
  switch (locale) {
    case 'sr-Latn':
      return 'sr-Latn-RS';
    case 'sr-Cyrl':
      return 'sr-Cyrl-RS';
    default:
      return 'en-GB';
  }
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
/**
 * Dates already written, by locale, zone and instant: a page shows the same few dates again and again
 * (a list and a card on one feed, sixty cards, a re-render), and writing one costs microseconds each time.
 * Emptied when full, so a long archive cannot grow it without bound.
 */
const writtenDates = new Map<string, string>();
const WRITTEN_DATES_LIMIT = 2000;

/**
 * Short month names exactly as Intl writes them for en-US, sr-Latn-RS and sr-Cyrl-RS (CLDR; the locale
 * tests compare every month with Intl). The first `Intl.DateTimeFormat` of a page loads ICU's calendar data:
 * 12–18 ms on a desktop, over 100 ms on a phone four times slower, in the middle of the first render. The
 * reader's zone and UTC (every calendar day and offset-less date) need no Intl at all.
 */
const SHORT_MONTHS: LocaleTable<readonly string[]> = {
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  'sr-Latn': ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'avg', 'sep', 'okt', 'nov', 'dec'],
  'sr-Cyrl': ['јан', 'феб', 'мар', 'апр', 'мај', 'јун', 'јул', 'авг', 'сеп', 'окт', 'нов', 'дец'],
};

/** The date written without Intl: in the reader's zone (no `timeZone`) or in UTC; undefined for other zones and years before 1. */
function writeWithoutIntl(date: Date, locale: Locale, timeZone: string | undefined): string | undefined {
  let year: number;
  let month: number;
  let day: number;
  if (timeZone === undefined) {
    year = date.getFullYear();
    month = date.getMonth();
    day = date.getDate();
  } else if (timeZone === 'UTC') {
    year = date.getUTCFullYear();
    month = date.getUTCMonth();
    day = date.getUTCDate();
  } else {
    return undefined;
  }
  const name = SHORT_MONTHS[locale][month];
  if (year < 1 || name === undefined) return undefined;
  return locale === 'en' ? `${name} ${day} ${year}` : `${day}. ${name} ${year}.`;
}

/**
 * A date as the site writes it: "Nov 22 2023" in English (no comma, as on the source page),
 * "22. nov 2023." / "22. нов 2023." in Serbian. The day is the one in `timeZone` (an IANA name such as
 * `UTC` or `Europe/Belgrade`), by default the reader's.
 */
export function formatDate(date: Date, locale: Locale, timeZone?: string): string {
  const key = `${locale}|${timeZone ?? ''}`;
  const writtenKey = `${key}|${date.getTime()}`;
  const written = writtenDates.get(writtenKey);
  if (written !== undefined) return written;
  const text = writeWithoutIntl(date, locale, timeZone) ?? formatWithIntl(date, locale, timeZone, key);
  if (writtenDates.size >= WRITTEN_DATES_LIMIT) writtenDates.clear();
  writtenDates.set(writtenKey, text);
  return text;
}

function formatWithIntl(date: Date, locale: Locale, timeZone: string | undefined, key: string): string {
  let format = dateFormats.get(key);
  if (!format) {
    // Options without a prototype: a page that sets Object.prototype.weekday or .timeZone changes nothing here.
    const options = Object.assign(Object.create(null) as Intl.DateTimeFormatOptions, { year: 'numeric', month: 'short', day: 'numeric', timeZone } as const);
    format = new Intl.DateTimeFormat(locale === 'en' ? 'en-US' : intlTag(locale), options);
    dateFormats.set(key, format);
  }
  if (locale !== 'en') return format.format(date);
  const parts = format.formatToParts(date);
  const value = (type: Intl.DateTimeFormatPartTypes) => parts.find((part) => part.type === type)?.value ?? '';
  return `${value('month')} ${value('day')} ${value('year')}`;
}

/** A machine-readable instant for `<time datetime>` (the reader's own time zone decides the visible day). */
export function isoDate(date: Date): string {
  return date.toISOString();
}

/** The item's date, unless it is an Invalid Date (hand-made data; the feed layer never makes one). */
function shownDate(item: FeedItem): Date | undefined {
  const date = itemDate(item);
  return date && !Number.isNaN(date.getTime()) ? date : undefined;
}

/**
 * The date an item shows (published, else modified), as the site writes dates; undefined when it has
 * none. A moment is shown in `timeZone` (default: the reader's); a calendar day (`2026-06-08`) and a
 * date-time without offset (`2018-01-06T08:00`) are shown as written, whatever the reader's zone: they
 * are formatted in UTC, where the feed layer keeps their wall-clock time. `timeZone` is for tests and
 * for pages that show every date in the site's zone.
 */
export function formatItemDate(item: FeedItem, locale: Locale, timeZone?: string): string | undefined {
  const date = shownDate(item);
  if (!date) return undefined;
  return formatDate(date, locale, itemDateKind(item) === 'instant' ? timeZone : 'UTC');
}

/**
 * The `<time datetime>` value of the date `formatItemDate` shows: `2026-06-08` for a calendar day, a
 * local date-time without offset (`2018-01-06T08:00`) for one written without offset, the ISO instant
 * (`2023-11-22T11:00:00.000Z`) otherwise; undefined when the item has no date.
 */
export function itemDateAttribute(item: FeedItem): string | undefined {
  const date = shownDate(item);
  const kind = itemDateKind(item);
  return date && kind ? dateAttribute(date, kind) : undefined;
}

const pluralRules = new Map<Locale, Intl.PluralRules>();
const numberFormats = new Map<Locale, Intl.NumberFormat>();

/**
 * A number as the locale writes it ("1,200", "1.200"). Whole numbers, which is what the elements count,
 * are written without Intl, in groups of three ("," in English, "." in Serbian, as CLDR has it; the locale
 * tests compare them with Intl): the first `Intl.NumberFormat` of a page loads ICU data, 40–70 ms on a
 * phone four times slower than a desktop. Other numbers go to Intl, whose formats are kept.
 */
export function formatNumber(value: number, locale: Locale): string {
  if (Number.isSafeInteger(value)) {
    const digits = String(Math.abs(value));
    const grouped = digits.replace(/\B(?=(\d{3})+$)/g, locale === 'en' ? ',' : '.');
    return value < 0 ? `-${grouped}` : grouped;
  }
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(intlTag(locale));
    numberFormats.set(locale, format);
  }
  return format.format(value);
}

/**
 * The CLDR plural category of a whole number, without Intl (whose first `PluralRules` loads ICU data too):
 * English one/other; Serbian one (…1 but not …11), few (…2–…4 but not …12–…14), other.
 */
function integerCategory(locale: Locale, count: number): 'one' | 'few' | 'other' {
  const n = Math.abs(count);
  if (locale === 'en') return n === 1 ? 'one' : 'other';
  const last = n % 10;
  const lastTwo = n % 100;
  if (last === 1 && lastTwo !== 11) return 'one';
  if (last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14)) return 'few';
  return 'other';
}

/** The plural forms a message needs: English uses one/other, Serbian one/few/other. */
export interface PluralForms {
  one: string;
  few?: string;
  other: string;
}

/** Picks the plural form for `count` and puts the number in place of `{n}`. */
export function plural(locale: Locale, count: number, forms: PluralForms): string {
  let category: string;
  if (Number.isSafeInteger(count)) category = integerCategory(locale, count);
  else {
    let rules = pluralRules.get(locale);
    if (!rules) {
      rules = new Intl.PluralRules(intlTag(locale));
      pluralRules.set(locale, rules);
    }
    category = rules.select(count);
  }
  const form = category === 'one' ? forms.one : category === 'few' ? (forms.few ?? forms.other) : forms.other;
  return form.replace('{n}', formatNumber(count, locale));
}

const relativeFormats = new Map<Locale, Intl.RelativeTimeFormat>();

/** "5 minutes ago", "пре 2 дана": how old a stale copy is. */
export function formatAge(fetchedAt: number, locale: Locale, now: number = Date.now()): string {
  let format = relativeFormats.get(locale);
  if (!format) {
    format = new Intl.RelativeTimeFormat(intlTag(locale), { numeric: 'auto' });
    relativeFormats.set(locale, format);
  }
  const seconds = Math.round((fetchedAt - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 60) return format.format(seconds, 'second');
  if (abs < 3600) return format.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return format.format(Math.round(seconds / 3600), 'hour');
  return format.format(Math.round(seconds / 86_400), 'day');
}
