/**
 * The two sanitiser paths of src/internal/sanitize.ts, for tests that run the same assertions on both:
 * the browser's HTML Sanitizer API (Chromium has it), and DOMPurify, run by hiding that API
 * (`Sanitizer`, `Document.parseHTML`, `Element.prototype.setHTML`) as a browser without it would be.
 */
import { expect } from '@open-wc/testing';
import { hasNativeSanitizer } from '../src/internal/sanitize-native.js';
import { loadSanitizer, sanitizerReady } from '../src/internal/sanitize.js';

export interface Engine {
  readonly name: string;
  readonly native: boolean;
}

export const ENGINES: readonly Engine[] = [
  { name: 'the HTML Sanitizer API', native: true },
  { name: 'DOMPurify (no HTML Sanitizer API)', native: false },
];

/** Hides the HTML Sanitizer API from the page; the returned function puts it back. */
export function hideNativeSanitizer(): () => void {
  const global = globalThis as { Sanitizer?: unknown };
  const documentStatics = Document as unknown as { parseHTML?: unknown };
  const elementProto = Element.prototype as { setHTML?: unknown };
  const saved = { sanitizer: global.Sanitizer, parseHTML: documentStatics.parseHTML, setHTML: elementProto.setHTML };
  // Own properties of the global, of Document and of Element.prototype in Chromium: deleting them is what a browser without the API looks like.
  delete global.Sanitizer;
  delete documentStatics.parseHTML;
  delete elementProto.setHTML;
  return () => {
    global.Sanitizer = saved.sanitizer;
    documentStatics.parseHTML = saved.parseHTML;
    elementProto.setHTML = saved.setHTML;
  };
}

/** Mocha hooks of a `describe` that runs on `engine`: checks the engine is really the one in use. */
export function useEngine(engine: Engine): void {
  let restore: (() => void) | undefined;
  before(async () => {
    expect(hasNativeSanitizer(), 'this Chromium has the HTML Sanitizer API').to.equal(true);
    if (!engine.native) {
      restore = hideNativeSanitizer();
      expect(hasNativeSanitizer(), 'the API is hidden').to.equal(false);
      await loadSanitizer();
    }
    expect(sanitizerReady()).to.equal(true);
  });
  after(() => {
    restore?.();
    restore = undefined;
  });
}
