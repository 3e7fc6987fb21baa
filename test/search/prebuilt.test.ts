/**
 * The prebuilt index round trip: items → writeSearchIndex → files served over fetch →
 * PrebuiltSearchIndex gives the in-memory SearchIndex's results (ids, order, scores, totals, the
 * partial flag and what is highlighted), on the fixture archive and on a generated one, for many
 * queries: typos, prefixes, diacritics, both scripts, filters.
 */
import { aTimeout, expect } from '@open-wc/testing';
import { SEARCH_FEED } from '../../fixtures/archive-search.js';
import { isFeedError, type FeedError } from '../../src/feed/errors.js';
import type { FeedItem } from '../../src/feed/types.js';
import { highlight } from '../../src/search/highlight.js';
import { PrebuiltSearchIndex } from '../../src/search/prebuilt/read.js';
import { writeSearchIndex } from '../../src/search/prebuilt/write.js';
import { SearchIndex, type SearchOptions, type SearchResults } from '../../src/search/search-index.js';
import { cyrillicToLatin, latinToCyrillic, sampleQueries, seededRandom } from '../../bench/synthetic-archive.mjs';
import { fixtureItems, holdRecordShards, serveIndex, syntheticItems } from './prebuilt-helpers.js';

/** What must agree between the two engines, as plain values. */
function summary(results: SearchResults, titles: (item: FeedItem) => string) {
  return {
    ids: results.hits.map((hit) => hit.item.id),
    scores: results.hits.map((hit) => hit.score.toFixed(9)),
    total: results.total,
    partial: results.partial,
    marked: results.hits.map((hit) => highlight(titles(hit.item), results.matcher).filter((segment) => segment.match).map((segment) => segment.text).join('|')),
  };
}

async function expectSame(memory: SearchIndex, prebuilt: PrebuiltSearchIndex, byId: Map<string, FeedItem>, query: string, options: SearchOptions = {}): Promise<void> {
  const title = (item: FeedItem) => byId.get(item.id)?.title ?? '';
  const expected = summary(memory.search(query, options), title);
  const actual = summary(await prebuilt.search(query, options), title);
  expect(actual, `${JSON.stringify(query)} ${JSON.stringify(options)}`).to.deep.equal(expected);
}

async function rejection(promise: Promise<unknown>): Promise<FeedError> {
  try {
    await promise;
  } catch (error) {
    if (isFeedError(error)) return error;
    throw error;
  }
  throw new Error('expected a FeedError');
}

describe('prebuilt search index: the fixture archive', () => {
  let items: FeedItem[];
  let memory: SearchIndex;
  let byId: Map<string, FeedItem>;
  before(async () => {
    items = await fixtureItems(SEARCH_FEED);
    memory = new SearchIndex();
    memory.add(items);
    byId = new Map(items.map((item) => [item.id, item]));
  });

  it('answers every query as the in-memory engine does', async () => {
    serveIndex(writeSearchIndex(items), '/prebuilt-fixture/');
    const prebuilt = await PrebuiltSearchIndex.open('/prebuilt-fixture/search-index.json');
    expect(prebuilt.size).to.equal(memory.size);
    expect(prebuilt.termCount).to.equal(memory.termCount);
    expect(prebuilt.years()).to.deep.equal(memory.years());
    expect(prebuilt.tags()).to.deep.equal(memory.tags());
    const queries = [
      'stoltenberg', 'Stoltenbreg', 'stoltenberk', 'STOLTENBERG', 'stolt', 'stolt ', 's', 'st', 'be', 'beograd', 'Београд', 'belgrade',
      'наука', 'nauka', 'Чачак', 'cacak', 'Čačak', 'sabac', 'zabljak', 'vucic', 'Vučić', 'djordje', 'Đorđe', 'dj', 'đ', 'reform', 'reforn',
      'annual partnership review', 'annual partnership rev', 'stoltenberg belgrade', 'stoltenberg zabljak', 'the', 'visits', 'xylophone',
      'liaison office', 'liason ofice', 'vežbe', 'vezbe', 'вежбе', 'mir', 'мир', 'novi sad', 'нови сад', '2023', 'img onerror', '', '   ',
    ];
    for (const query of queries) await expectSame(memory, prebuilt, byId, query);
    for (const options of [{ year: 2023 }, { year: 2024 }, { year: 1999 }, { tag: 'Visits' }, { tag: 'Vežbe' }, { tag: 'No such tag' }, { year: 2023, tag: 'Visits' }, { limit: 2 }, { limit: 0 }]) {
      for (const query of ['', 'visits', 'the', 'obuka', 'stoltenberg']) await expectSame(memory, prebuilt, byId, query, options);
    }
  });

  it('results carry what a result shows: title, date, link, language, an excerpt source, never the body', async () => {
    const served = serveIndex(writeSearchIndex(items), '/prebuilt-fixture-2/');
    const prebuilt = await PrebuiltSearchIndex.open('/prebuilt-fixture-2/search-index.json');
    const [hit] = (await prebuilt.search('stoltenberg')).hits;
    const original = byId.get('stoltenberg-students')!;
    expect(hit!.item.title).to.equal(original.title);
    expect(hit!.item.url).to.equal(original.url);
    expect(hit!.item.datePublished?.toISOString()).to.equal(original.datePublished?.toISOString());
    expect(hit!.item.language).to.equal(original.language);
    expect(hit!.item.summary).to.equal(original.summary);
    expect(hit!.item.contentHtml).to.equal(undefined);
    expect(hit!.item.contentText).to.equal(undefined);
    // The manifest (with the vocabulary), one posting shard and one record shard: nothing else.
    expect(served.requested.length).to.equal(3);
  });
});

describe('prebuilt search index: a generated archive', function () {
  this.timeout(120_000);
  let items: FeedItem[];
  let memory: SearchIndex;
  let prebuilt: PrebuiltSearchIndex;
  let byId: Map<string, FeedItem>;
  let queries: string[];
  let files: ReturnType<typeof writeSearchIndex>;
  before(async () => {
    const archive = syntheticItems(3000);
    items = archive.items;
    memory = new SearchIndex();
    memory.add(items);
    byId = new Map(items.map((item) => [item.id, item]));
    // Small shards, so that queries cross many of them.
    files = writeSearchIndex(items, { postingsPerShard: 800, documentsPerShard: 5 });
    serveIndex(files, '/prebuilt-synthetic/');
    prebuilt = await PrebuiltSearchIndex.open('/prebuilt-synthetic/search-index.json');
    queries = sampleQueries(archive.raw as Array<{ title: string }>, 150);
  });
  // Each test's fetch stub is put back after it (test/helpers/fetch.ts): serve the same files again.
  beforeEach(() => serveIndex(files, '/prebuilt-synthetic/'));

  it('gives the same top results for the benchmark’s queries (words, prefixes, typos, two words, the other script)', async () => {
    expect(prebuilt.size).to.equal(memory.size);
    for (const query of queries) await expectSame(memory, prebuilt, byId, query);
  });

  it('gives the same results for typos of every kind and cross-script queries of title words', async () => {
    const random = seededRandom(99);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const typos: string[] = [];
    for (let i = 0; i < 60; i += 1) {
      const words = (pick(items).title ?? '').split(/[^\p{L}]+/u).filter((word) => word.length >= 5);
      if (words.length === 0) continue;
      const word = pick(words).toLowerCase();
      const at = 1 + Math.floor(random() * (word.length - 2));
      typos.push(
        word.slice(0, at) + word.slice(at + 1), // deletion
        word.slice(0, at) + 'x' + word.slice(at), // insertion
        word.slice(0, at - 1) + word.charAt(at) + word.charAt(at - 1) + word.slice(at + 1), // swap
        word.slice(0, at) + 'q' + word.slice(at + 1) + ' ', // substitution, finished word
        /[\u0400-\u04ff]/.test(word) ? cyrillicToLatin(word) : latinToCyrillic(word),
      );
    }
    for (const query of typos) await expectSame(memory, prebuilt, byId, query);
  });

  it('gives the same results with year and tag filters', async () => {
    const years = memory.years().slice(0, 3).map(({ year }) => year);
    const tags = memory.tags().slice(0, 3).map(({ tag }) => tag);
    for (const query of ['', ...queries.slice(0, 12)]) {
      for (const year of years) await expectSame(memory, prebuilt, byId, query, { year });
      for (const tag of tags) await expectSame(memory, prebuilt, byId, query, { tag, limit: 20 });
      await expectSame(memory, prebuilt, byId, query, { year: years[0], tag: tags[0] });
    }
  });

  it('shows the best hits first: onEarlyHits has the leading hits whose records are in, the promise all of them', async () => {
    // Every record shard but the first asked for (the best hit's) is held until released.
    const held = holdRecordShards(files);
    serveIndex(files, '/prebuilt-early/', { override: held.override });
    const early = await PrebuiltSearchIndex.open('/prebuilt-early/search-index.json');
    const query = queries.find((candidate) => memory.search(candidate).hits.length === 10)!;
    const seen: Array<{ ids: string[]; pending: number; total: number }> = [];
    const answer = early.search(query, { onEarlyHits: (results, pending) => seen.push({ ids: results.hits.map((hit) => hit.item.id), pending, total: results.total }) });
    await aTimeout(50);
    const expected = memory.search(query);
    const expectedIds = expected.hits.map((hit) => hit.item.id);
    // The best hit's shard is in (with any later hits it holds, as long as they follow on): shown, the rest pending.
    expect(seen, 'nothing shown before the other shards came').to.have.length(1);
    expect(seen[0]!.ids).to.deep.equal(expectedIds.slice(0, seen[0]!.ids.length));
    expect(seen[0]!.ids.length).to.be.within(1, 9);
    expect(seen[0]!.pending).to.equal(10 - seen[0]!.ids.length);
    expect(seen[0]!.total).to.equal(expected.total);
    held.release();
    const results = await answer;
    expect(results.hits.map((hit) => hit.item.id)).to.deep.equal(expectedIds);
    // Never called with every hit: that is the promise's answer.
    expect(seen.every(({ ids }) => ids.length < 10)).to.equal(true);
    // Hits already loaded are not shown early: a repeated query answers at once.
    let calls = 0;
    await early.search(query, { onEarlyHits: () => (calls += 1) });
    expect(calls).to.equal(0);
  });

  it('downloads a small part of the index per query', async () => {
    const files = writeSearchIndex(items);
    const served = serveIndex(files, '/prebuilt-synthetic-bytes/');
    const index = await PrebuiltSearchIndex.open('/prebuilt-synthetic-bytes/search-index.json');
    const total = files.reduce((sum, file) => sum + file.contents.length, 0);
    for (const query of queries.slice(0, 10)) await index.search(query);
    expect(index.charactersLoaded).to.be.below(total / 4);
    expect(new Set(served.requested).size).to.equal(served.requested.length);
  });
});

describe('prebuilt search index: failures are FeedErrors', () => {
  let files: ReturnType<typeof writeSearchIndex>;
  before(async () => {
    files = writeSearchIndex(await fixtureItems(SEARCH_FEED));
  });

  it('a missing manifest is an http error; a manifest of another format is refused', async () => {
    serveIndex(files, '/prebuilt-missing/');
    const missing = await rejection(PrebuiltSearchIndex.open('/prebuilt-missing/nothing-here.json'));
    expect(missing.kind).to.equal('http');
    expect(missing.status).to.equal(404);
    const other = [{ path: 'search-index.json', contents: JSON.stringify({ format: 'pagefind', version: 1 }) }];
    serveIndex(other, '/prebuilt-other/');
    expect((await rejection(PrebuiltSearchIndex.open('/prebuilt-other/search-index.json'))).kind).to.equal('not-a-feed');
    serveIndex([{ path: 'search-index.json', contents: '<!doctype html><title>Login</title>' }], '/prebuilt-html/');
    expect((await rejection(PrebuiltSearchIndex.open('/prebuilt-html/search-index.json'))).kind).to.equal('html');
    serveIndex([{ path: 'search-index.json', contents: '{"format": "mlo-search-index", "ver' }], '/prebuilt-cut/');
    expect((await rejection(PrebuiltSearchIndex.open('/prebuilt-cut/search-index.json'))).kind).to.equal('invalid-json');
    expect((await rejection(PrebuiltSearchIndex.open('javascript:alert(1)'))).kind).to.equal('invalid-url');
  });

  it('a shard that fails rejects the search with the shard’s error, and a later search asks again', async () => {
    let fail = true;
    serveIndex(files, '/prebuilt-flaky/', { override: (path) => (fail && path.includes('/p-') ? Promise.reject(new TypeError('Failed to fetch')) : undefined) });
    const index = await PrebuiltSearchIndex.open('/prebuilt-flaky/search-index.json');
    const error = await rejection(index.search('stoltenberg'));
    expect(error.kind).to.equal('network');
    expect(error.url).to.match(/\/prebuilt-flaky\/search\/p-[0-9a-z]+\.json$/);
    fail = false;
    expect((await index.search('stoltenberg')).hits.map((hit) => hit.item.id)).to.deep.equal(['stoltenberg-students']);
  });

  it('a file over the page limit is refused as too-large before it is read', async () => {
    serveIndex(files, '/prebuilt-large/', {
      override: (path) => (path.includes('/p-') ? Promise.resolve(new Response('{}', { headers: { 'content-length': String(7 * 1024 * 1024) } })) : undefined),
    });
    const index = await PrebuiltSearchIndex.open('/prebuilt-large/search-index.json');
    expect((await rejection(index.search('stoltenberg'))).kind).to.equal('too-large');
  });

  it('a corrupt shard is refused, not misread', async () => {
    serveIndex(files, '/prebuilt-corrupt/', {
      override: (path) => (path.includes('/p-') ? Promise.resolve(new Response(JSON.stringify({ postings: ['!!!'] }))) : undefined),
    });
    const index = await PrebuiltSearchIndex.open('/prebuilt-corrupt/search-index.json');
    expect((await rejection(index.search('stoltenberg'))).kind).to.equal('not-a-feed');
  });

  it('stops when its signal aborts', async () => {
    serveIndex(files, '/prebuilt-abort/', { override: (path, init) =>
        path === 'search-index.json' ? new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason as Error))) : undefined,
    });
    const abort = new AbortController();
    const opening = PrebuiltSearchIndex.open('/prebuilt-abort/search-index.json', { signal: abort.signal });
    abort.abort(new DOMException('gone', 'AbortError'));
    let caught: unknown;
    try {
      await opening;
    } catch (error) {
      caught = error;
    }
    expect((caught as DOMException).name).to.equal('AbortError');
  });
});
