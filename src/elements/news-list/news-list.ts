import { ifDefined } from 'lit/directives/if-defined.js';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { archiveYearOf, sortNewestFirst } from '../../feed/parse.js';
import { yieldToMain } from '../../feed/yield.js';
import type { Feed, FeedItem, JsonFeed } from '../../feed/types.js';
import { plural } from '../../i18n/locale.js';
import { commonMessages } from '../../i18n/messages/common.js';
import { newsListMessages } from '../../i18n/messages/news-list.js';
import { FeedController, type FeedView } from '../../internal/feed-controller.js';
import { integerInRange } from '../../internal/attributes.js';
import { renderCrawlLimit, renderEmpty, renderFeedError, renderStaleNotice } from '../../internal/feed-states.js';
import { MloElement } from '../../internal/mlo-element.js';
import { holdRoomWhile } from '../../internal/render-slices.js';
import { buttonStyles, hostStyles, skeletonStyles, stateStyles } from '../../internal/styles.js';
import { type ArticleCardVariant, MloArticleCard } from '../article-card/article-card.js';
import { defineElement } from '../../internal/define.js';
import { TAG_NAMES } from '../../internal/tags.js';
import { styles } from './news-list.styles.js';

/** How the list lays out its items. */
export type NewsListLayout = 'list' | 'grid' | 'headlines';

const LAYOUTS: readonly NewsListLayout[] = ['list', 'grid', 'headlines'];
const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 100;

let cardsRegistered: Promise<void> | undefined;

/**
 * Registers <mlo-article-card> for the lists, in a task of its own, unless it is registered already (by the
 * card's own file, or by an earlier list): registering upgrades every card already on the page at once (fifty:
 * a long task on a slow phone), which must not run in the same task as the lists' registration or first render.
 * Undefined when there is nothing to wait for.
 */
function registerCards(): Promise<void> | undefined {
  const registry = globalThis.customElements as CustomElementRegistry | undefined;
  if (!registry || registry.get(TAG_NAMES.articleCard)) return undefined;
  cardsRegistered ??= yieldToMain().then(() => defineElement(TAG_NAMES.articleCard, MloArticleCard));
  return cardsRegistered;
}

/** An item's language is its own, else the feed's (JSON Feed); `sr` matches `sr-Latn` and `sr-Cyrl`. */
function speaks(item: FeedItem, feed: Feed, wanted: string): boolean {
  const language = (item.language ?? feed.language)?.toLowerCase();
  const filter = wanted.toLowerCase();
  return language !== undefined && (language === filter || language.startsWith(`${filter}-`));
}

/**
 * A list of news from a JSON Feed, newest first: image, title, date and summary per item (`list`),
 * cards in columns that follow the element's own width (`grid`), or titles and dates for sidebars
 * (`headlines`). Each item is an `<mlo-article-card>`.
 *
 * "Load more" shows the next `limit` items, following the feed's `next_url` when the loaded ones run
 * out; focus moves to the first new item and a polite live region says how many were added. Before
 * data arrives a placeholder of the final height is shown; an empty feed, a failure (with Retry) and a
 * saved copy served while offline each say so in words.
 *
 * To show only items in one language, use `item-lang`: `lang` sets the element's own language (its
 * buttons and dates), as on any HTML element.
 *
 * @summary News from a JSON Feed as a list, a grid of cards or headlines, with Load more.
 *
 * @tagname mlo-news-list
 *
 * @csspart items - The `<ul>` of items.
 * @csspart item - One `<li>`, around a card.
 * @csspart card - Exported from each card: the item's block. Also `media`, `image`, `title`, `link`, `external-link`,
 *   `date`, `summary`, `tags`, `tag` (see mlo-article-card).
 * @csspart load-more-button - The Load more button.
 * @csspart status - The visually hidden live region announcing added items.
 * @csspart load-more-error - The message shown when a next page failed.
 * @csspart empty - The empty-feed or no-match message.
 * @csspart error - The error block (`role="alert"`).
 * @csspart error-title - The error block's title.
 * @csspart error-message - What went wrong, in words a webmaster can act on.
 * @csspart retry-button - Retry, in the error block and in the saved-copy notice.
 * @csspart stale - The "saved copy" notice above the list.
 * @csspart crawl-limit - The notice that the feed has more pages than are read (docs/feed-format.md, "Limits").
 * @csspart skeleton - The placeholder shown before data arrives.
 *
 * @cssprop [--mlo-grid-gap=1em] - Space between grid cards.
 * @cssprop [--mlo-list-separator-color] - Line between items in the list and headlines layouts (default: the border colour).
 * @cssprop [--mlo-font-size=16px] - Base size; every size is in em of it.
 * @cssprop [--mlo-color-surface] - Grid card background.
 * @cssprop [--mlo-color-border] - Grid card border.
 *
 * @fires mlo-feed-load {FeedLoadEvent} - The feed loaded; detail `{ feed, itemCount, droppedItems, stale }`.
 * @fires mlo-feed-error {FeedErrorEvent} - The feed, or a next page, failed; detail `{ error }`, a `FeedError` with `kind`.
 * @fires mlo-article-select {ArticleSelectEvent} - A reader opened an item (fired by its card, seen on the list);
 *   detail `{ item, url }`. Cancelable: `preventDefault()` keeps the link from opening.
 */
export class MloNewsList extends MloElement {
  static override styles = [hostStyles, buttonStyles, stateStyles, skeletonStyles, styles];

  /** The feed's address (http(s) or relative). */
  @property({ type: String, attribute: 'src' }) src?: string;

  /** The feed given as data instead of `src`: a JSON Feed object or a `Feed` from `parseFeed`. */
  @property({ attribute: false }) feed?: JsonFeed | Feed;

  /** How many items to show at first, and how many more each Load more adds (1–100, default 10). */
  @property({ type: Number, attribute: 'limit' }) limit = DEFAULT_LIMIT;

  /** `list` (default), `grid` or `headlines`. */
  @property({ type: String, attribute: 'layout' }) layout: NewsListLayout = 'list';

  /** Only items with this tag (case-insensitive). */
  @property({ type: String, attribute: 'tag' }) tag?: string;

  /** Only items of this archive year (`_mlo.archive_year`, else the year of publication). */
  @property({ type: Number, attribute: 'year' }) year?: number;

  /** Only items in this language (`sr` also matches `sr-Latn` and `sr-Cyrl`). */
  @property({ type: String, attribute: 'item-lang' }) itemLang?: string;

  /** Opens item links in this browsing context (e.g. `_blank`, with `rel="noopener"`); default: the same tab. */
  @property({ type: String, attribute: 'target' }) target?: string;

  /** The heading level of item titles (1–6, default 3), to fit the page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel?: number;

  /** How many matching items are revealed (grows by `limit` with each Load more). */
  @state() private shown = DEFAULT_LIMIT;
  /** The text of the polite live region. */
  @state() private announcement = '';

  readonly #feed = new FeedController(this, () => ({ src: this.src, data: this.feed }));

  /** True once cards (placeholders or items) have been rendered. */
  #cardsRendered = false;
  /** Set by a render that creates every card with its item at once: see `updated()`. */
  #holdForCards = false;
  /** How many placeholder cards the last render showed (0 once items replaced them). */
  #placeholderCards = 0;
  /** The placeholder card (by position) each of the first items took over: its key in `repeat`. */
  #cardKeys = new Map<string, number>();

  #matchingKey: unknown[] = [];
  #matchingItems: FeedItem[] = [];

  constructor() {
    super();
    // Too few matches on the pages loaded (a year filter, a small page size, Load more): follow next_url.
    this.#feed.loadUntil(() => this.#matching.length >= this.shown);
  }

  /** Resolves once the list and every card in it have rendered: the cards draw their items in slices of their own. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    const cards = [...this.renderRoot.querySelectorAll<MloArticleCard>('mlo-article-card')];
    const cardsDone = await Promise.all(cards.map((card) => card.updateComplete));
    return done && cardsDone.every(Boolean);
  }

  /**
   * The items are cards: the first update waits until <mlo-article-card> is registered (`registerCards`), by a
   * list registered on its own (by class, under any name) too. The page holds the list's room meanwhile.
   */
  protected override scheduleUpdate(): Promise<unknown> | undefined {
    const registering = this.hasUpdated ? undefined : registerCards();
    if (!registering) return super.scheduleUpdate();
    const updated = registering.then(() => super.scheduleUpdate());
    // Until its cards have rendered too: the ones it renders meanwhile wait, hidden with it.
    holdRoomWhile(this, updated.then(() => this.updateComplete));
    return updated;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // The first cards came with their items (the feed was there before the list rendered): they render in
    // slices of their own while the page holds the list's room, and the list shows once, whole.
    if (this.#holdForCards) {
      this.#holdForCards = false;
      holdRoomWhile(this, this.updateComplete);
    }
  }

  get #limit(): number {
    return integerInRange(this.limit, 1, MAX_LIMIT, DEFAULT_LIMIT);
  }

  /** True while next pages are being fetched. */
  get #filling(): boolean {
    const view = this.#feed.view;
    return view.state === 'ready' && view.paging.loading;
  }

  get #layout(): NewsListLayout {
    return LAYOUTS.includes(this.layout) ? this.layout : 'list';
  }

  get #cardVariant(): ArticleCardVariant {
    return this.#layout === 'headlines' ? 'headline' : 'teaser';
  }

  /** The loaded items that pass the filters, newest first (recomputed only when the feed or a filter changes). */
  get #matching(): FeedItem[] {
    const feed = this.#feed.feed;
    const key = [feed, this.tag, this.year, this.itemLang];
    if (key.every((value, index) => value === this.#matchingKey[index])) return this.#matchingItems;
    this.#matchingKey = key;
    if (!feed) return (this.#matchingItems = []);
    const tag = this.tag?.trim().toLowerCase();
    const year = Number(this.year);
    const language = this.itemLang?.trim();
    this.#matchingItems = sortNewestFirst(feed.items).filter(
      (item) =>
        (!tag || item.tags.some((candidate) => candidate.toLowerCase() === tag)) &&
        (!Number.isInteger(year) || year <= 0 || archiveYearOf(item) === year) &&
        (!language || speaks(item, feed, language)),
    );
    return this.#matchingItems;
  }

  get #hasFilters(): boolean {
    return Boolean(this.tag?.trim() || (Number.isInteger(Number(this.year)) && Number(this.year) > 0) || this.itemLang?.trim());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('src') || changed.has('feed') || changed.has('limit') || changed.has('tag') || changed.has('year') || changed.has('itemLang')) {
      this.shown = this.#limit;
      this.announcement = '';
    }
  }

  #onLoadMore = async (): Promise<void> => {
    if (this.#filling) return;
    const view = this.#feed.view;
    if (view.state === 'ready' && view.paging.error) void this.#feed.retryPage();
    const before = Math.min(this.#matching.length, this.shown);
    const wanted = before + this.#limit;
    this.shown = wanted;
    await this.#feed.settled();
    this.shown = Math.max(before, Math.min(wanted, this.#matching.length));
    const added = this.shown - before;
    if (added <= 0) return;
    this.announcement = '';
    await this.updateComplete;
    this.announcement = plural(this.locale, added, newsListMessages[this.locale].added);
    const card = this.renderRoot.querySelectorAll<MloArticleCard>('mlo-article-card')[before];
    if (card) {
      await card.updateComplete;
      card.focus();
    }
  };

  /**
   * Asks the network for the feed again (e.g. on a timer). If that fails, the news already shown stays,
   * marked as a saved copy with its age.
   */
  reload(): Promise<void> {
    return this.#feed.retry();
  }

  #retry = (): void => {
    void this.reload();
  };

  /**
   * The cards, or while the feed loads as many placeholder cards: one template for both, so that the card
   * elements of the placeholder are the ones that show the items. Nothing is torn down and built again
   * when the feed arrives, and each card then draws its item in a slice of its own
   * (src/internal/render-slices.ts), in the room its placeholder already took. `exportparts` names the card
   * parts a page may style through the list (`mlo-news-list::part(title)`).
   */
  #renderCards(items: FeedItem[] | undefined, before: TemplateResult | typeof nothing, after: TemplateResult | typeof nothing): TemplateResult {
    const loading = items === undefined;
    const slots: (FeedItem | undefined)[] = items ?? Array.from({ length: this.#limit }, () => undefined);
    if (!this.#cardsRendered && !loading) this.#holdForCards = true;
    this.#cardsRendered = true;
    if (loading) this.#placeholderCards = slots.length;
    else if (this.#placeholderCards > 0) {
      // Each item that takes over a placeholder card keeps that card's key from now on.
      this.#cardKeys = new Map(items.slice(0, this.#placeholderCards).map((item, index) => [item.id, index]));
      this.#placeholderCards = 0;
    }
    return html`${before}<div class=${loading ? 'placeholder' : 'content'} part=${ifDefined(loading ? 'skeleton' : undefined)} aria-busy=${ifDefined(loading ? 'true' : undefined)}>
      ${loading ? html`<span class="visually-hidden">${commonMessages[this.locale].loading}</span>` : nothing}
      <ul class="items items--${this.#layout}" part=${ifDefined(loading ? undefined : 'items')} aria-hidden=${ifDefined(loading ? 'true' : undefined)}>
        ${repeat(
          slots,
          (item, index) => (item ? (this.#cardKeys.get(item.id) ?? item.id) : index),
          (item) =>
            html`<li class="item" part=${ifDefined(item ? 'item' : undefined)}>
              <mlo-article-card
                exportparts="card, media, image, title, link, external-link, date, summary, tags, tag"
                lang=${ifDefined(this.getAttribute('lang') || undefined)}
                .article=${item}
                variant=${this.#cardVariant}
                heading-level=${ifDefined(this.headingLevel)}
                target=${ifDefined(this.target || undefined)}
              ></mlo-article-card>
            </li>`,
        )}
      </ul>
      ${after}
    </div>`;
  }

  #renderSkeleton(): TemplateResult {
    return this.#renderCards(undefined, nothing, html`<div class="more" aria-hidden="true"><span class="skeleton skeleton--button"></span></div>`);
  }

  #renderMore(feed: FeedView & { state: 'ready' }): TemplateResult | typeof nothing {
    const t = newsListMessages[this.locale];
    const { error, loading, hasMore, limitReached } = feed.paging;
    const canShowMore = this.#matching.length > this.shown || (hasMore && !limitReached);
    return html`${limitReached && this.#matching.length <= this.shown ? renderCrawlLimit(this.locale) : nothing}${error
      ? html`<div class="state state--error load-more-error" part="load-more-error" role="alert">
          <p class="state__message">${t.loadMoreFailed} ${commonMessages[this.locale].feedError(error.kind, error.status)}</p>
        </div>`
      : nothing}
    ${canShowMore
      ? html`<div class="more">
          <button
            class="button button--secondary"
            part="load-more-button"
            type="button"
            aria-disabled=${loading ? 'true' : 'false'}
            @click=${this.#onLoadMore}
          >
            ${loading ? t.loadingMore : t.loadMore}
          </button>
        </div>`
      : nothing}`;
  }

  #renderReady(view: FeedView & { state: 'ready' }): TemplateResult {
    const matching = this.#matching;
    const stale = view.staleBecause ? renderStaleNotice(this.locale, view.fetchedAt, this.#retry) : nothing;
    if (matching.length === 0) {
      if (view.paging.loading) return this.#renderSkeleton();
      const hasItems = view.feed.items.length > 0;
      return html`${stale}${renderEmpty(this.locale, hasItems && this.#hasFilters ? newsListMessages[this.locale].noMatches : undefined)}${this.#renderMore(view)}`;
    }
    return this.#renderCards(matching.slice(0, this.shown), stale, this.#renderMore(view));
  }

  #renderState(): TemplateResult {
    const view = this.#feed.view;
    switch (view.state) {
      case 'ready':
        return this.#renderReady(view);
      case 'error':
        return renderFeedError(this.locale, view.error, this.#retry);
      case 'idle':
        return renderEmpty(this.locale, commonMessages[this.locale].noSource);
      case 'loading':
        return this.#renderSkeleton();
    }
  }

  protected override render(): TemplateResult {
    return html`${this.#renderState()}
      <p class="visually-hidden" part="status" role="status">${this.announcement}</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mlo-news-list': MloNewsList;
  }
}
