/**
 * DOM checks for element tests: walking shadow roots, asserting that
 * hostile feed content rendered inert, measuring overflow, and keeping link clicks from navigating
 * the test page away.
 */
import { expect } from '@open-wc/testing';

/** Every element under `root`, descending into open shadow roots (a list's cards). */
export function deepElements(root: ParentNode): Element[] {
  const out: Element[] = [];
  for (const element of root.querySelectorAll('*')) {
    out.push(element);
    if (element.shadowRoot) out.push(...deepElements(element.shadowRoot));
  }
  return out;
}

/** Elements a feed must never be able to put into the page. */
const FORBIDDEN = new Set(['script', 'iframe', 'object', 'embed', 'form', 'input', 'style', 'base', 'meta', 'link', 'svg', 'math', 'frame', 'frameset']);

/** No event handler attribute, no forbidden element, no `javascript:`/`data:`/`vbscript:` href or src anywhere. */
export function expectInert(root: ParentNode): void {
  for (const element of deepElements(root)) {
    expect(FORBIDDEN.has(element.localName), `<${element.localName}> rendered`).to.equal(false);
    for (const attribute of element.attributes) {
      expect(attribute.name, `${attribute.name} on <${element.localName}>`).not.to.match(/^on/i);
      if (['href', 'src', 'action', 'formaction', 'xlink:href', 'cite', 'poster'].includes(attribute.name)) {
        expect(attribute.value, `${attribute.name} on <${element.localName}>`).not.to.match(/^\s*(javascript|data|vbscript):/i);
      }
    }
  }
}

/** Nothing inside `frame` (shadow roots included) reaches past its right edge. */
export function expectNoHorizontalOverflow(frame: HTMLElement): void {
  const right = frame.getBoundingClientRect().right;
  for (const element of deepElements(frame)) {
    const rect = element.getBoundingClientRect();
    if (rect.width === 0 && rect.height === 0) continue;
    expect(rect.right, `<${element.localName} part="${element.getAttribute('part') ?? ''}"> overflows`).to.be.at.most(right + 0.5);
  }
}

/**
 * Cancels every link navigation during a test (a click on an item link would leave the test page) and
 * records whether something else had cancelled it first.
 */
export function interceptNavigation(): { prevented: boolean[]; stop: () => void } {
  const prevented: boolean[] = [];
  const onClick = (event: MouseEvent) => {
    prevented.push(event.defaultPrevented);
    event.preventDefault();
  };
  // Bubble phase on window: after the element's own handler had its say.
  window.addEventListener('click', onClick);
  return { prevented, stop: () => window.removeEventListener('click', onClick) };
}

/** The element that has focus, looking through shadow roots. */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/**
 * For a `describe` block of hostile-feed tests: hostile.json's payloads call alert(); were any to
 * run, the trap sets `window.__xss` (which the tests check stays unset).
 */
export function trapAlerts(): void {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- kept only to be put back, never called.
  const realAlert = window.alert;
  beforeEach(() => {
    window.alert = () => {
      (window as Window & { __xss?: string }).__xss = 'alert';
    };
  });
  afterEach(() => {
    window.alert = realAlert;
  });
}
