/**
 * Guarded registration: the script tag pasted twice, the bundle loaded as classic and module script,
 * or two versions of the library on one page must never throw "already defined".
 */
import { VERSION } from '../version.js';
import { sliceStartsHere } from './render-slices.js';

const WARNED = Symbol.for('mlo-widgets.version-warning');
const VERSION_KEY = 'mloVersion';

type VersionedConstructor = CustomElementConstructor & { [VERSION_KEY]?: string };

export function defineElement(tag: string, constructor: CustomElementConstructor): void {
  // Absent server-side and in very old browsers (the DOM types do not allow for it): nothing to register with.
  const registry = globalThis.customElements as CustomElementRegistry | undefined;
  if (!registry) return;
  const existing: VersionedConstructor | undefined = registry.get(tag);
  if (existing) {
    const theirs = existing[VERSION_KEY];
    const globals = globalThis as unknown as Record<symbol, boolean>;
    if (theirs !== VERSION && !globals[WARNED]) {
      globals[WARNED] = true;
      console.warn(
        `mlo-widgets ${VERSION}: <${tag}> is already defined by ${theirs ? `mlo-widgets ${theirs}` : 'another script'}; ` +
          'keeping the first definition. Load mlo-widgets.js once per page.',
      );
    }
    return;
  }
  Object.defineProperty(constructor, VERSION_KEY, { value: VERSION, configurable: true });
  sliceStartsHere();
  registry.define(tag, constructor);
}
