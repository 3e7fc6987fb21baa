/**
 * The Serbian message tables on demand. Every element's English strings are in its own code; its Serbian
 * ones (Cyrillic, and the code that derives the Latin) are in one module, src/i18n/tables/serbian.ts,
 * imported the first time an element reads a Serbian table. Until it has arrived the tables answer in English (never a blank),
 * and once it has, every mlo- element on the page renders again. The script-tag loader fetches the
 * module before a Serbian element's code, so its first render is already Serbian.
 */
import type { serbianLatin } from './serbian-latin.js';
import type { SerbianTables } from './tables/serbian.js';

/** What the tables module brings: every element's Cyrillic table, and the derivation of its Serbian Latin. */
export interface SerbianModule {
  readonly tables: SerbianTables;
  readonly serbianLatin: typeof serbianLatin;
}

let loaded: SerbianModule | undefined;
let loading: Promise<void> | undefined;

/** The Serbian tables and their Latin derivation, when they have arrived. */
export function serbianTables(): SerbianModule | undefined {
  return loaded;
}

/** Called by the tables module when it is evaluated (by `loadSerbianTables`, or imported up front). */
export function provideSerbianTables(value: SerbianModule): void {
  loaded = value;
}

/** Every mlo- element in `root` and the shadow roots inside it. */
function mloElements(root: Document | ShadowRoot): Element[] {
  return Array.from(root.querySelectorAll('*')).flatMap((element) => [
    ...(element.localName.startsWith('mlo-') ? [element] : []),
    ...(element.shadowRoot ? mloElements(element.shadowRoot) : []),
  ]);
}

/**
 * Imports the Serbian tables once; then asks every mlo- element to render again (`requestUpdate`).
 * A failure (offline) leaves the English in place and lets a later read try again.
 */
export function loadSerbianTables(): Promise<void> {
  loading ??= import('./tables/serbian.js').then(
    () => {
      // Its evaluation has called provideSerbianTables.
      if (typeof document === 'undefined') return;
      for (const element of mloElements(document)) (element as Element & { requestUpdate?: () => void }).requestUpdate?.();
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}
