/**
 * Watches an element's own children (its light DOM) and calls back when they change, for elements
 * whose children are content (the breadcrumb's links, the office contact's own block). Reads once as
 * the element connects, before its first render; nothing runs where there is no DOM (server rendering).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class LightDomController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #onChange: () => void;
  readonly #options: MutationObserverInit;
  #observer?: MutationObserver;

  /** `onChange` runs on connect and after each change matching `options` (default: children and text, at any depth). */
  constructor(host: ReactiveControllerHost & HTMLElement, onChange: () => void, options: MutationObserverInit = { childList: true, subtree: true, characterData: true }) {
    this.#host = host;
    this.#onChange = onChange;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    this.#onChange();
    if (typeof MutationObserver === 'undefined') return;
    this.#observer ??= new MutationObserver(() => this.#onChange());
    this.#observer.observe(this.#host, this.#options);
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
  }
}
