/** Fires the library's events, typed by name from `MloEventMap` (a wrong name or detail does not compile). */
import type { MloEventMap } from '../events.js';
import { ON_SERVER } from './environment.js';

/** The detail type of one of our events. */
export type EventDetail<K extends keyof MloEventMap> = MloEventMap[K] extends CustomEvent<infer D> ? D : never;

/** Dispatches a bubbling, composed event; returns false when a listener cancelled it. */
export function emit<K extends keyof MloEventMap>(target: EventTarget, type: K, detail: EventDetail<K>, options: { cancelable?: boolean } = {}): boolean {
  if (ON_SERVER) return true; // Nobody listens during server rendering.
  return target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false }));
}
