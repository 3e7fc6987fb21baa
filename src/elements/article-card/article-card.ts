import { adoptStyles, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { findItem, sortNewestFirst } from '../../feed/parse.js';
import { itemDisplayTitle, itemSummary } from '../../feed/text.js';
import type { Feed, FeedItem } from '../../feed/types.js';
import { defaultBase, safeUrl } from '../../feed/urls.js';
import { formatItemDate, itemDateAttribute } from '../../i18n/locale.js';
import { articleCardMessages } from '../../i18n/messages/article-card.js';
import { commonMessages } from '../../i18n/messages/common.js';
import { loaderMessages } from '../../i18n/messages/loader.js';
import { FeedController } from '../../internal/feed-controller.js';
import { renderErrorBlock, renderFeedError, renderStaleNotice } from '../../internal/feed-states.js';
import { contentDirection, type TextDirection } from '../../internal/direction.js';
import { linkTarget } from '../../internal/links.js';
import { ON_SERVER } from '../../internal/environment.js';
import { hydrateOnlyIf } from '../../internal/hydration.js';
import { MloElement } from '../../internal/mlo-element.js';
import { buttonStyles, hostStyles, skeletonStyles, stateStyles } from '../../internal/styles.js';
import { styles } from './article-card.styles.js';
import type { FullArticle } from './full-article.js';
import { fullArticleCode, loadFullArticle } from './full-article-load.js';
import { validHeadingLevel, renderHeading } from '../../internal/templates.js';

/** How a card shows its item. */
export type ArticleCardVariant = 'teaser' | 'full' | 'headline';

const VARIANTS: readonly ArticleCardVariant[] = ['teaser', 'full', 'headline'];

/** Teaser images get these dimensions when the feed gives none: the box is 16:9 and the image covers it. */
const DEFAULT_IMAGE_WIDTH = 640;
const DEFAULT_IMAGE_HEIGHT = 360;

interface TeaserImage {
  url: string;
  alt: string;
  width: number;
  height: number;
}

/** The first `<img>` of a body that is a picture, not a tracking pixel: an absolute http(s) address. */
const BODY_IMAGE = /<img\b[^>]*?\bsrc\s*=\s*["']?(https?:\/\/[^"'\s>]+)/i;
const PIXEL_SIZE = /\b(?:width|height)\s*=\s*["']?[01]["'\s/>]/i;

function firstBodyImage(item: FeedItem): string | undefined {
  const html = item.contentHtml;
  if (!html) return undefined;
  const match = BODY_IMAGE.exec(html);
  if (!match?.[1]) return undefined;
  const tag = html.slice(match.index, html.indexOf('>', match.index) + 1);
  return PIXEL_SIZE.test(tag) ? undefined : safeUrl(match[1]);
}

/**
 * The teaser picture: the item's image, else its banner, else its first photo, else the first picture
 * in its body; with that photo's alt text and size when they match. None: the teaser is a text card.
 */
function teaserImage(item: FeedItem): TeaserImage | undefined {
  const url = safeUrl(item.image) ?? safeUrl(item.bannerImage) ?? safeUrl(item.mlo.photos[0]?.url) ?? firstBodyImage(item);
  if (!url) return undefined;
  const photo = item.mlo.photos.find((candidate) => safeUrl(candidate.url) === url);
  return {
    url,
    // Without a description the image is decorative: the title beside it says what the card is.
    alt: photo?.alt ?? '',
    width: photo?.width ?? DEFAULT_IMAGE_WIDTH,
    height: photo?.height ?? DEFAULT_IMAGE_HEIGHT,
  };
}

/** What a teaser or a headline shows of an item, the same in every card that shows it. */
interface ItemFacts {
  /** The document base the addresses were resolved against. */
  readonly base: string;
  readonly image: TeaserImage | undefined;
  /** The title link: the item's page, else the page it is about. */
  readonly url: string | undefined;
  /** The title, or an excerpt for an untitled item ('' when there is no text at all). */
  readonly title: string;
  /** The summary under a teaser's title ('' for an untitled item, whose excerpt is its title). */
  readonly summary: string;
  /** A link post's "→ host" (JSON Feed `external_url` without `_mlo.original_source`). */
  readonly linkPost: { readonly url: string; readonly host: string } | undefined;
}

/**
 * Items are not changed once parsed (a new feed is new items), so what a card derives from one (its
 * picture, safe addresses, excerpt) is worked out once per item and shared by every card showing it: sixty
 * cards on one feed, or a list rendered again. Worked out again if the document's base URL changed.
 */
const itemFacts = new WeakMap<FeedItem, ItemFacts>();

function factsOf(item: FeedItem): ItemFacts {
  const base = defaultBase();
  const known = itemFacts.get(item);
  if (known?.base === base) return known;
  const own = safeUrl(item.url, base);
  const external = safeUrl(item.externalUrl, base);
  const facts: ItemFacts = {
    base,
    image: teaserImage(item),
    url: own ?? external,
    title: itemDisplayTitle(item),
    summary: item.title ? itemSummary(item) : '',
    linkPost: external && !item.mlo.originalSource && external !== own ? { url: external, host: new URL(external).hostname } : undefined,
  };
  itemFacts.set(item, facts);
  return facts;
}

/**
 * One news item: a teaser (image, linked title, date, summary, tags), a headline (title and date), or the
 * full article as on the source page (date, title, sanitised body, photos with credits, byline, downloads, tags).
 *
 * Data comes from `.article` (a `FeedItem`, as `mlo-news-list` passes it), or from `src` plus `article-id`
 * (the item's `id` or `url`; without one, the newest item). A page showing a list and a card from the
 * same feed fetches it once. Until there is data the card shows a placeholder of its final size (a full
 * article's, of the reader's first screen: `--mlo-article-placeholder-height`).
 *
 * Safety: feed text is rendered as text; only `content_html` is rendered as markup, after the browser's HTML
 * Sanitizer API (or DOMPurify where it is missing) with an allow-list (see `src/internal/sanitize.ts`,
 * docs/sanitizing.md); every URL passes `safeUrl` (http(s) or relative) again here. The full article's code
 * and the sanitiser come on the first full article (./full-article-load.ts), DOMPurify after them where it is
 * needed: meanwhile the card shows its placeholder, and an error with Retry if a file does not arrive.
 *
 * @summary A news item as a teaser, a headline or the full article.
 *
 * @tagname mlo-article-card
 *
 * @csspart card - The item's outer block (`<article>`), in every variant.
 * @csspart media - The teaser's image box (16:9). Absent when the item has no image (or it failed to load): the teaser is then a text card.
 * @csspart external-link - A link post's "→ host": the page the item is about (JSON Feed `external_url`).
 * @csspart image - The teaser image, the banner of a full article, and each photo's image.
 * @csspart title - The heading.
 * @csspart link - The title link: the whole teaser is clickable through it.
 * @csspart date - The `<time>` of publication.
 * @csspart summary - The teaser's summary or excerpt.
 * @csspart tags - The list of tags.
 * @csspart tag - One tag.
 * @csspart body - The sanitised article body (full variant).
 * @csspart photo - A photo `<figure>` after the body (full variant).
 * @csspart caption - A photo's `<figcaption>`.
 * @csspart credit - "(Source: …)" after a caption.
 * @csspart byline - "Story by … (originally posted on …)" (full variant).
 * @csspart source-link - The link to the original story in the byline.
 * @csspart downloads - The attachments section (full variant).
 * @csspart download - One attachment link.
 * @csspart skeleton - The placeholder shown before data arrives.
 * @csspart error - The error or not-found block (`role="alert"`).
 * @csspart error-title - Its title.
 * @csspart error-message - Its explanation.
 * @csspart retry-button - The Retry button.
 * @csspart stale - The "saved copy" notice.
 *
 * @cssprop [--mlo-card-media-width=11em] - Width of the teaser image when it sits beside the text (containers ≥ 36em).
 * @cssprop [--mlo-card-title-font-size=1.125em] - Teaser and headline title size.
 * @cssprop [--mlo-article-title-font-size=1.75em] - Full article title size.
 * @cssprop [--mlo-article-max-width=48em] - Line length limit of the full article.
 * @cssprop [--mlo-article-placeholder-height=100svh] - Least height of a full article's loading placeholder, and of
 *   the room dist/mlo-widgets.css reserves for it: the reader's first screen, so that what follows the article
 *   is off-screen until it arrives and nothing visible moves then. An article shorter than this keeps the room
 *   its placeholder had on the screen (down to the screen's bottom), so nothing below it moves into view
 *   (README, "Layout shift").
 * @cssprop [--mlo-font-size=16px] - Base size; every size of the card is in em of it.
 * @cssprop [--mlo-color-link] - Title and link colour.
 * @cssprop [--mlo-color-text-muted] - Date, tags and captions.
 * @cssprop [--mlo-color-surface] - Image placeholder and tag background.
 * @cssprop [--mlo-color-focus] - Focus ring around the whole teaser.
 *
 * @fires mlo-article-select {ArticleSelectEvent} - The reader activated the title link (click or Enter); detail
 *   `{ item, url }`. Cancelable: `preventDefault()` keeps the link from opening (single-page apps). Modifier and
 *   middle clicks (new tab or window) are left to the browser and do not fire.
 * @fires mlo-feed-load {FeedLoadEvent} - The feed at `src` loaded.
 * @fires mlo-feed-error {FeedErrorEvent} - The feed at `src` failed; detail `{ error }`, a `FeedError` with `kind`.
 */
export class MloArticleCard extends MloElement {
  static override styles = [hostStyles, buttonStyles, stateStyles, skeletonStyles, styles];

  /** The feed's address; used with `article-id` when `.article` is not set. */
  @property({ type: String, attribute: 'src' }) src?: string;

  /** The item to show: its `id`, or its `url`. Without it the newest item of the feed at `src` is shown. */
  @property({ type: String, attribute: 'article-id' }) articleId?: string;

  /** The item itself (a `FeedItem` from `parseFeed`); takes precedence over `src`. */
  @property({ attribute: false }) article?: FeedItem;

  /** `teaser` (default), `headline` (title and date, for sidebars) or `full` (the whole article). */
  @property({ type: String, attribute: 'variant' }) variant: ArticleCardVariant = 'teaser';

  /** The title's heading level (1–6), so the card fits the page's outline. Default 3, or 1 for `full`. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel?: number;

  /** Opens the title link in this browsing context (e.g. `_blank`, with `rel="noopener"`); default: the same tab. */
  @property({ type: String, attribute: 'target' }) target?: string;

  readonly #feed = new FeedController(this, () => ({ src: this.article ? undefined : this.src }));

  /** Images that failed to load: their teaser becomes a text card rather than a broken-image box. */
  @state() private brokenImages: ReadonlySet<string> = new Set();

  /**
   * Once the full article's code has arrived: the article (its body and cache), and the least height of
   * the article that replaced the placeholder (`#hold`) as a stylesheet of this card's own (a `style`
   * attribute would be refused under `style-src 'self'`).
   */
  #full?: { readonly article: FullArticle; readonly holdSheet: CSSStyleSheet };
  /** The full article's files (its code, and DOMPurify where the browser has no sanitiser of its own) are being loaded for this card. */
  #fullLoading = false;
  /** One of them did not arrive: the full article shows an error with Retry. */
  #fullFailed = false;
  /** This card is showing the full article's placeholder: the article that replaces it is held (`#hold`). */
  #placeholderShown = false;

  /** Moves focus to the title link (after Load more), else to the card itself. */
  override focus(options?: FocusOptions): void {
    // Before the first update there is no render root yet, whatever the types say.
    const root = this.renderRoot as HTMLElement | DocumentFragment | undefined;
    const target = root?.querySelector<HTMLElement>('a[part~="link"]') ?? root?.querySelector<HTMLElement>('[part~="card"]');
    if (target) target.focus(options);
    else super.focus(options);
  }

  constructor() {
    super();
    // An older article may sit on a later page: follow next_url until it is found or the pages end.
    this.#feed.loadUntil((feed) => this.#findItem(feed) !== undefined);
  }

  protected override update(changed: PropertyValues<this>): void {
    // The server renders a full article's placeholder (its body needs the browser's sanitiser): the browser renders it afresh (docs/ssr.md).
    if (!this.hasUpdated) hydrateOnlyIf(this, () => this.#variant !== 'full');
    super.update(changed);
  }

  get #variant(): ArticleCardVariant {
    return VARIANTS.includes(this.variant) ? this.variant : 'teaser';
  }

  #findItem(feed: Feed): FeedItem | undefined {
    const wanted = this.articleId?.trim();
    if (!wanted) return sortNewestFirst(feed.items)[0];
    return findItem(feed, wanted);
  }

  #onLinkClick(event: MouseEvent, item: FeedItem, url: string): void {
    // A modifier or non-primary click opens a new tab or window: the page keeps its state, so it is not a selection.
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    const proceed = this.emit('mlo-article-select', { item, url }, { cancelable: true });
    if (!proceed) event.preventDefault();
  }

  /** Asks the network for the feed at `src` again; if that fails, the article shown stays, marked as a saved copy. */
  reload(): Promise<void> {
    return this.#feed.retry();
  }

  #retry = (): void => {
    void this.reload();
  };

  #retryPage = (): void => {
    void this.#feed.retryPage();
  };

  #retryFullArticle = (): void => {
    this.#fullFailed = false;
    this.requestUpdate();
  };

  /**
   * A full article whose code is not loaded yet (it is loaded on the first full article, with the
   * sanitiser, and DOMPurify where the browser has no sanitiser of its own): the placeholder meanwhile
   * (the same box as before the feed arrived, so nothing moves), then the article; or, if a file does
   * not arrive, a `role="alert"` error with Retry.
   */
  #renderFullPending(): TemplateResult {
    if (this.#fullFailed) {
      const t = loaderMessages[this.locale];
      return renderErrorBlock(this.locale, t.title, t.message, this.#retryFullArticle);
    }
    this.#loadFullArticle();
    return this.#renderSkeleton();
  }

  /** Starts loading the full article's code (once at a time); the card renders again when it is there, or failed. */
  #loadFullArticle(): void {
    // Nothing is loaded on the server: the browser renders the article.
    if (ON_SERVER || this.#fullLoading || this.#fullFailed || fullArticleCode()) return;
    this.#fullLoading = true;
    loadFullArticle().then(
      () => {
        this.#fullLoading = false;
        this.requestUpdate();
      },
      () => {
        this.#fullLoading = false;
        this.#fullFailed = true;
        this.requestUpdate();
      },
    );
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // A full article asks for its code at once, while its feed loads, rather than once it arrived.
    if (this.#variant === 'full') this.#loadFullArticle();
  }

  /** The item's language, else (JSON Feed) its feed's, when the card loaded the feed itself. */
  #languageOf(item: FeedItem): string | undefined {
    return item.language ?? (this.article ? undefined : this.#feed.feed?.language);
  }

  /** The direction of the item's text: from its language, else `auto` (the text decides). */
  #directionOf(item: FeedItem): TextDirection {
    return contentDirection(this.#languageOf(item));
  }

  #onImageError = (event: Event): void => {
    const src = (event.target as HTMLImageElement).getAttribute('src');
    if (src) this.brokenImages = new Set([...this.brokenImages, src]);
  };

  /** A link post (JSON Feed `external_url` without `_mlo.original_source`): "→ host" of the page it is about. */
  #renderLinkPost(item: FeedItem): TemplateResult | typeof nothing {
    const linkPost = factsOf(item).linkPost;
    if (!linkPost) return nothing;
    const link = linkTarget(this.target);
    return html`<a class="card__external" part="external-link" href=${linkPost.url} target=${link.target ?? nothing} rel=${link.rel ?? nothing}
      ><span aria-hidden="true">\u2192</span> ${linkPost.host}</a
    >`;
  }

  #renderDate(item: FeedItem): TemplateResult | typeof nothing {
    const shown = formatItemDate(item, this.locale);
    if (shown === undefined) return nothing;
    return html`<time class="card__date" part="date" datetime=${itemDateAttribute(item) ?? nothing}>${shown}</time>`;
  }

  #renderTags(item: FeedItem): TemplateResult {
    if (item.tags.length === 0) return html`<div class="card__tags" part="tags"></div>`;
    return html`<ul class="card__tags" part="tags" aria-label=${articleCardMessages[this.locale].tags}>
      ${item.tags.map((tag) => html`<li class="card__tag" part="tag">${tag}</li>`)}
    </ul>`;
  }

  /** The title as the card's one link; plain text when the item has nowhere to link to. */
  #renderTitle(item: FeedItem, level: number, className: string, language: string | undefined, direction: TextDirection): TemplateResult {
    const facts = factsOf(item);
    const text = facts.title || articleCardMessages[this.locale].untitled;
    const url = facts.url;
    const link = linkTarget(this.target);
    const content = url
      ? html`<a
          class="card__link"
          part="link"
          href=${url}
          target=${link.target ?? nothing}
          rel=${link.rel ?? nothing}
          @click=${(event: MouseEvent) => this.#onLinkClick(event, item, url)}
          >${text}</a
        >`
      : text;
    return renderHeading(level, 'title', className, content, language, direction);
  }

  #renderTeaser(item: FeedItem): TemplateResult {
    const facts = factsOf(item);
    const found = facts.image;
    const image = found && !this.brokenImages.has(found.url) ? found : undefined;
    // An untitled item already shows its excerpt as the title; repeating it below adds nothing.
    const summary = facts.summary;
    const language = this.#languageOf(item);
    const direction = contentDirection(language);
    return html`<article class=${image ? 'card card--teaser' : 'card card--teaser card--text'} part="card" tabindex="-1">
      ${image
        ? html`<div class="card__media" part="media">
            <img part="image" src=${image.url} alt=${image.alt} width=${image.width} height=${image.height} loading="lazy" decoding="async" @error=${this.#onImageError} />
          </div>`
        : nothing}
      <div class="card__text">
        ${this.#renderTitle(item, validHeadingLevel(this.headingLevel, 3), 'card__title', language, direction)}
        <p class="card__meta">${this.#renderDate(item)}${this.#renderLinkPost(item)}</p>
        <p class="card__summary" part="summary" lang=${ifDefined(language)} dir=${direction}>${summary}</p>
        ${this.#renderTags(item)}
      </div>
    </article>`;
  }

  #renderHeadline(item: FeedItem): TemplateResult {
    return html`<article class="card card--headline" part="card" tabindex="-1">
      ${this.#renderTitle(item, validHeadingLevel(this.headingLevel, 3), 'card__title', this.#languageOf(item), this.#directionOf(item))}
      <p class="card__meta">${this.#renderDate(item)}</p>
    </article>`;
  }

  /**
   * What the article replacing the placeholder keeps of its height: down to the bottom of the screen it
   * arrives on, and no more than the placeholder had. What follows a short article was below the fold
   * while the placeholder stood, and stays there: nothing moves into view (no layout shift), and the
   * room left below the article is only what the screen showed of the placeholder.
   */
  #hold(sheet: CSSStyleSheet): void {
    if (!this.#placeholderShown) return;
    this.#placeholderShown = false;
    // Read in render, before the article replaces the placeholder: the one layout read of a full article.
    const box = this.getBoundingClientRect();
    const height = Math.round(Math.min(box.height, Math.max(0, window.innerHeight - box.top)));
    sheet.replaceSync(height > 0 ? `.card--full{min-block-size:${height}px}` : '');
  }

  #renderFull(item: FeedItem, baseUrl: string | undefined): TemplateResult {
    const code = fullArticleCode();
    if (!code) return this.#renderFullPending();
    if (!this.#full) {
      // The full article's styles came with its code: added to the card's own, once per card.
      const holdSheet = new CSSStyleSheet();
      const root = this.renderRoot;
      if (root instanceof ShadowRoot) adoptStyles(root, [...(this.constructor as typeof MloArticleCard).elementStyles, code.fullArticleStyles, holdSheet]);
      this.#full = { article: new code.FullArticle(), holdSheet };
    }
    this.#hold(this.#full.holdSheet);
    return this.#full.article.render(item, {
      locale: this.locale,
      target: this.target,
      headingLevel: this.headingLevel,
      language: this.#languageOf(item),
      feedAuthors: this.article ? [] : (this.#feed.feed?.authors ?? []),
      baseUrl,
      date: this.#renderDate(item),
      linkPost: this.#renderLinkPost(item),
      tags: this.#renderTags(item),
    });
  }

  #renderSkeleton(): TemplateResult {
    const variant = this.#variant;
    if (variant === 'full') this.#placeholderShown = true;
    // The same boxes as the loaded card (fixed heights), with placeholder bars inside.
    const title = html`<div class="card__title"><span class="skeleton skeleton--text"></span><span class="skeleton skeleton--text"></span></div>`;
    const meta = html`<p class="card__meta"><span class="skeleton skeleton--date"></span></p>`;
    let bars: TemplateResult;
    switch (variant) {
      case 'full':
        bars = html`<div class="article__header">
            <span class="skeleton skeleton--title"></span><span class="skeleton skeleton--date"></span>
          </div>
          ${[1, 2, 3, 4, 5, 6].map(() => html`<span class="skeleton skeleton--text"></span>`)}`;
        break;
      case 'headline':
        bars = html`${title}${meta}`;
        break;
      default:
        bars = html`<div class="card__media"><span class="skeleton skeleton--fill"></span></div>
          <div class="card__text">
            ${title}${meta}
            <div class="card__summary">
              <span class="skeleton skeleton--text"></span><span class="skeleton skeleton--text"></span><span class="skeleton skeleton--text"></span>
            </div>
            <div class="card__tags"></div>
          </div>`;
    }
    return html`<div class="placeholder placeholder--${variant}" aria-busy="true">
      <span class="visually-hidden">${commonMessages[this.locale].loading}</span>
      <div class="card card--${variant} card--skeleton" part="skeleton" aria-hidden="true">${bars}</div>
    </div>`;
  }

  /** The article is not in the feed, or not in the part of it read before the crawl bounds. */
  #renderNotFound(pastCrawlLimit: boolean): TemplateResult {
    const t = articleCardMessages[this.locale];
    return renderErrorBlock(this.locale, t.notFoundTitle, pastCrawlLimit ? commonMessages[this.locale].crawlLimit : t.notFound, this.#retry);
  }

  #renderItem(item: FeedItem, baseUrl: string | undefined): TemplateResult {
    switch (this.#variant) {
      case 'full':
        return this.#renderFull(item, baseUrl);
      case 'headline':
        return this.#renderHeadline(item);
      default:
        return this.#renderTeaser(item);
    }
  }

  #renderFromFeed(): TemplateResult {
    const view = this.#feed.view;
    switch (view.state) {
      case 'error':
        return renderFeedError(this.locale, view.error, this.#retry);
      case 'idle':
      case 'loading':
        return this.#renderSkeleton();
      case 'ready': {
        const item = this.#findItem(view.feed);
        const { paging } = view;
        if (!item) {
          if (paging.error) return renderFeedError(this.locale, paging.error, this.#retryPage);
          if (paging.loading || (paging.hasMore && !paging.limitReached)) return this.#renderSkeleton();
          return this.#renderNotFound(paging.limitReached);
        }
        return html`${view.staleBecause ? renderStaleNotice(this.locale, view.fetchedAt, this.#retry) : nothing}
        ${this.#renderItem(item, view.feed.feedUrl)}`;
      }
    }
  }

  protected override render(): TemplateResult {
    if (this.article) return this.#renderItem(this.article, undefined);
    if (this.src?.trim()) return this.#renderFromFeed();
    return this.#renderSkeleton();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mlo-article-card': MloArticleCard;
  }
}
