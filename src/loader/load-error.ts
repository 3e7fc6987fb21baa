/**
 * What an element shows when its code could not be loaded (a 404, the reader offline): a
 * `role="alert"` block with a Retry button in its shadow root, drawn with the DOM (no markup strings,
 * so no Trusted Types sink) and styled by an adopted stylesheet (allowed under `style-src 'self'`).
 * The same parts as the elements' own error block (error, error-title, error-message, retry-button),
 * and a slot after it, so the element's light-DOM fallback (breadcrumb links, a plain search form) still shows.
 * Before a retry the loader empties it again (`clearLoadError`): the element's Lit render root is this
 * same shadow root (Lit reuses an existing one).
 */
import { defineMessages } from '../i18n/serbian-latin.js';
import { resolveLocale } from '../i18n/locale.js';
import { LOADER_ENGLISH, type LoaderMessages } from '../i18n/messages/loader.js';
import { LOADER_SERBIAN_CYRILLIC } from '../i18n/tables/loader-serbian.js';

/** Eager, Serbian included: when the element's code did not arrive, the Serbian tables may not have either. */
const loaderMessages = defineMessages<LoaderMessages>({ en: LOADER_ENGLISH, 'sr-Cyrl': LOADER_SERBIAN_CYRILLIC });

let sheet: CSSStyleSheet | undefined;

function styles(): CSSStyleSheet {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(
      ':host{display:block;font:16px/1.5 var(--mlo-font-family,system-ui,sans-serif);color:var(--mlo-color-text,#1a1a1a)}' +
        'div{padding:var(--mlo-space,1em);border:1px solid var(--mlo-color-danger,#b3261e);border-radius:var(--mlo-radius,.375em);background:var(--mlo-color-danger-surface,#fdecec)}' +
        'p{margin:0 0 .5em}p:first-child{font-weight:700;color:var(--mlo-color-danger,#b3261e)}' +
        'button{min-height:2.5em;min-width:24px;padding:.4em 1em;font:inherit;font-weight:600;border:1px solid var(--mlo-color-accent,#0b4f8a);border-radius:var(--mlo-radius,.375em);background:var(--mlo-color-accent,#0b4f8a);color:var(--mlo-color-accent-contrast,#fff);cursor:pointer}' +
        ':focus-visible{outline:3px solid var(--mlo-color-focus,#0b4f8a);outline-offset:2px}',
    );
  }
  return sheet;
}

function append(parent: Node, tag: string, text: string, part: string): HTMLElement {
  const child = document.createElement(tag);
  child.textContent = text;
  child.setAttribute('part', part);
  parent.appendChild(child);
  return child;
}

/**
 * Shows the error in `element` (once: a second call leaves a shown error as it is). `stuck`: the files
 * are reachable again but the document keeps the failed import (a failed module address stays failed
 * for the page's lifetime, per HTML), so the button reloads the page instead of retrying.
 */
export function showLoadError(element: Element, retry: () => void, stuck = false): void {
  // Defined meanwhile (by another copy), or showing the error already.
  if (customElements.get(element.localName) || element.shadowRoot?.querySelector('[data-mlo-load-error]')) return;
  let root: ShadowRoot;
  try {
    root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
  } catch {
    return; // A closed shadow root the page attached: nowhere of ours to draw.
  }
  const t = loaderMessages[resolveLocale(element.closest('[lang]')?.getAttribute('lang'))];
  root.adoptedStyleSheets = [styles()];
  const block = document.createElement('div');
  block.setAttribute('role', 'alert');
  block.setAttribute('part', 'error');
  block.dataset['mloLoadError'] = '';
  append(block, 'p', t.title, 'error-title');
  append(block, 'p', stuck ? t.stuck : t.message, 'error-message');
  const button = append(block, 'button', stuck ? t.reload : t.retry, 'retry-button') as HTMLButtonElement;
  button.type = 'button';
  button.addEventListener('click', stuck ? () => location.reload() : retry);
  root.replaceChildren(block, document.createElement('slot'));
}

/** Takes a shown error away (before a retry: the element's own render goes into this shadow root). */
export function clearLoadError(element: Element): void {
  const root = element.shadowRoot;
  if (!root?.querySelector('[data-mlo-load-error]')) return;
  root.replaceChildren();
  root.adoptedStyleSheets = [];
}
