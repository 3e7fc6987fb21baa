import { aTimeout, expect } from '@open-wc/testing';
import { MAX_TITLE_LENGTH } from '../../src/feed/limits.js';
import { archiveYearOf, itemDate, mergePages, parseFeed, parseFeedInSlices, parseFeedText, parseFeedTextInSlices, sortNewestFirst } from '../../src/feed/parse.js';
import * as text from '../../src/feed/text.js';
import type { Feed } from '../../src/feed/types.js';
import { fixtureFeed, fixtureText, fixtureUrl } from './fixtures.js';
import { nth } from '../helpers/lists.js';
import { parseError } from '../helpers/feed-errors.js';

const FEED_URL = 'https://mlo.example/newsroom/feed.json';

/** The smallest valid JSON Feed 1.1 document, with the given items and top-level fields. */
function feedDocument(items: unknown[], fields: Record<string, unknown> = {}): Record<string, unknown> {
  return { version: 'https://jsonfeed.org/version/1.1', title: 'MLO Belgrade News', ...fields, items };
}


/** Every leaf of a parsed value with the path to it, e.g. ["items.0.mlo.photos.1.url", "https://…"]. */
function leavesOf(value: unknown, path = ''): Array<[string, unknown]> {
  if (value instanceof Date || value === null || typeof value !== 'object') return [[path, value]];
  return Object.entries(value).flatMap(([key, child]) => leavesOf(child, path ? `${path}.${key}` : key));
}

/** The fields of the normalised model that hold addresses. */
const URL_FIELD = /(^|\.)(url|externalUrl|homePageUrl|feedUrl|nextUrl|image|bannerImage|avatar|icon|favicon|mapUrl|searchUrl|searchIndexUrl)$/;

describe('parseFeed: versions', () => {
  it('reads JSON Feed 1.1, with or without a trailing slash on the version URL', () => {
    expect(parseFeed(feedDocument([])).version).to.equal('1.1');
    expect(parseFeed(feedDocument([], { version: 'https://jsonfeed.org/version/1.1/' })).version).to.equal('1.1');
  });

  it('reads JSON Feed 1.0: version "1" and the singular author', () => {
    const feed = parseFeed({
      version: 'https://jsonfeed.org/version/1/',
      title: 'Old feed',
      author: { name: 'Public Affairs Office', url: 'https://mlo.example/contact' },
      items: [{ id: 'a', content_text: 'x', author: { name: 'MLO Belgrade' } }],
    });
    expect(feed.version).to.equal('1');
    expect(feed.authors).to.deep.equal([{ name: 'Public Affairs Office', url: 'https://mlo.example/contact', avatar: undefined }]);
    expect(nth(feed.items, 0).authors.map((author) => author.name)).to.deep.equal(['MLO Belgrade']);
  });

  it('prefers 1.1 `authors` over 1.0 `author` when both are present', () => {
    const feed = parseFeed(feedDocument([], { authors: [{ name: 'New' }], author: { name: 'Old' } }));
    expect(feed.authors.map((author) => author.name)).to.deep.equal(['New']);
  });

  it('reads the real JSON Feed 1.0 of jsonfeed.org', async () => {
    const feed = await fixtureFeed('jsonfeed-org-1.0.json');
    expect(feed.version).to.equal('1');
    expect(feed.title).to.equal('JSON Feed');
    expect(feed.userComment).to.match(/^This feed allows you to read the posts/);
    expect(nth(feed.authors, 0).name).to.equal('Brent Simmons and Manton Reece');
    expect(feed.droppedItems).to.equal(0);
    expect(feed.items).to.have.length(1);
    const item = nth(feed.items, 0);
    expect(item.title).to.equal('Announcing JSON Feed');
    expect(item.url).to.equal('https://jsonfeed.org/2017/05/17/announcing_json_feed');
    expect(item.contentHtml).to.contain('<a href="https://jsonfeed.org/version/1">See the spec</a>');
    expect(item.datePublished?.toISOString()).to.equal('2017-05-17T15:02:12.000Z');
  });
});

describe('parseFeed: normalisation', () => {
  it('turns snake_case into the camelCase model, with every list present', () => {
    const feed = parseFeed(
      feedDocument(
        [
          {
            id: 'story',
            url: 'https://mlo.example/newsroom/story',
            external_url: 'https://www.nato.int/story',
            title: '  Chief of MLO Belgrade visits the Military Academy  ',
            content_html: '<p>Body</p>',
            summary: 'Summary',
            image: 'https://mlo.example/a.jpg',
            banner_image: 'https://mlo.example/b.jpg',
            date_published: '2023-11-22T12:00:00+01:00',
            date_modified: '2023-11-23T08:00:00Z',
            tags: ['Visits', 'Visits', '', 7, 'Partnership'],
            language: 'sr-Latn',
            attachments: [{ url: 'https://mlo.example/a.pdf', mime_type: 'application/pdf', title: 'Report', size_in_bytes: 1024, duration_in_seconds: 'long' }],
          },
        ],
        { home_page_url: 'https://mlo.example/', description: 'News', next_url: 'https://mlo.example/feed-2.json', language: 'en', expired: true },
      ),
      { url: FEED_URL },
    );
    expect(feed).to.include({ title: 'MLO Belgrade News', homePageUrl: 'https://mlo.example/', feedUrl: FEED_URL, description: 'News', nextUrl: 'https://mlo.example/feed-2.json', language: 'en', expired: true, droppedItems: 0 });
    expect(feed.mlo).to.deep.equal({ trail: [], offices: [], alternates: [], archives: [], searchUrl: undefined, searchIndexUrl: undefined });
    const item = nth(feed.items, 0);
    expect(item).to.include({ id: 'story', externalUrl: 'https://www.nato.int/story', title: 'Chief of MLO Belgrade visits the Military Academy', contentHtml: '<p>Body</p>', bannerImage: 'https://mlo.example/b.jpg', language: 'sr-Latn' });
    expect(item.datePublished).to.be.instanceOf(Date);
    expect(item.dateModified?.toISOString()).to.equal('2023-11-23T08:00:00.000Z');
    expect(item.tags, 'duplicates, empty strings and non-strings go').to.deep.equal(['Visits', 'Partnership']);
    expect(item.attachments).to.deep.equal([{ url: 'https://mlo.example/a.pdf', mimeType: 'application/pdf', title: 'Report', sizeInBytes: 1024, durationInSeconds: undefined }]);
    expect(item.mlo).to.deep.equal({ archiveYear: undefined, byline: undefined, originalSource: undefined, photos: [] });
    expect(Object.keys(item).some((key) => key.includes('_')), 'no snake_case key leaves the parser').to.equal(false);
  });

  it('honours the offsets of dates and coerces numeric ids', async () => {
    const feed = await fixtureFeed('minimal.json');
    const byId = new Map(feed.items.map((item) => [item.id, item]));
    expect(byId.get('no-title')?.datePublished?.toISOString()).to.equal('2023-11-22T11:00:00.000Z');
    expect(byId.get('no-url')?.datePublished?.toISOString()).to.equal('2023-11-21T17:00:00.000Z');
    expect(byId.get('html-only')?.datePublished?.toISOString()).to.equal('2023-11-20T23:30:00.000Z');
    expect(byId.get('modified-only')?.datePublished).to.equal(undefined);
    expect(byId.get('modified-only')?.dateModified?.toISOString()).to.equal('2023-11-18T11:00:00.000Z');
    expect(byId.get('undated')?.datePublished).to.equal(undefined);
    expect(byId.get('42')?.title).to.equal('An item with a numeric id');
  });

  it('keeps the minimal items JSON Feed allows', async () => {
    const feed = await fixtureFeed('minimal.json');
    expect(feed.droppedItems).to.equal(0);
    expect(feed.items.map((item) => item.id)).to.deep.equal(['no-title', 'no-url', 'html-only', 'external', 'modified-only', 'undated', '42']);
    const byId = new Map(feed.items.map((item) => [item.id, item]));
    expect(byId.get('no-title')?.title).to.equal(undefined);
    expect(byId.get('no-url')?.url).to.equal(undefined);
    expect(byId.get('html-only')).to.include({ contentText: undefined, title: undefined, summary: undefined });
    expect(byId.get('external')?.externalUrl).to.equal('https://www.nato.int/cps/en/natohq/news.htm');
  });

  it('leaves out dates it cannot read instead of showing "Invalid Date"', () => {
    const feed = parseFeed(feedDocument([{ id: 'a', content_text: 'x', date_published: 'last Tuesday', date_modified: 20231122 }]));
    expect(nth(feed.items, 0).datePublished).to.equal(undefined);
    expect(nth(feed.items, 0).dateModified).to.equal(undefined);
  });

  it('ignores unknown fields, as JSON Feed asks readers to', () => {
    const feed = parseFeed(
      feedDocument([{ id: 'a', content_text: 'x', _other_extension: { about: 'https://other.example' }, colour: 'blue' }], {
        _other_extension: { anything: true },
        hubs: [{ type: 'WebSub', url: 'https://hub.example' }],
        something_new: 42,
      }),
    );
    expect(feed.items).to.have.length(1);
    expect(feed).not.to.have.any.keys('_other_extension', 'hubs', 'something_new');
    expect(feed.items[0]).not.to.have.any.keys('_other_extension', 'colour');
  });

  it('drops a language tag that is not BCP 47 rather than putting it into a lang attribute', () => {
    const feed = parseFeed(feedDocument([{ id: 'a', content_text: 'x', language: 'en" onclick="x' }], { language: 'sr-Cyrl-RS' }));
    expect(feed.language).to.equal('sr-Cyrl-RS');
    // The broken tag is dropped; the item then speaks its feed's language.
    expect(nth(feed.items, 0).language).to.equal('sr-Cyrl-RS');
  });

  it("gives items their feed's authors and language when they name none", () => {
    const feed = parseFeed(
      feedDocument(
        [
          { id: 'inherits', content_text: 'x' },
          { id: 'own', content_text: 'y', language: 'en', authors: [{ name: 'NATO HQ' }] },
        ],
        { language: 'sr-Latn', authors: [{ name: 'MLO Beograd' }] },
      ),
    );
    expect(nth(feed.items, 0).language).to.equal('sr-Latn');
    expect(nth(feed.items, 0).authors.map((author) => author.name)).to.deep.equal(['MLO Beograd']);
    expect(nth(feed.items, 1).language).to.equal('en');
    expect(nth(feed.items, 1).authors.map((author) => author.name)).to.deep.equal(['NATO HQ']);
  });
});

describe('parseFeed: URLs', () => {
  it('resolves relative URLs against the address the feed was read from', () => {
    const feed = parseFeed(
      feedDocument([{ id: 'a', url: 'news/a', image: '/images/a.jpg', attachments: [{ url: '../files/a.pdf', mime_type: 'application/pdf' }] }], {
        home_page_url: './',
        next_url: 'feed-2.json',
        _mlo: { trail: [{ name: 'Newsroom', url: '/newsroom/' }], search_url: '/search' },
      }),
      { url: FEED_URL },
    );
    expect(feed.homePageUrl).to.equal('https://mlo.example/newsroom/');
    expect(feed.nextUrl).to.equal('https://mlo.example/newsroom/feed-2.json');
    expect(nth(feed.items, 0).url).to.equal('https://mlo.example/newsroom/news/a');
    expect(nth(feed.items, 0).image).to.equal('https://mlo.example/images/a.jpg');
    expect(nth(nth(feed.items, 0).attachments, 0).url).to.equal('https://mlo.example/files/a.pdf');
    expect(nth(feed.mlo.trail, 0).url).to.equal('https://mlo.example/newsroom/');
    expect(feed.mlo.searchUrl).to.equal('https://mlo.example/search');
  });

  it('falls back to the feed’s own feed_url as the base when no address is given', () => {
    const feed = parseFeed(feedDocument([{ id: 'a', url: 'a.html' }], { feed_url: 'https://other.example/news/feed.json' }));
    expect(feed.feedUrl).to.equal('https://other.example/news/feed.json');
    expect(nth(feed.items, 0).url).to.equal('https://other.example/news/a.html');
  });

  it('the address the feed was read from wins over its feed_url', () => {
    const feed = parseFeed(feedDocument([], { feed_url: 'https://elsewhere.example/feed.json' }), { url: FEED_URL });
    expect(feed.feedUrl).to.equal(FEED_URL);
  });

  it('keeps no javascript:, data: or vbscript: address anywhere in the hostile feed', async () => {
    const feed = await fixtureFeed('hostile.json');
    const leaves = leavesOf(feed);
    const urlFields = leaves.filter(([path]) => URL_FIELD.test(path));
    expect(urlFields.length, 'the walk reached the URL fields').to.be.greaterThan(20);
    for (const [path, value] of urlFields) {
      if (value === undefined) continue;
      expect(value, path).to.be.a('string');
      expect(new URL(value as string).protocol, path).to.be.oneOf(['http:', 'https:']);
    }
    const strings = leaves.filter((leaf): leaf is [string, string] => typeof leaf[1] === 'string');
    // Whatever the field, no value is itself an address with another scheme (e.g. a phone "javascript:…"),
    // read as the URL parser reads it (tabs and newlines removed, leading controls trimmed).
    for (const [path, value] of strings) {
      // eslint-disable-next-line no-control-regex -- the URL parser trims leading C0 controls and spaces, and so does this.
      const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, ''));
      if (scheme) expect(nth(scheme, 1).toLowerCase(), `${path}: ${value}`).to.be.oneOf(['http', 'https']);
    }
  });

  it('keeps every hostile item (valid ids), with each unsafe address removed', async () => {
    const feed = await fixtureFeed('hostile.json');
    expect(feed.droppedItems).to.equal(0);
    expect(feed.items.map((item) => item.id)).to.deep.equal(['hostile-1', 'hostile-2', '<script>alert("id")</script>']);
    for (const item of feed.items) {
      expect(item, item.id).to.include({ url: undefined, externalUrl: undefined, image: undefined, bannerImage: undefined });
      expect(item.attachments, item.id).to.deep.equal([]);
      expect(item.mlo.photos, item.id).to.deep.equal([]);
      expect(item.mlo.archiveYear, item.id).to.equal(2023);
    }
    expect(nth(feed.items, 0).authors).to.deep.equal([{ name: '<script>alert("item author")</script>Eve', url: undefined, avatar: undefined }]);
    expect(feed).to.include({ homePageUrl: undefined, feedUrl: fixtureUrl('hostile.json'), nextUrl: undefined, icon: undefined, favicon: undefined, language: undefined });
    expect(feed.mlo.trail.map((link) => link.url)).to.deep.equal([undefined, undefined, undefined]);
    expect(feed.mlo.alternates).to.deep.equal([]);
    expect(feed.mlo.archives).to.deep.equal([]);
    expect(feed.mlo).to.include({ searchUrl: undefined, searchIndexUrl: undefined });
  });

  it('keeps markup in plain-text fields as text, for elements to show literally', async () => {
    const feed = await fixtureFeed('hostile.json');
    const first = nth(feed.items, 0);
    const second = nth(feed.items, 1);
    expect(first.title).to.equal('<img src=x onerror=alert(1)>Title');
    expect(first.tags).to.include('"><svg onload=alert(1)>');
    // 362 characters without a space: cut at the title limit (src/feed/limits.ts), ellipsis included.
    expect(second.title).to.have.length(MAX_TITLE_LENGTH);
    expect(second.title).to.match(/^A+\u0416+\S+\u2026$/);
  });

  it('keeps an email or phone only when it looks like one, since it ends up in a mailto: or tel: link', async () => {
    const feed = await fixtureFeed('hostile.json');
    const { units } = nth(feed.mlo.offices, 0);
    const unit = nth(units, 0);
    const spelledWithZ = nth(units, 1);
    expect(unit.email).to.equal(undefined);
    expect(unit.phone).to.equal(undefined);
    expect(unit.mapUrl).to.equal(undefined);
    expect(spelledWithZ).to.include({ organisation: 'NATO Military Liaison Office', email: undefined, phone: undefined, mapUrl: undefined });
    const good = parseFeed(feedDocument([], { _mlo: { offices: [{ units: [{ organisation: 'PAO', email: 'pao@mlo.example', phone: '+381 (11) 300-6100' }] }] } }));
    expect(nth(good.mlo.offices, 0).units[0]).to.include({ email: 'pao@mlo.example', phone: '+381 (11) 300-6100' });
  });
});

describe('parseFeed: items that break the rules', () => {
  it('drops and counts invalid items, never the whole feed', async () => {
    const feed = await fixtureFeed('some-bad-items.json');
    expect(feed.items.map((item) => item.id)).to.deep.equal(['good-1', 'good-2', 'good-3', 'good-4', 'good-5']);
    expect(feed.droppedItems).to.equal(3);
  });

  it('keeps the first of two items with the same id and counts the second as dropped', () => {
    const feed = parseFeed(feedDocument([{ id: 'a', title: 'First' }, { id: 'b' }, { id: 'a', title: 'Second' }]));
    expect(feed.items.map((item) => `${item.id}:${item.title ?? ''}`)).to.deep.equal(['a:First', 'b:']);
    expect(feed.droppedItems).to.equal(1);
  });

  it('drops items whose id is empty, null, an array or not a finite number', () => {
    const feed = parseFeed(feedDocument([{ id: '' }, { id: '   ' }, { id: null }, { id: ['a'] }, { id: Number.NaN }, null, 42, { id: 0 }]));
    expect(feed.items.map((item) => item.id)).to.deep.equal(['0']);
    expect(feed.droppedItems).to.equal(7);
  });
});

describe('parseFeed: the _mlo extension', () => {
  const document = feedDocument(
    [
      {
        id: 'article',
        url: 'https://mlo.example/newsroom/2018/article',
        content_text: 'x',
        date_published: '2018-12-28T12:00:00+01:00',
        _mlo: {
          archive_year: 2019,
          byline: 'MLO Belgrade',
          original_source: 'NATO HQ website',
          photos: [
            { url: 'images/one.jpg', alt: 'Officers at the Military Academy', caption: 'The visit', credit: 'NATO Website', width: 800, height: '600' },
            { url: 'images/two.jpg' },
            { url: 'images/three.jpg', alt: 'Bad sizes', width: -1, height: 1.5 },
            { alt: 'No address' },
          ],
        },
      },
      { id: 'year-in-url-only', url: 'https://mlo.example/newsroom/2017/story', content_text: 'x', _mlo: { archive_year: 'soon' } },
      { id: 'odd-year', content_text: 'x', _mlo: { archive_year: 99 } },
    ],
    {
      _mlo: {
        about: 'https://github.com/mlo-belgrade/mlo-widgets/blob/main/docs/feed-format.md',
        trail: [{ name: 'MLO Belgrade', url: '/' }, { name: 'Newsroom', url: '/newsroom/' }, { name: 'News Archive' }, { url: '/nameless' }],
        offices: [
          {
            name: 'NATO Military Liaison Office Belgrade',
            url: 'https://mlo.example/contact',
            units: [
              { organisation: 'NATO Military Liaison Office', street: 'Bircaninova 5', building: 'Ministry of Defense Building', postal_code: '11000', locality: 'Belgrade' },
              { heading: 'Media Operations', organization: 'Public Affairs Office', street: 'Bircaninova 5', postal_code: '11000', locality: 'Belgrade', map_url: 'https://www.openstreetmap.org/search?query=Bircaninova%205' },
              { heading: 'No organisation' },
            ],
          },
          { name: 'An office without units', units: [] },
          { units: [{ organization: 'Named after its first unit' }] },
        ],
        alternates: [
          { language: 'sr-Latn', url: 'feed.sr-Latn.json', title: 'MLO Beograd — Vesti' },
          { language: 'sr-Cyrl', url: 'feed.sr-Cyrl.json' },
          { language: 'sr-Cyrl' },
        ],
        archives: [{ year: 2023, url: '/newsroom/archive/2023' }, { year: '2022', url: '/newsroom/archive/2022' }, { year: 2021 }],
        search_url: '/search',
        search_index_url: 'search-index.json',
      },
    },
  );
  let feed: Feed;
  before(() => {
    feed = parseFeed(document, { url: FEED_URL });
  });

  it('reads the trail, keeping links without an address and dropping links without a name', () => {
    expect(feed.mlo.trail).to.deep.equal([
      { name: 'MLO Belgrade', url: 'https://mlo.example/' },
      { name: 'Newsroom', url: 'https://mlo.example/newsroom/' },
      { name: 'News Archive', url: undefined },
    ]);
  });

  it('reads offices and units, with either spelling of organisation', () => {
    expect(feed.mlo.offices.map((office) => office.name)).to.deep.equal(['NATO Military Liaison Office Belgrade', 'Named after its first unit']);
    const [main, media] = nth(feed.mlo.offices, 0).units;
    expect(nth(feed.mlo.offices, 0).units).to.have.length(2);
    expect(main).to.include({ heading: undefined, organisation: 'NATO Military Liaison Office', street: 'Bircaninova 5', building: 'Ministry of Defense Building', postalCode: '11000', locality: 'Belgrade' });
    expect(media).to.include({ heading: 'Media Operations', organisation: 'Public Affairs Office', mapUrl: 'https://www.openstreetmap.org/search?query=Bircaninova%205' });
    expect(nth(feed.mlo.offices, 0).url).to.equal('https://mlo.example/contact');
  });

  it('reads photos with alt, caption and credit; sizes only when they are positive integers', () => {
    const { photos } = nth(feed.items, 0).mlo;
    expect(photos).to.deep.equal([
      { url: 'https://mlo.example/newsroom/images/one.jpg', alt: 'Officers at the Military Academy', caption: 'The visit', credit: 'NATO Website', width: 800, height: 600 },
      { url: 'https://mlo.example/newsroom/images/two.jpg', alt: '', caption: undefined, credit: undefined, width: undefined, height: undefined },
      { url: 'https://mlo.example/newsroom/images/three.jpg', alt: 'Bad sizes', caption: undefined, credit: undefined, width: undefined, height: undefined },
    ]);
  });

  it('reads byline and original source', () => {
    expect(nth(feed.items, 0).mlo).to.include({ byline: 'MLO Belgrade', originalSource: 'NATO HQ website' });
  });

  it('takes the archive year from _mlo only, never from the URL', () => {
    const article = nth(feed.items, 0);
    const yearInUrlOnly = nth(feed.items, 1);
    const oddYear = nth(feed.items, 2);
    expect(article.mlo.archiveYear, 'URL says 2018, the editors say 2019').to.equal(2019);
    expect(yearInUrlOnly.mlo.archiveYear).to.equal(undefined);
    expect(oddYear.mlo.archiveYear).to.equal(undefined);
  });

  it('reads alternates, archives and the search addresses', () => {
    expect(feed.mlo.alternates).to.deep.equal([
      { language: 'sr-Latn', url: 'https://mlo.example/newsroom/feed.sr-Latn.json', title: 'MLO Beograd — Vesti' },
      { language: 'sr-Cyrl', url: 'https://mlo.example/newsroom/feed.sr-Cyrl.json', title: undefined },
    ]);
    expect(feed.mlo.archives).to.deep.equal([
      { year: 2023, url: 'https://mlo.example/newsroom/archive/2023' },
      { year: 2022, url: 'https://mlo.example/newsroom/archive/2022' },
    ]);
    expect(feed.mlo.searchUrl).to.equal('https://mlo.example/search');
    expect(feed.mlo.searchIndexUrl).to.equal('https://mlo.example/newsroom/search-index.json');
  });

  it('treats an _mlo that is not an object as absent', () => {
    const odd = parseFeed(feedDocument([{ id: 'a', _mlo: 'photos' }], { _mlo: ['trail'] }));
    expect(odd.mlo.trail).to.deep.equal([]);
    expect(nth(odd.items, 0).mlo.photos).to.deep.equal([]);
  });
});

describe('parseFeed and parseFeedText: documents that are not feeds', () => {
  it('refuses arrays, strings, null and objects without items as not-a-feed', () => {
    for (const document of [[], 'https://jsonfeed.org/version/1.1', null, 42, { version: 'https://jsonfeed.org/version/1.1', title: 'No items' }, { version: 'https://jsonfeed.org/version/1.1', items: {} }]) {
      expect(parseError(() => parseFeed(document)).kind, JSON.stringify(document)).to.equal('not-a-feed');
    }
  });

  it('refuses valid JSON of another shape as not-a-feed', async () => {
    const error = parseError(() => parseFeedText('{"rss": {"channel": {}}}'));
    expect(error.kind).to.equal('not-a-feed');
    const text = await fixtureText('wrong-shape.json');
    expect(parseError(() => parseFeedText(text, { url: fixtureUrl('wrong-shape.json') })).kind).to.equal('not-a-feed');
  });

  it('refuses a version it does not read as unsupported-version', async () => {
    const text = await fixtureText('version-2.json');
    const error = parseError(() => parseFeedText(text));
    expect(error.kind).to.equal('unsupported-version');
    expect(error.message).to.contain('2');
    expect(parseError(() => parseFeed(feedDocument([], { version: 'https://jsonfeed.org/version/1.2' }))).kind).to.equal('unsupported-version');
  });

  it('says "html" for a login page served instead of the feed', async () => {
    const text = await fixtureText('not-a-feed.html');
    const error = parseError(() => parseFeedText(text, { url: fixtureUrl('not-a-feed.html') }));
    expect(error.kind).to.equal('html');
    expect(error.url).to.equal(fixtureUrl('not-a-feed.html'));
  });

  it('says "html" for markup served as text/html, even without a doctype', () => {
    expect(parseError(() => parseFeedText('\n  <p>Not found</p>', { contentType: 'text/html; charset=utf-8' })).kind).to.equal('html');
    expect(parseError(() => parseFeedText('<?xml version="1.0"?><rss version="2.0"></rss>', { contentType: 'application/xml' })).kind).to.equal('html');
  });

  it('reads a feed served with a wrong text/html content type when the body is JSON', () => {
    expect(parseFeedText(JSON.stringify(feedDocument([{ id: 'a' }])), { contentType: 'text/html' }).items).to.have.length(1);
  });

  it('says "invalid-json" for a truncated feed', async () => {
    const text = await fixtureText('truncated.json');
    const error = parseError(() => parseFeedText(text));
    expect(error.kind).to.equal('invalid-json');
    expect(error.cause).to.be.instanceOf(SyntaxError);
    expect(parseError(() => parseFeedText('')).kind).to.equal('invalid-json');
  });
});

describe('sortNewestFirst, itemDate, archiveYearOf and mergePages', () => {
  const feed = parseFeed(
    feedDocument([
      { id: 'undated-1' },
      { id: 'old', date_published: '2019-03-01T12:00:00Z' },
      { id: 'modified-only', date_modified: '2023-06-01T12:00:00Z' },
      { id: 'new', date_published: '2023-11-22T12:00:00+01:00', date_modified: '2018-01-01T00:00:00Z' },
      { id: 'tie-a', date_published: '2021-05-05T12:00:00Z' },
      { id: 'undated-2' },
      { id: 'tie-b', date_published: '2021-05-05T12:00:00Z' },
    ]),
  );

  it('sorts by publication date, else modification date; undated last; ties keep feed order', () => {
    expect(sortNewestFirst(feed.items).map((item) => item.id)).to.deep.equal(['new', 'modified-only', 'tie-a', 'tie-b', 'old', 'undated-1', 'undated-2']);
  });

  it('does not reorder the array it is given', () => {
    const before = feed.items.map((item) => item.id);
    sortNewestFirst(feed.items);
    expect(feed.items.map((item) => item.id)).to.deep.equal(before);
  });

  it('itemDate is the publication date, else the modification date', () => {
    const byId = new Map(feed.items.map((item) => [item.id, item]));
    expect(itemDate(byId.get('new')!)?.toISOString()).to.equal('2023-11-22T11:00:00.000Z');
    expect(itemDate(byId.get('modified-only')!)?.toISOString()).to.equal('2023-06-01T12:00:00.000Z');
    expect(itemDate(byId.get('undated-1')!)).to.equal(undefined);
  });

  it('archiveYearOf: the editorial year, else the publication year, else nothing', () => {
    const years = parseFeed(
      feedDocument([
        { id: 'editorial', date_published: '2018-06-01T12:00:00Z', _mlo: { archive_year: 2019 } },
        { id: 'published', date_published: '2018-06-01T12:00:00Z' },
        { id: 'modified', date_modified: '2020-06-01T12:00:00Z' },
        { id: 'none', url: 'https://mlo.example/2017/none' },
      ]),
    ).items.map(archiveYearOf);
    expect(years).to.deep.equal([2019, 2018, 2020, undefined]);
  });

  it('mergePages appends the later page without repeating ids and takes its next_url', () => {
    const first = parseFeed(feedDocument([{ id: 'a' }, { id: 'b' }, 'broken'], { next_url: 'https://mlo.example/2.json', title: 'Page 1' }));
    const second = parseFeed(feedDocument([{ id: 'b', title: 'again' }, { id: 'c' }, {}], { next_url: 'https://mlo.example/3.json', title: 'Page 2' }));
    const merged = mergePages(first, second);
    expect(merged.items.map((item) => item.id)).to.deep.equal(['a', 'b', 'c']);
    expect(nth(merged.items, 1).title, 'the first copy of a repeated id stays').to.equal(undefined);
    expect(merged.title).to.equal('Page 1');
    expect(merged.nextUrl).to.equal('https://mlo.example/3.json');
    expect(merged.droppedItems).to.equal(2);
    expect(first.items, 'the first page is not modified').to.have.length(2);
  });
});

describe('text helpers (src/feed/text.ts)', () => {
  it('htmlToText strips tags, scripts, styles and comments with their content', () => {
    expect(
      text.htmlToText('<p>Hello <script>alert("x")</script><style>p { color: red }</style><!-- a secret <b>comment</b> -->world</p><SCRIPT type="module">import("x")</SCRIPT><ul><li>one</li><li>two</li></ul>'),
    ).to.equal('Hello world one two');
  });

  it('htmlToText joins phrasing elements to the text around them, as a browser renders them; blocks, breaks and images separate words', () => {
    expect(text.htmlToText('<p>Experts met in <strong>Belgrade</strong>.</p><p>Read <a href="/x">more</a>, or <em>Bel</em><b>grade</b>&nbsp;news<br>here<img src="/a.png" alt="">there</p>')).to.equal(
      'Experts met in Belgrade. Read more, or Belgrade news here there',
    );
    expect(text.htmlToText('<ul><li>one</li><li>two</li></ul><i>it</i><img src=x>ems<s>x</s><span>y</span><small>z</small>')).to.equal('one two it emsxyz');
  });

  it('htmlToText decodes named, decimal and hex entities (a no-break space becomes a space, like all whitespace)', () => {
    expect(text.htmlToText('Tom &amp; Jerry&nbsp;&mdash; &hellip; &copy; &#8212; &#x2014; &#X41; &#1041;еоград &laquo;x&raquo;')).to.equal('Tom & Jerry — … © — — A Београд «x»');
    expect(text.htmlToText('&unknown; &#0; &#x110000;'), 'what it cannot decode stays as written').to.equal('&unknown; &#0; &#x110000;');
  });

  it('htmlToText decodes entities into text without creating markup or loading anything', async () => {
    const globals = window as unknown as { __mloHtmlToTextFired?: boolean };
    const result = text.htmlToText('&lt;img src=x onerror=alert(1)&gt; <img src="/no-such-image.png" onerror="window.__mloHtmlToTextFired = true"> &amp;lt;b&amp;gt;');
    expect(result).to.equal('<img src=x onerror=alert(1)> &lt;b&gt;');
    await aTimeout(100);
    expect(globals.__mloHtmlToTextFired).to.equal(undefined);
  });

  it('truncateText cuts at a word boundary with an ellipsis, within the limit', () => {
    const sentence = 'The Chief of the NATO Military Liaison Office visited the Military Academy in Belgrade';
    const short = text.truncateText(sentence, 40);
    expect(short).to.equal('The Chief of the NATO Military Liaison…');
    expect(short.length).to.be.at.most(40);
    expect(text.truncateText(sentence, 200)).to.equal(sentence);
    expect(text.truncateText('Unbreakable'.repeat(10), 20), 'one long word is cut inside it').to.equal('UnbreakableUnbreaka…');
    expect(text.truncateText('One, two, three, four, five', 16), 'no punctuation before the ellipsis').to.equal('One, two, three…');
  });

  it('itemDisplayTitle gives untitled items the start of their text', async () => {
    const feed = await fixtureFeed('minimal.json');
    const byId = new Map(feed.items.map((item) => [item.id, item]));
    expect(text.itemDisplayTitle(byId.get('no-title')!, 30)).to.equal('An item with no title: only…');
    expect(text.itemDisplayTitle(byId.get('html-only')!)).to.equal('Only HTML content & no title, no summary, no text.');
    expect(text.itemDisplayTitle(byId.get('no-url')!)).to.equal('An item with no url');
    const summarised = nth(parseFeed(feedDocument([{ id: 'a', summary: 'A summary', content_text: 'Body' }])).items, 0);
    expect(text.itemDisplayTitle(summarised)).to.equal('A summary');
  });

  it('itemSummary is the summary, else an excerpt of the body text', async () => {
    const feed = await fixtureFeed('minimal.json');
    expect(text.itemSummary(nth(feed.items, 2))).to.equal('Only HTML content & no title, no summary, no text.');
    expect(text.itemSummary(nth(parseFeed(feedDocument([{ id: 'a', summary: 'Short', content_text: 'Long body' }])).items, 0))).to.equal('Short');
  });
});

describe('parseFeedInSlices: the same feed, read without one long task', () => {
  const FIXTURES = ['news-mlo.json', 'hostile.json', 'minimal.json', 'real-blog-http-v1.json', 'jsonfeed-org-1.0.json', 'paged-1.json'];

  it('gives what parseFeed and parseFeedText give, for every fixture, even with a slice per item', async () => {
    for (const name of FIXTURES) {
      const body = await fixtureText(name);
      const url = fixtureUrl(name);
      const whole = parseFeedText(body, { url });
      expect(await parseFeedTextInSlices(body, { url }), name).to.deep.equal(whole);
      expect(await parseFeedInSlices(JSON.parse(body), { url }, 0), name).to.deep.equal(whole);
    }
  });

  it('gives the main thread back between slices of a large page, and in one task reads a small one', async () => {
    const items = Array.from({ length: 300 }, (_, index) => ({ id: `item-${index}`, title: `Story ${index}`, content_html: `<p>${'Text of the story. '.repeat(40)}</p>`, date_published: '2024-05-01T10:00:00+02:00' }));
    let otherTasks = 0;
    const counting = setInterval(() => (otherTasks += 1), 0);
    try {
      const feed = await parseFeedInSlices(feedDocument(items), { url: FEED_URL }, 0);
      expect(feed.items).to.have.length(300);
      expect(otherTasks, 'timers ran while the page was read').to.be.greaterThan(0);
      otherTasks = 0;
      await parseFeedInSlices(feedDocument(items.slice(0, 2)), { url: FEED_URL }, 1000);
      expect(otherTasks, 'a page read within its slice never yields').to.equal(0);
    } finally {
      clearInterval(counting);
    }
  });

  it('rejects with the same errors as parseFeedText', async () => {
    for (const body of ['{"version": "https://jsonfeed.org/version/1.1", "items": [', '<!doctype html><p>Login</p>', '{"version": "https://jsonfeed.org/version/1.1", "title": "No items"}']) {
      const expected = parseError(() => parseFeedText(body)).kind;
      const error = await parseFeedTextInSlices(body).then(
        () => undefined,
        (cause: unknown) => cause as { kind?: string },
      );
      expect(error?.kind, body).to.equal(expected);
    }
  });
});
