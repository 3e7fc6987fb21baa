/**
 * Article bodies as real feeds write them (issue 12): embedded videos, tracking pixels, links with
 * targets, and bodies too big to render: fixtures/feeds/embeds-and-pixels.json and generated bodies.
 * Assertions are on strings, booleans and counts (a failing assertion on a DOM element can hang the runner).
 * Every test runs twice: on the browser's HTML Sanitizer API, and on DOMPurify with that API hidden.
 */
import { expect } from '@open-wc/testing';
import { parseFeedText } from '../src/feed/parse.js';
import type { FeedItem } from '../src/feed/types.js';
import { articleCardMessages } from '../src/i18n/messages/article-card.js';
import * as sanitize from '../src/internal/sanitize.js';
import { ENGINES, useEngine } from './sanitize-engines.js';

const FEED_URL = 'https://news.example.org/feed/json';
const { itemContent, sanitizeHtml } = sanitize;

function wrap(fragment: DocumentFragment | undefined): HTMLElement {
  const container = document.createElement('div');
  if (fragment) container.append(fragment);
  return container;
}

let fixture: FeedItem[] | undefined;
async function fixtureItem(path: string): Promise<FeedItem> {
  if (!fixture) {
    const response = await fetch('/fixtures/feeds/embeds-and-pixels.json');
    fixture = parseFeedText(await response.text(), { url: FEED_URL }).items;
  }
  const item = fixture.find((candidate) => candidate.url === `https://news.example.org${path}`);
  if (!item) throw new Error(`no fixture item at ${path}`);
  // A fresh copy: the per-item cache must not carry one test's options into another.
  return { ...item };
}

function links(root: ParentNode): { href: string | null; text: string; target: string | null; rel: string | null }[] {
  return [...root.querySelectorAll('a')].map((a) => ({ href: a.getAttribute('href'), text: a.textContent.trim(), target: a.getAttribute('target'), rel: a.getAttribute('rel') }));
}

/** The body without its "too long" note, if any. */
function content(root: HTMLElement): HTMLElement {
  const copy = root.cloneNode(true) as HTMLElement;
  copy.querySelectorAll('[role="note"]').forEach((note) => note.remove());
  return copy;
}

function hasNote(root: ParentNode): boolean {
  return root.querySelector('[role="note"]') !== null;
}

function depthOf(root: Element): number {
  let deepest = 0;
  const walk = (element: Element, depth: number): void => {
    deepest = Math.max(deepest, depth);
    for (const child of element.children) walk(child, depth + 1);
  };
  for (const child of root.children) walk(child, 1);
  return deepest;
}

function item(contentHtml: string, url = 'https://news.example.org/2024/long/'): FeedItem {
  return { id: url, url, contentHtml, authors: [], tags: [], attachments: [], mlo: { photos: [] } };
}

for (const engine of ENGINES) {
  describe(`article bodies on ${engine.name}`, () => {
    useEngine(engine);

    describe('embedded videos become a link to the video', () => {
      it('a YouTube-only post (block editor embed) shows "Video: youtube.com" linking the watch page, and no frame', async () => {
        const root = wrap(itemContent(await fixtureItem('/2024/03/exercise-video/'), FEED_URL));
        expect(root.querySelectorAll('iframe, object, embed, video').length).to.equal(0);
        expect(links(root)).to.deep.equal([{ href: 'https://www.youtube.com/watch?v=Xy3_abc-DEF', text: 'Video: youtube.com', target: null, rel: null }]);
        expect(root.querySelector('a')?.parentElement?.localName).to.equal('p');
        expect(root.textContent.trim()).to.equal('Video: youtube.com');
      });

      it('a Vimeo embed links vimeo.com/ID (with the unlisted-video hash); the text around it stays, the player script goes', async () => {
        const root = wrap(itemContent(await fixtureItem('/2024/03/interview/'), FEED_URL));
        expect(links(root).map(({ href, text }) => [href, text])).to.deep.equal([['https://vimeo.com/912345678/ab12cd34ef', 'Video: vimeo.com']]);
        expect(root.textContent).to.contain('Watch the interview:');
        expect(root.querySelectorAll('iframe, script').length).to.equal(0);
      });

      it('privacy-enhanced YouTube keeps the start time; a video from any other host links the frame\'s own address', async () => {
        const root = wrap(itemContent(await fixtureItem('/2024/03/briefing/'), FEED_URL));
        expect(links(root).map(({ href, text }) => [href, text])).to.deep.equal([
          ['https://www.youtube.com/watch?v=Qw9-zyx_876&t=90', 'Video: youtube.com'],
          ['https://tv.example.net/videos/embed/3f1c2b9e-7d44-4a0e-9b1a-5c2d8e6f0a11', 'Video: tv.example.net'],
        ]);
        expect(root.querySelectorAll('iframe').length).to.equal(0);
      });

      it('an HTML5 <video> links its first source, resolved against the feed; its caption stays, its fallback text goes', async () => {
        const root = wrap(itemContent(await fixtureItem('/2024/02/open-day/'), FEED_URL));
        expect(links(root).map(({ href, text }) => [href, text])).to.deep.equal([['https://news.example.org/wp-content/uploads/2024/02/open-day.webm', 'Video: news.example.org']]);
        expect(root.querySelector('figcaption')?.textContent).to.equal('Visitors at the open day.');
        expect(root.textContent).not.to.contain('does not support');
        expect(root.querySelectorAll('video, source').length).to.equal(0);
      });

      it('an old <object> + <embed> pair is one video, linked to the watch page over https', async () => {
        const root = wrap(itemContent(await fixtureItem('/2010/05/archive-video/'), FEED_URL));
        expect(links(root).map(({ href, text }) => [href, text])).to.deep.equal([['https://www.youtube.com/watch?v=Ab1Cd2Ef3Gh', 'Video: youtube.com']]);
        expect(root.querySelectorAll('object, embed, param').length).to.equal(0);
      });

      it('a lazy-loaded frame uses its data-src; frames without a usable http(s) source are dropped; a PDF object keeps its fallback link', async () => {
        const root = wrap(itemContent(await fixtureItem('/2024/03/lazy-embeds/'), FEED_URL));
        expect(links(root).map(({ href, text }) => [href, text])).to.deep.equal([
          ['https://www.youtube.com/watch?v=Lz7-Lazy_01', 'Video: youtube.com'],
          ['https://news.example.org/reports/2024.pdf', 'Annual report (PDF)'],
        ]);
        expect(root.textContent).to.contain('Before.');
        expect(root.textContent).to.contain('After.');
        expect(root.querySelectorAll('iframe, object').length).to.equal(0);
      });

      it('writes the label in the reader\'s language: the article-card table\'s "video" (sr-Latn derived from sr-Cyrl)', async () => {
        expect(articleCardMessages.en.video).to.equal('Video:');
        expect(articleCardMessages['sr-Cyrl'].video).to.equal('Видео:');
        expect(articleCardMessages['sr-Latn'].video).to.equal('Video:');
        const post = await fixtureItem('/2024/03/exercise-video/');
        const cyrillic = wrap(itemContent(post, FEED_URL, { videoLabel: articleCardMessages['sr-Cyrl'].video }));
        expect(cyrillic.textContent.trim()).to.equal('Видео: youtube.com');
      });

      it('caches per item and per label: another language sanitises again, the same one reuses the copy', () => {
        const post = item('<iframe src="https://www.youtube.com/embed/Cache_Test1"></iframe>');
        expect(wrap(itemContent(post, FEED_URL, { videoLabel: 'Video:' })).textContent.trim()).to.equal('Video: youtube.com');
        expect(wrap(itemContent(post, FEED_URL, { videoLabel: 'Видео:' })).textContent.trim()).to.equal('Видео: youtube.com');
        // Items are immutable after parsing: a change behind the cache's back shows the cached result.
        post.contentHtml = '<p>changed</p>';
        expect(wrap(itemContent(post, FEED_URL, { videoLabel: 'Видео:' })).textContent.trim()).to.equal('Видео: youtube.com');
        expect(wrap(itemContent(post, FEED_URL, { videoLabel: 'Video:' })).textContent.trim()).to.equal('changed');
      });

      it('an <embed> or <video src> with a usable source is a video too; a frame never survives, whatever its source', () => {
        const root = wrap(sanitizeHtml('<embed src="https://media.example.org/clip.swf"><video src="clip.mp4" controls></video><iframe></iframe><iframe src="data:text/html,x"></iframe>', FEED_URL));
        expect(links(root).map(({ href }) => href)).to.deep.equal(['https://media.example.org/clip.swf', 'https://news.example.org/feed/clip.mp4']);
        expect(root.querySelectorAll('iframe, embed, video').length).to.equal(0);
      });
    });

    describe('tracking pixels are dropped', () => {
      it('removes the 1x1 and 0x0 images feed services append (by attribute, by style, in a counting link); real pictures stay', async () => {
        const root = wrap(itemContent(await fixtureItem('/2024/03/pixels/'), FEED_URL));
        expect([...root.querySelectorAll('img')].map((img) => img.getAttribute('src'))).to.deep.equal([
          'https://news.example.org/wp-content/uploads/2024/03/photo.jpg',
          'https://news.example.org/icons/pdf.png',
          'https://news.example.org/images/rule.png',
        ]);
        // The click-counting link had only the pixel in it: an empty link would be an unnamed tab stop.
        expect(links(root).length).to.equal(0);
        expect(root.textContent).to.contain('The story.');
      });

      it('drops an image only when both sides are at most 1 px', () => {
        const cases: [string, boolean][] = [
          ['<img src="/p.gif" width="1" height="1">', false],
          ['<img src="/p.gif" width="0" height="0">', false],
          ['<img src="/p.gif" width="1" style="height:1px">', false],
          ['<img src="/p.gif" style="WIDTH: 0PX; height: 1px;">', false],
          ['<img src="/p.gif" width="2" height="1">', true],
          ['<img src="/p.gif" width="1">', true],
          ['<img src="/p.gif" width="1" height="1" style="width:300px">', true],
          ['<img src="/p.gif" width="100%" height="1">', true],
          ['<img src="/p.gif" style="max-width:1px;max-height:1px">', true],
        ];
        for (const [html, kept] of cases) {
          expect(wrap(sanitizeHtml(html, FEED_URL)).querySelectorAll('img').length, html).to.equal(kept ? 1 : 0);
        }
      });
    });

    describe('one rule for the links of a body', () => {
      it('drops the feed\'s own targets: a feed must not open windows or navigate the partner page\'s top window', async () => {
        const root = wrap(itemContent(await fixtureItem('/2024/03/links/'), FEED_URL));
        expect(links(root).map(({ target, rel }) => [target, rel])).to.deep.equal([[null, null], [null, null], [null, null]]);
      });

      it('gives every link the element\'s target, with rel="noopener noreferrer", the video links too', async () => {
        const root = wrap(itemContent(await fixtureItem('/2024/03/links/'), FEED_URL, { target: '_blank' }));
        expect(links(root).map(({ target, rel }) => [target, rel])).to.deep.equal([
          ['_blank', 'noopener noreferrer'],
          ['_blank', 'noopener noreferrer'],
          ['_blank', 'noopener noreferrer'],
        ]);
        const video = wrap(itemContent(await fixtureItem('/2024/03/exercise-video/'), FEED_URL, { target: 'news' }));
        expect(links(video).map(({ target, rel }) => [target, rel])).to.deep.equal([['news', 'noopener noreferrer']]);
      });

      it('caches per target', async () => {
        const post = await fixtureItem('/2024/03/links/');
        expect(wrap(itemContent(post, FEED_URL, { target: '_blank' })).querySelector('a')?.getAttribute('target')).to.equal('_blank');
        expect(wrap(itemContent(post, FEED_URL)).querySelector('a')?.hasAttribute('target')).to.equal(false);
      });

      it('linkTarget(): a target and rel="noopener noreferrer" together, or neither', async () => {
        const { linkTarget } = await import('../src/internal/links.js');
        expect(linkTarget('_blank')).to.deep.equal({ target: '_blank', rel: 'noopener noreferrer' });
        expect(linkTarget(' _top ')).to.deep.equal({ target: '_top', rel: 'noopener noreferrer' });
        expect(linkTarget(undefined)).to.deep.equal({ target: undefined, rel: undefined });
        expect(linkTarget('')).to.deep.equal({ target: undefined, rel: undefined });
        expect(linkTarget(null)).to.deep.equal({ target: undefined, rel: undefined });
      });
    });

    describe('body limits', function () {
      // Before the limits, the biggest of these bodies took seconds (and the formatting bomb minutes).
      this.timeout(60_000);

      function limits(): { maxCharacters: number; maxElements: number; maxDepth: number } {
        const value = (sanitize as { BODY_LIMITS?: { maxCharacters: number; maxElements: number; maxDepth: number } }).BODY_LIMITS;
        if (!value) throw new Error('BODY_LIMITS is not exported from src/internal/sanitize.ts');
        return value;
      }

      it('are exported from one place, as numbers', () => {
        const { maxCharacters, maxElements, maxDepth } = limits();
        for (const value of [maxCharacters, maxElements, maxDepth]) expect(Number.isInteger(value) && value > 0).to.equal(true);
      });

      it('depth: a body exactly maxDepth deep is shown whole; one level more is flattened to its text, with a note', () => {
        const { maxDepth } = limits();
        const atLimit = wrap(sanitizeHtml(`${'<div>'.repeat(maxDepth - 1)}<em>deepest</em>${'</div>'.repeat(maxDepth - 1)}`, FEED_URL));
        expect(atLimit.querySelector('em')?.textContent).to.equal('deepest');
        expect(depthOf(atLimit)).to.equal(maxDepth);
        expect(hasNote(atLimit)).to.equal(false);
        const past = wrap(sanitizeHtml(`${'<div>'.repeat(maxDepth)}<em>deep<br>est</em>${'</div>'.repeat(maxDepth)}`, FEED_URL));
        expect(past.querySelectorAll('em').length).to.equal(0);
        expect(depthOf(content(past))).to.equal(maxDepth);
        expect(content(past).textContent).to.contain('deep');
        expect(content(past).textContent).to.contain('est');
        expect(hasNote(past)).to.equal(true);
      });

      it('elements: maxElements elements are shown whole; one more and the first maxElements are kept, with a note', () => {
        const { maxElements } = limits();
        const atLimit = wrap(sanitizeHtml('<p>x</p>'.repeat(maxElements), FEED_URL));
        expect(atLimit.querySelectorAll('p').length).to.equal(maxElements);
        expect(hasNote(atLimit)).to.equal(false);
        const past = wrap(sanitizeHtml(`${'<p>x</p>'.repeat(maxElements)}<p>the one too many</p>`, FEED_URL));
        expect(content(past).querySelectorAll('*').length).to.equal(maxElements);
        expect(content(past).textContent).not.to.contain('the one too many');
        expect(hasNote(past)).to.equal(true);
      });

      it('tags: 2 × maxElements tags, comments included, are read; the next one is not', () => {
        const { maxElements } = limits();
        const paragraphs = '<p>x</p>'.repeat(maxElements - 1);
        // maxElements elements and 2 × maxElements tags, the last one a comment.
        const atLimit = wrap(sanitizeHtml(`${paragraphs}<br><!-- a comment -->`, FEED_URL));
        expect(atLimit.querySelectorAll('p, br').length).to.equal(maxElements);
        expect(hasNote(atLimit)).to.equal(false);
        // One more: a stray end tag.
        const past = wrap(sanitizeHtml(`${paragraphs}<br><!-- a comment --></span>tail`, FEED_URL));
        expect(content(past).querySelectorAll('p, br').length).to.equal(maxElements);
        expect(content(past).textContent).not.to.contain('tail');
        expect(hasNote(past)).to.equal(true);
      });

      it('an element with thousands of attributes costs no more than its allowed ones', () => {
        const { maxCharacters } = limits();
        let attributes = '';
        for (let i = 0; attributes.length < maxCharacters - 100; i++) attributes += ` a${i}`;
        const started = performance.now();
        const root = wrap(sanitizeHtml(`<p title="kept"${attributes}>text</p>`, FEED_URL));
        const elapsed = performance.now() - started;
        expect(root.querySelector('p')?.getAttributeNames().join(' ')).to.equal('title');
        expect(root.textContent).to.contain('text');
        expect(elapsed < 1000, `${Math.round(elapsed)} ms`).to.equal(true);
      });

      it('characters: a body of exactly maxCharacters is shown whole; a longer one is cut there, with a note', () => {
        const { maxCharacters } = limits();
        const body = (length: number): string => `<p>${'word '.repeat(Math.ceil(length / 5)).slice(0, length - 4)}!`;
        expect(body(maxCharacters).length).to.equal(maxCharacters);
        const shown = wrap(sanitizeHtml(body(maxCharacters), FEED_URL));
        expect(shown.textContent.endsWith('!')).to.equal(true);
        expect(hasNote(shown)).to.equal(false);
        const past = wrap(sanitizeHtml(body(maxCharacters + 1), FEED_URL));
        expect(content(past).textContent.endsWith('!')).to.equal(false);
        expect(content(past).textContent.length).to.equal(maxCharacters - 3);
        expect(hasNote(past)).to.equal(true);
      });

      it('a body nested 10,000 levels deep keeps its text, in at most maxDepth levels', () => {
        const { maxDepth } = limits();
        let html = '';
        for (let level = 0; level < 10_000; level++) html += level % 2 ? `<blockquote>level ${level} ` : `<div>level ${level} `;
        const root = wrap(sanitizeHtml(html, FEED_URL));
        expect(depthOf(content(root)) <= maxDepth).to.equal(true);
        expect(root.querySelectorAll('blockquote').length).to.equal(maxDepth / 2);
        // The text of the levels past maxDepth is kept, as text, as far as the element and character limits allow.
        expect(root.textContent).to.contain('level 0 ');
        expect(root.textContent).to.contain(`level ${maxDepth + 10} `);
        expect(hasNote(root)).to.equal(true);
      });

      it('a body of 50,000 elements keeps its first maxElements', () => {
        const { maxElements } = limits();
        const root = wrap(sanitizeHtml(Array.from({ length: 50_000 }, (_, i) => `<p>Paragraph ${i}</p>`).join(''), FEED_URL));
        expect(content(root).querySelectorAll('p').length).to.equal(maxElements);
        expect(content(root).textContent).to.contain('Paragraph 0');
        expect(hasNote(root)).to.equal(true);
      });

      it('unclosed formatting tags cannot multiply in the parser (each later paragraph would reopen every one of them)', () => {
        const { maxElements } = limits();
        // 200 distinct <b>s left open, then 200 paragraphs: the HTML parser's "reconstruct the active
        // formatting elements" would give each paragraph 200 new elements: 40,000 from 400 tags (minutes for 1,000 + 1,000).
        let html = '<p>';
        for (let i = 0; i < 200; i++) html += `<b title="t${i}">`;
        html += `</p>${'<p>text</p>'.repeat(200)}`;
        const started = performance.now();
        const root = wrap(sanitizeHtml(html, FEED_URL));
        const elapsed = performance.now() - started;
        expect(root.querySelectorAll('*').length <= maxElements).to.equal(true);
        expect(content(root).querySelectorAll('p').length).to.equal(201);
        expect(root.textContent).to.contain('text');
        expect(elapsed < 2000, `${Math.round(elapsed)} ms`).to.equal(true);
      });

      it('the note says so in the reader\'s language and links the whole article', () => {
        const { maxElements } = limits();
        const long = item('<p>x</p>'.repeat(maxElements + 1));
        const english = wrap(itemContent(long, FEED_URL));
        const note = english.querySelector('[role="note"]');
        expect(note?.textContent).to.equal(`${articleCardMessages.en.bodyShortened} ${articleCardMessages.en.readFullArticle}`);
        expect(links(note ?? english)).to.deep.equal([{ href: 'https://news.example.org/2024/long/', text: articleCardMessages.en.readFullArticle, target: null, rel: null }]);
        const messages = articleCardMessages['sr-Cyrl'];
        const serbian = wrap(itemContent(long, FEED_URL, { shortenedNote: messages.bodyShortened, fullArticleLabel: messages.readFullArticle, target: '_blank' }));
        expect(serbian.querySelector('[role="note"]')?.textContent).to.equal(`${messages.bodyShortened} ${messages.readFullArticle}`);
        expect(links(serbian.querySelector('[role="note"]') ?? serbian)[0]?.target).to.equal('_blank');
        // An item with no address of its own: the note without a link.
        const nowhere = wrap(sanitizeHtml('<p>x</p>'.repeat(maxElements + 1), FEED_URL));
        expect(nowhere.querySelector('[role="note"]')?.textContent).to.equal(articleCardMessages.en.bodyShortened);
      });
    });
  });
}
