/**
 * What a build warns about in an entry, beyond what the sources check as they read: photos without alt
 * text, text whose script contradicts its language tag (Cyrillic in a story tagged sr-Latn, Latin in one
 * tagged sr-Cyrl), and a story without a date. Each warning names the file, the field and its line.
 */
import { htmlToText } from '../feed/text.js';
import type { Diagnostics } from './diagnostics.js';
import type { Entry } from './model.js';

const LATIN = /^\p{Script=Latin}$/u;
const CYRILLIC = /^\p{Script=Cyrillic}$/u;

/** Which script a Serbian tag names, if any. */
export function serbianScript(tag: string): 'Latn' | 'Cyrl' | undefined {
  const match = /^sr(?:-|$)(.*)$/i.exec(tag);
  if (!match) return undefined;
  if (/(^|-)latn(-|$)/i.test(match[1] ?? '')) return 'Latn';
  if (/(^|-)cyrl(-|$)/i.test(match[1] ?? '')) return 'Cyrl';
  return undefined;
}

/**
 * True when `text` is written mostly in the other script: more of its letters are Cyrillic than Latin
 * for `Latn`, or the reverse. A Latin acronym in Cyrillic text ("NATO", a URL) is not enough.
 */
export function contradictsScript(text: string, script: 'Latn' | 'Cyrl'): boolean {
  let latin = 0;
  let cyrillic = 0;
  // A loop over code units rather than two /\p{Script=…}/gu matches: no array of every letter of every
  // body (the check runs on every field of every Serbian story). The ranges are the Latin and Cyrillic
  // blocks Serbian text uses; anything rarer is counted by the full Unicode test.
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) latin += 1;
    else if (code < 0xc0) continue;
    else if (code <= 0x24f) latin += code === 0xd7 || code === 0xf7 ? 0 : 1;
    else if (code >= 0x400 && code <= 0x52f) cyrillic += 1;
    else {
      const character = String.fromCodePoint(text.codePointAt(index) ?? code);
      if (LATIN.test(character)) latin += 1;
      else if (CYRILLIC.test(character)) cyrillic += 1;
      if (character.length === 2) index += 1;
    }
  }
  return script === 'Latn' ? cyrillic > latin : latin > cyrillic;
}

/** The fields a reader sees as text, by their feed name. */
export function visibleFields(entry: Entry): [string, string][] {
  const { item } = entry;
  const fields: [string, string][] = [];
  if (item.title) fields.push(['title', item.title]);
  if (item.summary) fields.push(['summary', item.summary]);
  if (item.content_html) fields.push(['body', htmlToText(item.content_html)]);
  if (item.content_text) fields.push(['body', item.content_text]);
  (item.tags ?? []).forEach((tag, index) => fields.push([`tags[${index}]`, tag]));
  if (item._mlo?.byline) fields.push(['_mlo.byline', item._mlo.byline]);
  if (item._mlo?.original_source) fields.push(['_mlo.original_source', item._mlo.original_source]);
  (item._mlo?.photos ?? []).forEach((photo, index) => {
    if (photo.alt) fields.push([`_mlo.photos[${index}].alt`, photo.alt]);
    if (photo.caption) fields.push([`_mlo.photos[${index}].caption`, photo.caption]);
    if (photo.credit) fields.push([`_mlo.photos[${index}].credit`, photo.credit]);
  });
  return fields;
}

export function checkEntry(entry: Entry, diagnostics: Diagnostics): void {
  const { item, file } = entry;
  (item._mlo?.photos ?? []).forEach((photo, index) => {
    if (!photo.alt.trim()) diagnostics.warn(file, `photo ${photo.url} has no alt text: describe what it shows for people who cannot see it`, entry.place(`_mlo.photos[${index}].alt`));
  });
  const script = serbianScript(entry.language);
  if (script) {
    for (const [field, text] of visibleFields(entry)) {
      if (contradictsScript(text, script)) {
        diagnostics.warn(file, `${script === 'Latn' ? 'Cyrillic' : 'Latin'} text in a story tagged ${entry.language}: "${text.length > 60 ? `${text.slice(0, 57)}…` : text}" (fix the text or the language)`, entry.place(field));
      }
    }
  }
  if (!item.date_published && !item.date_modified) diagnostics.warn(file, 'the story has no date: it sorts last and is filed under no archive year', entry.place('date_published'));
}
