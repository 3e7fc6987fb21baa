/**
 * The base of every mlo-* element: the shared host styles, the resolved language and theme, and a
 * typed way to fire events. Elements extend this, never LitElement directly.
 */
import { LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { MloEventMap } from '../events.js';
import { emit, type EventDetail } from './emit.js';
import { resolveLocale, type Locale } from '../i18n/locale.js';
import { ON_SERVER } from './environment.js';
import { HostContextController } from './host-context.js';
import { renderInSlices } from './render-slices.js';
import { dropUnhydratedServerRender, hydrateOnlyIf, sameLocaleAsServer } from './hydration.js';

/**
 * What every element has. `theme` is read from the element or from its nearest ancestor that has it
 * (across shadow roots), as `lang` is, so it is an attribute without a property.
 *
 * @attribute {'light' | 'dark'} theme - Forces the light or the dark theme. Without it, here or on an
 *   ancestor (`<html theme="dark">`), the element follows the reader's `prefers-color-scheme`.
 */
export abstract class MloElement extends LitElement {
  /**
   * Keeps the last good copy of the feed in the reader's localStorage, shown on a later visit when the
   * network fails. Off by default: storing on the reader's device is the site's decision (docs/privacy.md).
   * A page turns it on for every element with `<meta name="mlo-widgets-storage" content="persist">`.
   */
  @property({ type: Boolean, attribute: 'persist' }) persist = false;

  /** Language and theme from the element, its ancestors, or the document. */
  protected readonly context = new HostContextController(this);

  /** The resolved locale (en, sr-Latn or sr-Cyrl). */
  protected get locale(): Locale {
    // Server rendering sees the element's own attributes only (no ancestors, no document).
    return ON_SERVER ? resolveLocale(this.getAttribute('lang')) : this.context.locale;
  }

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const hadServerRender = this.shadowRoot !== null;
    const root = super.createRenderRoot();
    // Server-rendered HTML (docs/ssr.md) that no hydration support takes over is rendered over, not beside.
    dropUnhydratedServerRender(this, hadServerRender);
    return root;
  }

  /**
   * Every element renders in slices (src/internal/render-slices.ts): many cards on one feed, or the first
   * element of a kind registered in the task that evaluated its code, give the main thread back in between.
   */
  protected override scheduleUpdate(): Promise<unknown> | undefined {
    return renderInSlices(this, () => super.scheduleUpdate());
  }

  protected override update(changed: PropertyValues): void {
    // The server rendered in the element's own `lang`: in another language of the page, the browser renders afresh.
    if (!this.hasUpdated) hydrateOnlyIf(this, () => sameLocaleAsServer(this));
    super.update(changed);
  }

  /** Fires a bubbling, composed event; returns false when a listener cancelled it. */
  protected emit<K extends keyof MloEventMap>(type: K, detail: EventDetail<K>, options?: { cancelable?: boolean }): boolean {
    return emit(this, type, detail, options);
  }
}
