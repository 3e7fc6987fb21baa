// The mlo-feed command itself (bin/mlo-feed.js): broken inputs, each with its message and exit code
// (0 ok, 1 content errors, 2 usage or config errors), validate on good and broken feeds, and the size limit.
import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { cli, library, snapshot, temporaryFolder } from './helpers.mjs';

const { MAX_FEED_PAGE_SIZE } = await import(new URL('../../dist/lib/feed/limits.js', import.meta.url).href);
const { EXIT_OK, EXIT_CONTENT, EXIT_USAGE } = await library();
const broken = (name) => join('fixtures', 'publish', 'broken', name, 'mlo-feed.config.yml');

test('exit codes are the documented ones', () => {
  assert.deepEqual([EXIT_OK, EXIT_CONTENT, EXIT_USAGE], [0, 1, 2]);
});

test('build: bad front matter names the file and the line, writes nothing, exits 1', (t) => {
  const out = temporaryFolder(t);
  const { code, stderr } = cli(['build', broken('front-matter'), '--out', out]);
  assert.equal(code, 1, stderr);
  assert.match(stderr, /fixtures\/publish\/broken\/front-matter\/content\/bad\.en\.md:4:1: error: YAML: Flow sequence in block collection must be sufficiently indented and end with a \]/);
  assert.match(stderr, /nothing written \(exit code 1\)/);
  assert.equal(existsSync(join(out, 'feed.json')), false);
});

test('build: invalid XML names the line and column of the error, exits 1', (t) => {
  const { code, stderr } = cli(['build', broken('invalid-xml'), '--out', temporaryFolder(t)]);
  assert.equal(code, 1, stderr);
  assert.match(stderr, /broken\.rss\.xml:8:5: error: invalid XML: Expected closing tag 'title' \(opened in line 6, col 7\) instead of closing tag 'item'\./);
});

test('build: a duplicate id names both files, exits 1', (t) => {
  const { code, stderr } = cli(['build', broken('duplicate-id'), '--out', temporaryFolder(t)]);
  assert.equal(code, 1, stderr);
  assert.match(stderr, /content\/second\.en\.md:2: error: id: duplicate id "https:\/\/news\.example\/same" in en: already used by fixtures\/publish\/broken\/duplicate-id\/content\/first\.en\.md:1/);
});

test('build: a missing required field names the JSON path and its line, exits 1', (t) => {
  const { code, stderr } = cli(['build', broken('missing-field'), '--out', temporaryFolder(t)]);
  assert.equal(code, 1, stderr);
  assert.match(stderr, /broken\/missing-field\/feed\.json:6: error: \$\.items\[1\]: missing required field "id"/);
});

test('build: a broken site config is a usage error with its lines, exit 2', (t) => {
  const { code, stderr } = cli(['build', broken('config'), '--out', temporaryFolder(t)]);
  assert.equal(code, 2, stderr);
  assert.match(stderr, /mlo-feed\.config\.yml:6: error: \$\.langauges: unknown key "langauges"/);
  assert.match(stderr, /mlo-feed\.config\.yml:2: error: \$\.page_size: must be integer/);
  assert.match(stderr, /mlo-feed\.config\.yml:1: error: \$: missing required field "languages"/);
});

test('usage errors exit 2: no command, an unknown command or option, a missing config or target', () => {
  assert.equal(cli([]).code, 2);
  assert.match(cli(['publish']).stderr, /unknown command "publish"/);
  assert.equal(cli(['publish']).code, 2);
  assert.equal(cli(['build', '--bogus']).code, 2);
  const missing = cli(['build', 'no/such/config.yml']);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /cannot read the site config/);
  assert.equal(cli(['validate']).code, 2);
  assert.equal(cli(['validate', 'no/such/feed.json']).code, 2);
  assert.equal(cli(['--help']).code, 0);
  assert.match(cli(['--version']).stdout, /^\d+\.\d+\.\d+/);
});

test('build then validate: the output of every fixture passes mlo-feed validate (exit 0)', (t) => {
  for (const name of ['markdown', 'rss', 'atom', 'json-feed']) {
    const out = temporaryFolder(t);
    const built = cli(['build', join('fixtures', 'publish', name, 'mlo-feed.config.yml'), '--out', out]);
    assert.equal(built.code, 0, `${name}: ${built.stderr}`);
    assert.match(built.stderr, /Items per language and archive year:/);
    assert.match(built.stderr, /Largest file: /);
    const checked = cli(['validate', out]);
    assert.equal(checked.code, 0, `${name}: ${checked.stderr}`);
    assert.match(checked.stderr, /valid: \d+ pages?, 0 warnings/);
  }
});

test('validate: a next_url cycle, an id on two pages, a photo without alt, a bad date, a tag without script', () => {
  const { code, stderr } = cli(['validate', join('fixtures', 'publish', 'validate')]);
  assert.equal(code, 1, stderr);
  assert.match(stderr, /feed\.page-1111111111111111\.json: error: \$\.next_url: next_url goes back to fixtures\/publish\/validate\/feed\.json, a page already in this feed: the chain has a cycle/);
  assert.match(stderr, /feed\.page-1111111111111111\.json: error: \$\.items\[0\]\.id: duplicate id "a": also fixtures\/publish\/validate\/feed\.json \$\.items\[0\]/);
  assert.match(stderr, /feed\.page-1111111111111111\.json: error: \$\.items\[1\]\._mlo\.photos\[0\]: missing required field "alt"/);
  assert.match(stderr, /validate\/feed\.json: warning: \$\.items\[0\]\._mlo\.photos\[0\]\.alt: the photo has an empty alt/);
  assert.match(stderr, /validate\/feed\.json: error: \$\.items\[1\]\.date_published: must match format "date-time" "2025-13-01T10:00:00Z"/);
  assert.match(stderr, /validate\/feed\.json: warning: \$\.language: Serbian tag "sr" names no script/);
  assert.equal(stderr.match(/chain has a cycle/g)?.length, 1, 'the cycle is reported once');
  assert.match(stderr, /4 errors, 2 warnings \(exit code 1\)/);
});

test('validate: a page over MAX_FEED_PAGE_SIZE is refused with the reason; one at the limit passes', (t) => {
  const folder = temporaryFolder(t);
  const page = (length) => {
    const head = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Big', items: [{ id: 'a', content_text: '' }] });
    const document = head.replace('"content_text":""', `"content_text":"${'x'.repeat(length - head.length)}"`);
    assert.equal(document.length, length);
    return document;
  };
  writeFileSync(join(folder, 'at-limit.json'), page(MAX_FEED_PAGE_SIZE));
  writeFileSync(join(folder, 'over-limit.json'), page(MAX_FEED_PAGE_SIZE + 1));
  assert.equal(cli(['validate', join(folder, 'at-limit.json')]).code, 0);
  const over = cli(['validate', join(folder, 'over-limit.json')]);
  assert.equal(over.code, 1);
  assert.match(over.stderr, /over-limit\.json: error: \$: the page is 2\.00 MiB of text, over 2 MiB \(MAX_FEED_PAGE_SIZE, src\/feed\/limits\.ts\): the widgets refuse it unread, because JSON\.parse of a larger page blocks/);
});

test('validate: a feed that is not JSON, and a next_url that does not exist', (t) => {
  const folder = temporaryFolder(t);
  writeFileSync(join(folder, 'broken.json'), '{ "version": ');
  const notJson = cli(['validate', join(folder, 'broken.json')]);
  assert.equal(notJson.code, 1);
  assert.match(notJson.stderr, /broken\.json: error: invalid JSON/);
  writeFileSync(join(folder, 'feed.json'), JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'T', next_url: 'gone.json', items: [{ id: 'a', content_text: 'A' }] }));
  const gone = cli(['validate', join(folder, 'feed.json')]);
  assert.equal(gone.code, 1);
  assert.match(gone.stderr, /feed\.json: error: \$\.next_url: next_url .*gone\.json cannot be read/);
});

test('the demo feed in demo/feed/ is what mlo-feed builds from demo/content/ (run npm run build:demo after editing it)', (t) => {
  const out = temporaryFolder(t);
  const built = cli(['build', 'demo/mlo-feed.config.yml', '--out', out, '--quiet']);
  assert.equal(built.code, 0, built.stderr);
  assert.equal(built.stderr, '', 'no warnings');
  const hashes = (folder) => [...snapshot(folder)].map(([path, { hash }]) => [path, hash]).sort();
  assert.deepEqual(hashes(join('demo', 'feed')), hashes(out), 'the same files with the same bytes');
  assert.equal(cli(['validate', join('demo', 'feed')]).code, 0);
});

test('build: an output folder that cannot be created is an environment problem, exit 2', (t) => {
  const folder = temporaryFolder(t);
  writeFileSync(join(folder, 'a-file'), '');
  const { code, stderr } = cli(['build', join('fixtures', 'publish', 'rss', 'mlo-feed.config.yml'), '--out', join(folder, 'a-file', 'public')]);
  assert.equal(code, 2, stderr);
  assert.match(stderr, /mlo-feed: ENOTDIR: not a directory/);
});
