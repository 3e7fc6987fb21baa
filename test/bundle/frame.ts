/**
 * Opens a page of test/bundle/pages/ in an iframe, as a webmaster's page would load dist/mlo-widgets.js,
 * and reads what pages/record-errors.js recorded there. Frames are removed after each test.
 */
import { aTimeout, waitUntil } from '@open-wc/testing';

export interface PageRecord {
  errors: string[];
  violations: Array<{ directive: string; blocked: string; sample: string }>;
  warnings: string[];
  /** Every tag passed to customElements.define, in order. */
  defined: string[];
}

export interface OpenedPage {
  window: Window & typeof globalThis;
  document: Document;
  record: PageRecord;
}

const frames: HTMLIFrameElement[] = [];

afterEach(() => {
  for (const frame of frames.splice(0)) frame.remove();
});

/** The two script-tag builds; each bundle test page is served for both (test/loader/cdn-middleware.mjs). */
export const BUILDS = [
  { name: 'the loader, dist/mlo-widgets.js', folder: '/test/bundle/pages/', file: 'dist/mlo-widgets.js', singleFile: false },
  { name: 'the single-file build, dist/mlo-widgets.bundle.js', folder: '/test/bundle/single-file/', file: 'dist/mlo-widgets.bundle.js', singleFile: true },
] as const;

/** Opens `name` from `folder` (test/bundle/pages/ by default; test/loader/pages/ for the loader's own pages). */
export async function openPage(name: string, folder = '/test/bundle/pages/'): Promise<OpenedPage> {
  const frame = document.createElement('iframe');
  frame.title = name;
  frames.push(frame);
  const loaded = new Promise<void>((resolve) => frame.addEventListener('load', () => resolve(), { once: true }));
  frame.src = `${folder}${name}`;
  document.body.append(frame);
  await loaded;
  const frameWindow = frame.contentWindow as Window & typeof globalThis & { __mloRecord?: PageRecord };
  if (!frameWindow.__mloRecord) throw new Error(`${name}: record-errors.js did not run.`);
  return { window: frameWindow, document: frame.contentDocument!, record: frameWindow.__mloRecord };
}

/** The text a reader sees in an element's shadow tree, including nested elements' shadow trees. */
export function shadowText(element: Element): string {
  const collect = (node: Node): string => {
    if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
    if (node.nodeName === 'STYLE' || node.nodeName === 'SCRIPT') return '';
    // Not `instanceof Element`: nodes in a frame belong to the frame's realm.
    const shadow = node.nodeType === Node.ELEMENT_NODE ? (node as Element).shadowRoot : null;
    const own = shadow ? collect(shadow) : '';
    return own + Array.from(node.childNodes, collect).join('');
  };
  return element.shadowRoot ? collect(element.shadowRoot).replace(/\s+/g, ' ').trim() : '';
}

/** Waits until the element's shadow text contains `expected`; the failure says what it showed instead. */
export async function waitForText(element: Element, expected: string, timeout = 5000): Promise<void> {
  try {
    await waitUntil(() => shadowText(element).includes(expected), undefined, { timeout });
  } catch {
    throw new Error(`<${element.localName}> did not show "${expected}" within ${timeout} ms; it shows: "${shadowText(element).slice(0, 300)}"`);
  }
}

/** CSP violations are reported in a task after the fact: give them time to arrive before counting. */
export function settle(ms = 300): Promise<void> {
  return aTimeout(ms);
}
