/**
 * Text folding for search: one form for every way a Serbian word can be written, so that a query
 * in either script, with or without diacritics, finds the same words.
 *
 * `foldForSearch` lowercases, strips combining marks (č ć → c, š → s, ž → z), transliterates
 * Serbian Cyrillic to Latin and writes đ as "dj", so "Đorđe", "Djordje" and "Ђорђе" all become
 * "djordje". Plain TypeScript with no DOM: runs in a Worker and in Node.
 */

/** Serbian Cyrillic → Latin (Vuk's alphabet ⇄ Gaj's), lowercase, with diacritics. */
const SERBIAN_CYRILLIC: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', ђ: 'đ', е: 'e', ж: 'ž', з: 'z', и: 'i', ј: 'j', к: 'k',
  л: 'l', љ: 'lj', м: 'm', н: 'n', њ: 'nj', о: 'o', п: 'p', р: 'r', с: 's', т: 't', ћ: 'ć', у: 'u',
  ф: 'f', х: 'h', ц: 'c', ч: 'č', џ: 'dž', ш: 'š',
};

/**
 * Letters of other Cyrillic alphabets that turn up in news (Russian, Macedonian, Ukrainian names),
 * written the way Serbian Latin transcribes them, so they are searchable rather than dropped.
 */
const OTHER_CYRILLIC: Readonly<Record<string, string>> = {
  ѓ: 'đ', ќ: 'ć', ѕ: 'dz', й: 'j', ё: 'jo', ы: 'i', э: 'e', ю: 'ju', я: 'ja', щ: 'šč', ъ: '', ь: '',
  є: 'je', і: 'i', ї: 'ji', ґ: 'g',
};

/** Latin letters that have no decomposition in Unicode, so stripping marks does not reach them. */
const LATIN_SPECIALS: Readonly<Record<string, string>> = {
  đ: 'dj', ð: 'd', ł: 'l', ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', ı: 'i', þ: 'th',
};

const CYRILLIC_CHAR = /[\u0400-\u04ff]/g;
const HAS_CYRILLIC = /[\u0400-\u04ff]/;
const COMBINING_MARKS = /\p{M}+/gu;
const LATIN_SPECIAL_CHAR = /[đðłøæœßıþ]/g;
const ASCII_ONLY = /^[\x00-\x7f]*$/;

/** Letters, digits and the marks that belong to them: what counts as a word. */
export const WORD_PATTERN = /[\p{L}\p{N}\p{M}]+/gu;

/**
 * Serbian Cyrillic to Serbian Latin, keeping case and diacritics ("Ђорђе Чачак" → "Đorđe Čačak",
 * "ЉУБА" → "LJUBA", "Љуба" → "Ljuba"). Characters outside the Cyrillic block are kept as they are.
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

/**
 * The search form of a text: lowercase, no combining marks, Latin script, đ as "dj".
 * "Београд" → "beograd", "Čačak" → "cacak", "Đorđe" → "djordje", "NAUKA" → "nauka".
 */
export function foldForSearch(text: string): string {
  let folded = text.toLowerCase();
  if (ASCII_ONLY.test(folded)) return folded;
  if (HAS_CYRILLIC.test(folded)) folded = cyrillicToLatin(folded);
  // The Latin from the tables brings č ć š ž: stripping marks after transliterating folds them too.
  folded = folded.normalize('NFD').replace(COMBINING_MARKS, '');
  // Precomposed letters outside the tables (ѝ, ӣ) are plain Cyrillic only once their marks are gone.
  if (HAS_CYRILLIC.test(folded)) folded = cyrillicToLatin(folded);
  return folded.replace(LATIN_SPECIAL_CHAR, (char) => LATIN_SPECIALS[char] ?? char);
}

function cyrillicToLatin(lowercase: string): string {
  return lowercase.replace(CYRILLIC_CHAR, (char) => SERBIAN_CYRILLIC[char] ?? OTHER_CYRILLIC[char] ?? char);
}

/** The folded words of a text, in order (duplicates kept), ignoring one-letter words. */
export function searchTerms(text: string): string[] {
  return foldForSearch(text).match(WORD_PATTERN)?.filter((term) => term.length > 1) ?? [];
}

/** A word of an original text with its position, and its folded form. */
export interface TextToken {
  /** The word as written. */
  text: string;
  /** UTF-16 offset of the word in the original text. */
  start: number;
  end: number;
  /** `foldForSearch(text)`. */
  term: string;
}

/** Every word of `text` with its offsets in the original (not folded) text. */
export function tokenize(text: string): TextToken[] {
  const tokens: TextToken[] = [];
  for (const match of text.matchAll(WORD_PATTERN)) {
    const start = match.index;
    tokens.push({ text: match[0], start, end: start + match[0].length, term: foldForSearch(match[0]) });
  }
  return tokens;
}

/**
 * How many UTF-16 code units of `word` (as written) make up the first `foldedLength` characters of
 * its folded form: "Đorđe" folded is "djordje", so its first 2 folded characters ("dj") are 1
 * character written ("Đ"). Marks that follow a counted letter are counted with it.
 */
export function originalLength(word: string, foldedLength: number): number {
  if (foldedLength <= 0) return 0;
  let folded = 0;
  let offset = 0;
  for (const char of word) {
    if (folded >= foldedLength) {
      // Trailing combining marks belong to the letter just counted.
      if (foldForSearch(char) === '' && /\p{M}/u.test(char)) {
        offset += char.length;
        continue;
      }
      break;
    }
    folded += foldForSearch(char).length;
    offset += char.length;
  }
  return offset;
}
