/**
 * Field rules shared by the sources: dates turned into RFC 3339 as the schema asks, language tags,
 * photo lists. Each reports through Diagnostics with the field's place.
 */
import { parseFeedDate } from '../../feed/dates.js';
import type { Diagnostics } from '../diagnostics.js';
import type { FieldPlace } from '../model.js';

const RFC_3339_OFFSET = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
const BCP_47 = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** An instant as RFC 3339 with the given offset in minutes: `2023-11-22T12:00:00+01:00`. */
export function rfc3339At(time: number, offsetMinutes: number): string {
  const local = new Date(time + offsetMinutes * 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const absolute = Math.abs(offsetMinutes);
  const zone = offsetMinutes === 0 ? 'Z' : `${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`;
  return `${String(local.getUTCFullYear()).padStart(4, '0')}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}${zone}`;
}

/**
 * A date as the feed writes it: RFC 3339 with an offset. What else the widgets read is converted,
 * with a warning when the input should say more: an RSS date keeps its instant and offset (no warning:
 * that is RSS's own format, `rss` true); a date-time without offset is read as UTC, a calendar day as its
 * midday UTC (the same day from UTC−11 to UTC+11). A value that is no date is an error; undefined is returned.
 */
export function feedDate(value: unknown, file: string, place: FieldPlace, diagnostics: Diagnostics, options: { rss?: boolean } = {}): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const text = (value instanceof Date ? value.toISOString() : typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value)).trim();
  if (RFC_3339_OFFSET.test(text) && parseFeedDate(text)) return text;
  const parsed = parseFeedDate(text);
  if (!parsed) {
    diagnostics.error(file, `"${text}" is not a date (write RFC 3339 with an offset, e.g. 2023-11-22T12:00:00+01:00)`, place);
    return undefined;
  }
  if (parsed.kind === 'instant') {
    // RFC 2822 (RSS): keep the offset it was written with.
    const zone = /([+-])(\d{2}):?(\d{2})\s*$/.exec(text);
    const offset = zone ? (zone[1] === '-' ? -1 : 1) * (Number(zone[2]) * 60 + Number(zone[3])) : 0;
    const converted = rfc3339At(parsed.date.getTime(), offset);
    if (!options.rss) diagnostics.warn(file, `"${text}" is not RFC 3339: written as ${converted}`, place);
    return converted;
  }
  const converted = parsed.kind === 'date' ? `${text.slice(0, 10)}T12:00:00Z` : rfc3339At(parsed.date.getTime(), 0);
  diagnostics.warn(
    file,
    parsed.kind === 'date'
      ? `"${text}" is a day, not an RFC 3339 date-time: written as ${converted} (midday UTC, the same day from UTC−11 to UTC+11); give the time and offset, e.g. ${text.slice(0, 10)}T12:00:00+01:00`
      : `"${text}" has no offset, so it is not RFC 3339: read as UTC (${converted}); give the offset, e.g. +01:00`,
    place,
  );
  return converted;
}

/** A language tag, checked: BCP 47 in form; Serbian without its script is a warning (plain `sr` reads as Cyrillic). */
export function languageTag(value: string, file: string, place: FieldPlace, diagnostics: Diagnostics): string | undefined {
  const tag = value.trim();
  if (!BCP_47.test(tag)) {
    diagnostics.error(file, `"${tag}" is not a BCP 47 language tag (en, sr-Latn, sr-Cyrl)`, place);
    return undefined;
  }
  const [primary, script] = tag.split('-');
  if (primary?.toLowerCase() === 'sr' && !/^(latn|cyrl)$/i.test(script ?? '')) {
    diagnostics.warn(file, `Serbian tag "${tag}" names no script: write sr-Latn or sr-Cyrl (the widgets read plain "sr" as Cyrillic)`, place);
  }
  return tag;
}

/** Canonical case for a tag (sr-latn → sr-Latn, EN → en), so the same language is one language. */
export function canonicalTag(tag: string): string {
  return tag
    .split('-')
    .map((part, index) => (index === 0 ? part.toLowerCase() : part.length === 4 ? part[0]!.toUpperCase() + part.slice(1).toLowerCase() : part.length === 2 ? part.toUpperCase() : part.toLowerCase()))
    .join('-');
}

/** A positive integer, or undefined with an error. */
export function positiveInteger(value: unknown, file: string, place: FieldPlace, diagnostics: Diagnostics, what: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  const number = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  if (typeof number === 'number' && Number.isInteger(number) && number > 0) return number;
  diagnostics.error(file, `${what} must be a positive whole number, not ${JSON.stringify(value)}`, place);
  return undefined;
}

/** An archive year (1000–9999), or undefined with an error. */
export function archiveYear(value: unknown, file: string, place: FieldPlace, diagnostics: Diagnostics): number | undefined {
  if (value === undefined || value === null) return undefined;
  const number = typeof value === 'string' && /^\d{4}$/.test(value.trim()) ? Number(value) : value;
  if (typeof number === 'number' && Number.isInteger(number) && number >= 1000 && number <= 9999) return number;
  diagnostics.error(file, `archive_year must be a year such as 2023, not ${JSON.stringify(value)}`, place);
  return undefined;
}
