/**
 * Issue 7, themes: light and dark (from prefers-color-scheme, or forced by `theme` on the element or
 * an ancestor), WCAG 2.2 AA contrast measured on rendered nodes in both themes, forced colours,
 * reduced motion, right-to-left mirroring, visible focus and 24×24 px touch targets, for each of the
 * five elements.
 *
 * Forced colours: Windows High Contrast is switched on for real through the DevTools protocol (the
 * `emulate-forced-colors` command of web-test-runner.config.mjs). What forced colours keep are borders
 * and outlines (in system colours) while background colours and shadows are flattened, so every
 * control, state block and focus indicator must be drawn with a border or an outline, and the current
 * breadcrumb must differ from the links by more than colour.
 */
import { expect } from '@open-wc/testing';
import { emulateMedia, executeServerCommand } from '@web/test-runner-commands';
import { examples as newsListExamples, renderNewsListExample } from '../fixtures/news-list.js';
import {
  ELEMENT_TAGS,
  allElements,
  mount,
  mountDemo,
  mountError,
  mountTemplate,
  partOf,
  partsOf,
  rerendered,
  settle,
  waitFor,
  type ElementTag,
  type FrameOptions,
} from './host-proof/elements.js';
import { neverAnswers, realFetch, requestUrl, stubFetch } from './helpers/fetch.js';
import { fullArticleStyles } from '../src/elements/article-card/full-article.styles.js';

type Rgb = [number, number, number];
type Rgba = [number, number, number, number];

afterEach(async () => {
  await emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
});

// ---------------------------------------------------------------------------------------------
// Colour arithmetic (WCAG 2.2 relative luminance and contrast ratio)
// ---------------------------------------------------------------------------------------------

const probeCanvas = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;

/** Any computed CSS colour as sRGB 0–255 with alpha 0–1. */
function rgba(color: string): Rgba {
  const match = /^rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)$/.exec(color);
  if (match) return [Number(match[1]), Number(match[2]), Number(match[3]), match[4] === undefined ? 1 : Number(match[4])];
  // color(srgb …), oklab(…) and the like: let a canvas convert it.
  probeCanvas.clearRect(0, 0, 1, 1);
  probeCanvas.fillStyle = color;
  probeCanvas.fillRect(0, 0, 1, 1);
  const [r, g, b, a] = probeCanvas.getImageData(0, 0, 1, 1).data;
  return [r!, g!, b!, a! / 255];
}

function over(top: Rgba, bottom: Rgb): Rgb {
  const alpha = top[3];
  return [0, 1, 2].map((i) => top[i]! * alpha + bottom[i]! * (1 - alpha)) as Rgb;
}

function luminance([r, g, b]: Rgb): number {
  const channel = (value: number) => {
    const c = value / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

function contrast(a: Rgb, b: Rgb): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

function composedParent(node: Element): Element | null {
  if (node.parentElement) return node.parentElement;
  const parent = node.parentNode;
  return parent instanceof ShadowRoot ? parent.host : null;
}

/** The colour behind a node: every background from the page's white canvas up to the node, composited. */
function backgroundBehind(node: Element): Rgb {
  const layers: Rgba[] = [];
  for (let current: Element | null = node; current; current = composedParent(current)) layers.push(rgba(getComputedStyle(current).backgroundColor));
  return layers.reverse().reduce<Rgb>((below, layer) => over(layer, below), [255, 255, 255]);
}

function textContrast(node: Element): number {
  const background = backgroundBehind(node);
  return contrast(over(rgba(getComputedStyle(node).color), background), background);
}

/** WCAG large text: at least 24 px, or 18.66 px bold. */
function isLargeText(node: Element): boolean {
  const style = getComputedStyle(node);
  const size = parseFloat(style.fontSize);
  return size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
}

const hex = ([r, g, b]: Rgb) => `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

// ---------------------------------------------------------------------------------------------
// Light and dark
// ---------------------------------------------------------------------------------------------

/** The defaults of the main tokens (src/internal/styles.ts), as a browser computes them. */
const PALETTE = {
  light: { text: 'rgb(27, 31, 36)', background: 'rgb(255, 255, 255)', link: 'rgb(0, 73, 144)', colorScheme: 'light' },
  dark: { text: 'rgb(232, 235, 239)', background: 'rgb(20, 24, 29)', link: 'rgb(156, 203, 255)', colorScheme: 'dark' },
} as const;

/** A link (or link-coloured control) inside each element, to see the theme reach the inner nodes. */
const LINK_PART: Record<ElementTag, string> = {
  'mlo-news-list': 'link',
  'mlo-article-card': 'source-link',
  'mlo-breadcrumb': 'link',
  'mlo-office-contact': 'map-link',
  'mlo-archive-search': 'option-title',
};

function expectTheme(element: HTMLElement, theme: 'light' | 'dark', message: string): void {
  const style = getComputedStyle(element);
  expect(style.color, `${message}: text`).to.equal(PALETTE[theme].text);
  expect(style.backgroundColor, `${message}: background`).to.equal(PALETTE[theme].background);
  expect(style.colorScheme, `${message}: color-scheme (form controls, scrollbars)`).to.equal(PALETTE[theme].colorScheme);
  expect(getComputedStyle(partOf(element, LINK_PART[element.localName as ElementTag])).color, `${message}: links`).to.equal(PALETTE[theme].link);
}

describe('light and dark themes', () => {
  for (const tag of ELEMENT_TAGS) {
    describe(tag, () => {
      it('is light by default and dark when the reader prefers dark', async () => {
        const { element } = await mountDemo(tag);
        expectTheme(element, 'light', 'no preference');
        await emulateMedia({ colorScheme: 'dark' });
        expectTheme(element, 'dark', 'prefers dark');
        await emulateMedia({ colorScheme: 'light' });
        expectTheme(element, 'light', 'prefers light');
      });

      it('theme="dark" on an ancestor forces dark, theme="light" forces light over a dark preference', async () => {
        const { element, frame } = await mountDemo(tag, { theme: 'dark' });
        expectTheme(element, 'dark', 'theme="dark" on an ancestor');
        await emulateMedia({ colorScheme: 'dark' });
        frame.setAttribute('theme', 'light');
        await rerendered(element);
        expectTheme(element, 'light', 'theme="light" on an ancestor, prefers dark');
        frame.removeAttribute('theme');
        await rerendered(element);
        expectTheme(element, 'dark', 'no theme, prefers dark');
      });

      it('theme on the element itself wins over its ancestor’s', async () => {
        const { element } = await mountDemo(tag, { theme: 'light' });
        element.setAttribute('theme', 'dark');
        await rerendered(element);
        expectTheme(element, 'dark', 'theme="dark" on the element, "light" on its ancestor');
      });
    });
  }
});

// ---------------------------------------------------------------------------------------------
// Contrast
// ---------------------------------------------------------------------------------------------

/** A kind of text whose contrast is measured: the nodes that show it (at least one must exist). */
interface TextProbe {
  name: string;
  nodes: (element: HTMLElement) => Element[];
}

const byPart = (name: string, part = name): TextProbe => ({ name, nodes: (element) => partsOf(element, part) });

/** Text an element shows, by kind: main text, muted text, links, buttons. */
const TEXT_PROBES: Record<ElementTag, TextProbe[]> = {
  'mlo-news-list': [byPart('title link', 'link'), byPart('date'), byPart('summary'), byPart('tag'), byPart('Load more', 'load-more-button')],
  'mlo-article-card': [
    byPart('title'),
    byPart('date'),
    { name: 'body text', nodes: (element) => [...partOf(element, 'body').querySelectorAll('p')] },
    // The article's photos are in its body: their captions and "(Source: …)" credits.
    { name: 'caption', nodes: (element) => [...partOf(element, 'body').querySelectorAll('figcaption'), ...partsOf(element, 'caption')] },
    byPart('byline'),
    byPart('source link', 'source-link'),
    byPart('tag'),
  ],
  'mlo-breadcrumb': [byPart('link'), byPart('current')],
  'mlo-office-contact': [byPart('heading'), byPart('address'), byPart('map link', 'map-link'), byPart('copy button', 'copy-button')],
  'mlo-archive-search': [
    byPart('label'),
    byPart('input'),
    byPart('filter label', 'filter-label'),
    byPart('select'),
    byPart('status'),
    byPart('result title', 'option-title'),
    byPart('result date', 'option-date'),
    byPart('excerpt', 'option-excerpt'),
    byPart('matched word', 'mark'),
  ],
};

const ERROR_PROBES: TextProbe[] = [byPart('error title', 'error-title'), byPart('error message', 'error-message'), byPart('Retry', 'retry-button')];

/** Measures every probe; returns the failures as readable lines. */
function contrastFailures(element: HTMLElement, probes: TextProbe[]): string[] {
  const failures: string[] = [];
  for (const probe of probes) {
    const nodes = probe.nodes(element).filter((node) => node.textContent.trim() !== '' || node.matches('input, select'));
    if (nodes.length === 0) failures.push(`${probe.name}: not shown`);
    for (const node of nodes) {
      const ratio = textContrast(node);
      const needed = isLargeText(node) ? 3 : 4.5;
      if (ratio < needed) {
        const background = backgroundBehind(node);
        failures.push(`${probe.name}: ${ratio.toFixed(2)} < ${needed} (${getComputedStyle(node).color} on ${hex(background)})`);
      }
    }
  }
  return failures;
}

/** Borders that identify a control, and the focus ring: 3:1 against what is behind them (WCAG 1.4.11). */
function uiContrast(node: Element, colour: string): number {
  const background = backgroundBehind(composedParent(node)!);
  return contrast(over(rgba(colour), background), background);
}

describe('contrast (WCAG 2.2 AA) in both themes', () => {
  for (const theme of ['light', 'dark'] as const) {
    describe(`${theme} theme`, () => {
      for (const tag of ELEMENT_TAGS) {
        it(`${tag}: text, muted text, links and buttons`, async () => {
          const { element } = await mountDemo(tag, { theme, width: 900 });
          if (tag === 'mlo-archive-search') {
            // The active result has the surface colour behind it: measure that too.
            partOf(element, 'input').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true }));
            await rerendered(element);
            expect(partsOf(element, 'option').filter((option) => option.getAttribute('aria-selected') === 'true')).to.have.length(1);
          }
          expect(contrastFailures(element, TEXT_PROBES[tag])).to.deep.equal([]);
          // axe's own contrast and ARIA checks agree.
          await expect(element).to.be.accessible();
        });

        it(`${tag}: the error block and its Retry button`, async () => {
          const { element } = await mountError(tag, { theme });
          expect(contrastFailures(element, ERROR_PROBES)).to.deep.equal([]);
        });
      }

      it('mlo-news-list: the saved-copy notice', async () => {
        const frame = mountTemplate(renderNewsListExample(newsListExamples.stale));
        frame.setAttribute('theme', theme);
        const element = frame.querySelector('mlo-news-list')!;
        await settle(element, (el) => partsOf(el, 'stale').length > 0, 'the saved-copy notice');
        const probes: TextProbe[] = [
          { name: 'notice', nodes: (el) => [...partOf(el, 'stale').querySelectorAll('p')] },
          { name: 'Retry', nodes: (el) => [...partOf(el, 'stale').querySelectorAll('button')] },
        ];
        expect(contrastFailures(element, probes)).to.deep.equal([]);
      });

      it('mlo-archive-search: the borders of the search box and the filters', async () => {
        const { element } = await mountDemo('mlo-archive-search', { theme });
        for (const control of [partOf(element, 'input'), ...partsOf(element, 'select')]) {
          const style = getComputedStyle(control);
          expect(uiContrast(control, style.borderTopColor), `${control.localName} border`).to.be.at.least(3);
        }
      });

      it('the focus ring stands out from every element’s background', async () => {
        for (const tag of ELEMENT_TAGS) {
          const { element } = await mountDemo(tag, { theme });
          const target = focusTargets(element)[0]!;
          target.focus();
          const { colour, node } = focusRing(target);
          expect(uiContrast(node, colour), `${tag}: focus ring ${colour}`).to.be.at.least(3);
        }
      });
    });
  }
});

// ---------------------------------------------------------------------------------------------
// Focus and touch targets
// ---------------------------------------------------------------------------------------------

/** What Tab reaches inside the element (nested cards included). */
function focusTargets(element: HTMLElement): HTMLElement[] {
  return allElements(element.shadowRoot!).filter(
    (node): node is HTMLElement =>
      node instanceof HTMLElement &&
      (node.matches('a[href], button, input, select, textarea') || node.getAttribute('tabindex') === '0') &&
      node.getAttribute('tabindex') !== '-1' &&
      !(node as HTMLButtonElement).disabled &&
      node.checkVisibility(),
  );
}

/**
 * The visible focus indicator of a focused node: its outline, or for a card's title link the outline
 * of the `::after` that covers the whole card (the link is the card's one target).
 */
function focusRing(node: HTMLElement): { style: string; width: number; colour: string; node: Element } {
  const own = getComputedStyle(node);
  const after = getComputedStyle(node, '::after');
  const style = own.outlineStyle !== 'none' ? own : after;
  return { style: style.outlineStyle, width: parseFloat(style.outlineWidth), colour: style.outlineColor, node };
}

/** Links inside running text (a sentence, the article body) are exempt from the target size (WCAG 2.5.8). */
function isInlineTextLink(node: HTMLElement): boolean {
  return node.localName === 'a' && getComputedStyle(node).display === 'inline';
}

describe('focus and touch targets', () => {
  for (const tag of ELEMENT_TAGS) {
    it(`${tag}: every link and control shows a focus ring`, async () => {
      const { element } = await mountDemo(tag);
      const targets = focusTargets(element);
      expect(targets.length).to.be.greaterThan(0);
      for (const target of targets) {
        target.focus();
        const label = `${target.localName}[part="${target.getAttribute('part') ?? ''}"] “${target.textContent.trim().slice(0, 30)}”`;
        expect(target.matches(':focus-visible'), `${label} is focused`).to.equal(true);
        const ring = focusRing(target);
        expect(ring.style, `${label}: outline`).not.to.equal('none');
        expect(ring.width, `${label}: outline width`).to.be.at.least(2);
      }
    });

    it(`${tag}: buttons, controls and links that are not in running text are at least 24×24 px, even at a 10 px base size`, async () => {
      for (const fontSize of ['16px', '10px']) {
        const { element, frame } = await mountDemo(tag, { width: 320 });
        frame.style.setProperty('--mlo-font-size', fontSize);
        await rerendered(element);
        const targets = allElements(element.shadowRoot!).filter(
          (node): node is HTMLElement => node instanceof HTMLElement && node.matches('a[href], button, input, select, [role="option"]') && node.checkVisibility(),
        );
        expect(targets.length).to.be.greaterThan(0);
        for (const target of targets) {
          // A card's title link is inline text, but its ::after makes the whole card the target.
          const box = target.matches('[part~="link"]') && target.closest('[part~="card"]') ? target.closest('[part~="card"]')! : target;
          if (box === target && isInlineTextLink(target)) continue;
          const { width, height } = box.getBoundingClientRect();
          const label = `${fontSize}: ${target.localName}[part="${target.getAttribute('part') ?? ''}"] “${target.textContent.trim().slice(0, 30)}”`;
          expect(width, `${label}: width`).to.be.at.least(24);
          expect(height, `${label}: height`).to.be.at.least(24);
        }
      }
    });
  }

  it('mlo-breadcrumb: the "…" button of a collapsed path is at least 24×24 px and shows focus', async () => {
    const { element } = mount('mlo-breadcrumb', { src: '/demo/feed/feed.json', 'article-id': 'https://mlo-belgrade.example/newsroom/news-archive/2023/secretary-general-visits-belgrade' }, { width: 280 });
    await waitFor(() => element.shadowRoot !== null && partsOf(element, 'expand-button').some((button) => button.checkVisibility()), 'no "…" button');
    const button = partOf(element, 'expand-button');
    const { width, height } = button.getBoundingClientRect();
    expect(width).to.be.at.least(24);
    expect(height).to.be.at.least(24);
    button.focus();
    expect(getComputedStyle(button).outlineStyle).not.to.equal('none');
  });
});

// ---------------------------------------------------------------------------------------------
// Reduced motion
// ---------------------------------------------------------------------------------------------

/** Each element before its data arrives: a feed request that never answers. */
async function mountLoading(tag: ElementTag, options: FrameOptions = {}): Promise<HTMLElement> {
  // A card with no data is a placeholder (the list uses it so); everything else waits for a feed that never answers.
  const attributes: Record<string, string> = tag === 'mlo-article-card' ? {} : { src: '/fixtures/feeds/never-answers.json' };
  const { element } = mount(tag, attributes, options);
  await (element as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  return element;
}

function skeletons(element: HTMLElement): HTMLElement[] {
  return allElements(element.shadowRoot!).filter((node): node is HTMLElement => node instanceof HTMLElement && node.classList.contains('skeleton'));
}

describe('reduced motion', () => {
  beforeEach(() => {
    stubFetch((input, init) => (requestUrl(input).includes('never-answers') ? neverAnswers() : realFetch(input, init)));
  });

  // The archive search has no placeholder blocks: it says "Loading the archive…" in words.
  for (const tag of ['mlo-news-list', 'mlo-article-card', 'mlo-breadcrumb', 'mlo-office-contact'] as const) {
    it(`${tag}: the loading placeholder pulses, and stands still when the reader prefers less motion`, async () => {
      const element = await mountLoading(tag);
      await waitFor(() => skeletons(element).length > 0, 'no placeholder');
      await rerendered(element);
      expect(skeletons(element).some((node) => node.getAnimations().length > 0), 'pulses by default').to.equal(true);
      await emulateMedia({ reducedMotion: 'reduce' });
      for (const node of skeletons(element)) {
        expect(node.getAnimations(), 'no running animation').to.have.length(0);
        expect(getComputedStyle(node).animationName).to.equal('none');
      }
    });
  }

  it('no element animates anything once loaded, with reduced motion', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    for (const tag of ELEMENT_TAGS) {
      const { element } = await mountDemo(tag);
      const moving = allElements(element.shadowRoot!).filter((node) => node.getAnimations().length > 0 || getComputedStyle(node).transitionDuration.split(',').some((d) => parseFloat(d) > 0));
      expect(moving.map((node) => node.className), tag).to.deep.equal([]);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Right to left
// ---------------------------------------------------------------------------------------------

describe('right-to-left pages', () => {
  it('mlo-news-list: the image sits on the right of the text', async () => {
    for (const dir of ['ltr', 'rtl'] as const) {
      const { element } = await mountDemo('mlo-news-list', { dir, width: 900 });
      const card = partsOf(element, 'card').find((node) => node.querySelector('img'))!;
      const media = card.querySelector('[part~="media"]')!.getBoundingClientRect();
      const title = card.querySelector('[part~="title"]')!.getBoundingClientRect();
      if (dir === 'ltr') expect(media.right, 'ltr: image left of the title').to.be.at.most(title.left);
      else expect(media.left, 'rtl: image right of the title').to.be.at.least(title.right);
    }
  });

  it('mlo-breadcrumb: the path runs from the right and the separators are mirrored', async () => {
    for (const dir of ['ltr', 'rtl'] as const) {
      const { element } = await mountDemo('mlo-breadcrumb', { dir, width: 1200 });
      const [first, second] = partsOf(element, 'item').filter((item) => item.checkVisibility());
      const separator = getComputedStyle(second!, '::before');
      if (dir === 'ltr') {
        expect(first!.getBoundingClientRect().right).to.be.at.most(second!.getBoundingClientRect().left);
        expect(separator.transform).to.equal('none');
      } else {
        expect(first!.getBoundingClientRect().left).to.be.at.least(second!.getBoundingClientRect().right);
        expect(separator.transform).to.equal('matrix(-1, 0, 0, 1, 0, 0)');
      }
    }
  });

  it('mlo-archive-search: the active result’s edge is on the right, the label starts at the right', async () => {
    const { element } = await mountDemo('mlo-archive-search', { dir: 'rtl', width: 700 });
    const option = partOf(element, 'option');
    const style = getComputedStyle(option);
    expect(style.borderRightWidth).to.equal('4px');
    expect(style.borderLeftWidth).to.equal('0px');
    expect(parseFloat(style.paddingRight)).to.be.below(parseFloat(style.paddingLeft));
    const label = partOf(element, 'label').getBoundingClientRect();
    const search = partOf(element, 'search').getBoundingClientRect();
    expect(search.right - label.right).to.be.below(1);
  });

  it('mlo-office-contact: headings and addresses align to the right', async () => {
    const { element } = await mountDemo('mlo-office-contact', { dir: 'rtl', width: 320 });
    const unit = partOf(element, 'unit');
    const right = unit.getBoundingClientRect().right;
    const heading = partOf(element, 'heading').querySelector('span')!.getBoundingClientRect();
    expect(right - heading.right, 'heading').to.be.below(1);
    for (const line of unit.querySelectorAll('.address__line')) {
      const range = document.createRange();
      range.selectNodeContents(line);
      expect(right - range.getBoundingClientRect().right, `“${line.textContent}”`).to.be.below(1);
    }
  });

  /** Where a character of a text node is drawn. */
  function charBox(text: Text, index: number): DOMRect {
    const range = document.createRange();
    range.setStart(text, index);
    range.setEnd(text, index + 1);
    return range.getBoundingClientRect();
  }

  /** The last text node inside a node whose text ends with a full stop. */
  function textEndingInStop(root: Element): Text {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let found: Text | undefined;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) if (/[\p{L}\d]\.$/u.test(node.textContent!.trim())) found = node as Text;
    if (!found) throw new Error(`no text ending in a full stop in ${root.localName}`);
    return found;
  }

  it('left-to-right text keeps its full stop at the end on a right-to-left page', async () => {
    // Serbian dates end with a full stop ("14. окт 2026."), and so do summaries and messages.
    const { element } = await mountDemo('mlo-news-list', { dir: 'rtl', lang: 'sr-Cyrl', width: 900 });
    const card = partsOf(element, 'card')[0]!;
    for (const part of ['date', 'summary']) {
      const text = textEndingInStop(card.querySelector(`[part~="${part}"]`)!);
      const end = text.textContent.trimEnd().length - 1;
      const stop = charBox(text, end);
      const before = charBox(text, end - 1);
      expect(stop.left, `${part}: “${text.textContent.trim().slice(-20)}” ends with its full stop on the right`).to.be.at.least(before.right - 0.5);
      expect(Math.abs(stop.top - before.top), `${part}: on the same line`).to.be.below(2);
    }
    const { element: alert } = await mountError('mlo-office-contact', { dir: 'rtl' });
    const message = textEndingInStop(partOf(alert, 'error-message'));
    const end = message.textContent.trimEnd().length - 1;
    expect(charBox(message, end).left).to.be.at.least(charBox(message, end - 1).right - 0.5);
    // …and still lines up on the page's side.
    const block = partOf(alert, 'error-message').getBoundingClientRect();
    const lastLine = charBox(message, end);
    expect(block.right - lastLine.right, 'the message is aligned to the right').to.be.below(block.width / 2);
  });

  it('mlo-article-card: the title and date start at the right', async () => {
    const { element } = await mountDemo('mlo-article-card', { dir: 'rtl', width: 600 });
    const card = partOf(element, 'card').getBoundingClientRect();
    const range = document.createRange();
    range.selectNodeContents(partOf(element, 'date'));
    expect(card.right - range.getBoundingClientRect().right).to.be.below(1);
  });
});

// ---------------------------------------------------------------------------------------------
// Forced colours
// ---------------------------------------------------------------------------------------------

/** The rules an element keeps for forced colours, from every stylesheet its shadow roots adopt. */
function forcedColorRules(element: HTMLElement): CSSRule[] {
  const roots = [element.shadowRoot!, ...allElements(element.shadowRoot!).flatMap((node) => (node.shadowRoot ? [node.shadowRoot] : []))];
  return roots.flatMap((root) =>
    root.adoptedStyleSheets.flatMap((sheet) =>
      [...sheet.cssRules].filter((rule): rule is CSSMediaRule => rule instanceof CSSMediaRule && /forced-colors:\s*active/.test(rule.conditionText)).flatMap((rule) => [...rule.cssRules]),
    ),
  );
}

/** Still visible when forced colours flatten backgrounds: a border on every side, or an outline. */
function hasVisibleEdge(node: Element): boolean {
  const style = getComputedStyle(node);
  const sides = ['Top', 'Right', 'Bottom', 'Left'] as const;
  const bordered = sides.every((side) => style.getPropertyValue(`border-${side.toLowerCase()}-style`) !== 'none' && parseFloat(style.getPropertyValue(`border-${side.toLowerCase()}-width`)) >= 1);
  return bordered || (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1);
}

/** Nodes drawn as boxes (controls, state blocks, cards, placeholders) in each element. */
const BOXES = 'button, input, select, [role="listbox"], .state, .card__tag, .items--grid > .item, .skeleton';

describe('forced colours (Windows High Contrast)', () => {
  before(async () => {
    await executeServerCommand('emulate-forced-colors', { active: true });
    expect(matchMedia('(forced-colors: active)').matches, 'forced colours emulated').to.equal(true);
  });
  after(async () => {
    await executeServerCommand('emulate-forced-colors', { active: false });
  });

  for (const tag of ELEMENT_TAGS) {
    it(`${tag}: has forced-colour rules, and keeps every box and control outlined under them`, async () => {
      // The breadcrumb's one box is the "…" button of a collapsed path, shown in narrow containers.
      const { element } = await mountDemo(tag, { width: tag === 'mlo-breadcrumb' ? 280 : 900 });
      expect(forcedColorRules(element).length, 'forced-colour rules').to.be.greaterThan(0);
      const boxes = allElements(element.shadowRoot!).filter((node) => node.matches(BOXES) && node.checkVisibility());
      expect(boxes.length).to.be.greaterThan(0);
      for (const box of boxes) expect(hasVisibleEdge(box), `${box.localName}.${box.className}`).to.equal(true);
    });

    it(`${tag}: the error block and Retry stay outlined under forced colours`, async () => {
      const { element } = await mountError(tag);
      for (const box of allElements(element.shadowRoot!).filter((node) => node.matches(BOXES) && node.checkVisibility())) {
        expect(hasVisibleEdge(box), `${box.localName}.${box.className}`).to.equal(true);
      }
    });
  }

  it('focus indicators are outlines, which forced colours keep (never box-shadows alone)', async () => {
    for (const tag of ELEMENT_TAGS) {
      const { element } = await mountDemo(tag);
      for (const target of focusTargets(element)) {
        target.focus();
        expect(focusRing(target).style, `${tag} ${target.localName}`).not.to.equal('none');
      }
    }
  });

  it('mlo-breadcrumb: the current page differs from the links by more than colour', async () => {
    const { element } = await mountDemo('mlo-breadcrumb');
    const current = getComputedStyle(partOf(element, 'current'));
    const link = getComputedStyle(partOf(element, 'link'));
    expect(Number(current.fontWeight)).to.be.at.least(600);
    expect(current.textDecorationLine).to.equal('none');
    expect(link.textDecorationLine).to.equal('underline');
    expect(partOf(element, 'current').getAttribute('aria-current')).to.equal('page');
  });

  it('mlo-archive-search: the active result is outlined, not only shaded', async () => {
    const { element } = await mountDemo('mlo-archive-search');
    partOf(element, 'input').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true }));
    await rerendered(element);
    const active = partsOf(element, 'option').find((option) => option.getAttribute('aria-selected') === 'true')!;
    expect(getComputedStyle(active).outlineStyle).not.to.equal('none');
  });
});

// ---------------------------------------------------------------------------------------------
// docs/theming.md, checked against the source
// ---------------------------------------------------------------------------------------------

/** The CSS each element adopts (shared styles included), as text. */
function elementCss(tag: ElementTag): string {
  const constructor = customElements.get(tag) as unknown as { elementStyles: Array<{ cssText: string }> };
  return constructor.elementStyles.map((style) => style.cssText).join('\n');
}

/** Every `var(--mlo-name, fallback)` in the CSS: the fallback with its own parentheses intact. */
function fallbacks(css: string): Array<[string, string | undefined]> {
  const found: Array<[string, string | undefined]> = [];
  for (const match of css.matchAll(/var\(\s*(--mlo-[a-z0-9-]+)\s*(,?)/g)) {
    if (!match[2]) {
      found.push([match[1]!, undefined]);
      continue;
    }
    let depth = 1;
    let index = match.index + match[0].length;
    const start = index;
    for (; index < css.length && depth > 0; index += 1) {
      if (css[index] === '(') depth += 1;
      else if (css[index] === ')') depth -= 1;
    }
    found.push([match[1]!, css.slice(start, index - 1).trim()]);
  }
  return found;
}

describe('docs/theming.md', () => {
  let doc = '';
  let allCss = '';
  /** Private token → the public property it reads (`--_border` → `--mlo-color-border`). */
  const publicNameOf = new Map<string, string>();

  before(async () => {
    doc = await (await fetch('/docs/theming.md')).text();
    // The full article's styles come with its code, on the first full article (src/elements/article-card/full-article.ts).
    allCss = [...ELEMENT_TAGS.map(elementCss), fullArticleStyles.cssText].join('\n');
    for (const match of allCss.matchAll(/(--_[a-z0-9-]+):\s*var\((--mlo-[a-z0-9-]+)/g)) publicNameOf.set(match[1]!, match[2]!);
  });

  /** A fallback as the docs write it: a value, or the public property a private token stands for. */
  function asDocumented(fallback: string): string {
    const token = /^var\((--_[a-z0-9-]+)\)$/.exec(fallback)?.[1];
    return token ? (publicNameOf.get(token) ?? fallback) : fallback.replace(/\s+/g, ' ');
  }

  it('lists every --mlo-* property the elements read, and no other', () => {
    const read = new Set(fallbacks(allCss).map(([name]) => name));
    const documented = new Set([...doc.matchAll(/`(--mlo-[a-z0-9-]+)`/g)].map((match) => match[1]!));
    expect([...read].filter((name) => !documented.has(name)), 'read but not documented').to.deep.equal([]);
    expect([...documented].filter((name) => !read.has(name)), 'documented but never read').to.deep.equal([]);
  });

  it('gives the defaults the styles use (light and dark for colours)', () => {
    const rows = [...doc.matchAll(/^\| (?:`<mlo-[a-z-]+>` \| )?`(--mlo-[a-z0-9-]+)` \| `([^`]+)` \| (?:`([^`]+)` \| )?/gm)];
    expect(rows.length).to.be.greaterThan(30);
    const used = fallbacks(allCss);
    for (const [, name, first, second] of rows) {
      const defaults = [...new Set(used.filter(([property, fallback]) => property === name && fallback !== undefined).map(([, fallback]) => asDocumented(fallback!)))];
      expect(defaults, name).to.deep.equal(second === undefined ? [first] : [first, second]);
    }
  });

  it('names the parts each element declares (custom-elements.json)', async () => {
    const response = await fetch('/custom-elements.json');
    expect(response.ok, 'custom-elements.json is missing: run `npm run analyze`').to.equal(true);
    const manifest = (await response.json()) as { modules: Array<{ declarations?: Array<{ tagName?: string; cssParts?: Array<{ name: string }> }> }> };
    const declarations = manifest.modules.flatMap((module) => module.declarations ?? []);
    for (const tag of ELEMENT_TAGS) {
      const section = doc.split(`### \`<${tag}>\``)[1]?.split(/\n#{2,3} /)[0] ?? '';
      const documented = [...section.matchAll(/^\| `([a-z-]+)` \|/gm)].map((match) => match[1]);
      const declared = declarations.find((declaration) => declaration.tagName === tag)?.cssParts?.map((part) => part.name);
      expect(documented, tag).to.deep.equal(declared);
    }
  });
});
