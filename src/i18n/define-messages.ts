/**
 * Message tables with Serbian written once. Serbian Latin restates Serbian Cyrillic letter for
 * letter, so a table is written in English and Serbian Cyrillic, and its Serbian Latin is derived
 * (`serbianLatin`, src/i18n/serbian-latin.ts) the first time it is read. An element's table has its
 * Cyrillic in the Serbian tables module, loaded on demand with the derivation itself, so a page in
 * English carries neither.
 */
import { LOCALES, type Locale, type LocaleTable } from './locale.js';
import { loadSerbianTables, type SerbianModule, serbianTables } from './serbian.js';
import type { SerbianTables } from './tables/serbian.js';

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
  const serbian = (): SerbianModule | undefined => {
    const loaded = serbianTables();
    if (loaded) return loaded;
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
          const loaded = serbian();
          if (!loaded) return tables.en;
          const source = loaded.tables[name] as unknown as Messages;
          return locale === 'sr-Cyrl' ? source : (latin ??= loaded.serbianLatin(source, options.latinOverrides));
        },
      });
    }
  }
  return table;
}
