/**
 * The base of every mlo-* element: the shared host styles, the resolved language and theme, and a
 * typed way to fire events. Elements extend this, never LitElement directly.
 */
import { LitElement } from 'lit';
import type { MloEventMap } from '../events.js';
import { emit, type EventDetail } from './emit.js';
import type { Locale } from '../i18n/locale.js';
import { HostContextController } from './host-context.js';

export abstract class MloElement extends LitElement {
  /** Language and theme from the element, its ancestors, or the document. */
  protected readonly context = new HostContextController(this);

  /** The resolved locale (en, sr-Latn or sr-Cyrl). */
  protected get locale(): Locale {
    return this.context.locale;
  }

  /** Fires a bubbling, composed event; returns false when a listener cancelled it. */
  protected emit<K extends keyof MloEventMap>(type: K, detail: EventDetail<K>, options?: { cancelable?: boolean }): boolean {
    return emit(this, type, detail, options);
  }
}
