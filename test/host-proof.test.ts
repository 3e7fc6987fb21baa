/**
 * Issue 7, host-proof: a partner page's CSS must not break the widgets. Each element, on the demo
 * feed, is rendered on a plain page and on a hostile one (the stylesheet below, as the issue lists it
 * plus other inherited properties a page commonly sets), at container widths from 280 to 1600 px, and
 * measured: every node's computed type and box must be the same on both pages, text stays at least
 * 12 px and not uppercase, and nothing sticks out of the element.
 */
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { DEMO_FEED, ELEMENT_TAGS, allElements, mountDemo, mountError, mountShown, partOf, type ElementTag } from './host-proof/elements.js';

/** The hostile page's stylesheet (also used by the manual check page hostile.html). */
const HOSTILE_CSS_URL = new URL('./host-proof/hostile.css', import.meta.url);
let hostileCss = '';

const WIDTHS = [280, 320, 480, 768, 1024, 1280, 1600];

/** The computed properties that make text readable and boxes what the widget designed. */
const MEASURED = [
  'font-size',
  'line-height',
  'letter-spacing',
  'word-spacing',
  'text-transform',
  'font-style',
  'font-weight',
  'font-variant-caps',
  'text-align',
  'text-indent',
  'white-space',
  'word-break',
  'color',
  'box-sizing',
  'grid-template-columns',
] as const;

interface NodeMeasure {
  node: string;
  box: string;
  style: Record<string, string>;
}

let hostileSheet: HTMLStyleElement | undefined;

function addHostileCss(): void {
  hostileSheet = document.createElement('style');
  hostileSheet.textContent = hostileCss;
  document.head.append(hostileSheet);
}

function removeHostileCss(): void {
  hostileSheet?.remove();
  hostileSheet = undefined;
}

before(async () => {
  hostileCss = await (await fetch(HOSTILE_CSS_URL)).text();
  expect(hostileCss).to.contain('text-transform: uppercase');
  // Room for the widest container: a frame wider than the window would still lay out, but the page would scroll.
  await setViewport({ width: 1700, height: 1000 });
});

afterEach(removeHostileCss);

function describeNode(node: Element): string {
  const part = node.getAttribute('part');
  const classes = typeof node.className === 'string' && node.className ? `.${node.className.trim().split(/\s+/).join('.')}` : '';
  return `${node.localName}${classes}${part ? `[part="${part}"]` : ''}`;
}

/** Hidden for the eye, there for screen readers: 1 px boxes that are meant to sit where they are. */
function isVisuallyHidden(node: Element): boolean {
  return getComputedStyle(node).clipPath === 'inset(50%)';
}

function visibleNodes(element: HTMLElement): Element[] {
  return allElements(element.shadowRoot!).filter((node) => node.checkVisibility() && !isVisuallyHidden(node) && node.localName !== 'style');
}

/** Every visible node inside the element: its box relative to the host, and its computed type. */
function measure(element: HTMLElement): NodeMeasure[] {
  const host = element.getBoundingClientRect();
  return visibleNodes(element).map((node) => {
    const rect = node.getBoundingClientRect();
    const style = getComputedStyle(node);
    return {
      node: describeNode(node),
      box: [rect.left - host.left, rect.top - host.top, rect.width, rect.height].map((value) => value.toFixed(1)).join(' '),
      style: Object.fromEntries(MEASURED.map((name) => [name, style.getPropertyValue(name)])),
    };
  });
}

/** Elements with text of their own (a direct, non-blank text node). */
function textNodes(element: HTMLElement): Element[] {
  return visibleNodes(element).filter((node) => [...node.childNodes].some((child) => child.nodeType === Node.TEXT_NODE && child.textContent!.trim() !== ''));
}

/** Overflow: anything whose box reaches past the host's sides, unless a scrolling or clipping ancestor contains it. */
function overflowing(element: HTMLElement): string[] {
  const host = element.getBoundingClientRect();
  const problems: string[] = [];
  const clipped = new Set<Element>();
  for (const node of visibleNodes(element)) {
    let parent = node.parentElement ?? (node.parentNode as ShadowRoot | null)?.host ?? null;
    while (parent && parent !== element) {
      if (clipped.has(parent) || getComputedStyle(parent).overflowX !== 'visible') {
        clipped.add(node);
        break;
      }
      parent = parent.parentElement ?? (parent.parentNode as ShadowRoot | null)?.host ?? null;
    }
    if (clipped.has(node)) continue;
    const rect = node.getBoundingClientRect();
    if (rect.width === 0 && rect.height === 0) continue;
    if (rect.left < host.left - 0.5 || rect.right > host.right + 0.5) {
      problems.push(`${describeNode(node)}: ${rect.left.toFixed(1)}–${rect.right.toFixed(1)} outside ${host.left.toFixed(1)}–${host.right.toFixed(1)}`);
    }
  }
  if (element.scrollWidth > element.clientWidth) problems.push(`the host scrolls: ${element.scrollWidth} > ${element.clientWidth}`);
  return problems;
}

function differences(plain: NodeMeasure[], hostile: NodeMeasure[]): string[] {
  const out: string[] = [];
  if (plain.length !== hostile.length) out.push(`${plain.length} visible nodes on a plain page, ${hostile.length} on the hostile one`);
  plain.forEach((expected, index) => {
    const actual = hostile[index];
    if (!actual) return;
    if (actual.node !== expected.node) out.push(`#${index}: ${expected.node} became ${actual.node}`);
    if (actual.box !== expected.box) out.push(`${expected.node}: box ${expected.box} became ${actual.box}`);
    for (const name of MEASURED) {
      if (actual.style[name] !== expected.style[name]) out.push(`${expected.node}: ${name} ${expected.style[name]} became ${actual.style[name]}`);
    }
  });
  return out;
}

type Mounter = (tag: ElementTag, options: { width: number }) => Promise<{ element: HTMLElement; frame: HTMLElement }>;

/** Renders the element on a plain page, then on the hostile one, and compares and measures. */
async function expectHostProof(tag: ElementTag, width: number, mountOn: Mounter): Promise<void> {
  const plain = await mountOn(tag, { width });
  const expected = measure(plain.element);
  plain.frame.parentElement!.remove();

  addHostileCss();
  expect(getComputedStyle(document.body).textTransform, 'the hostile sheet applies').to.equal('uppercase');
  const { element, frame } = await mountOn(tag, { width });
  expect(frame.getBoundingClientRect().width).to.equal(width);

  expect(differences(expected, measure(element))).to.deep.equal([]);
  expect(overflowing(element)).to.deep.equal([]);
  expect(element.getBoundingClientRect().width, 'the host fills its container').to.be.closeTo(width, 0.5);

  const texts = textNodes(element);
  expect(texts.length).to.be.greaterThan(0);
  for (const node of texts) {
    const style = getComputedStyle(node);
    const label = `${describeNode(node)} “${node.textContent.trim().slice(0, 30)}”`;
    expect(parseFloat(style.fontSize), `${label}: font-size`).to.be.at.least(12);
    expect(style.textTransform, `${label}: text-transform`).to.equal('none');
    expect(style.letterSpacing, `${label}: letter-spacing`).to.equal('normal');
    expect(style.webkitTextFillColor, `${label}: the colour painted is the colour set`).to.equal(style.color);
    expect(style.fontStyle === 'normal' || node.closest('.byline, em, i, cite') !== null, `${label}: font-style ${style.fontStyle}`).to.equal(true);
    const lineHeight = style.lineHeight === 'normal' ? 1.2 * parseFloat(style.fontSize) : parseFloat(style.lineHeight);
    expect(lineHeight / parseFloat(style.fontSize), `${label}: line-height`).to.be.within(1, 2);
  }
}

describe('on a hostile host page', () => {
  for (const tag of ELEMENT_TAGS) {
    describe(tag, () => {
      for (const width of WIDTHS) {
        it(`looks exactly as on a plain page at ${width} px, readable and inside its box`, async () => {
          await expectHostProof(tag, width, mountDemo);
        });
      }
      for (const width of [280, 1024]) {
        it(`shows its error and Retry intact at ${width} px`, async () => {
          await expectHostProof(tag, width, mountError);
        });
      }
    });
  }

  it('mlo-news-list: grid columns follow the container, not the page', async () => {
    const columns = (element: HTMLElement) => getComputedStyle(partOf(element, 'items')).gridTemplateColumns.split(' ').length;
    const expected: Record<number, number> = { 280: 1, 480: 1, 768: 2, 1024: 3, 1600: 5 };
    addHostileCss();
    for (const [width, count] of Object.entries(expected)) {
      const { element } = await mountShown('mlo-news-list', { src: DEMO_FEED, layout: 'grid', limit: '6' }, { width: Number(width) });
      expect(columns(element), `${width} px`).to.equal(count);
      expect(overflowing(element), `${width} px`).to.deep.equal([]);
    }
  });

  it('keeps an element’s font size when the page sets --mlo-font-size, and only then', async () => {
    addHostileCss();
    const page = document.createElement('style');
    page.textContent = '.styling-frame { --mlo-font-size: 20px; }';
    document.head.append(page);
    try {
      for (const tag of ELEMENT_TAGS satisfies readonly ElementTag[]) {
        const { element } = await mountDemo(tag, { width: 768 });
        expect(getComputedStyle(element).fontSize, tag).to.equal('20px');
        expect(overflowing(element), tag).to.deep.equal([]);
      }
    } finally {
      page.remove();
    }
  });
});

/**
 * Containers that take the width of their content (a floated sidebar, an inline-block, a flex or grid
 * item, a table cell). The host is a size container for its container queries, which gives it no
 * content width of its own; it must still get a readable width there.
 */
describe('in containers that size to their content', () => {
  // Style properties as plain objects (CSSStyleDeclaration itself is iterable, which object spread ignores).
  type Styles = { [Property in keyof CSSStyleDeclaration as Property extends string ? Property : never]?: string };
  const CONTEXTS: Record<string, { outer?: Styles; frame: Styles }> = {
    'a float': { frame: { float: 'left' } },
    'an inline-block': { frame: { display: 'inline-block' } },
    'an absolutely positioned box': { outer: { position: 'relative', blockSize: '40em' }, frame: { position: 'absolute' } },
    'a flex row': { outer: { display: 'flex' }, frame: {} },
    'a grid’s auto column': { outer: { display: 'grid', gridTemplateColumns: 'auto 1fr' }, frame: {} },
    'a table cell': { outer: { display: 'table' }, frame: { display: 'table-cell' } },
  };

  for (const [context, styles] of Object.entries(CONTEXTS)) {
    it(`each element gets a readable width in ${context}`, async () => {
      for (const tag of ELEMENT_TAGS) {
        const outer = document.createElement('div');
        Object.assign(outer.style, { inlineSize: '900px', ...styles.outer });
        document.body.append(outer);
        try {
          const { element, frame } = await mountDemo(tag, { parent: outer });
          Object.assign(frame.style, styles.frame);
          await new Promise(requestAnimationFrame);
          const width = element.getBoundingClientRect().width;
          expect(width, `${tag}: width`).to.be.at.least(280);
          expect(width, `${tag}: width`).to.be.at.most(900);
          expect(overflowing(element), tag).to.deep.equal([]);
        } finally {
          outer.remove();
        }
      }
    });
  }
});
