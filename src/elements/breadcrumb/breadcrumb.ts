import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { FeedError } from '../../feed/errors.js';
import { archiveYearOf, findItem } from '../../feed/parse.js';
import { collapseWhitespace, itemDisplayTitle } from '../../feed/text.js';
import type { Feed, JsonFeed } from '../../feed/types.js';
import { safeUrl } from '../../feed/urls.js';
import { breadcrumbMessages, type BreadcrumbMessages } from '../../i18n/messages/breadcrumb.js';
import { commonMessages } from '../../i18n/messages/common.js';
import { FeedController } from '../../internal/feed-controller.js';
import { renderEmpty, renderErrorBlock, renderFeedError } from '../../internal/feed-states.js';
import { ON_SERVER } from '../../internal/environment.js';
import { hydrateOnlyIf } from '../../internal/hydration.js';
import { LightDomController } from '../../internal/light-dom.js';
import { MloElement } from '../../internal/mlo-element.js';
import { buttonStyles, hostStyles, skeletonStyles, stateStyles } from '../../internal/styles.js';
import { removeJsonLd, removeServerJsonLd, serverJsonLd, writeJsonLd } from '../../internal/json-ld.js';
import { styles } from './breadcrumb.styles.js';

/** One step of the path: a name, and the address of its page when it has one. */
export interface Crumb {
  name: string;
  url?: string;
}

/** What the element shows: render() and the JSON-LD both read it from `#view()`, so they never disagree. */
type View =
  | { kind: 'trail'; crumbs: Crumb[] }
  | { kind: 'loading' }
  | { kind: 'feed-error'; error: FeedError; onRetry: () => void }
  | { kind: 'not-found'; articleId: string; pastCrawlLimit: boolean }
  | { kind: 'empty'; message: string }
  /** On the server, without `src` or `feed`: the children, which the server does not see, shown as written. */
  | { kind: 'light-dom' };

/** A path longer than this collapses in a narrow container: the first step, "…", the last two. */
const COLLAPSE_ABOVE = 3;
/** The visible face of the expand button; its accessible name comes from the message table. */
const ELLIPSIS = '…';
/** Elements among the children that are never a step: our JSON-LD, scripts, styles, templates. */
const NOT_A_STEP = 'script, style, template, noscript, [aria-hidden="true"], [hidden]';
/** Wrappers whose children are the steps, so `<nav><ol><li><a>` markup works as well as bare links. */
const STEP_CONTAINER = 'nav, ol, ul';

/** The steps written as children, in order: each link or other element is one; `javascript:` hrefs become plain steps. */
function readSteps(parent: Element, into: Crumb[]): Crumb[] {
  for (const child of parent.children) {
    if (child.matches(NOT_A_STEP)) continue;
    if (child.matches(STEP_CONTAINER)) {
      readSteps(child, into);
      continue;
    }
    // The step's own link names it, so a separator written inside an `<li>` is not part of the name.
    const link = child.matches('a') ? child : child.querySelector('a[href]');
    const name = collapseWhitespace((link ?? child).textContent);
    if (!name) continue;
    into.push({ name, url: link ? safeUrl(link.getAttribute('href'), document.baseURI) : undefined });
  }
  return into;
}

function sameCrumbs(a: readonly Crumb[], b: readonly Crumb[]): boolean {
  return a.length === b.length && a.every((crumb, index) => crumb.name === b[index]?.name && crumb.url === b[index].url);
}

/** schema.org BreadcrumbList: positions from 1, absolute URLs; a step without a page has no `item`. */
export function breadcrumbJsonLd(crumbs: readonly Crumb[]): object {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: crumb.name,
      ...(crumb.url ? { item: crumb.url } : {}),
    })),
  };
}

/**
 * Shows where the reader is on the site: "MLO Belgrade / Newsroom / News Archive / 2023 / Title".
 *
 * Write the path as links inside the element and it reads correctly before the script loads; the
 * children stay the source of truth (changing them re-renders). Or give `src` and `article-id`:
 * the path is the feed's `_mlo.trail`, then the article's archive year (linked to that year's
 * archive page when the feed lists one), then its title. Without `article-id` the feed's trail
 * alone is shown, for the section page itself. When both are given, the children win.
 *
 * The last step is the current page (`aria-current="page"`, never a link). In a narrow container a
 * path of more than three steps collapses to the first step, a "…" button and the last two.
 * A schema.org `BreadcrumbList` is written as JSON-LD into the light DOM unless `no-json-ld` is set.
 *
 * Server rendering (docs/ssr.md): the server does not see the children, so without `src` or `feed`
 * it renders a slot and the children show as written until the browser renders the path from them.
 * Given `feed` (or `src`, as the placeholder), it renders the path, with its JSON-LD in the shadow
 * root, and the browser hydrates it.
 *
 * @slot - The path, as links (or a `<nav><ol><li>` list); read, not shown, once the element runs in the browser.
 *
 * @summary Where the reader is: the path from the site's home to the current page.
 *
 * @csspart nav - The `<nav>` landmark around the path.
 * @csspart list - The ordered list of steps.
 * @csspart item - Each step (`<li>`); style its separator with `::part(item)::before`.
 * @csspart link - The link of a step that has a page.
 * @csspart text - The name of a step without a page.
 * @csspart current - The current page's name (the last step).
 * @csspart expand-button - The "…" button of a collapsed path.
 * @csspart loading - The placeholder shown while the feed loads.
 * @csspart skeleton - The placeholder line inside it.
 * @csspart error - The alert shown when the feed or the article cannot be read.
 * @csspart error-title - Its title.
 * @csspart error-message - Its explanation.
 * @csspart retry-button - Its Retry button.
 * @csspart empty - The message shown when there is no path to show.
 *
 * @cssprop --mlo-breadcrumb-separator-color - Colour of the "/" between steps. Default: `--mlo-color-text-muted`.
 * @cssprop --mlo-breadcrumb-separator-gap - Space on each side of a separator. Default: `0.5em`.
 * @cssprop --mlo-breadcrumb-current-color - Colour of the current page's name. Default: `--mlo-color-text`.
 * @cssprop --mlo-color-link - Colour of the links.
 * @cssprop --mlo-color-text - Text colour.
 * @cssprop --mlo-color-text-muted - Secondary text colour.
 * @cssprop --mlo-color-border - Border of the "…" button.
 * @cssprop --mlo-color-focus - Focus outline colour.
 * @cssprop --mlo-font-size - Base size in px; everything else is in em of it. Default: `16px`.
 * @cssprop --mlo-font-family - Font stack.
 *
 * @fires mlo-feed-load {CustomEvent<FeedLoadDetail>} - The feed given by `src` loaded.
 * @fires mlo-feed-error {CustomEvent<FeedErrorDetail>} - The feed could not be loaded (or only a saved copy was).
 *
 * @tagname mlo-breadcrumb
 */
export class MloBreadcrumb extends MloElement {
  static override styles = [hostStyles, buttonStyles, stateStyles, skeletonStyles, styles];

  /** Address of the JSON Feed that holds the section trail and the article. Ignored when the element has links as children. */
  @property({ type: String, attribute: 'src' }) src?: string;

  /** The feed item that is the current page: its `id`, or its `url`. */
  @property({ type: String, attribute: 'article-id' }) articleId?: string;

  /** A JSON Feed document (or a feed from `parseFeed`) to read instead of fetching `src`. */
  @property({ attribute: false }) feed?: JsonFeed | Feed;

  /** The accessible name of the navigation landmark; defaults to "Breadcrumb" in the page's language. */
  @property({ type: String, attribute: 'label' }) label?: string;

  /** Turns off the schema.org BreadcrumbList JSON-LD written into the light DOM. */
  @property({ type: Boolean, attribute: 'no-json-ld' }) noJsonLd = false;

  /** The steps read from the element's children; empty when the path comes from a feed. */
  @state() private lightCrumbs: Crumb[] = [];

  /** True once the reader has opened a collapsed path. */
  @state() private expanded = false;

  readonly #feed = new FeedController(this, () =>
    this.lightCrumbs.length > 0 ? {} : { src: this.src, data: this.feed },
  );

  constructor() {
    super();
    new LightDomController(this, () => this.#readLightDom(), {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['href', 'hidden', 'aria-hidden'],
    });
    // The article may be on a later page of a paged feed: keep looking before saying "not found".
    this.#feed.loadUntil((feed) => {
      const articleId = this.#articleIdOrUndefined();
      return articleId === undefined || findItem(feed, articleId) !== undefined;
    });
  }

  protected override update(changed: PropertyValues<this>): void {
    if (!this.hasUpdated) {
      // The server rendered the path from `src` or `feed` alone (a slot without them): the browser
      // hydrates it when it renders the same, with no children to read (MloElement checks the language).
      const fromFeed = () => this.lightCrumbs.length === 0 && (Boolean(this.src?.trim()) || this.feed !== undefined);
      hydrateOnlyIf(this, () => fromFeed() && this.shadowRoot?.querySelector('slot') == null);
    }
    super.update(changed);
  }

  #readLightDom(): void {
    const crumbs = readSteps(this, []);
    if (!sameCrumbs(crumbs, this.lightCrumbs)) this.lightCrumbs = crumbs;
  }

  #retry = (): void => {
    void this.#feed.retry();
  };

  #retryPage = (): void => {
    void this.#feed.retryPage();
  };

  /** Reveals the hidden middle of a collapsed path and moves focus there, since the button disappears. */
  #expand = async (): Promise<void> => {
    this.expanded = true;
    await this.updateComplete;
    const firstRevealed = this.renderRoot.querySelector<HTMLElement>('.item--middle');
    if (!firstRevealed) return;
    const link = firstRevealed.querySelector<HTMLElement>('a');
    if (!link) firstRevealed.tabIndex = -1;
    (link ?? firstRevealed).focus();
  };

  #articleIdOrUndefined(): string | undefined {
    const id = this.articleId?.trim();
    return id ? id : undefined;
  }

  /** The path from the feed: its trail, then the article's archive year and title. */
  #crumbsFromFeed(feed: Feed, articleId: string | undefined, t: BreadcrumbMessages): Crumb[] | undefined {
    const crumbs: Crumb[] = feed.mlo.trail.map(({ name, url }) => ({ name, url }));
    if (articleId === undefined) return crumbs;
    const item = findItem(feed, articleId);
    if (!item) return undefined;
    // Editorial year, else the publication year; never the URL, which on the real site disagrees.
    const year = archiveYearOf(item);
    if (year !== undefined) crumbs.push({ name: String(year), url: feed.mlo.archives.find((page) => page.year === year)?.url });
    crumbs.push({ name: itemDisplayTitle(item) || t.untitled, url: item.url });
    return crumbs;
  }

  #view(): View {
    const t = breadcrumbMessages[this.locale];
    if (this.lightCrumbs.length > 0) return { kind: 'trail', crumbs: this.lightCrumbs };
    const view = this.#feed.view;
    switch (view.state) {
      case 'idle':
        return ON_SERVER ? { kind: 'light-dom' } : { kind: 'empty', message: t.nothingToShow };
      case 'loading':
        return { kind: 'loading' };
      case 'error':
        return { kind: 'feed-error', error: view.error, onRetry: this.#retry };
      case 'ready': {
        const articleId = this.#articleIdOrUndefined();
        const crumbs = this.#crumbsFromFeed(view.feed, articleId, t);
        if (crumbs === undefined) {
          const { paging } = view;
          if (paging.error) return { kind: 'feed-error', error: paging.error, onRetry: this.#retryPage };
          if (paging.loading || (paging.hasMore && !paging.limitReached)) return { kind: 'loading' };
          return { kind: 'not-found', articleId: articleId ?? '', pastCrawlLimit: paging.limitReached };
        }
        return crumbs.length > 0 ? { kind: 'trail', crumbs } : { kind: 'empty', message: t.noTrail };
      }
    }
  }

  protected override firstUpdated(changed: PropertyValues<this>): void {
    super.firstUpdated(changed);
    // Hydrated: the light-DOM block written in updated() replaces the one the server put in the shadow root.
    if (this.shadowRoot) removeServerJsonLd(this.shadowRoot);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const view = this.#view();
    if (view.kind === 'trail' && !this.noJsonLd) writeJsonLd(this, breadcrumbJsonLd(view.crumbs));
    else removeJsonLd(this);
  }

  #renderStep(crumb: Crumb, isCurrent: boolean): TemplateResult {
    if (isCurrent) return html`<span class="step current" part="current" aria-current="page">${crumb.name}</span>`;
    if (crumb.url) return html`<a class="step link" part="link" href=${crumb.url}>${crumb.name}</a>`;
    return html`<span class="step text" part="text">${crumb.name}</span>`;
  }

  #renderExpandItem(t: BreadcrumbMessages): TemplateResult {
    return html`<li class="item item--toggle" part="item">
      <button class="expand" part="expand-button" type="button" aria-expanded=${this.expanded ? 'true' : 'false'} aria-label=${t.showFullPath} @click=${this.#expand}>
        <span aria-hidden="true">${ELLIPSIS}</span>
      </button>
    </li>`;
  }

  #renderTrail(crumbs: Crumb[]): TemplateResult {
    const t = breadcrumbMessages[this.locale];
    const collapsible = crumbs.length > COLLAPSE_ABOVE;
    const last = crumbs.length - 1;
    // Plain class strings: classMap would add its directive's code to the page for two modifiers.
    const listClass = `list${collapsible ? ' list--collapsible' : ''}${this.expanded ? ' list--expanded' : ''}`;
    return html`<nav part="nav" aria-label=${this.label?.trim() || t.label}>
      <ol class=${listClass} part="list">
        ${crumbs.map(
          (crumb, index) => html`${collapsible && index === 1 ? this.#renderExpandItem(t) : nothing}<li
              class=${collapsible && index > 0 && index < last - 1 ? 'item item--middle' : 'item'}
              part="item"
            >
              ${this.#renderStep(crumb, index === last)}
            </li>`,
        )}
      </ol>
    </nav>`;
  }

  #renderLoading(): TemplateResult {
    return html`<div class="loading" part="loading" role="status">
      <span class="visually-hidden">${breadcrumbMessages[this.locale].loading}</span>
      <span class="skeleton skeleton--line" part="skeleton" aria-hidden="true"></span>
    </div>`;
  }

  /** The article is not in the feed, or not in the part of it read before the crawl bounds. */
  #renderNotFound(articleId: string, pastCrawlLimit: boolean): TemplateResult {
    const t = breadcrumbMessages[this.locale];
    const message = pastCrawlLimit ? commonMessages[this.locale].crawlLimit : t.articleNotFound(articleId);
    return renderErrorBlock(this.locale, t.unavailableTitle, message, this.#retry);
  }

  override render(): TemplateResult {
    const view = this.#view();
    const jsonLd = view.kind === 'trail' && !this.noJsonLd ? serverJsonLd(breadcrumbJsonLd(view.crumbs)) : nothing;
    return html`${this.#renderView(view)}${jsonLd}`;
  }

  #renderView(view: View): TemplateResult {
    switch (view.kind) {
      case 'light-dom':
        return html`<slot></slot>`;
      case 'trail':
        return this.#renderTrail(view.crumbs);
      case 'loading':
        return this.#renderLoading();
      case 'feed-error':
        return renderFeedError(this.locale, view.error, view.onRetry);
      case 'not-found':
        return this.#renderNotFound(view.articleId, view.pastCrawlLimit);
      case 'empty':
        return renderEmpty(this.locale, view.message);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mlo-breadcrumb': MloBreadcrumb;
  }
}
