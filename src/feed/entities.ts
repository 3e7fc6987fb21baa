/**
 * Decoding the HTML character references that publishers write literally into JSON Feed's plain-text
 * fields (`&amp;`, `&#8217;`, `&#x2019;`, `&mdash;`, `&nbsp;` …), once, as feed readers do. The result is
 * text: `&lt;b&gt;` becomes the three characters `<b>`, never an element, and `&amp;amp;` becomes `&amp;`.
 *
 * What is decoded (docs/feed-format.md, "Plain text"):
 * - numeric references, decimal (`&#8217;`, `&#038;`) and hexadecimal (`&#x2019;`, `&#X2019;`), to any
 *   Unicode scalar value except NUL, the surrogates, control characters other than tab, line feed and
 *   carriage return, and the noncharacters; `&#128;`–`&#159;` are read as Windows-1252, as browsers do
 *   (`&#146;` is a right quote). A reference to anything else stays as written;
 * - 267 named references: the 252 of HTML 4.01 (all of Latin-1, the Greek letters, the common symbols and
 *   punctuation, `&OElig;` to `&euro;`), `&apos;`, the Serbian Latin letters HTML 4 lacks (`&Ccaron;`
 *   `&ccaron;` `&Cacute;` `&cacute;` `&Dstrok;` `&dstrok;` `&Zcaron;` `&zcaron;`), and the capitalised
 *   legacy forms `&AMP;` `&LT;` `&GT;` `&QUOT;` `&COPY;` `&REG;`. Names are case-sensitive (`&Eacute;` is
 *   not `&eacute;`) and need their semicolon. HTML's other named references (2,231 in all) stay as written.
 *
 * ASCII-only source: the tables hold code points; characters are made with String.fromCodePoint.
 */

/** Latin-1's named references, in code point order from U+00A0 (`nbsp`) to U+00FF (`yuml`). */
const LATIN_1 =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 ' +
  'sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc ' +
  'Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve ' +
  'Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute ' +
  'acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ' +
  'ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml';

/** Every other named reference, as `name:hex code point`. */
const OTHERS =
  'QUOT:22 quot:22 AMP:26 amp:26 apos:27 LT:3c lt:3c GT:3e gt:3e COPY:a9 REG:ae Cacute:106 cacute:107 ' +
  'Ccaron:10c ccaron:10d Dstrok:110 dstrok:111 OElig:152 oelig:153 Scaron:160 scaron:161 Yuml:178 ' +
  'Zcaron:17d zcaron:17e fnof:192 circ:2c6 tilde:2dc Alpha:391 Beta:392 Gamma:393 Delta:394 Epsilon:395 ' +
  'Zeta:396 Eta:397 Theta:398 Iota:399 Kappa:39a Lambda:39b Mu:39c Nu:39d Xi:39e Omicron:39f Pi:3a0 ' +
  'Rho:3a1 Sigma:3a3 Tau:3a4 Upsilon:3a5 Phi:3a6 Chi:3a7 Psi:3a8 Omega:3a9 alpha:3b1 beta:3b2 gamma:3b3 ' +
  'delta:3b4 epsilon:3b5 zeta:3b6 eta:3b7 theta:3b8 iota:3b9 kappa:3ba lambda:3bb mu:3bc nu:3bd xi:3be ' +
  'omicron:3bf pi:3c0 rho:3c1 sigmaf:3c2 sigma:3c3 tau:3c4 upsilon:3c5 phi:3c6 chi:3c7 psi:3c8 ' +
  'omega:3c9 thetasym:3d1 upsih:3d2 piv:3d6 ensp:2002 emsp:2003 thinsp:2009 zwnj:200c zwj:200d lrm:200e ' +
  'rlm:200f ndash:2013 mdash:2014 lsquo:2018 rsquo:2019 sbquo:201a ldquo:201c rdquo:201d bdquo:201e ' +
  'dagger:2020 Dagger:2021 bull:2022 hellip:2026 permil:2030 prime:2032 Prime:2033 lsaquo:2039 ' +
  'rsaquo:203a oline:203e frasl:2044 euro:20ac image:2111 weierp:2118 real:211c trade:2122 alefsym:2135 ' +
  'larr:2190 uarr:2191 rarr:2192 darr:2193 harr:2194 crarr:21b5 lArr:21d0 uArr:21d1 rArr:21d2 dArr:21d3 ' +
  'hArr:21d4 forall:2200 part:2202 exist:2203 empty:2205 nabla:2207 isin:2208 notin:2209 ni:220b ' +
  'prod:220f sum:2211 minus:2212 lowast:2217 radic:221a prop:221d infin:221e ang:2220 and:2227 or:2228 ' +
  'cap:2229 cup:222a int:222b there4:2234 sim:223c cong:2245 asymp:2248 ne:2260 equiv:2261 le:2264 ' +
  'ge:2265 sub:2282 sup:2283 nsub:2284 sube:2286 supe:2287 oplus:2295 otimes:2297 perp:22a5 sdot:22c5 ' +
  'lceil:2308 rceil:2309 lfloor:230a rfloor:230b loz:25ca spades:2660 clubs:2663 hearts:2665 diams:2666 ' +
  'lang:27e8 rang:27e9';

/** Windows-1252 for the C1 range (U+0080 to U+009F), as HTML reads `&#128;` to `&#159;`; 0 where it has no character. */
const WINDOWS_1252 = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

let named: Map<string, string> | undefined;

/** The named references, built on first use. A Map, so a name such as `constructor` finds nothing. */
function namedReferences(): Map<string, string> {
  if (named) return named;
  const table = new Map<string, string>();
  LATIN_1.split(' ').forEach((name, index) => table.set(name, String.fromCodePoint(0xa0 + index)));
  for (const entry of OTHERS.split(' ')) {
    const [name = '', hex = ''] = entry.split(':');
    table.set(name, String.fromCodePoint(parseInt(hex, 16)));
  }
  named = table;
  return table;
}

/** The character a numeric reference stands for, or undefined when it is not one to decode. */
function numericCharacter(code: number): string | undefined {
  if (!Number.isSafeInteger(code) || code > 0x10ffff) return undefined;
  if (code >= 0x80 && code <= 0x9f) {
    const mapped = WINDOWS_1252[code - 0x80];
    return mapped ? String.fromCodePoint(mapped) : undefined;
  }
  const control = (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f;
  const surrogate = code >= 0xd800 && code <= 0xdfff;
  const nonCharacter = (code >= 0xfdd0 && code <= 0xfdef) || (code & 0xfffe) === 0xfffe;
  return control || surrogate || nonCharacter ? undefined : String.fromCodePoint(code);
}

const REFERENCE = /&(?:#(\d+)|#[xX]([0-9A-Fa-f]+)|([A-Za-z][A-Za-z0-9]*));/g;

/**
 * Decodes the character references in plain text, once. What it does not decode (an unknown name, a
 * reference to NUL) stays as written. Markup stays text: the result must be shown as text.
 */
export function decodeCharacterReferences(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(REFERENCE, (reference, decimal: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name !== undefined) return namedReferences().get(name) ?? reference;
    const code = decimal !== undefined ? Number(decimal) : parseInt(hex ?? '', 16);
    return numericCharacter(code) ?? reference;
  });
}
