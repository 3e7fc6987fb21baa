/**
 * Styles every element shares: the host reset that keeps a partner page's CSS out, the design
 * tokens (light and dark), focus, buttons, the state blocks (error, empty, stale) and the skeleton.
 * Each element's own `<name>.styles.ts` builds on these; nothing here is inline, so a strict
 * `style-src 'self'` CSP is satisfied (Lit adopts these as constructed stylesheets).
 *
 * Sizes are in em from `--mlo-font-size` (px), never rem: a host page with `html { font-size: 62.5% }`
 * must not shrink the widgets.
 */
import { css, type CSSResult } from 'lit';
import { ON_SERVER } from './environment.js';

/**
 * The design tokens every element reads. The Custom Elements Manifest config copies these
 * `@cssprop`s into each element's docs, so Storybook lists them on every element's page.
 *
 * @cssprop [--mlo-font-size=16px] - The base text size (px); every size inside is in em of it, never rem.
 * @cssprop [--mlo-line-height=1.5] - Line height of body text.
 * @cssprop [--mlo-font-family=system-ui, sans-serif] - Body font.
 * @cssprop [--mlo-heading-font-family] - Heading font (default: the body font).
 * @cssprop [--mlo-color-background=#ffffff] - The element's background (dark: #14181d); `transparent` to let the page show through.
 * @cssprop [--mlo-color-surface=#f4f6f9] - Cards, state blocks and other raised surfaces (dark: #1e242b).
 * @cssprop [--mlo-color-text=#1b1f24] - Body text (dark: #e8ebef).
 * @cssprop [--mlo-color-text-muted=#4a5360] - Dates, captions and other secondary text (dark: #b3bcc7).
 * @cssprop [--mlo-color-accent=#004990] - Buttons and accents (dark: #8cc4ff).
 * @cssprop [--mlo-color-accent-contrast=#ffffff] - Text on the accent colour (dark: #0b1620).
 * @cssprop [--mlo-color-link=#004990] - Links (dark: #9ccbff).
 * @cssprop [--mlo-color-border=#c5ccd6] - Decorative borders and separators (dark: #48525e).
 * @cssprop [--mlo-color-control-border=#6b7480] - Borders of inputs and selects, 3:1 against the background (dark: #8a94a0).
 * @cssprop [--mlo-color-focus=#c2410c] - The focus ring (dark: #ffb86b).
 * @cssprop [--mlo-color-danger=#a4161a] - Error titles and borders (dark: #ffb3b0).
 * @cssprop [--mlo-color-danger-surface=#fdecec] - The error block's background (dark: #3a1517).
 * @cssprop [--mlo-color-warning-surface=#fff4d6] - The saved-copy notice's background (dark: #3a2f10).
 * @cssprop [--mlo-color-highlight=#ffe58a] - Matched words in search results (dark: #6b5a00).
 * @cssprop [--mlo-color-skeleton=#e3e7ed] - Loading placeholders (dark: #2c343d).
 * @cssprop [--mlo-shadow] - Shadow of raised cards.
 * @cssprop [--mlo-radius=0.375em] - Corner radius.
 * @cssprop [--mlo-space=1em] - Padding inside blocks.
 * @cssprop [--mlo-gap=1em] - Space between items.
 * @cssprop [--mlo-focus-width=3px] - Width of the focus ring.
 */

/** Light-theme values of the private tokens; each falls back from a public `--mlo-*` property. */
const lightTokens = css`
  --_bg: var(--mlo-color-background, #ffffff);
  --_surface: var(--mlo-color-surface, #f4f6f9);
  --_text: var(--mlo-color-text, #1b1f24);
  --_muted: var(--mlo-color-text-muted, #4a5360);
  --_accent: var(--mlo-color-accent, #004990);
  --_accent-contrast: var(--mlo-color-accent-contrast, #ffffff);
  --_link: var(--mlo-color-link, #004990);
  --_border: var(--mlo-color-border, #c5ccd6);
  --_control-border: var(--mlo-color-control-border, #6b7480);
  --_focus: var(--mlo-color-focus, #c2410c);
  --_danger: var(--mlo-color-danger, #a4161a);
  --_danger-surface: var(--mlo-color-danger-surface, #fdecec);
  --_warning-surface: var(--mlo-color-warning-surface, #fff4d6);
  --_mark: var(--mlo-color-highlight, #ffe58a);
  --_skeleton: var(--mlo-color-skeleton, #e3e7ed);
  --_shadow: var(--mlo-shadow, 0 1px 2px rgb(0 0 0 / 0.08), 0 2px 8px rgb(0 0 0 / 0.06));
  color-scheme: light;
`;

const darkTokens = css`
  --_bg: var(--mlo-color-background, #14181d);
  --_surface: var(--mlo-color-surface, #1e242b);
  --_text: var(--mlo-color-text, #e8ebef);
  --_muted: var(--mlo-color-text-muted, #b3bcc7);
  --_accent: var(--mlo-color-accent, #8cc4ff);
  --_accent-contrast: var(--mlo-color-accent-contrast, #0b1620);
  --_link: var(--mlo-color-link, #9ccbff);
  --_border: var(--mlo-color-border, #48525e);
  --_control-border: var(--mlo-color-control-border, #8a94a0);
  --_focus: var(--mlo-color-focus, #ffb86b);
  --_danger: var(--mlo-color-danger, #ffb3b0);
  --_danger-surface: var(--mlo-color-danger-surface, #3a1517);
  --_warning-surface: var(--mlo-color-warning-surface, #3a2f10);
  --_mark: var(--mlo-color-highlight, #6b5a00);
  --_skeleton: var(--mlo-color-skeleton, #2c343d);
  --_shadow: var(--mlo-shadow, 0 1px 2px rgb(0 0 0 / 0.5), 0 2px 8px rgb(0 0 0 / 0.4));
  color-scheme: dark;
`;

/**
 * The host reset and tokens. Inherited properties a hostile page may set on an ancestor
 * (line-height, letter-spacing, text-transform, word-spacing, text-align, font-style, white-space…)
 * are reset here; the page's non-inherited rules (`a`, `button`, `ul`, `img`) cannot reach into
 * the shadow root at all.
 *
 * The host paints its own background: its text colours are chosen for that background, so a widget
 * following a dark `prefers-color-scheme` on a light partner page stays readable. A page that wants
 * the widgets transparent sets `--mlo-color-background: transparent` and takes over the contrast.
 * `color-scheme` follows the theme, so form controls and scrollbars match it.
 */
export const hostStyles = css`
  :host {
    ${lightTokens}
    --_font-family: var(--mlo-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif);
    --_heading-font-family: var(--mlo-heading-font-family, var(--_font-family));
    --_radius: var(--mlo-radius, 0.375em);
    --_space: var(--mlo-space, 1em);
    --_gap: var(--mlo-gap, 1em);
    --_focus-width: var(--mlo-focus-width, 3px);

    display: block;
    box-sizing: border-box;
    container-type: inline-size;
    /*
     * A size container has no content width of its own: in a float, an inline-block, a flex or grid
     * item or a table cell it would collapse to nothing. This is the width it takes there instead
     * (a page may set another on the element, or give it a width).
     */
    contain-intrinsic-inline-size: 20em;
    min-width: 0;
    max-width: 100%;
    color: var(--_text);
    background-color: var(--_bg);
    cursor: auto;
    visibility: visible;
  }
  /*
   * Type is set here with !important because a page's universal rules ("* { line-height: 2 }",
   * "* { font-size: 100% }") reach the host element itself, where they beat :host rules; an !important
   * :host declaration beats every page declaration. The values still come from --mlo-* properties, the
   * one way to change them, and ::part() rules on inner nodes are unaffected.
   */
  :host {
    font-family: var(--_font-family) !important;
    font-size: var(--mlo-font-size, 16px) !important;
    font-weight: 400 !important;
    font-style: normal !important;
    font-variant: normal !important;
    font-stretch: normal !important;
    font-kerning: auto !important;
    font-feature-settings: normal !important;
    font-variation-settings: normal !important;
    font-size-adjust: none !important;
    font-synthesis: weight style !important;
    line-height: var(--mlo-line-height, 1.5) !important;
    letter-spacing: normal !important;
    word-spacing: normal !important;
    text-transform: none !important;
    text-align: start !important;
    text-align-last: auto !important;
    text-indent: 0 !important;
    text-shadow: none !important;
    text-underline-position: auto !important;
    text-rendering: auto !important;
    white-space: normal !important;
    overflow-wrap: anywhere !important;
    word-break: normal !important;
    line-break: auto !important;
    hyphens: manual !important;
    tab-size: 8 !important;
    quotes: auto !important;
    list-style: disc outside none !important;
    -webkit-text-fill-color: currentcolor !important;
    -webkit-text-stroke: 0 !important;
  }
  /*
   * On a right-to-left page the layout mirrors (logical properties), but the words stay in their own
   * direction: ours are left-to-right, feed text may be either. Each paragraph and inline run takes
   * its direction from its own text, so a Serbian Cyrillic date such as "14. okt 2026." keeps its full stop at the end, and lines up
   * on the page's side (right) instead of the text's.
   */
  :host(:dir(rtl)) {
    text-align: right !important;
  }
  :host(:dir(rtl)) * {
    unicode-bidi: plaintext;
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([data-mlo-theme='light'])) {
      ${darkTokens}
    }
  }
  :host([data-mlo-theme='dark']) {
    ${darkTokens}
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  a {
    color: var(--_link);
    text-decoration-thickness: 1px;
    text-underline-offset: 0.15em;
  }
  a:hover {
    text-decoration-thickness: 2px;
  }
  :focus-visible {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: 2px;
  }
  img {
    max-width: 100%;
    height: auto;
    border: 0;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    padding: 0 !important;
    margin: -1px !important;
    overflow: hidden !important;
    clip-path: inset(50%) !important;
    white-space: nowrap !important;
    border: 0 !important;
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation: none !important;
      transition: none !important;
      scroll-behavior: auto !important;
    }
  }
`;

/** Buttons (Retry, Load more, expand, copy): at least 24×24 px, visible in forced colors. */
export const buttonStyles = css`
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5em;
    min-height: 2.5em;
    min-width: 24px;
    padding: 0.4em 1em;
    margin: 0;
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_accent-contrast);
    font: inherit;
    font-weight: 600;
    line-height: 1.25;
    letter-spacing: normal;
    text-transform: none;
    text-decoration: none;
    cursor: pointer;
    width: auto;
    height: auto;
  }
  .button:hover {
    filter: brightness(1.1);
  }
  .button[disabled] {
    cursor: progress;
    opacity: 0.7;
  }
  .button--secondary {
    background: transparent;
    color: var(--_link);
    border-color: var(--_border);
  }
  @media (forced-colors: active) {
    .button {
      border: 1px solid ButtonText;
    }
  }
`;

/** The shared state blocks rendered by `src/internal/feed-states.ts`. */
export const stateStyles = css`
  .state {
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }
  .state--error {
    border-color: var(--_danger);
    background: var(--_danger-surface);
  }
  .state--stale {
    padding: 0.5em 0.75em;
    margin-block-end: 0.75em;
    background: var(--_warning-surface);
    font-size: 0.875em;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 1em;
  }
  .state__title {
    margin: 0 0 0.25em;
    font-size: 1em;
    font-weight: 700;
    color: var(--_danger);
  }
  .state--empty .state__title,
  .state--stale .state__title {
    color: var(--_text);
  }
  .state__message {
    margin: 0 0 0.75em;
  }
  .state--stale .state__message,
  .state--empty .state__message {
    margin: 0;
  }
  @media (forced-colors: active) {
    .state {
      border: 1px solid CanvasText;
    }
  }
`;

/** Placeholder blocks shown while loading; still in reduced motion (no shimmer). */
export const skeletonStyles = css`
  .skeleton {
    display: block;
    background: var(--_skeleton);
    border-radius: var(--_radius);
    animation: mlo-pulse 1.5s ease-in-out infinite;
  }
  @keyframes mlo-pulse {
    50% {
      opacity: 0.55;
    }
  }
  @media (forced-colors: active) {
    .skeleton {
      border: 1px dashed CanvasText;
    }
  }
`;

/**
 * The shared sheets, parsed when this module is evaluated rather than when the first element connects: the
 * loader evaluates the shared file in a task of its own, and registering an element upgrades every one on
 * the page in one task (sixty cards: most of a long task on a slow phone), which then need not parse them too.
 */
function parseNow(styles: readonly CSSResult[]): void {
  if (ON_SERVER || typeof CSSStyleSheet === 'undefined') return;
  // Undefined where the browser cannot adopt sheets (Lit writes <style> elements there): nothing to parse.
  for (const style of styles) if (!style.styleSheet) return;
}
parseNow([hostStyles, buttonStyles, stateStyles, skeletonStyles]);
