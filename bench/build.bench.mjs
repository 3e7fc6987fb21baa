#!/usr/bin/env node
/**
 * How long `mlo-feed build` takes on a large archive (issue 11: 10,000 items in ≤ 60 s on this machine),
 * and that a re-run with nothing changed writes nothing. After `npm run build`:
 *
 *   node bench/build.bench.mjs              # 10,000 stories
 *   node bench/build.bench.mjs --size=50000
 *
 * Writes the synthetic archive (bench/synthetic-archive.mjs: English, Serbian Latin and Cyrillic, seeded)
 * as one Markdown file per story into a temporary folder, then times, in the same run:
 *
 * - baseline, file I/O: reading every Markdown file and writing its bytes to another folder, the floor
 *   under any build of these files;
 * - baseline, Markdown alone: markdown-it rendering every body, the library's own cost;
 * - the build from an empty output folder (reading, checking, feeds, archive feeds, search index, gzip
 *   sizes, writing), its phases from the progress lines;
 * - the same build again with nothing changed (files written must be 0);
 * - one new story (only the entry feeds, a year feed and the search index change).
 *
 * Prints the figures; a benchmark, not a test.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { stringify } from 'yaml';
import { createArchive } from './synthetic-archive.mjs';

const size = Number(process.argv.find((arg) => arg.startsWith('--size='))?.slice(7) ?? 10_000);
const { build, loadSiteConfig } = await import('../dist/lib/publish/index.js').catch(() => {
  throw new Error('dist/lib/publish/ is missing: run npm run build first');
});

const work = mkdtempSync(join(tmpdir(), 'mlo-feed-bench-'));
const content = join(work, 'content');
mkdirSync(content);

const items = createArchive({ size });
const paragraphs = (html) => [...html.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((match) => match[1].replace(/<[^>]+>/g, '').replace(/([\\`*_[\]<>])/g, '\\$1'));
let bytes = 0;
for (const item of items) {
  const front = { id: item.id, url: item.url, title: item.title, date: item.date_published, language: item.language, tags: item.tags, summary: item.summary };
  if (item._mlo?.archive_year) front.archive_year = item._mlo.archive_year;
  const text = `---\n${stringify(front, { lineWidth: 0 })}---\n\n${paragraphs(item.content_html ?? '').join('\n\n')}\n`;
  bytes += Buffer.byteLength(text);
  writeFileSync(join(content, `${item.id}.md`), text);
}
writeFileSync(
  join(work, 'mlo-feed.config.yml'),
  stringify({
    base_url: 'https://mlo.example/newsroom/',
    output: 'public',
    content: [{ markdown: 'content' }],
    languages: { en: { title: 'MLO Belgrade — News' }, 'sr-Latn': { title: 'MLO Beograd — Vesti' }, 'sr-Cyrl': { title: 'МЛО Београд — Вести' } },
  }),
);
/** Counts by key (Object.groupBy is Node 21+). */
const countBy = (list, key) => [...list.reduce((counts, entry) => counts.set(key(entry), (counts.get(key(entry)) ?? 0) + 1), new Map())].map(([name, count]) => `${count} ${name}`).join(', ');
const perLanguage = countBy(items, (item) => item.language);
console.log(`${size.toLocaleString('en')} stories (${perLanguage}), ${(bytes / 1048576).toFixed(1)} MiB of Markdown in ${work}\n`);

const time = async (run) => {
  const started = performance.now();
  const result = await run();
  return { seconds: (performance.now() - started) / 1000, result };
};

// Baseline: file I/O.
const copy = join(work, 'copy');
mkdirSync(copy);
const io = await time(() => {
  for (const name of readdirSync(content)) writeFileSync(join(copy, name), readFileSync(join(content, name)));
});
rmSync(copy, { recursive: true });

// Baseline: markdown-it alone.
const md = new MarkdownIt({ html: true });
const bodies = readdirSync(content).map((name) => readFileSync(join(content, name), 'utf8').split('\n---\n')[1] ?? '');
const markdown = await time(() => bodies.map((body) => md.render(body)).length);

const config = () => loadSiteConfig(join(work, 'mlo-feed.config.yml'));
// The cold build prints its progress lines (phases with their times) to stderr.
const cold = await time(() => build(config(), { quiet: false }));
if (cold.result.exitCode !== 0) throw new Error(`the build failed: ${JSON.stringify(cold.result.diagnostics.slice(0, 5))}`);
const warm = await time(() => build(config(), { quiet: true }));
writeFileSync(join(content, 'new-story.md'), '---\ntitle: A new story\ndate: 2027-01-05T10:00:00+01:00\nlanguage: en\n---\n\nNews.\n');
const added = await time(() => build(config(), { quiet: true }));

const files = cold.result.files;
const kinds = countBy(files, (file) => file.kind);
const gzip = files.reduce((sum, file) => sum + file.gzipBytes, 0);
const largest = files.reduce((a, b) => (b.bytes > a.bytes ? b : a));
const written = (result) => result.files.filter((file) => file.written).length;
const rows = [
  ['baseline: read + write every Markdown file', io.seconds, '—'],
  ['baseline: markdown-it renders every body', markdown.seconds, '—'],
  ['mlo-feed build, empty output folder', cold.seconds, `${written(cold.result)} of ${files.length}`],
  ['mlo-feed build again, nothing changed', warm.seconds, `${written(warm.result)} of ${warm.result.files.length}`],
  ['mlo-feed build after one new story', added.seconds, `${written(added.result)} of ${added.result.files.length}`],
];
console.log('| run | seconds | files written |\n| --- | ---: | ---: |');
for (const [name, seconds, count] of rows) console.log(`| ${name} | ${seconds.toFixed(2)} | ${count} |`);
console.log(`\nOutput: ${files.length} files (${kinds}), ${(gzip / 1048576).toFixed(2)} MiB gzip; largest ${largest.path} ${(largest.bytes / 1024).toFixed(0)} KiB.`);
console.log(`Target (issue 11): ${size.toLocaleString('en')} items in ≤ 60 s — ${cold.seconds <= 60 ? 'met' : 'NOT met'} (${cold.seconds.toFixed(1)} s); a re-run writes ${written(warm.result) === 0 ? 'nothing' : `${written(warm.result)} files (should be none)`}.`);
rmSync(work, { recursive: true, force: true });
