/**
 * The one rule for every link the elements write (a card's title, the links of an article body, the
 * links that stand in for embedded videos, the "read the full article" note):
 *
 * - the link opens where the element's `target` attribute says, else in the same browsing context.
 *   A feed's own `target` is never used: a feed must not open windows, nor navigate the partner page's
 *   top window (`_top`) or its parent;
 * - a link with a target gets `rel="noopener noreferrer"` (the page it opens gets no handle on the
 *   partner page, and no referrer); a link without one gets no `rel`.
 */

export interface LinkTarget {
  /** The `target` to write, or `undefined` for none. */
  readonly target: string | undefined;
  /** The `rel` to write: `noopener noreferrer` exactly when there is a target. */
  readonly rel: string | undefined;
}

const NO_TARGET: LinkTarget = { target: undefined, rel: undefined };

/** The `target` and `rel` of a link written by an element whose `target` attribute is `elementTarget`. */
export function linkTarget(elementTarget: string | null | undefined): LinkTarget {
  const target = elementTarget?.trim();
  return target ? { target, rel: 'noopener noreferrer' } : NO_TARGET;
}

/** Writes `linkTarget(elementTarget)` on a link element, removing any `target` and `rel` it had. */
export function applyLinkTarget(link: Element, elementTarget: string | null | undefined): void {
  const { target, rel } = linkTarget(elementTarget);
  if (target && rel) {
    link.setAttribute('target', target);
    link.setAttribute('rel', rel);
  } else {
    link.removeAttribute('target');
    link.removeAttribute('rel');
  }
}
