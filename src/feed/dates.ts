/**
 * Reading the dates feeds write, without `new Date(string)`: it rolls impossible days over (30 February
 * becomes 2 March), reads a date-time without an offset in the reader's time zone and a calendar day at
 * midnight UTC (the day before, west of UTC), and accepts whatever its legacy parser guesses at.
 *
 * Read (docs/feed-format.md, "Dates"):
 * - RFC 3339 with an offset (`2023-11-22T12:00:00+01:00`, `…Z`; `t`, `z` and a space as separator, an
 *   offset without its colon, any fraction of a second): an `instant`;
 * - the same without an offset (`2018-01-06T08:00`, seconds optional): `local`, wall-clock time kept as UTC;
 * - a calendar day (`2026-06-08`): `date`, midnight UTC of that day;
 * - an RSS (RFC 822/2822) date with a zone (`Sat, 06 Jan 2018 08:00:00 GMT`), as feeds converted from RSS
 *   carry: an `instant`.
 * Every field is range-checked against the calendar (leap years included); anything else is no date.
 */
import type { DateKind } from './types.js';

export interface FeedDate {
  date: Date;
  kind: DateKind;
}

const RFC_3339 = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*([Zz]|[+-]\d{2}(?::?\d{2})?)?)?$/;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const RFC_2822 = /^(?:[A-Za-z]{3},?\s+)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?\s+(GMT|UTC?|Z|[ECMP][SD]T|[+-]\d{4})$/i;
/** RFC 822's North American zones, in minutes east of UTC. */
const ZONES: ReadonlyMap<string, number> = new Map([
  ['EST', -300], ['EDT', -240], ['CST', -360], ['CDT', -300], ['MST', -420], ['MDT', -360], ['PST', -480], ['PDT', -420],
]);

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Milliseconds since the epoch of a wall-clock time read as UTC, or undefined when a field is out of
 * range. `setUTCFullYear`, not `Date.UTC`, which maps the years 0–99 to 1900–1999.
 */
function wallClock(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, millisecond = 0): number | undefined {
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 60) return undefined;
  const date = new Date(0);
  // A leap second (:60) is read as the last millisecond of its minute's 59th second.
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, Math.min(second, 59), second === 60 ? 999 : millisecond);
  return date.getTime();
}

/** Minutes east of UTC of an RFC 3339 offset (`Z`, `+01:00`, `-0700`, `+02`), or undefined when out of range. */
function offsetMinutes(zone: string): number | undefined {
  if (zone === 'Z' || zone === 'z') return 0;
  const hours = Number(zone.slice(1, 3));
  const minutes = zone.length > 3 ? Number(zone.slice(-2)) : 0;
  if (hours > 23 || minutes > 59) return undefined;
  return (zone.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
}

function rfc3339(raw: string): FeedDate | undefined {
  const match = RFC_3339.exec(raw);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second, fraction, zone] = match;
  const time = wallClock(
    Number(year),
    Number(month),
    Number(day),
    Number(hour ?? 0),
    Number(minute ?? 0),
    Number(second ?? 0),
    fraction === undefined ? 0 : Math.floor(Number(`0.${fraction}`) * 1000),
  );
  if (time === undefined) return undefined;
  if (hour === undefined) return { date: new Date(time), kind: 'date' };
  if (zone === undefined) return { date: new Date(time), kind: 'local' };
  const offset = offsetMinutes(zone);
  return offset === undefined ? undefined : { date: new Date(time - offset * 60_000), kind: 'instant' };
}

function rfc2822(raw: string): FeedDate | undefined {
  const match = RFC_2822.exec(raw);
  if (!match) return undefined;
  const [, day, monthName = '', year, hour, minute, second, zone = ''] = match;
  const month = MONTHS.indexOf(monthName.toLowerCase()) + 1;
  if (month === 0) return undefined;
  const time = wallClock(Number(year), month, Number(day), Number(hour), Number(minute), Number(second ?? 0));
  if (time === undefined) return undefined;
  const upper = zone.toUpperCase();
  const offset = /^[+-]/.test(upper) ? offsetMinutes(`${upper.slice(0, 3)}:${upper.slice(3)}`) : (ZONES.get(upper) ?? 0);
  return offset === undefined ? undefined : { date: new Date(time - offset * 60_000), kind: 'instant' };
}

/** A feed's date and how it was written, or undefined when it is not a date any calendar has. */
export function parseFeedDate(value: string): FeedDate | undefined {
  const raw = value.trim();
  return rfc3339(raw) ?? rfc2822(raw);
}

function pad(value: number, length = 2): string {
  return String(value).padStart(length, '0');
}

/**
 * The `<time datetime>` value of a feed date: `2026-06-08` for a calendar day, a local date-time
 * without offset (`2018-01-06T08:00`, seconds only when there are any) for a `local` one, the ISO
 * instant (`2023-11-22T11:00:00.000Z`) otherwise. Each is a valid HTML date, local date-time or
 * global date-time string.
 */
export function dateAttribute(date: Date, kind: DateKind): string {
  if (kind === 'instant') return date.toISOString();
  const day = `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  if (kind === 'date') return day;
  const seconds = date.getUTCSeconds();
  const milliseconds = date.getUTCMilliseconds();
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
  if (seconds === 0 && milliseconds === 0) return `${day}T${time}`;
  return `${day}T${time}:${pad(seconds)}${milliseconds === 0 ? '' : `.${pad(milliseconds, 3)}`}`;
}
