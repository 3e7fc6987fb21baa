import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { toFeedError, type FeedError } from '../../feed/errors.js';
import { itemBodyText, itemDisplayTitle } from '../../feed/text.js';
import type { Feed, FeedItem, JsonFeed } from '../../feed/types.js';
import { safeUrl } from '../../feed/urls.js';
import { formatItemDate, itemDateAttribute } from '../../i18n/locale.js';
import { archiveSearchMessages, type ArchiveSearchMessages } from '../../i18n/messages/archive-search.js';
import { commonMessages } from '../../i18n/messages/common.js';
import { integerInRange } from '../../internal/attributes.js';
import { ON_SERVER } from '../../internal/environment.js';
import { FeedController, type FeedView, type Paging } from '../../internal/feed-controller.js';
import { renderCrawlLimit, renderEmpty, renderFeedError, renderStaleNotice } from '../../internal/feed-states.js';
import { MloElement } from '../../internal/mlo-element.js';
import { buttonStyles, hostStyles, stateStyles } from '../../internal/styles.js';
import type { TermMatcher, TextSegment } from '../../search/highlight.js';
import { requestManifest } from '../../search/prebuilt/fetch.js';
import type { PrebuiltSearchIndex } from '../../search/prebuilt/read.js';
import type { SearchHit, SearchIndex, SearchOptions, SearchResults } from '../../search/search-index.js';
import { yieldToMain } from '../../feed/yield.js';
import { styles } from './archive-search.styles.js';

export type { SearchReadyDetail, SearchReadyEvent } from '../../events.js';

/** The query parameter read and written with `sync-url`, and the field name of the plain form. */
const QUERY_PARAMETER = 'q';
/** Results listed when `limit` is not a usable number. */
const DEFAULT_LIMIT = 10;
/** More results than this are no longer a list to choose from. */
const MAX_LIMIT = 100;
/** How often the "so far" count of indexed articles may change while indexing. */
const PROGRESS_INTERVAL_MS = 250;
/**
 * Once the archive's first page is searchable, indexing waits while keys come faster than this, and
 * resumes when the reader pauses: a key that landed behind an indexing slice (and its garbage
 * collection) waited 20-40 ms for the main thread at 4x CPU (bench/RESULTS.md, "fourteenth session").
 * The first page is never held: until it is indexed there is nothing to answer with.
 */
const TYPING_PAUSE_MS = 300;
/** A reader who types on and on holds indexing this long at most, then it goes on while they type. */
const TYPING_HOLD_MAX_MS = 2000;
/** Characters of summary or body shown around the first match. */
const EXCERPT_LENGTH = 160;

/** The search engine and the highlighting: loaded on the reader's first sign of wanting to search. */
type Engine = typeof import('../../search/engine.js');
const loadEngine = (): Promise<Engine> => import('../../search/engine.js');

/**
 * Searches the whole news archive as you type, forgiving typos ("Stoltenbreg"), missing
 * diacritics ("cacak" finds "Čačak", "djordje" finds "Đorđe") and the script a word is written in
 * ("beograd" finds "Београд", "наука" finds "nauka").
 *
 * The box is a WAI-ARIA combobox with a list of results: ArrowDown/ArrowUp move through them,
 * Enter opens the active one, Escape closes the list and then clears the box, Home/End move in the
 * box. Results are real links: a click opens them, a modifier-click opens a new tab. Filters by
 * archive year and by topic (built from the data) combine with the words.
 *
 * Nothing is requested until the reader shows they want to search: focus in the box, a key
 * press, words given by the page (`query`, or `?q=` with `sync-url`). Then the search code loads,
 * and the feed's first page; when the feed names a prebuilt index (`_mlo.search_index_url`,
 * docs/search-index.md), each query fetches only the few small files it needs. A page that knows
 * the index names it in `search-index`: the first search then asks for it at once, and the feed is
 * read only if the index fails. Otherwise every
 * page of the feed (`next_url`, within the crawl bounds of docs/feed-format.md, "Limits") is
 * loaded in the background and indexed in slices that never block the page; once the first page is
 * searchable, the slices wait while the reader types (2 s at most) and resume when they pause. So it
 * is too when the prebuilt index fails, after saying so.
 *
 * Put a plain form inside for visitors without JavaScript: it shows until the element is defined,
 * and its `action` is used when the `action` attribute is absent. When the archive cannot be read,
 * the element says why and offers the same plain GET form (field `q`) to the site's search page.
 *
 * ```html
 * <mlo-archive-search src="/news/feed.json" search-index="/news/search-index.json" action="/search" sync-url>
 *   <form action="/search" method="get"><label>Search our content <input name="q" type="search"></label> <button>Search</button></form>
 * </mlo-archive-search>
 * ```
 *
 * @summary A forgiving, keyboard-friendly search of the whole news archive.
 *
 * @slot - A plain `<form action method="get">` for visitors without JavaScript; shown only until the element is defined.
 *
 * @csspart search - The search landmark holding the label, the box and the filters.
 * @csspart label - The visible label of the box.
 * @csspart input - The search box (a combobox).
 * @csspart filters - The year and topic filters.
 * @csspart filter-label - The label of a filter.
 * @csspart select - A filter's drop-down.
 * @csspart progress - The note shown while the archive loads and is indexed.
 * @csspart status - The live region that says how many results there are.
 * @csspart listbox - The list of results.
 * @csspart option - One result (a link).
 * @csspart option-title - A result's title.
 * @csspart option-date - A result's date.
 * @csspart option-excerpt - The text around the match.
 * @csspart option-pending - A row kept for a result still loading (a prebuilt index shows the best results as soon as they come).
 * @csspart mark - A matched word.
 * @csspart fallback - The plain search form shown when the archive cannot be searched here.
 * @csspart fallback-input - The box of the plain form.
 * @csspart fallback-button - The submit button of the plain form.
 * @csspart error - The alert that says why the archive cannot be searched.
 * @csspart index-error - The alert that says the prebuilt search index failed and the feed's pages are searched instead.
 * @csspart error-title - The alert's title.
 * @csspart error-message - The alert's explanation.
 * @csspart retry-button - Retry, in the alert and in the saved-copy notice.
 * @csspart stale - The notice shown when a saved copy of the feed is searched, or when a later page failed.
 * @csspart crawl-limit - The notice that the archive has more pages than are read (docs/feed-format.md, "Limits").
 * @csspart empty - The message shown when the archive has no articles.
 *
 * @cssprop --mlo-font-size - Base size in px; every size scales from it. Default 16px.
 * @cssprop --mlo-font-family - Text font.
 * @cssprop --mlo-heading-font-family - Font of result titles.
 * @cssprop --mlo-color-text - Text colour.
 * @cssprop --mlo-color-text-muted - Dates, counts and filter labels.
 * @cssprop --mlo-color-background - Background of the box and the list.
 * @cssprop --mlo-color-surface - Background of the active and hovered result.
 * @cssprop --mlo-color-link - Result titles.
 * @cssprop --mlo-color-accent - The edge of the active result; buttons.
 * @cssprop --mlo-color-border - Borders of the box, filters and list.
 * @cssprop --mlo-color-focus - Focus outline, and the outline of the active result.
 * @cssprop --mlo-color-highlight - Background of matched words.
 * @cssprop --mlo-radius - Corner radius.
 *
 * @fires mlo-article-select {ArticleSelectEvent} - A result was chosen with Enter or a click. Cancelable: `preventDefault()` keeps the link from opening.
 * @fires mlo-search-ready {SearchReadyEvent} - The prebuilt index is open, or every page of the archive has been indexed (or as many as could be loaded).
 * @fires mlo-feed-load {FeedLoadEvent} - The first page of the feed loaded.
 * @fires mlo-feed-error {FeedErrorEvent} - The feed, a later page of it, or its prebuilt search index could not be loaded.
 *
 * @tagname mlo-archive-search
 */
export class MloArchiveSearch extends MloElement {
  static override styles = [hostStyles, buttonStyles, stateStyles, styles];

  /** The address of the archive's JSON Feed; its `next_url` pages are followed. */
  @property({ type: String, attribute: 'src' }) src?: string;

  /** A JSON Feed document (or a feed from `parseFeed`) to search instead of fetching `src`. */
  @property({ attribute: false }) feed?: JsonFeed | Feed;

  /**
   * The prebuilt search index's manifest (`search-index.json`, docs/search-index.md), when the page
   * knows it: the first search asks for it at once rather than after the feed's first page, and the
   * feed is read only if the index fails (its pages are then searched). Default: the feed's
   * `_mlo.search_index_url`.
   */
  @property({ type: String, attribute: 'search-index' }) searchIndex?: string;

  /** The visible label of the box. Default: "Search our content", in the page's language. */
  @property({ type: String, attribute: 'label' }) label?: string;

  /** An example of what to type. Not a label: the label stays visible. */
  @property({ type: String, attribute: 'placeholder' }) placeholder?: string;

  /** How many results are listed (1–100, default 10). */
  @property({ type: Number, attribute: 'limit' }) limit = DEFAULT_LIMIT;

  /** The site's search page for the plain form. Default: the feed's `_mlo.search_url`, else the inner form's `action`. */
  @property({ type: String, attribute: 'action' }) action?: string;

  /** Keeps the words in the page address (`?q=`), so a search can be shared and survives a reload. */
  @property({ type: Boolean, attribute: 'sync-url' }) syncUrl = false;

  /** Milliseconds of quiet typing before searching. */
  @property({ type: Number, attribute: 'debounce' }) debounce = 80;

  /** The words searched for. Typing updates it; setting it searches (and counts as the reader's wish to search). */
  @property({ type: String, attribute: 'query' }) query = '';

  @state() private results?: SearchResults;
  /** Hits of `results` still on their way (their records loading): rows kept for them. */
  @state() private pendingHits = 0;
  /** The reader closed the list (Escape, or focus left): it stays closed until they come back or type. */
  @state() private dismissed = false;
  @state() private activeIndex = -1;
  @state() private year?: number;
  @state() private tag?: string;
  @state() private choices: { years: number[]; tags: string[] } = { years: [], tags: [] };
  @state() private indexing = false;
  @state() private indexedCount = 0;
  /** The reader has shown they want to search: until then nothing is requested. */
  @state() private intent = false;
  /** The prebuilt index is being opened (its manifest and vocabulary). */
  @state() private opening = false;
  /** Why the prebuilt index failed: shown, and the feed's pages are searched instead. */
  @state() private indexError?: FeedError;
  /** The search code could not be loaded. */
  @state() private engineFailed = false;

  // The feed is read once the reader shows intent, unless the page named the index: then only if it fails.
  readonly #feed = new FeedController(this, () => (this.intent && !this.#givenIndex ? { src: this.src, data: this.feed } : { src: undefined, data: undefined }));
  #engine?: Engine;
  #engineLoad?: Promise<void>;
  /** The in-memory index of the crawled pages (no prebuilt index, or it failed). */
  #index?: SearchIndex;
  /** The prebuilt index, once open. */
  #prebuilt?: PrebuiltSearchIndex;
  #mode: 'none' | 'prebuilt' | 'crawl' = 'none';
  /** Answers of the prebuilt index arrive later: only the latest search's answer is shown. */
  #searchNumber = 0;
  /** The feed whose items are in the index, and how many of its items were taken. */
  #indexedFeed?: Feed;
  #indexedItems = 0;
  #build = new AbortController();
  #syncing = false;
  #debounceTimer?: ReturnType<typeof setTimeout>;
  /** True while a `query` change comes from typing (searched after the debounce, not at once). */
  #typing = false;
  /** The inner no-JavaScript form's action, read when connected. */
  #innerAction?: string;
  #hitTextsFor?: { results: SearchResults; texts: HitText[] };
  #progressShownAt = Number.NEGATIVE_INFINITY;
  #lastKeyAt = Number.NEGATIVE_INFINITY;
  /** When the reader began typing without a pause of TYPING_PAUSE_MS. */
  #typingSince = Number.NEGATIVE_INFINITY;

  override connectedCallback(): void {
    super.connectedCallback();
    // The page's own no-JavaScript form, as written in the markup: read once, never watched.
    // eslint-disable-next-line wc/no-child-traversal-in-connectedcallback -- the form is server markup present at upgrade, and later changes to it do not matter: its action is only a fallback.
    this.#innerAction = this.querySelector(':scope > form[action]')?.getAttribute('action') ?? undefined;
    if (this.syncUrl) {
      const fromUrl = new URL(window.location.href).searchParams.get(QUERY_PARAMETER);
      if (fromUrl) this.query = fromUrl;
    }
  }

  /** The reader wants to search: load the search code, then (through the feed controller) the feed. */
  #showIntent(): void {
    if (ON_SERVER) return;
    this.intent = true;
    if (this.#engineLoad) return;
    this.engineFailed = false;
    this.#engineLoad = loadEngine().then(
      (engine) => {
        this.#engine = engine;
        this.requestUpdate();
      },
      () => {
        this.#engineLoad = undefined;
        this.engineFailed = true;
      },
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#debounceTimer);
    this.#build.abort();
  }

  constructor() {
    super();
    // Without a prebuilt index, every page of the archive, but each only once the ones before it are indexed.
    this.#feed.loadUntil((feed) => this.#mode !== 'crawl' || this.#indexedItems < feed.items.length);
    // After the feed controller's own hostUpdate (controllers run in order), so it sees a feed loaded in
    // this update; and before render, so the index's state changes join this update.
    this.addController({ hostUpdate: () => void this.#syncIndex() });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Another index named: its own chance, from the start.
    if (changed.has('searchIndex') && changed.get('searchIndex') !== undefined) {
      this.indexError = undefined;
      this.#resetIndex(this.#feed.feed);
    }
    // Words given by the page (the attribute, the property, ?q= with sync-url) are a search asked for.
    if (changed.has('query') && this.query.trim() !== '') this.#showIntent();
    if ((changed.has('query') && !this.#typing) || changed.has('limit')) this.#search();
    this.#typing = false;
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('activeIndex') && this.activeIndex >= 0) {
      this.renderRoot.querySelector(`#option-${this.activeIndex}`)?.scrollIntoView({ block: 'nearest' });
    }
  }

  // Indexing: the prebuilt index when the feed names one; else the first page, then every next page, each in slices.

  /** The index the page named (`search-index`), while it has not failed. */
  get #givenIndex(): string | undefined {
    return this.indexError ? undefined : safeUrl(this.searchIndex);
  }

  /** True when `feed` is the indexed feed or the same feed with more pages appended. */
  #continuesIndex(feed: Feed): boolean {
    const indexed = this.#indexedFeed;
    if (!indexed) return false;
    if (feed === indexed) return true;
    const count = this.#indexedItems;
    return feed.items.length >= count && feed.items[0] === indexed.items[0] && (count === 0 || feed.items[count - 1] === indexed.items[count - 1]);
  }

  #resetIndex(feed?: Feed): void {
    this.#build.abort();
    this.#build = new AbortController();
    this.#index = undefined;
    this.#prebuilt = undefined;
    this.#mode = 'none';
    this.#indexedFeed = feed;
    this.#indexedItems = 0;
    this.indexedCount = 0;
    this.indexing = false;
    this.opening = false;
    this.choices = { years: [], tags: [] };
    this.#search();
  }

  /** Opens the prebuilt index the feed names; when it fails, says so and searches the feed's pages instead. */
  async #openPrebuilt(url: string): Promise<void> {
    this.#mode = 'prebuilt';
    this.opening = true;
    const { signal } = this.#build;
    try {
      // The manifest is asked for now, while the engine's code may still be loading: both arrive together.
      const manifest = requestManifest(url, { signal });
      await this.#engineLoad;
      const engine = this.#engine;
      if (!engine) {
        // The engine failed (its own alert says so); its Retry loads it, and its arrival comes back here.
        if (!signal.aborted) {
          this.#mode = 'none';
          this.opening = false;
        }
        return;
      }
      const index = await engine.PrebuiltSearchIndex.fromRequest(manifest);
      if (signal.aborted) return;
      this.#prebuilt = index;
      this.opening = false;
      this.indexedCount = index.size;
      this.choices = { years: index.years().map(({ year }) => year), tags: index.tags().map(({ tag }) => tag) };
      this.emit('mlo-search-ready', { itemCount: index.size, complete: true });
      this.#search();
    } catch (error) {
      if (!signal.aborted) this.#prebuiltFailed(error);
    }
  }

  #prebuiltFailed(error: unknown): void {
    const feedError = toFeedError(error);
    this.indexError = feedError;
    this.emit('mlo-feed-error', { error: feedError });
    // The next sync crawls the feed's pages: the index error keeps the prebuilt index out.
    this.#resetIndex(this.#feed.feed);
    this.requestUpdate();
  }

  /** Retry of the prebuilt index: from the start, with the prebuilt index again. */
  #retryIndex = (): void => {
    this.indexError = undefined;
    this.#resetIndex(this.#feed.feed);
  };

  /**
   * Brings the index up to date with the pages loaded so far (the feed controller fetches the next one
   * once these are in). One run at a time; a run's end asks for an update, whose willUpdate runs this again.
   */
  async #syncIndex(): Promise<void> {
    // A removed search indexes and fetches nothing (Lit still updates it); reconnecting resumes.
    if (this.#syncing || !this.intent || !this.isConnected) return;
    const given = this.#givenIndex;
    if (given) {
      // The feed is not read: the index alone answers (its manifest asked for while the engine loads).
      if (this.#engine || this.#engineLoad) {
        if (this.#build.signal.aborted || this.#mode === 'crawl') this.#resetIndex();
        if (this.#mode === 'none') void this.#openPrebuilt(given);
      }
      return;
    }
    const view = this.#feed.view;
    if (view.state !== 'ready') {
      if (this.#indexedFeed) this.#resetIndex();
      return;
    }
    const engine = this.#engine;
    // Without the engine, only a prebuilt index's opening can start (its manifest's request), and only while the engine loads.
    if (!engine && !this.#engineLoad) return; // Its arrival asks for an update, which comes back here.
    const { feed, paging } = view;
    const indexUrl = this.indexError ? undefined : feed.mlo.searchIndexUrl;
    if (!engine && !indexUrl) return;
    // A new feed, an aborted build that left a partial index, or another way to search it: start over.
    if (this.#build.signal.aborted || !this.#continuesIndex(feed) || this.#mode === (indexUrl ? 'crawl' : 'prebuilt')) this.#resetIndex(feed);
    if (indexUrl) {
      if (this.#mode === 'none') void this.#openPrebuilt(indexUrl);
      return;
    }
    if (!engine) return;
    if (this.#mode !== 'crawl') {
      this.#mode = 'crawl';
      this.#index = new engine.SearchIndex();
      this.indexing = true;
    }
    const index = this.#index!;
    const fresh = feed.items.slice(this.#indexedItems);
    if (fresh.length === 0) {
      const pagesDone = !paging.loading && (!paging.hasMore || paging.error !== undefined || paging.limitReached);
      if (pagesDone && this.indexing) {
        this.indexing = false;
        this.emit('mlo-search-ready', { itemCount: index.size, complete: !paging.error && !paging.limitReached });
      }
      return;
    }
    this.#syncing = true;
    const { signal } = this.#build;
    try {
      await index.addInChunks(fresh, { signal, onProgress: (count) => this.#progress(count), whenFree: () => this.#typingPaused(signal) });
      // The results are searched and drawn again in a task of their own, not after the last slice.
      await yieldToMain();
      signal.throwIfAborted();
      this.#indexedFeed = feed;
      this.#indexedItems = feed.items.length;
      this.#indexChanged();
    } catch {
      // Superseded by another feed: the next run starts over with it.
    } finally {
      this.#syncing = false;
      this.requestUpdate();
    }
  }

  /** Resolves once the reader has paused or held indexing TYPING_HOLD_MAX_MS; undefined when it need not wait. */
  #typingPaused(signal: AbortSignal): Promise<void> | undefined {
    const resumeAt = Math.min(this.#lastKeyAt + TYPING_PAUSE_MS, this.#typingSince + TYPING_HOLD_MAX_MS);
    const wait = resumeAt - performance.now();
    if (wait <= 0 || this.#indexedItems === 0 || signal.aborted) return undefined;
    return new Promise((resolve) => setTimeout(resolve, wait)).then(() => this.#typingPaused(signal));
  }

  /** Updates the "so far" count a few times a second, not after every slice: each update renders. */
  #progress(count: number): void {
    const now = performance.now();
    if (now - this.#progressShownAt < PROGRESS_INTERVAL_MS) return;
    this.#progressShownAt = now;
    this.indexedCount = count;
  }

  /** New items are searchable: refresh the filter choices, and the results unless the reader is moving through them. */
  #indexChanged(): void {
    const index = this.#index;
    if (!index) return;
    this.indexedCount = index.size;
    this.choices = { years: index.years().map(({ year }) => year), tags: index.tags().map(({ tag }) => tag) };
    // Drawn in the next task, as a typed search is: the filters' new choices are drawn in this one.
    if (this.activeIndex < 0) this.#search(true);
  }

  // Searching.

  /** Searches now; `apart` (a typed query, or more of the archive indexed): in later tasks, the search, the marking and the drawing each in its own. */
  #search(apart = false): void {
    clearTimeout(this.#debounceTimer);
    // A limit of 0, a negative or a non-number would hide every result: such a value means the default.
    const limit = integerInRange(this.limit, 1, MAX_LIMIT, DEFAULT_LIMIT);
    const options: SearchOptions = { limit, year: this.year, tag: this.tag };
    const searched = this.query.trim() !== '' || this.year !== undefined || this.tag !== undefined;
    const number = ++this.#searchNumber;
    this.activeIndex = -1;
    if (this.syncUrl) this.#writeUrl();
    const prebuilt = this.#prebuilt;
    if (searched && prebuilt) {
      // The shards this query needs are fetched (once); the last results stay until the answer comes.
      const current = () => number === this.#searchNumber && this.#prebuilt === prebuilt;
      // The best hits first, the rows of the rest held until their records come. The first answer shown,
      // early or not, replaces the earlier query's list and the reader's place in it; later ones keep it.
      let shownEarly = false;
      const onEarlyHits = (results: SearchResults, pending: number) => {
        if (!current()) return;
        if (!shownEarly) this.activeIndex = -1;
        shownEarly = true;
        this.results = results;
        this.pendingHits = pending;
      };
      prebuilt.search(this.query, { ...options, onEarlyHits }).then(
        (results) => {
          if (!current()) return;
          if (!shownEarly) this.activeIndex = -1;
          this.results = results;
          this.pendingHits = 0;
        },
        (error: unknown) => {
          if (this.#prebuilt === prebuilt) this.#prebuiltFailed(error);
        },
      );
      return;
    }
    this.pendingHits = 0;
    // Nothing indexed yet (the code or the feed still loading): no results, rather than wrong ones.
    const query = this.query;
    const runSearch = () => (searched ? this.#index?.search(query, options) : undefined);
    if (!apart) {
      this.results = runSearch();
      return;
    }
    // Searching, marking the hits' texts and drawing them, each in a task of its own after the one that
    // asked (a key's handlers, or new filter choices and their render): together they kept the next key
    // waiting, and with the choices' render made tasks of 45-57 ms at 4x CPU while the archive was indexed.
    const stillCurrent = async (): Promise<boolean> => {
      await yieldToMain();
      return number === this.#searchNumber;
    };
    void (async () => {
      if (!(await stillCurrent())) return;
      const results = runSearch();
      if (results) {
        if (!(await stillCurrent())) return;
        this.#hitTexts(results);
        if (!(await stillCurrent())) return;
      }
      this.results = results;
    })();
  }

  #writeUrl(): void {
    if (ON_SERVER) return;
    const url = new URL(window.location.href);
    const words = this.query.trim();
    if (words) url.searchParams.set(QUERY_PARAMETER, words);
    else url.searchParams.delete(QUERY_PARAMETER);
    if (url.href !== window.location.href) window.history.replaceState(window.history.state, '', url);
  }

  /** The list shows when there are results and the reader has not closed it. */
  get #open(): boolean {
    return (this.results?.hits.length ?? 0) > 0 && !this.dismissed;
  }

  #announcement(t: ArchiveSearchMessages): string {
    const results = this.results;
    if (!results) return '';
    // Until the whole archive is indexed, "no results" may be wrong; the progress note speaks meanwhile.
    if (results.total === 0 && (this.#feed.view.state === 'loading' || this.indexing || this.opening)) return '';
    if (results.total === 0) return results.query.trim() ? t.noResults(results.query.trim()) : t.noFilteredResults;
    // Rows still loading count as shown: the count is said once, not again when they arrive.
    const count = t.resultCount(results.total, results.hits.length + this.pendingHits);
    return results.partial ? `${count}. ${t.partialMatch}` : count;
  }

  // Handlers.

  #onInput(event: Event): void {
    const now = performance.now();
    if (now - this.#lastKeyAt >= TYPING_PAUSE_MS) this.#typingSince = now;
    this.#lastKeyAt = now;
    this.#showIntent();
    this.#typing = true;
    this.dismissed = false;
    this.query = (event.target as HTMLInputElement).value;
    this.activeIndex = -1;
    clearTimeout(this.#debounceTimer);
    if (this.debounce > 0) this.#debounceTimer = setTimeout(() => this.#search(true), this.debounce);
    else this.#search();
  }

  #onKeydown(event: KeyboardEvent): void {
    this.#showIntent();
    const count = this.results?.hits.length ?? 0;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        if (count === 0) return;
        event.preventDefault();
        const down = event.key === 'ArrowDown';
        if (!this.#open) {
          this.dismissed = false;
          if (!event.altKey) this.activeIndex = down ? 0 : count - 1;
          return;
        }
        if (event.altKey) return;
        const from = this.activeIndex < 0 ? (down ? -1 : count) : this.activeIndex;
        this.activeIndex = (from + (down ? 1 : -1) + count) % count;
        return;
      }
      case 'Enter': {
        event.preventDefault(); // Never submit the form: there is nothing to submit it to.
        const hit = this.#open ? this.results?.hits[this.activeIndex] : undefined;
        if (hit) this.#choose(hit.item, /* follow */ true);
        return;
      }
      case 'Escape': {
        // Also stops the browser's own clearing of search boxes, so that the first Escape only closes.
        event.preventDefault();
        if (this.#open) {
          this.dismissed = true;
          this.activeIndex = -1;
        } else if (this.query) {
          this.query = '';
        }
        return;
      }
      case 'Home':
      case 'End':
      case 'ArrowLeft':
      case 'ArrowRight':
        // The caret moves in the box, so the visual focus comes back to it.
        this.activeIndex = -1;
        return;
    }
  }

  #onFocusIn(): void {
    this.#showIntent();
    this.dismissed = false;
  }

  #onFocusOut(event: FocusEvent): void {
    const next = event.relatedTarget as Node | null;
    if (next && this.renderRoot.contains(next)) return;
    this.dismissed = true;
    this.activeIndex = -1;
  }

  #onOptionClick(event: MouseEvent, item: FeedItem): void {
    // A middle or modifier click opens a new tab or window: the browser's business, not a selection.
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    if (!this.#choose(item, /* follow */ false)) event.preventDefault();
  }

  /** Fires `mlo-article-select`; follows the link when asked and nobody cancelled. Returns false when cancelled. */
  #choose(item: FeedItem, follow: boolean): boolean {
    const url = itemUrl(item);
    const proceed = this.emit('mlo-article-select', { item, url }, { cancelable: true });
    if (proceed && follow && url) window.location.assign(url);
    return proceed;
  }

  #onYear(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.year = value ? Number(value) : undefined;
    this.#search();
  }

  #onTag(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.tag = value || undefined;
    this.#search();
  }

  #retryPages(): void {
    void this.#feed.retryPage();
  }

  #actionUrl(): string | undefined {
    return safeUrl(this.action) ?? this.#feed.feed?.mlo.searchUrl ?? safeUrl(this.#innerAction);
  }

  // Rendering.

  /** The title and excerpt of each hit, cut into marked segments once per result set (renders repeat while indexing). */
  #hitTexts(results: SearchResults): HitText[] {
    const engine = this.#engine;
    if (!engine) return []; // Never: results come from the engine.
    if (this.#hitTextsFor?.results !== results) {
      const { matcher } = results;
      this.#hitTextsFor = {
        results,
        texts: results.hits.map(({ item }) => ({
          title: engine.highlight(itemDisplayTitle(item), matcher),
          excerpt: engine.highlight(excerptOf(engine, item, matcher), matcher),
        })),
      };
    }
    return this.#hitTextsFor.texts;
  }

  #renderOption(hit: SearchHit, text: HitText, index: number): TemplateResult {
    const { item } = hit;
    const url = itemUrl(item);
    const date = formatItemDate(item, this.locale);
    const content = html`<span class="option__title" part="option-title">${renderMarked(text.title)}</span>
      ${date !== undefined ? html`<time class="option__date" part="option-date" datetime=${ifDefined(itemDateAttribute(item))}>${date}</time>` : nothing}
      ${text.excerpt.length > 0 ? html`<span class="option__excerpt" part="option-excerpt">${renderMarked(text.excerpt)}</span>` : nothing}`;
    const selected = index === this.activeIndex ? 'true' : 'false';
    const lang = item.language;
    return url
      ? html`<a id="option-${index}" class="option" part="option" role="option" href=${url} tabindex="-1" lang=${ifDefined(lang)}
          aria-selected=${selected} @click=${(event: MouseEvent) => this.#onOptionClick(event, item)}>${content}</a>`
      : html`<div id="option-${index}" class="option" part="option" role="option" tabindex="-1" lang=${ifDefined(lang)}
          aria-selected=${selected} @click=${(event: MouseEvent) => this.#onOptionClick(event, item)}>${content}</div>`;
  }

  #renderFilters(t: ArchiveSearchMessages): TemplateResult | typeof nothing {
    const { years, tags } = this.choices;
    if (years.length === 0 && tags.length === 0) return nothing;
    return html`<div class="filters" part="filters">
      ${years.length > 0
        ? html`<label class="filter">
            <span class="filter__label" part="filter-label">${t.yearLabel}</span>
            <select class="select" part="select" @change=${this.#onYear}>
              <option value="" ?selected=${this.year === undefined}>${t.allYears}</option>
              ${years.map((year) => html`<option value=${year} ?selected=${year === this.year}>${year}</option>`)}
            </select>
          </label>`
        : nothing}
      ${tags.length > 0
        ? html`<label class="filter">
            <span class="filter__label" part="filter-label">${t.tagLabel}</span>
            <select class="select" part="select" @change=${this.#onTag}>
              <option value="" ?selected=${this.tag === undefined}>${t.allTags}</option>
              ${tags.map((tag) => html`<option value=${tag} ?selected=${tag === this.tag}>${tag}</option>`)}
            </select>
          </label>`
        : nothing}
    </div>`;
  }

  #renderProgress(t: ArchiveSearchMessages, paging: Paging): TemplateResult | typeof nothing {
    if (this.opening || !this.#engine) return html`<p class="progress" part="progress">${t.loading}</p>`;
    if (this.#mode !== 'crawl') return nothing;
    if (paging.limitReached && !this.indexing) return renderCrawlLimit(this.locale);
    if (paging.error) {
      return html`<div class="state state--stale" part="stale" role="status">
        <p class="state__message">${t.partialArchive(this.#index?.size ?? 0)}</p>
        <button class="button button--secondary" part="retry-button" type="button" @click=${this.#retryPages}>${commonMessages[this.locale].retry}</button>
      </div>`;
    }
    if (this.indexing) return html`<p class="progress" part="progress">${t.indexing(this.indexedCount)}</p>`;
    return nothing;
  }

  /** The alert that the prebuilt index failed (the feed's pages are searched instead), with its Retry. */
  #renderIndexError(t: ArchiveSearchMessages): TemplateResult | typeof nothing {
    if (!this.indexError) return nothing;
    return html`<div class="state state--error" part="index-error" role="alert">
      <p class="state__message">${this.src || this.feed ? t.indexFailed : t.indexFailedAlone}</p>
      <button class="button button--secondary" part="retry-button" type="button" @click=${this.#retryIndex}>${commonMessages[this.locale].retry}</button>
    </div>`;
  }

  /** The search box; `view` is absent before the reader shows intent (nothing loaded, nothing said). */
  #renderSearch(t: ArchiveSearchMessages, view?: FeedView): TemplateResult {
    const label = this.label ?? t.label;
    const hits = this.results?.hits ?? [];
    const texts = this.results ? this.#hitTexts(this.results) : [];
    const open = this.#open;
    const active = open && this.activeIndex >= 0 && this.activeIndex < hits.length ? `option-${this.activeIndex}` : undefined;
    const ready = view?.state === 'ready' ? view : undefined;
    return html`${ready?.staleBecause ? renderStaleNotice(this.locale, ready.fetchedAt, this.#retry) : nothing}${this.#renderIndexError(t)}
      <div class="archive-search" @focusin=${this.#onFocusIn} @focusout=${this.#onFocusOut}>
        <form class="search" part="search" role="search" aria-label=${label} action=${ifDefined(this.#actionUrl())} method="get" @submit=${(event: Event) => event.preventDefault()}>
          <label class="label" part="label" for="input">${label}</label>
          <div class="controls">
            <input
              id="input"
              class="input"
              part="input"
              type="search"
              name=${QUERY_PARAMETER}
              role="combobox"
              autocomplete="off"
              spellcheck="false"
              enterkeyhint="search"
              aria-autocomplete="list"
              aria-controls="listbox"
              aria-expanded=${open ? 'true' : 'false'}
              aria-activedescendant=${ifDefined(active)}
              aria-describedby="instructions"
              placeholder=${ifDefined(this.placeholder)}
              .value=${live(this.query)}
              @input=${this.#onInput}
              @keydown=${this.#onKeydown}
            />
            ${this.#renderFilters(t)}
          </div>
          <p id="instructions" class="visually-hidden">${t.instructions}</p>
        </form>
        ${ready ? this.#renderProgress(t, ready.paging) : view || (this.intent && (this.opening || !this.#engine)) ? html`<p class="progress" part="progress">${t.loading}</p>` : nothing}
        <p class="status" part="status" role="status" aria-live="polite" aria-atomic="true">${this.#announcement(t)}</p>
        <div id="listbox" class="listbox" part="listbox" role="listbox" aria-label=${t.resultsLabel} ?hidden=${!open}>
          ${hits.map((hit, index) => this.#renderOption(hit, texts[index]!, index))}${this.#renderPendingRows()}
        </div>
      </div>`;
  }

  /** Rows held for hits whose records are loading: the list does not grow under the reader when they come. */
  #renderPendingRows(): TemplateResult | typeof nothing {
    if (this.pendingHits === 0) return nothing;
    return html`${Array.from({ length: this.pendingHits }, () => html`<div class="option option--pending" part="option-pending" aria-hidden="true"></div>`)}`;
  }

  /** The plain GET form to the site's search page, for when the archive cannot be searched here. */
  #renderFallbackForm(t: ArchiveSearchMessages): TemplateResult | typeof nothing {
    const action = this.#actionUrl();
    if (!action) return nothing;
    const label = this.label ?? t.label;
    return html`<form class="fallback" part="fallback" role="search" aria-label=${label} action=${action} method="get">
      <p class="fallback__intro">${t.fallbackIntro}</p>
      <label class="label" part="label" for="fallback-input">${label}</label>
      <div class="fallback__row">
        <input id="fallback-input" class="input" part="fallback-input" type="search" name=${QUERY_PARAMETER} placeholder=${ifDefined(this.placeholder)} .value=${live(this.query)} />
        <button class="button" part="fallback-button" type="submit">${t.fallbackSubmit}</button>
      </div>
    </form>`;
  }

  #retry = (): void => {
    void this.#feed.retry();
  };

  #retryEngine = (): void => {
    this.#showIntent();
  };

  override render(): TemplateResult {
    const t = archiveSearchMessages[this.locale];
    if (this.engineFailed) {
      return html`<div class="state state--error" part="error" role="alert">
          <p class="state__message" part="error-message">${t.engineFailed}</p>
          <button class="button button--secondary" part="retry-button" type="button" @click=${this.#retryEngine}>${commonMessages[this.locale].retry}</button>
        </div>
        ${this.#renderFallbackForm(t)}`;
    }
    // Before the reader shows intent: the box alone (a source to search later, or the alert that there is none).
    if (!this.intent && ((this.src ?? '').trim() !== '' || this.feed !== undefined || this.#givenIndex)) return this.#renderSearch(t);
    // The index the page named answers alone: no feed is read.
    if (this.#givenIndex) return this.#renderSearch(t);
    const view = this.#feed.view;
    switch (view.state) {
      case 'idle':
        // The named index failed and there is no feed to search instead: its alert, with Retry.
        if (this.indexError) return html`${this.#renderIndexError(t)}${this.#renderFallbackForm(t)}`;
        return html`<div class="state state--error" part="error" role="alert">
            <p class="state__message" part="error-message">${t.noSource}</p>
          </div>
          ${this.#renderFallbackForm(t)}`;
      case 'error':
        return html`${renderFeedError(this.locale, view.error, this.#retry)}${this.#renderFallbackForm(t)}`;
      case 'ready':
        // An empty first page is an empty archive, unless it names an index, which the search then asks.
        if (view.feed.items.length === 0 && !view.paging.hasMore && (this.indexError || !view.feed.mlo.searchIndexUrl)) {
          return html`${renderEmpty(this.locale, t.emptyArchive)}${this.#renderFallbackForm(t)}`;
        }
        return this.#renderSearch(t, view);
      case 'loading':
        return this.#renderSearch(t, view);
    }
  }
}

/** A hit's title and excerpt, cut into plain and matched segments. */
interface HitText {
  title: TextSegment[];
  excerpt: TextSegment[];
}

/** Matched segments in `<mark>` elements built from a template: feed text never becomes markup. */
function renderMarked(segments: TextSegment[]): TemplateResult {
  return html`${segments.map((segment) => (segment.match ? html`<mark part="mark">${segment.text}</mark>` : segment.text))}`;
}

/** The summary or body text around the first match; the start of the summary when neither matches. */
function excerptOf({ excerptAround, firstMatchOffset }: Engine, item: FeedItem, matcher: TermMatcher): string {
  const summary = item.summary ?? '';
  const inSummary = firstMatchOffset(summary, matcher);
  if (inSummary >= 0) return excerptAround(summary, matcher, EXCERPT_LENGTH, inSummary);
  const body = itemBodyText(item);
  const inBody = firstMatchOffset(body, matcher);
  if (inBody >= 0) return excerptAround(body, matcher, EXCERPT_LENGTH, inBody);
  return excerptAround(summary || body, matcher, EXCERPT_LENGTH, -1);
}

/** Where a result leads: the article's page, else the page it links to. */
function itemUrl(item: FeedItem): string | undefined {
  return item.url ?? item.externalUrl;
}

declare global {
  interface HTMLElementTagNameMap {
    'mlo-archive-search': MloArchiveSearch;
  }
}
