/**
 * Serbian Cyrillic to Serbian Latin (Vuk's alphabet to Gaj's): the one transliteration of the
 * project. The Serbian Latin message tables are derived with it (`defineMessages`), and search
 * folding (`src/search/normalize.ts`) builds its fold table from the letter tables below.
 * Plain TypeScript with no DOM: runs in a Worker and in Node.
 */

/**
 * A table from two alphabets written as strings, letter for letter. Strings rather than object keys:
 * a minifier turns keys into bare identifiers, and a page in another encoding that loads the script
 * without `charset="utf-8"` would then stop at a syntax error instead of merely misreading letters.
 */
export function letterTable(letters: string, replacements: readonly string[]): Readonly<Record<string, string>> {
  // Misread as another encoding, `letters` is longer than `replacements`: the extra letters map to themselves.
  return Object.fromEntries(Array.from(letters, (letter, index) => [letter, replacements[index] ?? letter]));
}

/** Serbian Cyrillic → Latin (Vuk's alphabet ⇄ Gaj's), lowercase, with diacritics. */
export const SERBIAN_CYRILLIC = letterTable('абвгдђежзијклљмнњопрстћуфхцчџш', [
  'a', 'b', 'v', 'g', 'd', 'đ', 'e', 'ž', 'z', 'i', 'j', 'k', 'l', 'lj', 'm', 'n', 'nj', 'o', 'p', 'r', 's', 't', 'ć', 'u', 'f', 'h', 'c', 'č', 'dž', 'š',
]);

/**
 * Letters of other Cyrillic alphabets that turn up in news (Russian, Macedonian, Ukrainian names),
 * written the way Serbian Latin transcribes them, so they are searchable rather than dropped.
 */
export const OTHER_CYRILLIC = letterTable('ѓќѕйёыэюящъьєіїґ', ['đ', 'ć', 'dz', 'j', 'jo', 'i', 'e', 'ju', 'ja', 'šč', '', '', 'je', 'i', 'ji', 'g']);

/** Any letter of the Cyrillic block: text without one is its own transliteration. */
export const HAS_CYRILLIC = /[\u0400-\u04ff]/;

/**
 * Serbian Cyrillic to Serbian Latin, keeping case and diacritics ("Ђорђе Чачак" → "Đorđe Čačak",
 * "ЉУБА" → "LJUBA", "Љуба" → "Ljuba"). Characters outside the Cyrillic block — Latin words such as
 * `src`, `JSON Feed` or `Enter` inside Cyrillic text, digits, punctuation — are kept as they are.
 */
export function toLatin(text: string): string {
  if (!HAS_CYRILLIC.test(text)) return text;
  const chars = Array.from(text);
  return chars
    .map((char, index) => {
      const lower = char.toLowerCase();
      const latin = SERBIAN_CYRILLIC[lower] ?? OTHER_CYRILLIC[lower];
      if (latin === undefined) return char;
      if (lower === char) return latin;
      // A capital digraph (Љ, Њ, Џ) is all capitals inside an all-capitals word, else only its first letter.
      const next = chars[index + 1];
      const nextIsCapital = next !== undefined && next !== next.toLowerCase();
      return latin.length > 1 && !nextIsCapital ? latin[0]!.toUpperCase() + latin.slice(1) : latin.toUpperCase();
    })
    .join('');
}
