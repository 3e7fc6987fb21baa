/**
 * The full article (`<mlo-article-card variant="full">`): its sanitised body, photos, byline, downloads
 * and styles. Loaded by `import()` on the first full article (./full-article-load.ts), with the
 * sanitiser it needs (src/internal/sanitize.ts, in the same file), so a page that shows only teasers,
 * headlines and lists downloads none of it. The card keeps what teasers share (title link, date, link
 * post, tags) and hands it in (`FullArticleParts`).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { htmlToText, itemDisplayTitle } from '../../feed/text.js';
import type { Attachment, Author, FeedItem, Photo } from '../../feed/types.js';
import { safeUrl } from '../../feed/urls.js';
import { intlTag, type Locale } from '../../i18n/locale.js';
import { articleCardMessages } from '../../i18n/messages/article-card.js';
import { contentDirection } from '../../internal/direction.js';
import { itemContent } from '../../internal/sanitize.js';
import { fillTemplate, renderHeading, validHeadingLevel } from '../../internal/templates.js';

export { fullArticleStyles } from './full-article.styles.js';
export { loadSanitizer, sanitizerReady } from '../../internal/sanitize.js';

/** What the card gives the full article: its settings, and the pieces it renders the same for teasers. */
export interface FullArticleParts {
  readonly locale: Locale;
  /** The card's `target` attribute (links of the body open there too). */
  readonly target: string | undefined;
  /** The card's `heading-level` attribute (default 1). */
  readonly headingLevel: number | undefined;
  /** The item's language, else its feed's. */
  readonly language: string | undefined;
  /** The feed's authors (an item without its own has them), when the card loaded the feed. */
  readonly feedAuthors: readonly Author[];
  /** The document the body's relative addresses resolve against (the feed's address). */
  readonly baseUrl: string | undefined;
  readonly date: TemplateResult | typeof nothing;
  readonly linkPost: TemplateResult | typeof nothing;
  readonly tags: TemplateResult;
}

/**
 * Renumbers the body's headings to sit under the article's title: the levels the content uses, in
 * order, become `titleLevel + 1`, `+ 2`, … (at most 6), so the page's outline has no gaps.
 */
function fitHeadings(body: HTMLElement, titleLevel: number): void {
  const headings = [...body.querySelectorAll<HTMLHeadingElement>('h1, h2, h3, h4, h5, h6')];
  const used = [...new Set(headings.map((heading) => Number(heading.localName[1])))].sort();
  for (const heading of headings) {
    const level = Math.min(6, titleLevel + 1 + used.indexOf(Number(heading.localName[1])));
    if (heading.localName === `h${level}`) continue;
    const replacement = document.createElement(`h${level}`);
    for (const attribute of heading.attributes) replacement.setAttribute(attribute.name, attribute.value);
    replacement.append(...heading.childNodes);
    heading.replaceWith(replacement);
  }
}

/** "PDF" from the file name, else from a short MIME subtype. */
function attachmentType(attachment: Attachment): string | undefined {
  const extension = /\.([a-z0-9]{2,5})$/i.exec(new URL(attachment.url).pathname)?.[1];
  if (extension) return extension.toUpperCase();
  const subtype = attachment.mimeType.split('/')[1]?.split(';')[0];
  return subtype && subtype.length <= 5 ? subtype.toUpperCase() : undefined;
}

function attachmentName(attachment: Attachment): string | undefined {
  if (attachment.title) return attachment.title;
  const last = new URL(attachment.url).pathname.split('/').filter(Boolean).pop();
  if (!last) return undefined;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

function formatSize(bytes: number, locale: Locale): string {
  const megabytes = bytes >= 1_000_000;
  return new Intl.NumberFormat(intlTag(locale), {
    style: 'unit',
    unit: megabytes ? 'megabyte' : 'kilobyte',
    unitDisplay: 'short',
    maximumFractionDigits: megabytes ? 1 : 0,
  }).format(Math.max(bytes / (megabytes ? 1_000_000 : 1_000), megabytes ? 0 : 1));
}

function renderPhoto(photo: Photo, parts: FullArticleParts): TemplateResult | typeof nothing {
  const url = safeUrl(photo.url);
  if (!url) return nothing;
  const t = articleCardMessages[parts.locale];
  const { language } = parts;
  const hasCaption = photo.caption || photo.credit;
  return html`<figure class="photo" part="photo">
    <img part="image" src=${url} alt=${photo.alt} width=${ifDefined(photo.width)} height=${ifDefined(photo.height)} loading="lazy" decoding="async" />
    ${hasCaption
      ? html`<figcaption class="photo__caption" part="caption">
          ${photo.caption ? html`<span lang=${ifDefined(language)} dir=${contentDirection(language)}>${photo.caption}</span>` : nothing}
          ${photo.credit ? html`<span class="photo__credit" part="credit">${fillTemplate(t.photoCredit, { credit: photo.credit })}</span>` : nothing}
        </figcaption>`
      : nothing}
  </figure>`;
}

function renderByline(item: FeedItem, parts: FullArticleParts): TemplateResult | typeof nothing {
  const t = articleCardMessages[parts.locale];
  // JSON Feed: an item without authors has the feed's.
  const authors = item.authors.length > 0 ? item.authors : parts.feedAuthors;
  const byline = item.mlo.byline ?? (authors.map((author) => author.name).filter(Boolean).join(', ') || undefined);
  // Only `_mlo.original_source` says the story was re-posted; an `external_url` alone is a link post.
  const sourceUrl = safeUrl(item.externalUrl);
  const sourceName = item.mlo.originalSource;
  const source = sourceName
    ? sourceUrl
      ? html`<a part="source-link" href=${sourceUrl}>${sourceName}</a>`
      : sourceName
    : undefined;
  const template = byline ? (source ? t.storyByWithSource : t.storyBy) : source ? t.originallyPosted : undefined;
  if (!template) return nothing;
  return html`<p class="byline" part="byline">${fillTemplate(template, { byline, source })}</p>`;
}

function renderDownloads(item: FeedItem, level: number, locale: Locale): TemplateResult | typeof nothing {
  const t = articleCardMessages[locale];
  const links = item.attachments.flatMap((attachment) => {
    const url = safeUrl(attachment.url);
    if (!url) return [];
    const type = attachmentType({ ...attachment, url });
    const size = attachment.sizeInBytes !== undefined ? formatSize(attachment.sizeInBytes, locale) : undefined;
    const details = [type, size].filter((part): part is string => Boolean(part));
    const name = attachmentName({ ...attachment, url }) ?? t.untitledDownload;
    return [
      html`<li>
        <a part="download" href=${url} download type=${attachment.mimeType}
          >${name}${details.length > 0 ? html` <span class="download__details">${t.downloadDetails(details)}</span>` : nothing}</a
        >
      </li>`,
    ];
  });
  if (links.length === 0) return nothing;
  return html`<section class="downloads" part="downloads">
    ${renderHeading(Math.min(level + 1, 6), 'downloads-title', 'downloads__title', t.downloads)}
    <ul class="downloads__list">
      ${links}
    </ul>
  </section>`;
}

/**
 * One card's full article. Its sanitised body is kept as one element, so re-renders never sanitise or
 * clone again: built again for another item, language or link target, its headings renumbered for
 * another heading level.
 */
export class FullArticle {
  #body?: HTMLElement;
  #bodyItem?: FeedItem;
  /** The language and target the body was built for: its video labels, note and links depend on them. */
  #bodyFor?: string;
  #bodyLevel?: number;

  render(item: FeedItem, parts: FullArticleParts): TemplateResult {
    const level = validHeadingLevel(parts.headingLevel, 1);
    const body = this.#bodyOf(item, parts, level);
    const inBody = new Set([...(body?.querySelectorAll('img') ?? [])].map((img) => img.getAttribute('src')));
    const banner = safeUrl(item.bannerImage);
    const photos = item.mlo.photos.filter((photo) => !inBody.has(safeUrl(photo.url) ?? null));
    const title = itemDisplayTitle(item) || articleCardMessages[parts.locale].untitled;
    return html`<article class="card card--full" part="card" tabindex="-1">
      <header class="article__header">
        ${renderHeading(level, 'title', 'article__title', title, parts.language, contentDirection(parts.language))} ${parts.date} ${parts.linkPost}
      </header>
      ${banner && !inBody.has(banner) ? html`<img class="article__banner" part="image" src=${banner} alt="" loading="lazy" decoding="async" />` : nothing}
      ${body ?? nothing} ${photos.map((photo) => renderPhoto(photo, parts))} ${renderByline(item, parts)} ${renderDownloads(item, level, parts.locale)}
      ${parts.tags}
    </article>`;
  }

  #bodyOf(item: FeedItem, parts: FullArticleParts, titleLevel: number): HTMLElement | undefined {
    const bodyFor = `${parts.locale}|${parts.target ?? ''}`;
    if (item !== this.#bodyItem || bodyFor !== this.#bodyFor) {
      this.#bodyItem = item;
      this.#bodyFor = bodyFor;
      this.#bodyLevel = undefined;
      this.#body = buildBody(item, parts);
    }
    if (this.#body && titleLevel !== this.#bodyLevel) {
      this.#bodyLevel = titleLevel;
      fitHeadings(this.#body, titleLevel);
    }
    return this.#body;
  }
}

function buildBody(item: FeedItem, parts: FullArticleParts): HTMLElement | undefined {
  const container = document.createElement('div');
  container.className = 'content';
  container.setAttribute('part', 'body');
  if (parts.language) container.lang = parts.language;
  container.dir = contentDirection(parts.language);
  let fragment: DocumentFragment | undefined;
  try {
    const t = articleCardMessages[parts.locale];
    fragment = itemContent(item, parts.baseUrl, { videoLabel: t.video, shortenedNote: t.bodyShortened, fullArticleLabel: t.readFullArticle, target: parts.target });
  } catch {
    // The page's Trusted Types rules forbid parsing HTML: show the body as plain text instead.
    fragment = undefined;
  }
  if (fragment) {
    container.append(fragment);
    return container;
  }
  const text = item.contentText ?? (item.contentHtml ? htmlToText(item.contentHtml) : item.summary);
  if (!text?.trim()) return undefined;
  for (const paragraph of text.split(/\n\s*\n/)) {
    if (!paragraph.trim()) continue;
    const p = document.createElement('p');
    p.textContent = paragraph.trim();
    container.append(p);
  }
  return container;
}
