/** Reading number attributes: one rule for every element, so `limit="abc"` or `heading-level="9"` behave alike. */

/**
 * A whole number within `min`–`max` (a fraction is cut to its whole part). Anything else — not a
 * number, below `min` (`0` for "none"), past `max` (`heading-level="9"`) — gives `fallback`: the
 * documented default, rather than a guess at what was meant.
 */
export function integerInRange(value: unknown, min: number, max: number, fallback: number): number {
  if (value === undefined || value === null || value === '') return fallback;
  const number = Math.trunc(Number(value));
  return Number.isFinite(number) && number >= min && number <= max ? number : fallback;
}
