/**
 * Message tables with Serbian written once. Serbian Latin restates Serbian Cyrillic letter for
 * letter, so a table is written in English and Serbian Cyrillic, and its Serbian Latin is derived
 * with `toLatin` (src/i18n/transliterate.ts) the first time it is read.
 */
import { LOCALES, type Locale, type LocaleTable } from './locale.js';
import { loadSerbianTables, serbianTables } from './serbian.js';
import type { SerbianTables } from './tables/serbian.js';
import { HAS_CYRILLIC, toLatin } from './transliterate.js';

/** The locales a table is written in: every locale but Serbian Latin, which is derived. */
export type WrittenLocale = Exclude<Locale, 'sr-Latn'>;

/** What a table's author writes: one `Messages` per written locale. */
export type WrittenTables<Messages> = { readonly [L in WrittenLocale]: Messages };

/**
 * Serbian Latin values that are not the transliteration of the Cyrillic ones, by top-level key (a
 * whole value: a string, a function, plural forms, an object). Rare: a Latin word inside Cyrillic text
 * (`src`, `JSON Feed`, `Enter`) already stays as it is, since only Cyrillic letters are transliterated.
 */
export type LatinOverrides<Messages> = { readonly [Key in keyof Messages]?: Messages[Key] };

export interface DefineMessagesOptions<Messages> {
  readonly latinOverrides?: LatinOverrides<Messages>;
}

type MessageFunction = (...args: unknown[]) => unknown;

/** Where a held argument goes while the message's own words are transliterated (Private Use characters). */
const HELD = /\uE000(\d+)\uE001/g;
const held = (index: number): string => `\uE000${index}\uE001`;

/**
 * A message function's Serbian Latin: the Cyrillic one's result, transliterated, with the arguments
 * shown as they were given. Caller text (a query, an article id, an age) is not the message's to
 * convert: a Cyrillic query stays Cyrillic. So each argument with a Cyrillic letter (strings, and
 * strings in arrays; Latin text and numbers come through `toLatin` unchanged anyway) is replaced by a
 * placeholder, the result transliterated, and the arguments put back. If the placeholders would change
 * the result (an argument that picks the wording instead of being shown, or one the message alters),
 * the plain result is transliterated instead.
 */
function latinFunction(cyrillic: MessageFunction): MessageFunction {
  return (...args) => {
    const shown: string[] = [];
    const hold = (value: unknown): unknown => {
      if (typeof value === 'string' && HAS_CYRILLIC.test(value)) {
        shown.push(value);
        return held(shown.length - 1);
      }
      return Array.isArray(value) ? value.map(hold) : value;
    };
    const heldArgs = args.map(hold);
    if (shown.length === 0) return latinValue(cyrillic(...args));
    const template = cyrillic(...heldArgs);
    const release = (text: string): string => text.replace(HELD, (placeholder, index: string) => shown[Number(index)] ?? placeholder);
    const result = cyrillic(...args);
    if (typeof template !== 'string' || release(template) !== result) return latinValue(result);
    return release(toLatin(template));
  };
}

/** Strings transliterated, functions wrapped (`latinFunction`), arrays and objects copied deeply. */
function latinValue(value: unknown): unknown {
  if (typeof value === 'string') return toLatin(value);
  if (typeof value === 'function') return latinFunction(value as MessageFunction);
  if (Array.isArray(value)) return value.map(latinValue);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, latinValue(child)]));
  }
  return value;
}

/**
 * The Serbian Latin of a Serbian Cyrillic table: every string transliterated, every function wrapped
 * so that only its own words are (never its arguments), then the overrides put in place.
 */
export function serbianLatin<Messages extends object>(cyrillic: Messages, overrides: LatinOverrides<Messages> = {}): Messages {
  const latin = latinValue(cyrillic) as Record<keyof Messages, unknown>;
  for (const key of Object.keys(overrides) as Array<keyof Messages>) {
    if (overrides[key] !== undefined) latin[key] = overrides[key];
  }
  return latin as Messages;
}

/**
 * A `LocaleTable` from the tables written by hand (English, Serbian Cyrillic): Serbian Latin is
 * `serbianLatin(tables['sr-Cyrl'], latinOverrides)`, derived the first time it is read and kept.
 * Elements read it as any other locale: `table['sr-Latn'].key`.
 */
export function defineMessages<Messages extends object>(
  tables: WrittenTables<Messages>,
  options: DefineMessagesOptions<Messages> = {},
): LocaleTable<Messages> {
  let latin: Messages | undefined;
  const table = {} as Record<Locale, Messages>;
  // In the order of LOCALES, like a table written out in full.
  for (const locale of LOCALES) {
    if (locale === 'sr-Latn') {
      Object.defineProperty(table, locale, {
        enumerable: true,
        get: () => (latin ??= serbianLatin(tables['sr-Cyrl'], options.latinOverrides)),
      });
    } else {
      table[locale] = tables[locale];
    }
  }
  return table;
}

/**
 * A `LocaleTable` whose English is written here and whose Serbian Cyrillic is `name`'s table in
 * src/i18n/tables/serbian.ts, loaded on demand (src/i18n/serbian.ts): until it has arrived, reading a
 * Serbian locale starts loading it and answers in English. Serbian Latin is derived from the Cyrillic
 * as in `defineMessages`, once the Cyrillic is there.
 */
export function defineMessagesOnDemand<Messages extends object>(
  name: { [Key in keyof SerbianTables]: SerbianTables[Key] extends Messages ? Key : never }[keyof SerbianTables],
  tables: { readonly en: Messages },
  options: DefineMessagesOptions<Messages> = {},
): LocaleTable<Messages> {
  let latin: Messages | undefined;
  const cyrillic = (): Messages | undefined => {
    const loaded = serbianTables();
    if (loaded) return loaded[name] as unknown as Messages;
    // Answers in English meanwhile; a failure (offline) is tried again on a later read.
    loadSerbianTables().catch(() => undefined);
    return undefined;
  };
  const table = {} as Record<Locale, Messages>;
  for (const locale of LOCALES) {
    if (locale === 'en') {
      table.en = tables.en;
    } else {
      Object.defineProperty(table, locale, {
        enumerable: true,
        get: () => {
          const source = cyrillic();
          if (!source) return tables.en;
          return locale === 'sr-Cyrl' ? source : (latin ??= serbianLatin(source, options.latinOverrides));
        },
      });
    }
  }
  return table;
}
