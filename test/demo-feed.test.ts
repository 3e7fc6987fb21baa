/**
 * The demo's sample feed (demo/feed/) read through the real feed layer, and checked against the
 * documented format (docs/feed.schema.json): the page the demo builds is only as good as this data.
 */
import { expect } from '@open-wc/testing';
import { FeedPager, MLO_EXTENSION_ABOUT, archiveYearOf, clearFeedCache, itemBodyText, loadFeed, parseFeed, parseFeedText } from '../src/feed/index.js';
import type { Feed, FeedItem } from '../src/feed/index.js';
import { nth } from './helpers/lists.js';

const FEED_DIR = new URL('/demo/feed/', location.href).href;
const REAL_ARTICLE_ID = 'https://mlo-belgrade.example/newsroom/news-archive/2023/secretary-general-visits-belgrade';
const SAMPLE_SENTENCE = {
  en: 'Sample story for the demo — not an MLO Belgrade publication.',
  'sr-Latn': 'Primer vesti za demonstraciju — ovo nije objava MLO Beograd.',
  'sr-Cyrl': 'Пример вести за демонстрацију — ово није објава МЛО Београд.',
} as const;

async function fetchText(file: string): Promise<{ url: string; body: string; contentType: string }> {
  const url = new URL(file, FEED_DIR).href;
  const response = await fetch(url);
  expect(response.ok, `${url} answers ${response.status}`).to.equal(true);
  return { url, body: await response.text(), contentType: response.headers.get('content-type') ?? '' };
}

async function readFeed(file: string): Promise<Feed> {
  const { url, body, contentType } = await fetchText(file);
  return parseFeedText(body, { url, contentType });
}

/** The older English page: mlo-feed names it by its content, so it is found through feed.json's next_url. */
async function secondPage(): Promise<string> {
  const { nextUrl } = await readFeed('feed.json');
  if (!nextUrl) throw new Error('feed.json has no next_url');
  return nextUrl;
}

function htmlOf(item: FeedItem): Document {
  return new DOMParser().parseFromString(item.contentHtml ?? '', 'text/html');
}

function realArticle(feed: Feed): FeedItem {
  const item = feed.items.find((candidate) => candidate.id === REAL_ARTICLE_ID);
  if (!item) throw new Error(`${feed.feedUrl} has no item ${REAL_ARTICLE_ID}`);
  return item;
}

/** Every piece of text a reader of the feed would see, for the script checks. */
function visibleText(feed: Feed): string[] {
  const out = [feed.title, feed.description ?? '', ...feed.mlo.trail.map((link) => link.name)];
  for (const office of feed.mlo.offices) {
    out.push(office.name);
    for (const unit of office.units) out.push(unit.heading ?? '', unit.organisation, unit.street ?? '', unit.building ?? '', unit.locality ?? '');
  }
  for (const item of feed.items) {
    out.push(item.title ?? '', item.summary ?? '', itemBodyText(item), ...item.tags, item.mlo.byline ?? '', item.mlo.originalSource ?? '');
    for (const photo of item.mlo.photos) out.push(photo.alt, photo.caption ?? '', photo.credit ?? '');
    for (const img of htmlOf(item).querySelectorAll('img')) out.push(img.alt);
  }
  return out.filter((text) => text !== '');
}

afterEach(() => clearFeedCache());

describe('demo feed: feed.json (English, first page)', () => {
  it('is a JSON Feed 1.1 in English with no dropped items and a second page', async () => {
    const feed = await readFeed('feed.json');
    expect(feed.version).to.equal('1.1');
    expect(feed.title).to.equal('MLO Belgrade — News');
    expect(feed.language).to.equal('en');
    expect(feed.droppedItems).to.equal(0);
    expect(feed.items).to.have.length(14);
    expect(feed.nextUrl).to.match(/\/demo\/feed\/feed\.page-[0-9a-f]{16}\.json$/, 'the older page is named by its content');
    expect(feed.items.some((item) => item.id === REAL_ARTICLE_ID), 'the real article is on the first page').to.equal(true);
  });

  it('describes the site: trail, the office as on the source page, alternates, archives, search page', async () => {
    const feed = await readFeed('feed.json');
    expect(feed.mlo.trail.map((link) => link.name)).to.deep.equal(['MLO Belgrade', 'Newsroom', 'News Archive']);
    expect(feed.mlo.trail.every((link) => link.url?.startsWith('https://mlo-belgrade.example/'))).to.equal(true);

    expect(feed.mlo.offices).to.have.length(1);
    const [office] = feed.mlo.offices;
    expect(office!.name).to.equal('NATO Military Liaison Office Belgrade');
    expect(office!.units).to.deep.equal([
      {
        heading: undefined,
        organisation: 'NATO Military Liaison Office',
        street: 'Bircaninova 5',
        building: 'Ministry of Defense Building',
        postalCode: '11000',
        locality: 'Belgrade',
        country: undefined,
        phone: undefined,
        email: undefined,
        mapUrl: undefined,
      },
      {
        heading: 'Media Operations',
        organisation: 'Public Affairs Office',
        street: 'Bircaninova 5',
        building: undefined,
        postalCode: '11000',
        locality: 'Belgrade',
        country: undefined,
        phone: undefined,
        email: undefined,
        mapUrl: undefined,
      },
    ]);

    expect(feed.mlo.alternates.map(({ language, url }) => [language, url])).to.deep.equal([
      ['sr-Latn', new URL('feed.sr-Latn.json', FEED_DIR).href],
      ['sr-Cyrl', new URL('feed.sr-Cyrl.json', FEED_DIR).href],
    ]);
    expect(feed.mlo.archives.map((archive) => archive.year)).to.deep.equal([2026, 2025, 2024, 2023, 2022, 2021, 2020, 2019, 2018]);
    expect(feed.mlo.searchUrl).to.equal('https://mlo-belgrade.example/search');
  });
});

describe('demo feed: the real article', () => {
  it('carries the source page’s title, date, byline, original and editorial year', async () => {
    const item = realArticle(await readFeed('feed.json'));
    expect(item.title).to.equal('Secretary General Visits Belgrade, underlines the importance of NATO’s partnership with Serbia');
    expect(item.datePublished?.toISOString(), 'midday in Belgrade').to.equal('2023-11-22T11:00:00.000Z');
    expect(item.mlo.archiveYear).to.equal(2023);
    expect(item.mlo.byline).to.equal('MLO Belgrade');
    expect(item.mlo.originalSource).to.equal('NATO HQ website');
    expect(item.externalUrl).to.match(/^https:\/\/www\.nato\.int\/cps\/en\/natohq\/news_\d+\.htm$/);
    expect(item.summary).to.be.a('string').and.not.equal('');
    expect(item.tags).to.include.members(['Partnership', 'KFOR', 'Science for Peace and Security']);
    expect(item.tags).not.to.include('Sample');
    expect(item.image).to.equal(new URL('images/sg-president.svg', FEED_DIR).href);
  });

  it('has the body paragraphs with the three photos where they stand on the page', async () => {
    const item = realArticle(await readFeed('feed.json'));
    const doc = htmlOf(item);
    expect([...doc.body.children].map((node) => node.localName)).to.deep.equal(['p', 'figure', 'p', 'figure', 'p', 'figure', 'p']);
    const paragraphs = [...doc.querySelectorAll('p')].map((p) => p.textContent);
    expect(paragraphs[0]).to.match(/^On Tuesday \(21 November 2023\), NATO Secretary General Jens Stoltenberg had discussions in Belgrade/);
    expect(paragraphs[2]).to.include('Ninety three of them were wounded, some suffered life changing injuries.');
    expect(paragraphs[3]).to.match(/NATO-Serbia scientific cooperation\.$/);
    const captions = [...doc.querySelectorAll('figcaption')].map((caption) => caption.textContent);
    expect(captions).to.deep.equal([
      'NATO Secretary General meeting with the President of Serbia (Source: NATO Website)',
      'NATO Secretary General meeting with the Prime Minister of Serbia (Source: NATO Website)',
      'NATO Secretary General meets Serbian scientists and their colleagues from NATO countries participating in projects within the framework of NATO Science for Peace and Security Programme (Source: NATO Website)',
    ]);
    // The HTML's images and the structured photos are the same files (relative to the feed).
    const sources = [...doc.querySelectorAll('figure img')].map((img) => new URL(img.getAttribute('src') ?? '', FEED_DIR).href);
    expect(sources).to.deep.equal(item.mlo.photos.map((photo) => photo.url));
  });

  it('lists the three photos with caption, credit, alt text and size', async () => {
    const { photos } = realArticle(await readFeed('feed.json')).mlo;
    expect(photos).to.have.length(3);
    expect(photos.map((photo) => photo.caption)).to.deep.equal([
      'NATO Secretary General meeting with the President of Serbia',
      'NATO Secretary General meeting with the Prime Minister of Serbia',
      'NATO Secretary General meets Serbian scientists and their colleagues from NATO countries participating in projects within the framework of NATO Science for Peace and Security Programme',
    ]);
    for (const photo of photos) {
      expect(photo.credit).to.equal('NATO Website');
      expect(photo.alt).to.match(/^Illustration/);
      expect([photo.width, photo.height]).to.deep.equal([1200, 800]);
    }
  });
});

describe('demo feed: both English pages', () => {
  async function allItems(): Promise<Feed> {
    const { feed } = await loadFeed(new URL('feed.json', FEED_DIR).href);
    const pager = new FeedPager(feed);
    const merged = await pager.loadMore();
    expect(pager.hasMore, 'page 2 is the last').to.equal(false);
    return merged;
  }

  it('hold 25 items with unique ids, the 14 newest on the first page', async () => {
    const feed = await allItems();
    expect(feed.items).to.have.length(25);
    expect(feed.droppedItems).to.equal(0);
    expect(new Set(feed.items.map((item) => item.id)).size).to.equal(25);
    const time = (item: FeedItem) => item.datePublished!.getTime();
    const oldestOnFirstPage = Math.min(...feed.items.slice(0, 14).map(time));
    const newestOnSecondPage = Math.max(...feed.items.slice(14).map(time));
    expect(oldestOnFirstPage).to.be.greaterThan(newestOnSecondPage);
  });

  it('spread over 2018–2026, and every archive year has an archive page', async () => {
    const feed = await allItems();
    const published = new Set(feed.items.map((item) => item.datePublished!.getFullYear()));
    for (let year = 2018; year <= 2026; year += 1) expect(published.has(year), `a story from ${year}`).to.equal(true);
    const archivePages = new Set(feed.mlo.archives.map((archive) => archive.year));
    for (const item of feed.items) expect(archivePages.has(archiveYearOf(item)!), item.id).to.equal(true);
  });

  it('marks every item but the real article as a sample', async () => {
    const feed = await allItems();
    for (const item of feed.items.filter((candidate) => candidate.id !== REAL_ARTICLE_ID)) {
      expect(item.tags, item.id).to.include('Sample');
      expect(itemBodyText(item).startsWith(SAMPLE_SENTENCE.en), item.id).to.equal(true);
    }
  });

  it('covers the cases the widgets must handle', async () => {
    const items = (await allItems()).items;
    expect(items.filter((item) => item.title === undefined), 'one untitled item').to.have.length(1);
    expect(items.filter((item) => item.contentText && !item.contentHtml), 'one plain-text item').to.have.length(1);
    const reposts = items.filter((item) => item.id !== REAL_ARTICLE_ID && item.externalUrl);
    expect(reposts, 'a sample re-posted from NATO HQ').to.have.length(1);
    expect(reposts[0]!.mlo.originalSource).to.equal('NATO HQ website');
    const yearMismatch = items.filter((item) => item.url?.includes('/2018/') && item.mlo.archiveYear === 2019);
    expect(yearMismatch, 'address says 2018, archive year 2019').to.have.length(1);
    expect(yearMismatch[0]!.datePublished!.getFullYear()).to.equal(2018);
    expect(items.filter((item) => item.image).length).to.be.within(5, 20);
    expect(items.filter((item) => !item.image).length).to.be.within(5, 20);
    expect(items.some((item) => item.mlo.archiveYear === undefined), 'one item without archive_year').to.equal(true);
  });
});

describe('demo feed: images', () => {
  it('are small local SVG files with nothing active in them', async () => {
    const feeds = [await readFeed('feed.json'), await readFeed(await secondPage()), await readFeed('feed.sr-Latn.json'), await readFeed('feed.sr-Cyrl.json')];
    const urls = new Set<string>();
    for (const feed of feeds) {
      if (feed.icon) urls.add(feed.icon);
      for (const item of feed.items) {
        if (item.image) urls.add(item.image);
        for (const photo of item.mlo.photos) urls.add(photo.url);
        for (const img of htmlOf(item).querySelectorAll('img')) urls.add(new URL(img.getAttribute('src') ?? '', feed.feedUrl).href);
      }
    }
    expect(urls.size).to.be.greaterThan(10);
    for (const url of urls) {
      expect(new URL(url).origin, url).to.equal(location.origin);
      const { body, contentType } = await fetchText(url);
      expect(contentType, url).to.include('image/svg+xml');
      expect(body.length, url).to.be.below(3 * 1024);
      expect(body, url).not.to.match(/<script|href=|\bon[a-z]+=|<foreignObject|<image/i);
    }
  });
});

describe('demo feed: Serbian alternates', () => {
  const cases = [
    { language: 'sr-Latn', file: 'feed.sr-Latn.json', others: ['en', 'sr-Cyrl'], trail: ['MLO Beograd', 'Medijski centar', 'Arhiva vesti'], credit: 'sajt NATO-a', street: 'Birčaninova 5', building: 'Zgrada Ministarstva odbrane', locality: 'Beograd' },
    { language: 'sr-Cyrl', file: 'feed.sr-Cyrl.json', others: ['en', 'sr-Latn'], trail: ['МЛО Београд', 'Медијски центар', 'Архива вести'], credit: 'сајт НАТО-а', street: 'Бирчанинова 5', building: 'Зграда Министарства одбране', locality: 'Београд' },
  ] as const;

  for (const expected of cases) {
    it(`${expected.file}: the same stories in ${expected.language}, with the same ids, dates and years as in English`, async () => {
      const feed = await readFeed(expected.file);
      expect(feed.language).to.equal(expected.language);
      expect(feed.droppedItems).to.equal(0);
      expect(feed.items.length).to.be.at.least(11);
      const english = new Map<string, FeedItem>();
      for (const page of [await readFeed('feed.json'), await readFeed(await secondPage())]) for (const item of page.items) english.set(item.id, item);
      for (const item of feed.items) {
        const original = english.get(item.id);
        expect(original, `${item.id} exists in English`).to.not.equal(undefined);
        expect(item.language).to.equal(expected.language);
        expect(item.datePublished?.getTime()).to.equal(original!.datePublished?.getTime());
        expect(item.mlo.archiveYear).to.equal(original!.mlo.archiveYear);
        expect(item.image).to.equal(original!.image);
        expect(item.mlo.photos.map((photo) => photo.url)).to.deep.equal(original!.mlo.photos.map((photo) => photo.url));
        expect(item.externalUrl).to.equal(original!.externalUrl);
        if (item.id !== REAL_ARTICLE_ID) expect(itemBodyText(item).startsWith(SAMPLE_SENTENCE[expected.language]), item.id).to.equal(true);
      }
    });

    it(`${expected.file}: Serbian trail, office, credits and alternates`, async () => {
      const feed = await readFeed(expected.file);
      expect(feed.mlo.trail.map((link) => link.name)).to.deep.equal(expected.trail);
      const units = feed.mlo.offices[0]!.units;
      expect(units).to.have.length(2);
      expect(units.map((unit) => unit.street)).to.deep.equal([expected.street, expected.street]);
      expect(units[0]!.building).to.equal(expected.building);
      expect(units.map((unit) => [unit.postalCode, unit.locality])).to.deep.equal([['11000', expected.locality], ['11000', expected.locality]]);
      expect(units.some((unit) => unit.phone || unit.email || unit.country), 'nothing invented').to.equal(false);
      const article = realArticle(feed);
      expect(article.mlo.photos.map((photo) => photo.credit)).to.deep.equal([expected.credit, expected.credit, expected.credit]);
      const captions = [...htmlOf(article).querySelectorAll('figcaption')].map((caption) => caption.textContent);
      expect(captions.every((caption) => caption.endsWith(`: ${expected.credit})`))).to.equal(true);
      expect(feed.mlo.alternates.map((alternate) => alternate.language)).to.deep.equal(expected.others);
      for (const alternate of feed.mlo.alternates) await fetchText(alternate.url);
    });
  }

  it('feed.sr-Latn.json is written in Latin script and feed.sr-Cyrl.json in Cyrillic only', async () => {
    const latin = visibleText(await readFeed('feed.sr-Latn.json'));
    const cyrillic = visibleText(await readFeed('feed.sr-Cyrl.json'));
    for (const text of latin) expect(text, text).not.to.match(/\p{Script=Cyrillic}/u);
    for (const text of cyrillic) expect(text, text).not.to.match(/\p{Script=Latin}/u);
    expect(latin.join(' ')).to.match(/[čćžšđ]/);
  });
});

// ---------------------------------------------------------------------------------------------
// The feeds against docs/feed.schema.json. A small validator for the keywords the schema uses;
// it refuses any other keyword, so the schema cannot grow beyond what is checked here.
// ---------------------------------------------------------------------------------------------
type Schema = { [keyword: string]: unknown };
const KNOWN_KEYWORDS = new Set([
  '$schema', '$id', '$ref', '$defs', 'title', 'description', 'type', 'required', 'properties', 'additionalProperties',
  'items', 'anyOf', 'enum', 'const', 'minimum', 'maximum', 'minLength', 'minItems', 'pattern', 'format',
]);

function typeOf(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** A schema value in a message: a string as it is, anything else as JSON. */
function shown(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function validate(root: Schema, schema: Schema, value: unknown, path: string, errors: string[]): void {
  for (const keyword of Object.keys(schema)) if (!KNOWN_KEYWORDS.has(keyword)) throw new Error(`unchecked keyword ${keyword} at ${path}`);
  if (typeof schema.$ref === 'string') {
    const target = schema.$ref.replace(/^#\//, '').split('/').reduce<unknown>((node, key) => (node as Schema)[key], root);
    validate(root, target as Schema, value, path, errors);
  }
  const type = typeOf(value);
  if (schema.type !== undefined && schema.type !== type && !(schema.type === 'number' && type === 'integer')) {
    errors.push(`${path}: ${type} is not ${shown(schema.type)}`);
    return;
  }
  if (schema.const !== undefined && value !== schema.const) errors.push(`${path}: not ${shown(schema.const)}`);
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) errors.push(`${path}: not one of ${schema.enum.join(', ')}`);
  if (typeof value === 'string') {
    if (typeof schema.minLength === 'number' && value.length < schema.minLength) errors.push(`${path}: too short`);
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) errors.push(`${path}: "${value}" does not match ${schema.pattern}`);
  }
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) errors.push(`${path}: below ${schema.minimum}`);
    if (typeof schema.maximum === 'number' && value > schema.maximum) errors.push(`${path}: above ${schema.maximum}`);
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) errors.push(`${path}: fewer than ${schema.minItems} items`);
    if (schema.items) value.forEach((entry, index) => validate(root, schema.items as Schema, entry, `${path}[${index}]`, errors));
  }
  if (type === 'object') {
    const object = value as Record<string, unknown>;
    for (const key of (schema.required as string[] | undefined) ?? []) if (!(key in object)) errors.push(`${path}: missing ${key}`);
    const properties = (schema.properties as Record<string, Schema> | undefined) ?? {};
    for (const [key, entry] of Object.entries(object)) {
      if (properties[key]) validate(root, properties[key], entry, `${path}.${key}`, errors);
      else if (schema.additionalProperties === false) errors.push(`${path}: unexpected key ${key}`);
    }
  }
  if (Array.isArray(schema.anyOf)) {
    const passes = (schema.anyOf as Schema[]).some((option) => {
      const optionErrors: string[] = [];
      validate(root, option, value, path, optionErrors);
      return optionErrors.length === 0;
    });
    if (!passes) errors.push(`${path}: matches none of anyOf`);
  }
}

describe('demo feed: docs/feed.schema.json', () => {
  async function schemaErrors(document: unknown): Promise<string[]> {
    const schema = JSON.parse((await fetchText('/docs/feed.schema.json')).body) as Schema;
    const errors: string[] = [];
    validate(schema, schema, document, '$', errors);
    return errors;
  }

  it('is a draft 2020-12 schema whose extension "about" is the parser’s', async () => {
    const schema = JSON.parse((await fetchText('/docs/feed.schema.json')).body) as Schema;
    expect(schema.$schema).to.equal('https://json-schema.org/draft/2020-12/schema');
    expect(((schema.$defs as Record<string, Schema>).about as Schema).const).to.equal(MLO_EXTENSION_ABOUT);
  });

  for (const file of ['feed.json', 'the second English page', 'feed.sr-Latn.json', 'feed.sr-Cyrl.json']) {
    it(`${file} is valid`, async () => {
      const address = file === 'the second English page' ? await secondPage() : file;
      expect(await schemaErrors(JSON.parse((await fetchText(address)).body))).to.deep.equal([]);
    });
  }

  it('accepts the complete example of docs/feed-format.md, which the parser reads in full', async () => {
    const markdown = (await fetchText('/docs/feed-format.md')).body;
    const blocks = [...markdown.matchAll(/```json\n([\s\S]*?)\n```/g)].map((match) => match[1]!);
    expect(blocks).to.have.length(1);
    const document: unknown = JSON.parse(blocks[0]!);
    expect(await schemaErrors(document)).to.deep.equal([]);
    const feed = parseFeed(document);
    expect(feed.droppedItems).to.equal(0);
    expect(feed.items.map((item) => item.mlo.archiveYear)).to.deep.equal([2023, 2019]);
    expect(feed.items[1]!.url).to.include('/2018/');
    expect(feed.mlo.offices[0]!.units.map((unit) => unit.heading ?? unit.organisation)).to.deep.equal(['NATO Military Liaison Office', 'Media Operations']);
    expect(feed.mlo.searchIndexUrl).to.equal('https://mlo-belgrade.example/newsroom/search-index.json');
  });

  it('reports misspelt keys, wrong types and unsafe URLs', async () => {
    // The parts of the demo feed that this test breaks on purpose.
    type EditableFeed = {
      items: Array<{ id?: unknown; _mlo: { photos: unknown[]; [key: string]: unknown } }>;
      _mlo: { trail: Array<{ url: unknown }> };
    };
    const document = JSON.parse((await fetchText('feed.json')).body) as EditableFeed;
    nth(document.items, 0)._mlo.archive_year = '2023';
    nth(document.items, 3)._mlo.archiveYear = 2026;
    nth(document._mlo.trail, 0).url = 'javascript:alert(1)';
    delete nth(document.items, 2).id;
    nth(document.items, 0)._mlo.photos[0] = { caption: 'no url' };
    const errors = await schemaErrors(document);
    expect(errors).to.have.length(6);
    expect(errors.join('\n')).to.include('$.items[0]._mlo.archive_year: string is not integer')
      .and.include('$.items[3]._mlo: unexpected key archiveYear')
      .and.include('$._mlo.trail[0].url: "javascript:alert(1)" does not match')
      .and.include('$.items[2]: missing id')
      .and.include('$.items[0]._mlo.photos[0]: missing url')
      .and.include('$.items[0]._mlo.photos[0]: missing alt');
  });
});
