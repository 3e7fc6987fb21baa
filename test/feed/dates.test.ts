/**
 * Feed dates: what is read and how (src/feed/dates.ts), and the one pair of display helpers every
 * element uses (`formatItemDate`, `itemDateAttribute` in src/i18n/locale.ts).
 *
 * The test browser runs in the machine's time zone (UTC here), where a calendar day shown at midnight
 * UTC looks right by accident. So the helpers are also asked for the day in explicit zones west and
 * east of UTC: a calendar day or a date-time without offset must not move, a moment must.
 */
import { expect } from '@open-wc/testing';
import { dateAttribute, parseFeedDate } from '../../src/feed/dates.js';
import { archiveYearOf, itemDate, itemDateKind, parseFeed, sortNewestFirst } from '../../src/feed/parse.js';
import type { FeedItem } from '../../src/feed/types.js';
import { formatDate, formatItemDate, itemDateAttribute } from '../../src/i18n/locale.js';
import { nth } from '../helpers/lists.js';

const WEST = 'America/Los_Angeles';
const FAR_WEST = 'Pacific/Pago_Pago'; // UTC-11
const FAR_EAST = 'Pacific/Kiritimati'; // UTC+14

function item(fields: Record<string, unknown>): FeedItem {
  return nth(parseFeed({ version: 'https://jsonfeed.org/version/1.1', items: [{ id: 'x', content_text: 'x', ...fields }] }).items, 0);
}

describe('parseFeedDate', () => {
  const read: Array<[string, string, 'instant' | 'local' | 'date']> = [
    ['2023-11-22T12:00:00+01:00', '2023-11-22T11:00:00.000Z', 'instant'],
    ['2023-11-22T12:00:00Z', '2023-11-22T12:00:00.000Z', 'instant'],
    ['2023-11-22t12:00:00z', '2023-11-22T12:00:00.000Z', 'instant'],
    ['2023-11-22 12:00:00+01:00', '2023-11-22T11:00:00.000Z', 'instant'],
    ['2023-11-22T12:00:00+0100', '2023-11-22T11:00:00.000Z', 'instant'],
    ['2023-11-22T12:00:00-07:00', '2023-11-22T19:00:00.000Z', 'instant'],
    ['2023-11-22T12:00:00.123456789+00:00', '2023-11-22T12:00:00.123Z', 'instant'],
    ['2023-11-22T12:00Z', '2023-11-22T12:00:00.000Z', 'instant'],
    ['2016-12-31T23:59:60Z', '2016-12-31T23:59:59.999Z', 'instant'],
    ['  2023-11-22T12:00:00Z\n', '2023-11-22T12:00:00.000Z', 'instant'],
    ['2018-01-06T08:00', '2018-01-06T08:00:00.000Z', 'local'],
    ['2018-01-06T08:00:30', '2018-01-06T08:00:30.000Z', 'local'],
    ['2018-01-06 08:00:30.5', '2018-01-06T08:00:30.500Z', 'local'],
    ['2026-06-08', '2026-06-08T00:00:00.000Z', 'date'],
    ['2024-02-29', '2024-02-29T00:00:00.000Z', 'date'],
    ['2000-02-29', '2000-02-29T00:00:00.000Z', 'date'],
    ['0099-01-01', '0099-01-01T00:00:00.000Z', 'date'],
    ['Sat, 06 Jan 2018 08:00:00 GMT', '2018-01-06T08:00:00.000Z', 'instant'],
    ['Sat, 6 Jan 2018 08:00:00 +0100', '2018-01-06T07:00:00.000Z', 'instant'],
    ['06 Jan 2018 08:00 PST', '2018-01-06T16:00:00.000Z', 'instant'],
  ];
  for (const [raw, iso, kind] of read) {
    it(`reads ${JSON.stringify(raw)} as a ${kind} ${iso}`, () => {
      const parsed = parseFeedDate(raw);
      expect(parsed?.kind).to.equal(kind);
      expect(parsed?.date.toISOString().replace(/^\+0*/, '')).to.equal(iso);
    });
  }

  const refused = [
    '19066-19-09T612:00:00Z',
    '19066-19-09T612:45',
    '2023-02-30',
    '2023-02-29',
    '2023-02-29T10:00:00Z',
    '1900-02-29',
    '2023-04-31T12:00:00Z',
    '2023-13-01',
    '2023-00-10',
    '2023-11-00',
    '2023-11-22T24:00:00Z',
    '2023-11-22T12:60:00Z',
    '2023-11-22T12:00:61Z',
    '2023-11-22T12:00:00+24:00',
    '2023-11-22T12:00:00+01:60',
    '0000-01-01',
    '2023-1-5',
    '23-11-22',
    '2023-11-22T',
    '2023-11-22T12',
    '2023/11/22',
    'last Tuesday',
    'Sat, 31 Feb 2018 08:00:00 GMT',
    'Sat, 06 Foo 2018 08:00:00 GMT',
    'Sat, 06 Jan 2018 08:00:00',
    '',
  ];
  for (const raw of refused) {
    it(`refuses ${JSON.stringify(raw)}`, () => {
      expect(parseFeedDate(raw)).to.equal(undefined);
    });
  }

  it('writes each kind as a valid HTML datetime', () => {
    expect(dateAttribute(new Date('2026-06-08T00:00:00Z'), 'date')).to.equal('2026-06-08');
    expect(dateAttribute(new Date('2018-01-06T08:00:00Z'), 'local')).to.equal('2018-01-06T08:00');
    expect(dateAttribute(new Date('2018-01-06T08:00:30Z'), 'local')).to.equal('2018-01-06T08:00:30');
    expect(dateAttribute(new Date('2018-01-06T08:00:30.5Z'), 'local')).to.equal('2018-01-06T08:00:30.500');
    expect(dateAttribute(new Date('2023-11-22T11:00:00Z'), 'instant')).to.equal('2023-11-22T11:00:00.000Z');
    expect(dateAttribute(nth([parseFeedDate('0099-01-01')!], 0).date, 'date')).to.equal('0099-01-01');
  });
});

describe('FeedItem dates: kinds, sorting, archive year', () => {
  it('keeps how each date was written beside it, as an own property even when there is none', () => {
    const calendar = item({ date_published: '2026-06-08', date_modified: '2026-06-09T10:00:00+02:00' });
    expect(calendar.datePublishedKind).to.equal('date');
    expect(calendar.dateModifiedKind).to.equal('instant');
    expect(itemDateKind(calendar)).to.equal('date');
    const modifiedOnly = item({ date_modified: '2018-01-06T08:00' });
    expect(itemDateKind(modifiedOnly)).to.equal('local');
    const undated = item({ date_published: '2023-02-30' });
    expect(undated).to.have.own.property('datePublished', undefined);
    expect(undated).to.have.own.property('datePublishedKind', undefined);
    expect(itemDate(undated)).to.equal(undefined);
    expect(itemDateKind(undated)).to.equal(undefined);
  });

  it('reads hand-made items without kinds as instants', () => {
    const handMade = { ...item({}), datePublished: new Date('2026-06-08T03:00:00Z') };
    delete (handMade as Partial<FeedItem>).datePublishedKind;
    expect(itemDateKind(handMade)).to.equal('instant');
    expect(formatItemDate(handMade, 'en', WEST)).to.equal('Jun 7 2026');
  });

  it('sorts undated and unreadable dates last, keeping their feed order; calendar days among the rest', () => {
    const feed = parseFeed({
      version: 'https://jsonfeed.org/version/1.1',
      items: [
        { id: 'bad-1', content_text: 'x', date_published: '2023-02-30' },
        { id: 'day', content_text: 'x', date_published: '2023-11-22' },
        { id: 'none', content_text: 'x' },
        { id: 'moment', content_text: 'x', date_published: '2023-11-22T12:00:00+01:00' },
        { id: 'bad-2', content_text: 'x', date_published: '19066-19-09T612:00:00Z' },
        { id: 'local', content_text: 'x', date_published: '2023-11-21T23:00' },
      ],
    });
    expect(sortNewestFirst(feed.items).map((entry) => entry.id)).to.deep.equal(['moment', 'day', 'local', 'bad-1', 'none', 'bad-2']);
  });

  it('files a calendar day and a local date-time under the year written, whatever the reader’s zone', () => {
    expect(archiveYearOf(item({ date_published: '2024-01-01' }))).to.equal(2024);
    expect(archiveYearOf(item({ date_published: '2023-12-31T23:30' }))).to.equal(2023);
    expect(archiveYearOf(item({ date_published: '2023-02-30' }))).to.equal(undefined);
  });
});

describe('formatItemDate and itemDateAttribute', () => {
  it('shows a calendar day as that day in every time zone', () => {
    const calendar = item({ date_published: '2026-06-08' });
    // The same instant, formatted as a moment in Los Angeles, is the day before: the helper must not do that.
    expect(formatDate(nth([itemDate(calendar)!], 0), 'en', WEST)).to.equal('Jun 7 2026');
    for (const zone of [undefined, 'UTC', WEST, FAR_WEST, FAR_EAST, 'Europe/Belgrade']) {
      expect(formatItemDate(calendar, 'en', zone), zone).to.equal('Jun 8 2026');
      expect(formatItemDate(calendar, 'sr-Latn', zone), zone).to.match(/^8\. jun 2026\.?$/);
      expect(formatItemDate(calendar, 'sr-Cyrl', zone), zone).to.match(/^8\. јун 2026\.?$/);
    }
    expect(itemDateAttribute(calendar)).to.equal('2026-06-08');
  });

  it('shows a date-time without offset as written, in every time zone', () => {
    const late = item({ date_published: '2018-01-06T23:30' });
    const early = item({ date_published: '2018-01-06T00:30:15' });
    expect(formatDate(nth([itemDate(late)!], 0), 'en', FAR_EAST), 'as a moment it would move').to.equal('Jan 7 2018');
    for (const zone of [undefined, WEST, FAR_WEST, FAR_EAST]) {
      expect(formatItemDate(late, 'en', zone), zone).to.equal('Jan 6 2018');
      expect(formatItemDate(early, 'en', zone), zone).to.equal('Jan 6 2018');
    }
    expect(itemDateAttribute(late)).to.equal('2018-01-06T23:30');
    expect(itemDateAttribute(early)).to.equal('2018-01-06T00:30:15');
  });

  it('shows a moment on the day it is in the reader’s zone', () => {
    const moment = item({ date_published: '2026-06-08T03:00:00Z' });
    expect(formatItemDate(moment, 'en', 'UTC')).to.equal('Jun 8 2026');
    expect(formatItemDate(moment, 'en', WEST)).to.equal('Jun 7 2026');
    expect(formatItemDate(moment, 'en', FAR_EAST)).to.equal('Jun 8 2026');
    expect(itemDateAttribute(moment)).to.equal('2026-06-08T03:00:00.000Z');
  });

  it('shows no date, and no attribute, for an undated item or an impossible date', () => {
    for (const fields of [{}, { date_published: '2023-02-30' }, { date_published: '19066-19-09T612:00:00Z' }, { date_published: 'Invalid Date' }]) {
      expect(formatItemDate(item(fields), 'en'), JSON.stringify(fields)).to.equal(undefined);
      expect(itemDateAttribute(item(fields)), JSON.stringify(fields)).to.equal(undefined);
    }
  });

  it('shows no date for an Invalid Date in hand-made data, and sorts it with the undated', () => {
    const broken = { ...item({ date_published: '2023-11-22T12:00:00Z' }), datePublished: new Date('garbage') };
    expect(formatItemDate(broken, 'en')).to.equal(undefined);
    expect(itemDateAttribute(broken)).to.equal(undefined);
    const dated = item({ date_published: '2020-01-01T12:00:00Z' });
    expect(sortNewestFirst([broken, dated]).map((entry) => entry.datePublished?.getTime() ?? null)).to.deep.equal([dated.datePublished!.getTime(), Number.NaN]);
  });

  it('falls back to the modification date, with its own kind', () => {
    const modified = item({ date_modified: '2026-06-08' });
    expect(formatItemDate(modified, 'en', WEST)).to.equal('Jun 8 2026');
    expect(itemDateAttribute(modified)).to.equal('2026-06-08');
  });

  it('is not changed by a page that sets date options on Object.prototype', () => {
    const proto = Object.prototype as Record<string, unknown>;
    proto.weekday = 'long';
    proto.timeZone = FAR_EAST;
    try {
      // Zones no other test uses, so the formats are made while the prototype is polluted.
      expect(formatItemDate(item({ date_published: '2026-06-08T12:00:00Z' }), 'sr-Latn', 'Asia/Tokyo')).to.match(/^8\. jun 2026\.?$/);
      expect(formatItemDate(item({ date_published: '2026-06-08T12:00:00Z' }), 'sr-Cyrl')).to.match(/^8\. јун 2026\.?$/);
    } finally {
      delete proto.weekday;
      delete proto.timeZone;
    }
  });
});
