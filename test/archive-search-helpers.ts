/** Shared steps of the mlo-archive-search tests: render an example, wait for the index, type. */
import { aTimeout, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import { renderArchiveSearchExample, type ArchiveSearchExample } from '../fixtures/archive-search.js';
import type { MloArchiveSearch, SearchReadyDetail } from '../src/elements/archive-search/archive-search.js';
import '../src/elements/archive-search/define.js';
import { mount } from './helpers/mount.js';

export { mount };

export interface Rendered {
  element: MloArchiveSearch;
  /** Resolves with the detail of the first `mlo-search-ready`. */
  ready: Promise<SearchReadyDetail>;
}


/** Renders an example the way its story does, listening for `mlo-search-ready` from the start. */
export async function renderSearch(example: ArchiveSearchExample): Promise<Rendered> {
  let resolveReady!: (detail: SearchReadyDetail) => void;
  const ready = new Promise<SearchReadyDetail>((resolve) => (resolveReady = resolve));
  const frame = mount(html`<div @mlo-search-ready=${(event: CustomEvent<SearchReadyDetail>) => resolveReady(event.detail)}>${renderArchiveSearchExample(example)}</div>`);
  const element = frame.querySelector('mlo-archive-search')!;
  await element.updateComplete;
  return { element, ready };
}

/** The reader shows they want to search: focus comes to the box (nothing is loaded before). */
export async function showIntent(element: MloArchiveSearch): Promise<void> {
  // Dispatched rather than focus(): the page may not have the browser's focus, and a really focused
  // box that an error state then removes fires focusout in the middle of that render.
  combobox(element).dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
  await element.updateComplete;
}

/** Renders an example, shows intent, and waits until the archive is searchable and the element has rendered the outcome. */
export async function renderIndexed(example: ArchiveSearchExample): Promise<MloArchiveSearch> {
  const { element, ready } = await renderSearch(example);
  await showIntent(element);
  await ready;
  await element.updateComplete;
  return element;
}

export const shadow = (element: MloArchiveSearch): ShadowRoot => element.shadowRoot!;
export const combobox = (element: MloArchiveSearch): HTMLInputElement => shadow(element).querySelector<HTMLInputElement>('[role="combobox"]')!;
export const listbox = (element: MloArchiveSearch): HTMLElement => shadow(element).querySelector<HTMLElement>('[role="listbox"]')!;
export const options = (element: MloArchiveSearch): HTMLElement[] => [...shadow(element).querySelectorAll<HTMLElement>('[role="option"]')];
export const optionTitles = (element: MloArchiveSearch): string[] => options(element).map((option) => option.querySelector('[part="option-title"]')!.textContent.trim());
export const liveRegion = (element: MloArchiveSearch): HTMLElement => shadow(element).querySelector<HTMLElement>('[part="status"]')!;
export const announcement = (element: MloArchiveSearch): string => liveRegion(element).textContent.trim();

/** Puts words in the box as a key press does (one input event); returns when, for timing. */
export function pressKey(element: MloArchiveSearch, words: string): number {
  const input = combobox(element);
  input.value = words;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText' }));
  return performance.now();
}

/** Puts words in the box as typing does (one input event), then waits out the debounce and the render. */
export async function typeQuery(element: MloArchiveSearch, words: string): Promise<void> {
  combobox(element).focus();
  pressKey(element, words);
  await aTimeout(Math.max(0, element.debounce) + 20);
  await element.updateComplete;
}

/** Waits until the element shows what `check` looks for (results arrive after loading and indexing). */
export function until(check: () => boolean, message: string): Promise<void> {
  return waitUntil(check, message, { timeout: 4000 });
}
