/**
 * Taking over HTML rendered on the server (`@lit-labs/ssr`: a declarative shadow root is already in
 * the element when it upgrades). Lit's hydration (`@lit-labs/ssr-client/lit-element-hydrate-support.js`,
 * loaded before Lit) reuses the server's nodes, but only when the browser's first render is the
 * server's own: the same templates with the same values, or it throws. The server sees the element's
 * attributes and properties only: not its light-DOM children, not its ancestors' `lang`. An element
 * whose first render depends on either renders afresh instead: the server's shadow root is emptied
 * in its first update, which runs before the browser paints, so there is no flash in between.
 */
import { adoptStyles, type LitElement } from 'lit';
import { resolveLocale } from '../i18n/locale.js';
import { contextOf } from './host-context.js';

/**
 * How Lit's hydration support marks an element it will hydrate in its first update (set in its
 * `createRenderRoot`, read in its `update`; a property the two Lit packages share, kept unminified).
 */
interface HydrationMark {
  _$needsHydration?: boolean;
}

function renderAfresh(host: LitElement, root: ShadowRoot): void {
  root.replaceChildren();
  adoptStyles(root, (host.constructor as typeof LitElement).elementStyles);
  // LitElement renders before the root's first child, which was a server node.
  host.renderOptions.renderBefore = null;
}

/**
 * For `createRenderRoot()`, after LitElement's: a server render that nothing will hydrate (the
 * hydration support is not loaded) is emptied, or Lit would render beside it. `hadServerRender` is
 * `this.shadowRoot !== null` read before calling LitElement's.
 */
export function dropUnhydratedServerRender(host: LitElement, hadServerRender: boolean): void {
  const root = host.shadowRoot;
  if (hadServerRender && root && !(host as LitElement & HydrationMark)._$needsHydration) renderAfresh(host, root);
}

/**
 * For the first `update()`, before LitElement's: keeps the server's nodes for hydration only when
 * `canHydrate()` (the first render is the server's); otherwise the first render starts afresh.
 * `canHydrate` runs only for an element that was server-rendered.
 */
export function hydrateOnlyIf(host: LitElement, canHydrate: () => boolean): void {
  const marked = host as LitElement & HydrationMark;
  const root = host.shadowRoot;
  if (!marked._$needsHydration || !root || canHydrate()) return;
  marked._$needsHydration = false;
  renderAfresh(host, root);
}

/** True when the element's language in the page is the one the server rendered in (its own `lang` only). */
export function sameLocaleAsServer(host: HTMLElement): boolean {
  return resolveLocale(contextOf(host).lang) === resolveLocale(host.getAttribute('lang'));
}
