/**
 * Shared steps of the language, theme and host-proof tests: the five elements on the demo feed, in a
 * frame that carries `lang`, `dir`, `theme` and a width, waited for until their content is on screen;
 * and a walk through every shadow root (a list's cards included) to reach what a reader sees.
 */
import { waitUntil } from '@open-wc/testing';
import { DEMO_ARTICLE_ID } from '../../fixtures/breadcrumb.js';
import { clearFeedCache } from '../../src/feed/load.js';
import '../../src/mlo-widgets.js';
import { mount as mountTemplate, mountContainer } from '../helpers/mount.js';

export const DEMO_FEED = '/demo/feed/feed.json';
export { DEMO_ARTICLE_ID };

export type ElementTag = 'mlo-news-list' | 'mlo-article-card' | 'mlo-breadcrumb' | 'mlo-office-contact' | 'mlo-archive-search';

export const ELEMENT_TAGS: readonly ElementTag[] = ['mlo-news-list', 'mlo-article-card', 'mlo-breadcrumb', 'mlo-office-contact', 'mlo-archive-search'];

/** Each element showing the demo feed: a list, the real article in full, its path, the offices, search results. */
export const DEMO_ATTRIBUTES: Readonly<Record<ElementTag, Readonly<Record<string, string>>>> = {
  'mlo-news-list': { src: DEMO_FEED, limit: '4' },
  'mlo-article-card': { src: DEMO_FEED, 'article-id': DEMO_ARTICLE_ID, variant: 'full' },
  'mlo-breadcrumb': { src: DEMO_FEED, 'article-id': DEMO_ARTICLE_ID },
  'mlo-office-contact': { src: DEMO_FEED },
  'mlo-archive-search': { src: DEMO_FEED, query: 'belgrade', debounce: '0' },
};

/** A feed address that answers 404, for the error state of each element. */
export const MISSING_FEED = '/fixtures/feeds/styling-missing.json';

export interface FrameOptions {
  lang?: string;
  dir?: 'ltr' | 'rtl';
  theme?: 'light' | 'dark';
  /** The frame's width in px (its `inline-size`). */
  width?: number;
  /** Where to put the frame (default: a new container at the end of `<body>`). */
  parent?: HTMLElement;
}

export interface Mounted<E extends HTMLElement = HTMLElement> {
  frame: HTMLElement;
  element: E;
}

afterEach(() => {
  clearFeedCache();
});

/** Puts `<tag attributes>` inside a frame with the given language, direction, theme and width. */
export function mount<E extends HTMLElement = HTMLElement>(tag: ElementTag, attributes: Readonly<Record<string, string>>, options: FrameOptions = {}): Mounted<E> {
  const container = mountContainer(options.parent);
  const frame = document.createElement('div');
  frame.className = 'styling-frame';
  if (options.lang !== undefined) frame.lang = options.lang;
  if (options.dir) frame.dir = options.dir;
  if (options.theme) frame.setAttribute('theme', options.theme);
  // Through the CSSOM, as the fixtures do: tests run without a CSP, but there is one way to size a frame.
  if (options.width !== undefined) frame.style.inlineSize = `${options.width}px`;
  const element = document.createElement(tag) as HTMLElement as E;
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  frame.append(element);
  container.append(frame);
  return { frame, element };
}

/** Renders a fixture's example (a frame with the element inside) at the end of `<body>`; returns the frame. */
export { mountTemplate };

/** Every element under `root`, entering shadow roots (nested ones too), in document order. */
export function allElements(root: Element | ShadowRoot): Element[] {
  const found: Element[] = [];
  const visit = (node: Element | ShadowRoot): void => {
    for (const child of node.children) {
      found.push(child);
      if (child.shadowRoot) visit(child.shadowRoot);
      visit(child);
    }
  };
  visit(root);
  return found;
}

/** The nodes exposed as `part` `name` anywhere inside the element (a list's cards included). */
export function partsOf(element: HTMLElement, name: string): HTMLElement[] {
  return allElements(element.shadowRoot!).filter((node): node is HTMLElement => node instanceof HTMLElement && (node.getAttribute('part') ?? '').split(/\s+/).includes(name));
}

export function partOf(element: HTMLElement, name: string): HTMLElement {
  const [node] = partsOf(element, name);
  if (!node) throw new Error(`<${element.localName}> has no part "${name}"`);
  return node;
}

/** Text as a reader sees it: whitespace collapsed. */
export function textOf(node: Node | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Every element of the shadow tree (nested ones included) finished its update. */
async function allUpdated(element: HTMLElement): Promise<void> {
  const hosts = [element, ...allElements(element.shadowRoot!).filter((node) => node.localName.startsWith('mlo-'))];
  await Promise.all(hosts.map((host) => (host as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete ?? Promise.resolve()));
}

/** Nothing inside is a placeholder any more, and what each element exists for is on screen. */
const CONTENT_READY: Record<ElementTag, (element: HTMLElement) => boolean> = {
  'mlo-news-list': (element) => partsOf(element, 'card').length > 0,
  'mlo-article-card': (element) => partsOf(element, 'card').length > 0,
  'mlo-breadcrumb': (element) => partsOf(element, 'nav').length > 0,
  'mlo-office-contact': (element) => partsOf(element, 'unit').length > 0,
  // Results, and every page indexed (the progress note goes away with `mlo-search-ready`).
  'mlo-archive-search': (element) => partsOf(element, 'option').length > 0 && partsOf(element, 'progress').length === 0 && partsOf(element, 'option-pending').length === 0,
};

const ERROR_READY = (element: HTMLElement): boolean => partsOf(element, 'error').length > 0;

export async function settle(element: HTMLElement, ready: (element: HTMLElement) => boolean, what: string): Promise<void> {
  await customElements.whenDefined(element.localName);
  await waitUntil(
    () => element.shadowRoot !== null && ready(element) && partsOf(element, 'skeleton').length === 0,
    `<${element.localName}> never showed ${what}`,
    { timeout: 8000 },
  );
  await allUpdated(element);
}

/** Mounts the element and waits until what it exists for is shown (cards, path, units, results). */
export async function mountShown<E extends HTMLElement = HTMLElement>(
  tag: ElementTag,
  attributes: Readonly<Record<string, string>>,
  options: FrameOptions = {},
): Promise<Mounted<E>> {
  const mounted = mount<E>(tag, attributes, options);
  await settle(mounted.element, CONTENT_READY[tag], 'its content');
  return mounted;
}

/** Mounts the element on the demo feed and waits until its content is shown. */
export function mountDemo<E extends HTMLElement = HTMLElement>(tag: ElementTag, options: FrameOptions = {}): Promise<Mounted<E>> {
  return mountShown<E>(tag, DEMO_ATTRIBUTES[tag], options);
}

/** Mounts the element on a feed address that answers 404 and waits for its alert. */
export async function mountError<E extends HTMLElement = HTMLElement>(tag: ElementTag, options: FrameOptions = {}): Promise<Mounted<E>> {
  const attributes: Record<string, string> = { ...DEMO_ATTRIBUTES[tag], src: MISSING_FEED };
  const mounted = mount<E>(tag, attributes, options);
  await settle(mounted.element, ERROR_READY, 'an error');
  return mounted;
}

/** Waits until every element inside is updated again (after a language or theme change). */
export async function rerendered(element: HTMLElement): Promise<void> {
  await allUpdated(element);
  await allUpdated(element);
}

export function waitFor(check: () => boolean, message: string): Promise<void> {
  return waitUntil(check, message, { timeout: 8000 });
}
