// The baseline of bench/render.mjs: a hand-written custom element, no framework, that renders the same
// DOM as <mlo-news-list> for the same feed (the list layout and the teaser cards, which is what the
// benchmark shows), built the way a careful author writes one by hand:
//
// - the same structure: a list element with an open shadow root holding `div.content > ul.items > li.item`, and in each
//   item a nested custom element (the card) with its own open shadow root and the same attributes,
//   classes, parts, `lang`/`dir`, link, `<time datetime>`, summary and tags;
// - the same adopted styles: the benchmark passes in the CSS text of our own stylesheets (read from
//   src/internal/styles.ts and the two elements' styles files), and each class turns it into constructed
//   stylesheets once, adopted by every shadow root, as Lit does;
// - the same data helpers (src/feed and src/i18n/locale.ts, no Lit): sorting, safe URLs, the summary
//   excerpt, the item's date as the site writes it; what differs is only the DOM work and the framework;
// - DOM from a template built once with DOM calls (no HTML strings, as a Trusted Types page requires) and
//   cloned per card; the click and image-error listeners a real card needs; no diffing, no re-render:
//   a first render is what is measured.
//
// It speaks English only (the benchmark page's language): the two labels it writes are English.
import { sortNewestFirst } from '../src/feed/parse.js';
import { itemDisplayTitle, itemSummary } from '../src/feed/text.js';
import { safeUrl } from '../src/feed/urls.js';
import { formatItemDate, itemDateAttribute } from '../src/i18n/locale.js';
import { contentDirection } from '../src/internal/direction.js';

/* global __VANILLA_LIST_CSS__, __VANILLA_CARD_CSS__ -- CSS text injected by the benchmark's build (esbuild define). */
const CARD_PARTS = 'card, media, image, title, link, external-link, date, summary, tags, tag';
const DEFAULT_IMAGE_WIDTH = 640;
const DEFAULT_IMAGE_HEIGHT = 360;

function sheets(texts) {
  return texts.map((text) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(text);
    return sheet;
  });
}

let listSheets;
let cardSheets;

function element(name, attributes, ...children) {
  const node = document.createElement(name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  node.append(...children);
  return node;
}

const BODY_IMAGE = /<img\b[^>]*?\bsrc\s*=\s*["']?(https?:\/\/[^"'\s>]+)/i;
const PIXEL_SIZE = /\b(?:width|height)\s*=\s*["']?[01]["'\s/>]/i;

function firstBodyImage(item) {
  const html = item.contentHtml;
  const match = html ? BODY_IMAGE.exec(html) : null;
  if (!match?.[1]) return undefined;
  const tag = html.slice(match.index, html.indexOf('>', match.index) + 1);
  return PIXEL_SIZE.test(tag) ? undefined : safeUrl(match[1]);
}

/** The teaser picture, as the card chooses it: image, banner, first photo, else the first picture of the body. */
function teaserImage(item) {
  const url = safeUrl(item.image) ?? safeUrl(item.bannerImage) ?? safeUrl(item.mlo.photos[0]?.url) ?? firstBodyImage(item);
  if (!url) return undefined;
  const photo = item.mlo.photos.find((candidate) => safeUrl(candidate.url) === url);
  return { url, alt: photo?.alt ?? '', width: photo?.width ?? DEFAULT_IMAGE_WIDTH, height: photo?.height ?? DEFAULT_IMAGE_HEIGHT };
}

let cardTemplate;
/** One card's shadow content, built once: every card clones it and fills it in. */
function template() {
  if (cardTemplate) return cardTemplate;
  const fragment = document.createDocumentFragment();
  fragment.append(
    element(
      'article',
      { class: 'card card--teaser', part: 'card', tabindex: '-1' },
      element('div', { class: 'card__media', part: 'media' }, element('img', { part: 'image', loading: 'lazy', decoding: 'async' })),
      element(
        'div',
        { class: 'card__text' },
        element('h3', { class: 'card__title', part: 'title' }, element('a', { class: 'card__link', part: 'link' })),
        element('p', { class: 'card__meta' }, element('time', { class: 'card__date', part: 'date' })),
        element('p', { class: 'card__summary', part: 'summary' }),
        element('ul', { class: 'card__tags', part: 'tags' }),
      ),
    ),
  );
  cardTemplate = fragment;
  return fragment;
}

let tagTemplate;

function langOf(node) {
  for (let current = node; current; current = current.parentNode ?? current.host) {
    const lang = current.getAttribute?.('lang');
    if (lang) return lang;
  }
  return document.documentElement.lang;
}

export class VanillaArticleCard extends HTMLElement {
  article = undefined;

  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
    cardSheets ??= sheets(__VANILLA_CARD_CSS__);
    this.shadowRoot.adoptedStyleSheets = cardSheets;
  }

  #rendered = false;

  connectedCallback() {
    if (this.#rendered || !this.article) return;
    this.#rendered = true;
    this.#render(this.shadowRoot, this.article);
  }

  #render(root, item) {
    const content = template().cloneNode(true);
    const article = content.firstChild;
    const [media, text] = article.children;
    const image = teaserImage(item);
    if (image) {
      const img = media.firstChild;
      img.setAttribute('src', image.url);
      img.setAttribute('alt', image.alt);
      img.setAttribute('width', String(image.width));
      img.setAttribute('height', String(image.height));
      img.addEventListener('error', () => {
        media.remove();
        article.classList.add('card--text');
      });
    } else {
      media.remove();
      article.classList.add('card--text');
    }
    const [heading, meta, summary, tags] = text.children;
    const direction = contentDirection(item.language);
    if (item.language) heading.setAttribute('lang', item.language);
    heading.setAttribute('dir', direction);
    const link = heading.firstChild;
    const url = safeUrl(item.url) ?? safeUrl(item.externalUrl);
    const title = itemDisplayTitle(item) || 'Untitled news item';
    if (url) {
      link.setAttribute('href', url);
      link.textContent = title;
      link.addEventListener('click', (event) => {
        if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
        const select = new CustomEvent('mlo-article-select', { detail: { item, url }, bubbles: true, composed: true, cancelable: true });
        if (!this.dispatchEvent(select)) event.preventDefault();
      });
    } else {
      heading.replaceChildren(title);
    }
    const locale = langOf(this).toLowerCase().startsWith('sr') ? 'sr-Cyrl' : 'en';
    const date = formatItemDate(item, locale);
    const time = meta.firstChild;
    if (date === undefined) time.remove();
    else {
      const attribute = itemDateAttribute(item);
      if (attribute) time.setAttribute('datetime', attribute);
      time.textContent = date;
    }
    if (item.language) summary.setAttribute('lang', item.language);
    summary.setAttribute('dir', direction);
    summary.textContent = item.title ? itemSummary(item) : '';
    if (item.tags.length === 0) tags.replaceWith(element('div', { class: 'card__tags', part: 'tags' }));
    else {
      tags.setAttribute('aria-label', 'Tags');
      tagTemplate ??= element('li', { class: 'card__tag', part: 'tag' });
      for (const tag of item.tags) {
        const li = tagTemplate.cloneNode(false);
        li.textContent = tag;
        tags.append(li);
      }
    }
    root.append(content);
  }
}

export class VanillaNewsList extends HTMLElement {
  feed = undefined;

  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
    listSheets ??= sheets(__VANILLA_LIST_CSS__);
    this.shadowRoot.adoptedStyleSheets = listSheets;
  }

  #rendered = false;

  connectedCallback() {
    if (this.#rendered || !this.feed) return;
    this.#rendered = true;
    const root = this.shadowRoot;
    const limit = Math.min(100, Math.max(1, Number.parseInt(this.getAttribute('limit') ?? '10', 10) || 10));
    const items = sortNewestFirst(this.feed.items).slice(0, limit);
    const list = element('ul', { class: 'items items--list', part: 'items' });
    for (const item of items) {
      const card = document.createElement('vanilla-article-card');
      card.setAttribute('exportparts', CARD_PARTS);
      card.setAttribute('variant', 'teaser');
      card.article = item;
      const li = element('li', { class: 'item', part: 'item' }, card);
      list.append(li);
    }
    root.append(element('div', { class: 'content' }, list), element('p', { class: 'visually-hidden', part: 'status', role: 'status' }));
  }
}

/** Registers both (called by the benchmark's entry: package.json's `sideEffects` lets a bare import be dropped). */
export function defineVanilla() {
  customElements.define('vanilla-article-card', VanillaArticleCard);
  customElements.define('vanilla-news-list', VanillaNewsList);
}
