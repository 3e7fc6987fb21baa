/**
 * Which language and theme an element is in. The language comes from the element's `lang`, else the
 * nearest ancestor's (across shadow roots), else `<html lang>`; the theme from a `theme="light|dark"`
 * attribute on the element or an ancestor, else the user's `prefers-color-scheme`. Any change to
 * `lang`, `dir` or `theme` anywhere re-resolves every element, so changing the page language
 * re-renders the widgets.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { type Locale, resolveLocale } from '../i18n/locale.js';

export type Theme = 'light' | 'dark';
const WATCHED = ['lang', 'theme', 'dir'];
const controllers = new Set<HostContextController>();
let documentObserver: MutationObserver | undefined;
/** One observer for every host (hosts inside shadow roots are outside the document observer's reach). */
let hostObserver: MutationObserver | undefined;

function refreshAll(): void {
  for (const controller of controllers) controller.refresh();
}

/**
 * The `lang` and the theme in force for an element, in one walk up its ancestors (across shadow roots,
 * so a card inside a list inherits the list's), stopping once both are found: its own `lang`, else the
 * nearest ancestor's, else the document's (`''` when none); its own `theme="light|dark"`, else the nearest
 * ancestor's, else undefined (the reader's `prefers-color-scheme`).
 */
export function contextOf(element: Element): { lang: string; theme: Theme | undefined } {
  let lang = '';
  let theme: Theme | undefined;
  for (let node: Node | null = element; node && !(lang && theme); node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null)) {
    if (!(node instanceof Element)) continue;
    lang ||= node.getAttribute('lang') ?? '';
    if (!theme) {
      const value = node.getAttribute('theme');
      if (value === 'light' || value === 'dark') theme = value;
    }
  }
  return { lang: lang || element.ownerDocument.documentElement.lang, theme };
}

export class HostContextController implements ReactiveController {
  /** The resolved locale: one of en, sr-Latn, sr-Cyrl. */
  locale: Locale = 'en';
  /** The forced theme, or undefined to follow prefers-color-scheme. */
  theme: Theme | undefined;
  readonly #host: ReactiveControllerHost & HTMLElement;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    controllers.add(this);
    if (!documentObserver && typeof MutationObserver !== 'undefined') {
      documentObserver = new MutationObserver(refreshAll);
      documentObserver.observe(document.documentElement, { attributes: true, attributeFilter: WATCHED, subtree: true });
    }
    // Hosts inside other elements' shadow roots are outside the document observer's reach (the others are
    // in it: sixty cards on a page need no sixty registrations). Observing a host again (after a move)
    // replaces its registration; a disconnected host's changes refresh nothing.
    if (this.#host.getRootNode() !== document) {
      hostObserver ??= new MutationObserver(refreshAll);
      hostObserver.observe(this.#host, { attributes: true, attributeFilter: WATCHED });
    }
    this.refresh(false);
  }

  hostDisconnected(): void {
    controllers.delete(this);
    if (controllers.size === 0) {
      documentObserver?.disconnect();
      documentObserver = undefined;
    }
  }

  /** Re-resolves language and theme; asks the host to render when either changed. */
  refresh(requestUpdate = true): void {
    const { lang, theme } = contextOf(this.#host);
    const locale = resolveLocale(lang);
    if (theme) this.#host.setAttribute('data-mlo-theme', theme);
    else this.#host.removeAttribute('data-mlo-theme');
    if (locale !== this.locale || theme !== this.theme) {
      this.locale = locale;
      this.theme = theme;
      if (requestUpdate) this.#host.requestUpdate();
    }
  }
}
