// mlo-feed build on the fixtures: Markdown (three languages), RSS 2.0, Atom and JSON Feed inputs, the
// output checked by mlo-feed validate, a re-run that writes nothing, and a new story that leaves the
// published pages alone.
import assert from 'node:assert/strict';
import { copyFileSync, cpSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { FIXTURES, chainItems, library, readJson, snapshot, temporaryFolder } from './helpers.mjs';

const { build, loadSiteConfig, validate } = await library();

async function buildFixture(t, name, options = {}) {
  const out = temporaryFolder(t);
  const result = await build(loadSiteConfig(join(FIXTURES, name, 'mlo-feed.config.yml'), { output: out }), { quiet: true, ...options });
  return { out, result };
}

test('Markdown in three languages: entry feeds, hashed older pages, year feeds, alternates, search index', async (t) => {
  const { out, result } = await buildFixture(t, 'markdown');
  assert.equal(result.exitCode, 0, JSON.stringify(result.diagnostics));
  assert.deepEqual(result.diagnostics, []);
  assert.deepEqual(result.languages.map(({ language, items }) => [language, items]), [['en', 5], ['sr-Latn', 2], ['sr-Cyrl', 1]]);
  assert.deepEqual(result.languages[0].years, [['2026', 1], ['2025', 3], ['2024', 1]]);

  const english = readJson(join(out, 'feed.json'));
  assert.equal(english.version, 'https://jsonfeed.org/version/1.1');
  assert.equal(english.feed_url, 'https://news.example/feeds/feed.json');
  assert.equal(english.language, 'en');
  // page_size 2, five items: the entry feed holds the newest three, one older page the oldest two.
  assert.equal(english.items.length, 3);
  assert.match(english.next_url, /^feed\.page-[0-9a-f]{16}\.json$/);
  const { items, pages } = chainItems(out, 'feed.json');
  assert.equal(pages.length, 2);
  assert.deepEqual(items.map((item) => item.title), ['Joint exercise in the mountains', 'Language course for staff officers', 'Seminar on building integrity', 'The year in review', 'Cadets visit the headquarters']);
  const page = readJson(join(out, pages[1]));
  assert.equal(page.feed_url, `https://news.example/feeds/${pages[1]}`);
  assert.equal(page._mlo, undefined, 'older pages carry no site data, so a trail edit keeps their names');

  assert.deepEqual(english._mlo.trail.map((step) => step.name), ['Home', 'News']);
  assert.equal(english._mlo.offices[0].units[0].street, 'Main Street 1');
  assert.equal(english._mlo.search_url, 'https://news.example/search');
  assert.deepEqual(english._mlo.alternates, [
    { language: 'sr-Latn', url: 'feed.sr-Latn.json', title: 'Vesti za test' },
    { language: 'sr-Cyrl', url: 'feed.sr-Cyrl.json', title: 'Вести за тест' },
  ]);
  assert.deepEqual(english._mlo.archives, [
    { year: 2026, url: 'https://news.example/archive/2026', feed_url: 'feed.2026.json' },
    { year: 2025, url: 'https://news.example/archive/2025', feed_url: 'feed.2025.json' },
    { year: 2024, url: 'https://news.example/archive/2024', feed_url: 'feed.2024.json' },
  ]);
  const latinFeed = readJson(join(out, 'feed.sr-Latn.json'));
  assert.deepEqual(latinFeed._mlo.alternates.map((alternate) => [alternate.language, alternate.title]), [['en', 'Fixture News (English)'], ['sr-Cyrl', 'Вести за тест']]);
  // Without archive_url the archive entry links the year feed itself.
  assert.deepEqual(latinFeed._mlo.archives, [{ year: 2026, url: 'feed.sr-Latn.2026.json', feed_url: 'feed.sr-Latn.2026.json' }, { year: 2025, url: 'feed.sr-Latn.2025.json', feed_url: 'feed.sr-Latn.2025.json' }]);

  // The year 2025 holds the 2024-12-30 review (its editorial archive_year) and the 2025 stories.
  const year = readJson(join(out, 'feed.2025.json'));
  assert.deepEqual(year.items.map((item) => item.title), ['Language course for staff officers', 'Seminar on building integrity', 'The year in review']);
  assert.equal(year.title, 'Fixture News (2025)');

  // The language versions share the story's id (its English url) and inherit its date and image.
  const exercise = english.items[0];
  assert.equal(exercise.id, 'https://news.example/news/exercise');
  const latin = readJson(join(out, 'feed.sr-Latn.json')).items.find((item) => item.id === exercise.id);
  assert.equal(latin.url, 'https://news.example/sr-latn/news/exercise');
  assert.equal(latin.language, 'sr-Latn');
  assert.equal(latin.date_published, '2026-03-10T10:00:00+01:00');
  assert.equal(latin.image, 'images/field.svg');
  // A photo listed in the front matter becomes the feed's figure where the body places it.
  assert.equal(
    exercise.content_html,
    '<p>Rescue teams from three countries trained together for a week.</p>\n<figure><img src="images/field.svg" alt="Two rescuers carry a stretcher across a snowy slope" width="1200" height="800"><figcaption>Rescuers on the slope (Source: Fixture Office)</figcaption></figure>\n<p>The exercise ended with a <em>joint</em> evacuation.</p>',
  );
  assert.match(latin.content_html, /<figcaption>Spasioci na padini \(Izvor: Kancelarija\)<\/figcaption>/);
  assert.deepEqual(exercise._mlo, { about: 'https://github.com/mlo-belgrade/mlo-widgets/blob/main/docs/feed-format.md', byline: 'Fixture Office', photos: [{ url: 'images/field.svg', alt: 'Two rescuers carry a stretcher across a snowy slope', caption: 'Rescuers on the slope', credit: 'Fixture Office', width: 1200, height: 800 }] });
  const seminar = items.find((item) => item.title === 'Seminar on building integrity');
  assert.equal(seminar.external_url, 'https://www.nato.int/example');
  assert.equal(seminar._mlo.original_source, 'NATO HQ website');
  const visit = items.find((item) => item.title === 'Cadets visit the headquarters');
  assert.equal(visit.content_text, 'Cadets visited the headquarters.\n\nThey heard briefings.');
  assert.equal(visit.content_html, undefined);
  assert.equal(items.find((item) => item.title === 'The year in review').id, 'https://news.example/news/review-2024');

  // The search index of each language, named in its feeds.
  assert.equal(english._mlo.search_index_url, 'search-index.json');
  assert.equal(latinFeed._mlo.search_index_url, 'search-index.sr-Latn.json');
  const manifest = readJson(join(out, 'search-index.json'));
  assert.equal(typeof manifest, 'object');
  assert.ok(result.files.some((file) => file.kind === 'search' && file.path.startsWith('search/')), 'index shards');
  // Assets are copied as they are.
  assert.equal(readFileSync(join(out, 'images/field.svg'), 'utf8'), readFileSync(join(FIXTURES, 'markdown/images/field.svg'), 'utf8'));

  // The summary's figures: every file with its gzip size.
  for (const file of result.files) {
    assert.ok(file.bytes > 0 && file.gzipBytes > 0, file.path);
    assert.equal(statSync(join(out, file.path)).size, file.bytes, file.path);
  }

  const checked = await validate(out);
  assert.deepEqual(checked.diagnostics, []);
  assert.equal(checked.exitCode, 0);
});

test('a re-run with nothing changed writes nothing: same names, same bytes, files untouched', async (t) => {
  const { out, result } = await buildFixture(t, 'markdown');
  assert.equal(result.exitCode, 0);
  // Back-date every file, so that any write would show in its mtime.
  const old = new Date('2020-01-01T00:00:00Z');
  for (const path of snapshot(out).keys()) utimesSync(join(out, path), old, old);
  const before = snapshot(out);
  const again = await build(loadSiteConfig(join(FIXTURES, 'markdown', 'mlo-feed.config.yml'), { output: out }), { quiet: true });
  assert.equal(again.exitCode, 0);
  assert.deepEqual(again.files.filter((file) => file.written).map((file) => file.path), []);
  assert.deepEqual(again.stale, []);
  assert.deepEqual(snapshot(out), before);
});

test('a new story changes the entry feeds, not the pages already published', async (t) => {
  const site = temporaryFolder(t);
  cpSync(join(FIXTURES, 'markdown'), site, { recursive: true });
  const out = join(site, 'public');
  const first = await build(loadSiteConfig(join(site, 'mlo-feed.config.yml')), { quiet: true });
  assert.equal(first.exitCode, 0);
  const before = snapshot(out);
  const oldPage = readJson(join(out, 'feed.json')).next_url;
  writeFileSync(join(site, 'content', 'new.en.md'), '---\ntitle: A new story\ndate: 2026-04-01T10:00:00+02:00\n---\n\nNews.\n');
  const second = await build(loadSiteConfig(join(site, 'mlo-feed.config.yml')), { quiet: true });
  assert.equal(second.exitCode, 0);
  const after = snapshot(out);
  const changed = [...after.keys()].filter((path) => before.get(path)?.hash !== after.get(path).hash && !path.startsWith('search'));
  // Six English items in pages of two: the two oldest stay on the page they were on, the next two make a
  // new page, and the entry feed holds the newest two.
  const english = readJson(join(out, 'feed.json'));
  assert.equal(english.items.length, 2);
  const { pages } = chainItems(out, 'feed.json');
  assert.equal(pages.length, 3);
  assert.equal(pages[2], oldPage, 'the oldest page keeps its name');
  assert.equal(after.get(oldPage).mtimeMs, before.get(oldPage).mtimeMs, 'and is not rewritten');
  assert.deepEqual(changed.sort(), ['feed.2026.json', 'feed.json', pages[1]].sort(), 'only the entry feed, the new page and the year of the new story');
  assert.deepEqual(second.files.filter((file) => file.written && file.kind !== 'search').map((file) => file.path).sort(), changed);
  assert.deepEqual(second.stale.filter((path) => !path.startsWith('search/')), [], 'no feed page went out of use (index shards of changed terms did)');
});

test('RSS 2.0: content:encoded, categories, RFC 2822 dates as RFC 3339 with their offset, image enclosure', async (t) => {
  const { out, result } = await buildFixture(t, 'rss');
  assert.equal(result.exitCode, 0, JSON.stringify(result.diagnostics));
  assert.deepEqual(result.diagnostics, [], 'an RSS date is RSS’s own format: no warning');
  const { items } = readJson(join(out, 'feed.json'));
  assert.deepEqual(items.map((item) => item.id), ['https://cms.example/news/conference', 'cms-42']);
  const [conference, course] = items;
  assert.equal(conference.title, 'Defence & security conference');
  assert.equal(conference.url, 'https://cms.example/news/conference');
  assert.equal(conference.date_published, '2023-11-22T12:00:00+01:00');
  assert.equal(conference.content_html, '<p>Experts met in <strong>Belgrade</strong>.</p>');
  assert.equal(conference.summary, 'Experts met in Belgrade.');
  assert.deepEqual(conference.tags, ['Conferences', 'Security']);
  assert.equal(conference.image, 'https://cms.example/images/conference.jpg');
  assert.deepEqual(conference.authors, [{ name: 'Public Affairs Office' }]);
  assert.equal(conference.language, 'en', 'the channel’s en-us is the site’s en');
  assert.equal(course.date_published, '2023-10-02T08:30:00Z');
  assert.equal(course.content_html, '<p>The course ended.</p>');
  assert.equal((await validate(out)).exitCode, 0);
});

test('Atom: html and xhtml content, published and updated, categories, rel=via, xml:lang', async (t) => {
  const { out, result } = await buildFixture(t, 'atom');
  assert.equal(result.exitCode, 0, JSON.stringify(result.diagnostics));
  assert.deepEqual(result.diagnostics.filter((diagnostic) => diagnostic.severity === 'warning'), []);
  const feed = readJson(join(out, 'feed.json'));
  assert.equal(feed.language, 'sr-Latn');
  const [entry, xhtml] = feed.items;
  // type="xhtml": the markup inside the one <div>, its namespace prefix dropped, entities as written.
  assert.equal(xhtml.title, 'Vežba u Nišu');
  assert.equal(xhtml.content_html.replace(/\s+/g, ' '), '<p>Održana je vežba u <strong>Nišu</strong> &amp; okolini.</p> <p><img src="https://cms.example/images/vezba.jpg" alt="Vežba"/></p>');
  assert.equal(xhtml.summary, 'Vežba spasavanja.');
  assert.deepEqual(entry, {
    id: 'tag:cms.example,2024:poseta',
    url: 'https://cms.example/sr/poseta',
    external_url: 'https://www.nato.int/poseta',
    title: 'Poseta delegacije',
    summary: 'Delegacija je posetila Beograd.',
    content_html: '<p>Delegacija je posetila <em>Beograd</em>.</p>',
    date_published: '2024-05-01T09:00:00+02:00',
    date_modified: '2024-05-02T10:00:00+02:00',
    authors: [{ name: 'Kancelarija' }],
    tags: ['Posete'],
    language: 'sr-Latn',
  });
  assert.equal((await validate(out)).exitCode, 0);
});

test('JSON Feed: both pages through next_url (the loop back ends), languages by item, _mlo kept', async (t) => {
  const { out, result } = await buildFixture(t, 'json-feed');
  assert.equal(result.exitCode, 0, JSON.stringify(result.diagnostics));
  assert.deepEqual(result.languages.map(({ language, items }) => [language, items]), [['en', 2], ['sr-Cyrl', 1]]);
  const english = readJson(join(out, 'feed.json')).items;
  assert.deepEqual(english.map((item) => item.id), ['story-1', 'story-0']);
  assert.equal(english[0]._mlo.byline, 'MLO Belgrade');
  const cyrillic = readJson(join(out, 'feed.sr-Cyrl.json')).items;
  assert.equal(cyrillic[0].title, 'Најновија вест');
  assert.equal(cyrillic[0].url, undefined, 'a page address is not shared between languages');
  assert.equal(cyrillic[0].date_published, '2024-03-01T10:00:00+01:00');
  assert.equal((await validate(out)).exitCode, 0);
});

test('warnings name the file, the field and the line, and the build still succeeds', async (t) => {
  const { result } = await buildFixture(t, 'warnings');
  assert.equal(result.exitCode, 0);
  const warnings = result.diagnostics.map((entry) => ({ file: entry.file.replace(/^.*fixtures\/publish\/warnings\//, ''), field: entry.field, line: entry.line, message: entry.message }));
  const find = (file, field) => warnings.find((entry) => entry.file === `content/${file}` && entry.field === field);
  assert.match(find('photo.en.md', 'photos[0].alt')?.message ?? '', /photo images\/a\.jpg has no alt text/);
  assert.equal(find('photo.en.md', 'photos[0].alt').line, 5, 'the photo’s line, as it has no alt key');
  assert.match(find('plain-sr.md', 'language')?.message ?? '', /Serbian tag "sr" names no script/);
  assert.equal(find('plain-sr.md', 'language').line, 3);
  assert.match(find('plain-sr.md', 'date')?.message ?? '', /is a day, not an RFC 3339 date-time: written as 2025-01-12T12:00:00Z/);
  assert.match(find('script.sr-Latn.md', 'title')?.message ?? '', /Cyrillic text in a story tagged sr-Latn/);
  assert.equal(find('script.sr-Latn.md', 'title').line, 2);
  assert.equal(find('script.sr-Latn.md', 'body'), undefined, 'the Latin body agrees with its tag');
  assert.match(find('no-offset.en.md', 'date')?.message ?? '', /has no offset, so it is not RFC 3339/);
  assert.equal(find('no-offset.en.md', 'date').line, 3);
  assert.equal(warnings.length, 5, JSON.stringify(warnings, null, 1));
});

test('build() takes a config object, as a site generator would call it', async (t) => {
  const out = temporaryFolder(t);
  const source = temporaryFolder(t);
  copyFileSync(join(FIXTURES, 'rss', 'export.rss.xml'), join(source, 'export.rss.xml'));
  const result = await build({ output: out, content: [{ rss: join(source, 'export.rss.xml') }], languages: { en: { title: 'From code' } }, search_index: false }, { quiet: true });
  assert.equal(result.exitCode, 0);
  const feed = readJson(join(out, 'feed.json'));
  assert.equal(feed.title, 'From code');
  assert.equal(feed._mlo.search_index_url, undefined);
  assert.ok(!result.files.some((file) => file.kind === 'search'));
});

test('a correction to an old story renames its page and the newer ones; --prune deletes what went out of use', async (t) => {
  const site = temporaryFolder(t);
  cpSync(join(FIXTURES, 'markdown'), site, { recursive: true });
  const out = join(site, 'public');
  assert.equal((await build(loadSiteConfig(join(site, 'mlo-feed.config.yml')), { quiet: true })).exitCode, 0);
  const oldPage = readJson(join(out, 'feed.json')).next_url;
  const file = join(site, 'content', 'visit.en.md');
  writeFileSync(file, readFileSync(file, 'utf8').replace('They heard briefings.', 'They heard briefings and met cadets from partner countries.'));
  const kept = await build(loadSiteConfig(join(site, 'mlo-feed.config.yml')), { quiet: true });
  const newPage = readJson(join(out, 'feed.json')).next_url;
  assert.notEqual(newPage, oldPage);
  assert.ok(kept.stale.includes(oldPage), 'the old page is reported');
  assert.ok(statSync(join(out, oldPage)).isFile(), 'and kept without --prune, for readers paging through it');
  const pruned = await build(loadSiteConfig(join(site, 'mlo-feed.config.yml')), { quiet: true, prune: true });
  assert.ok(pruned.stale.includes(oldPage));
  assert.throws(() => statSync(join(out, oldPage)), /ENOENT/);
  assert.equal((await validate(out)).exitCode, 0);
});

test('progress: phases with counts on stderr; one rewritten line on a terminal, plain lines elsewhere', async () => {
  const { Progress } = await import(new URL('../../dist/lib/publish/progress.js', import.meta.url).href);
  const capture = (isTTY) => {
    const chunks = [];
    return { stream: { isTTY, write: (chunk) => chunks.push(chunk) }, text: () => chunks.join('') };
  };
  const saved = process.env.CI;
  delete process.env.CI;
  try {
    const terminal = capture(true);
    const progress = new Progress({ stream: terminal.stream });
    progress.start('Reading Markdown');
    progress.tick(10, 10);
    progress.end('10 files');
    const erase = '\r\u001b[2K';
    assert.equal(terminal.text().replace(/\(\d+ ms\)/, '(N ms)'), `${erase}Reading Markdown…${erase}Reading Markdown… 10/10${erase}Reading Markdown: 10 files (N ms)\n`);
    const log = capture(false);
    const plain = new Progress({ stream: log.stream });
    plain.start('Reading Markdown');
    plain.tick(5, 10);
    plain.end('10 files');
    assert.match(log.text(), /^Reading Markdown: 10 files \(\d+ ms\)\n$/);
    const quiet = capture(true);
    new Progress({ stream: quiet.stream, quiet: true }).line('nothing');
    assert.equal(quiet.text(), '');
  } finally {
    if (saved !== undefined) process.env.CI = saved;
  }
});
