import { aTimeout, expect } from '@open-wc/testing';
import { SEARCH_FEED } from '../fixtures/archive-search.js';
import { parseFeed } from '../src/feed/parse.js';
import type { Feed, FeedItem } from '../src/feed/types.js';
import { excerptAround, highlight, type TextSegment } from '../src/search/highlight.js';
import { SearchIndex, type SearchResults } from '../src/search/search-index.js';

async function loadFixture(path: string): Promise<Feed> {
  const response = await fetch(path);
  return parseFeed(await response.json(), { url: new URL(path, location.href).href });
}

const ids = (results: SearchResults) => results.hits.map((hit) => hit.item.id);
/** Segments written as text with [brackets] around the matches. */
const marked = (segments: TextSegment[]) => segments.map((segment) => (segment.match ? `[${segment.text}]` : segment.text)).join('');

function syntheticItem(id: number, title: string, body = ''): FeedItem {
  return parseFeed({
    version: 'https://jsonfeed.org/version/1.1',
    items: [{ id: String(id), title, content_text: body, date_published: new Date(Date.UTC(2020, 0, 1 + (id % 1000))).toISOString() }],
  }).items[0]!;
}

describe('search: SearchIndex over the fixture archive', () => {
  let index: SearchIndex;
  before(async () => {
    index = new SearchIndex();
    index.add((await loadFixture(SEARCH_FEED)).items);
  });

  it('indexes every item once', () => {
    expect(index.size).to.equal(14);
    index.add((index.search('stoltenberg').hits.map((hit) => hit.item)));
    expect(index.size).to.equal(14);
  });

  it('forgives a typo: "Stoltenbreg" finds Stoltenberg', () => {
    expect(ids(index.search('Stoltenbreg'))).to.deep.equal(['stoltenberg-students']);
    expect(ids(index.search('stoltenberk'))).to.deep.equal(['stoltenberg-students']);
  });

  it('is case-insensitive and matches word prefixes while typing', () => {
    expect(ids(index.search('STOLTENBERG'))).to.deep.equal(['stoltenberg-students']);
    expect(ids(index.search('stolt'))).to.deep.equal(['stoltenberg-students']);
    // A finished word (followed by a space) is not a prefix any more.
    expect(ids(index.search('stolt '))).to.deep.equal([]);
  });

  it('matches with or without Serbian diacritics, and dj with đ', () => {
    expect(ids(index.search('cacak'))).to.deep.equal(['cacak-vezba']);
    expect(ids(index.search('sabac'))).to.deep.equal(['sabac-obuka']);
    expect(ids(index.search('zabljak'))).to.deep.equal(['zabljak-training']);
    expect(ids(index.search('vucic'))).to.deep.equal(['vucic-delegation']);
    expect(ids(index.search('Vučić'))).to.deep.equal(['vucic-delegation']);
    expect(ids(index.search('djordje')).sort()).to.deep.equal(['djordje-jovanovic', 'djordje-petrovic']);
    expect(ids(index.search('Đorđe')).sort()).to.deep.equal(['djordje-jovanovic', 'djordje-petrovic']);
  });

  it('finds text in the other script: Latin finds Cyrillic and Cyrillic finds Latin', () => {
    expect(ids(index.search('beograd'))).to.include('beograd-nauka');
    expect(ids(index.search('наука')).sort()).to.deep.equal(['beograd-nauka', 'nauka-novi-sad']);
    expect(ids(index.search('Чачак'))).to.deep.equal(['cacak-vezba']);
    expect(ids(index.search('nauka')).sort()).to.deep.equal(['beograd-nauka', 'nauka-novi-sad']);
  });

  it('ranks a title match above a body match, even when the body match is newer', () => {
    const results = ids(index.search('reform'));
    expect(results[0]).to.equal('defence-reform-conference');
    expect(results).to.include('newsletter-summer');
    expect(results.indexOf('defence-reform-conference')).to.be.below(results.indexOf('newsletter-summer'));
  });

  it('puts the newer item first when scores are equal', () => {
    const results = index.search('annual partnership review');
    expect(ids(results)).to.deep.equal(['annual-review-2023', 'annual-review-2021']);
    expect(results.hits[0]!.score).to.equal(results.hits[1]!.score);
  });

  it('requires every word, and falls back to items with some of them when none has all', () => {
    const all = index.search('stoltenberg belgrade');
    expect(ids(all)).to.deep.equal(['stoltenberg-students']);
    expect(all.partial).to.equal(false);
    const some = index.search('stoltenberg zabljak');
    expect(some.partial).to.equal(true);
    expect(ids(some).sort()).to.deep.equal(['stoltenberg-students', 'zabljak-training']);
  });

  it('filters by archive year and by tag, combined with the words', () => {
    expect(ids(index.search('visits', { year: 2023 })).every((id) => ['stoltenberg-students', 'vucic-delegation', 'annual-review-2023'].includes(id))).to.equal(true);
    expect(ids(index.search('visits', { year: 2023, tag: 'Visits' })).sort()).to.deep.equal(['stoltenberg-students', 'vucic-delegation']);
    expect(ids(index.search('obuka', { tag: 'Vežbe' }))).to.deep.equal(['sabac-obuka']);
    expect(ids(index.search('stoltenberg', { year: 2021 }))).to.deep.equal([]);
    expect(ids(index.search('stoltenberg', { tag: 'No such tag' }))).to.deep.equal([]);
  });

  it('lists a filter’s items newest first when there are no words', () => {
    const results = index.search('', { year: 2024 });
    expect(ids(results)).to.deep.equal(['newsletter-summer', 'cacak-vezba', 'zabljak-training']);
    expect(results.total).to.equal(3);
    expect(index.search('').total).to.equal(0);
  });

  it('returns at most `limit` hits and counts them all', () => {
    const results = index.search('the', { limit: 2 });
    expect(results.hits).to.have.length(2);
    expect(results.total).to.be.above(2);
  });

  it('offers the years and tags present in the data', () => {
    expect(index.years().map(({ year }) => year)).to.deep.equal([2024, 2023, 2022, 2021]);
    const tags = index.tags();
    expect(tags[0]).to.deep.equal({ tag: 'Visits', count: 3 });
    expect(tags.map(({ tag }) => tag)).to.include.members(['Vežbe', 'Nauka za mir', 'Наука за мир', 'Partnership']);
  });

  it('marks the matched words in the original text, across scripts and diacritics', () => {
    const title = (id: string) => index.search(id).hits[0]!.item.title!;
    const beograd = index.search('beograd');
    expect(marked(highlight('Београд: НАТО и наука у служби мира', beograd.matcher))).to.equal('[Београд]: НАТО и наука у служби мира');
    expect(marked(highlight(title('djordje petrovic'), index.search('djordje').matcher))).to.equal('[Đorđe] Petrović o saradnji u oblasti odbrane');
    // A prefix marks only what was typed, mapped back to the letters as written: "dj" is "Đ".
    expect(marked(highlight('Đorđe Petrović', index.search('dj').matcher))).to.equal('[Đ]orđe Petrović');
    expect(marked(highlight('Stoltenberg meets students', index.search('Stoltenbreg').matcher))).to.equal('[Stoltenberg] meets students');
    expect(marked(highlight('Stoltenberg meets students', index.search('stu').matcher))).to.equal('Stoltenberg meets [stu]dents');
  });

  it('keeps hostile text as text when highlighting inside it', () => {
    const text = '<img src=x onerror=alert(1)>Title';
    const segments = highlight(text, index.search('img onerror').matcher);
    expect(segments.map((segment) => segment.text).join('')).to.equal(text);
    expect(marked(segments)).to.equal('<[img] src=x [onerror]=alert(1)>Title');
  });

  it('cuts an excerpt around the first match, at spaces, with ellipses', () => {
    const words = Array.from({ length: 60 }, (_, i) => `word${i}`);
    words[40] = 'Kragujevac';
    const text = words.join(' ');
    const excerpt = excerptAround(text, index.search('kragujevac').matcher, 80);
    expect(excerpt.startsWith('…')).to.equal(true);
    expect(excerpt.endsWith('…')).to.equal(true);
    expect(excerpt).to.include('Kragujevac');
    expect(excerpt.length).to.be.at.most(82);
    expect(excerpt).not.to.match(/…word\d*[^\d ]/); // starts at a whole word
    expect(excerptAround('Short text.', index.search('x').matcher)).to.equal('Short text.');
  });
});

describe('search: building in slices', () => {
  const items = Array.from({ length: 3000 }, (_, i) => syntheticItem(i, `Report number ${i} about exercise ${i % 50}`, 'Body text '.repeat(40) + `unique${i}`));

  it('yields between slices and gives the same results as building at once', async () => {
    const sliced = new SearchIndex();
    const progress: number[] = [];
    await sliced.addInChunks(items, { sliceMs: 1, onProgress: (count) => progress.push(count) });
    expect(progress.length).to.be.above(2);
    expect(progress.at(-1)).to.equal(items.length);
    const whole = new SearchIndex();
    whole.add(items);
    for (const query of ['unique1234', 'exercise 7', 'reprot', 'numb']) {
      expect(ids(sliced.search(query)), query).to.deep.equal(ids(whole.search(query)));
    }
    expect(ids(sliced.search('unique1234'))).to.deep.equal(['1234']);
  });

  it('waits for whenFree before every slice', async () => {
    const index = new SearchIndex();
    let release!: () => void;
    let held = true;
    const asked: number[] = [];
    const building = index.addInChunks(items.slice(0, 400), {
      sliceMs: 1,
      whenFree: () => {
        asked.push(index.size);
        return held ? new Promise<void>((resolve) => (release = resolve)) : undefined;
      },
    });
    for (let task = 0; task < 5; task += 1) await aTimeout(0);
    expect(index.size, 'indexed while held').to.equal(0);
    expect(asked).to.deep.equal([0]);
    held = false;
    release();
    await building;
    expect(index.size).to.equal(400);
    expect(asked.length, 'asked before every slice').to.be.above(2);
    expect(ids(index.search('unique123'))[0]).to.equal('123');
  });

  it('can be searched between slices, and stops when aborted', async () => {
    const index = new SearchIndex();
    const abort = new AbortController();
    const seen: number[] = [];
    const building = index.addInChunks(items, {
      sliceMs: 1,
      signal: abort.signal,
      onProgress: (count) => {
        seen.push(index.search('report').total);
        if (count > 1000) abort.abort(new Error('stop'));
      },
    });
    let error: unknown;
    try {
      await building;
    } catch (caught) {
      error = caught;
    }
    expect((error as Error).message).to.equal('stop');
    expect(index.size).to.be.below(items.length);
    expect(seen[0]).to.be.above(0);
    expect(seen.at(-1)).to.equal(index.size);
  });
});
