/**
 * Serbian Latin from Serbian Cyrillic, for a whole message table: strings transliterated
 * (`toLatin`, src/i18n/transliterate.ts), message functions wrapped so that only their own words are,
 * never their arguments. Used where Serbian is: by the Serbian tables module (loaded on demand, so a page
 * in English never downloads this), and by `defineMessages` for the loader's few strings, which it holds
 * in both alphabets (src/loader/load-error.ts).
 */
import type { DefineMessagesOptions, LatinOverrides, WrittenTables } from './define-messages.js';
import { LOCALES, type Locale, type LocaleTable } from './locale.js';
import { HAS_CYRILLIC, toLatin } from './transliterate.js';

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
