import { css } from 'lit';

export const styles = css`
  :host {
    --_separator-color: var(--mlo-breadcrumb-separator-color, var(--_muted));
    --_separator-gap: var(--mlo-breadcrumb-separator-gap, 0.5em);
    --_current-color: var(--mlo-breadcrumb-current-color, var(--_text));
    /* A line of the path: at least a 24 px touch target, however small the font. */
    --_step-height: max(24px, 1.5em);
  }

  /* Baselines, so that a separator sits on the first line of a title that wraps. */
  .list {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .item {
    display: inline-flex;
    align-items: baseline;
    min-width: 0;
    max-width: 100%;
  }

  /* Drawn, not written: the alt text '' keeps the separators out of the accessibility tree. */
  .item + .item::before {
    content: '/' / '';
    display: inline-block;
    flex: none;
    margin-inline: var(--_separator-gap);
    color: var(--_separator-color);
  }

  /* Right-to-left pages read the path from the right, so the slant of the separator turns too. */
  :host(:dir(rtl)) .item + .item::before {
    transform: scaleX(-1);
  }

  /*
   * Server-rendered without src or feed (docs/ssr.md), the children show through a slot until the
   * browser reads them; bare links and spans get the path's separators meanwhile.
   */
  ::slotted(:is(a, span):not(:first-child))::before {
    content: '/' / '';
    display: inline-block;
    margin-inline: var(--_separator-gap);
    color: var(--_separator-color);
  }

  .step {
    display: inline-block;
    min-width: 0;
    min-block-size: var(--_step-height);
    line-height: var(--_step-height);
  }

  /* Bold and never underlined, so it stays apart from the links in forced colours too. */
  .current {
    color: var(--_current-color);
    font-weight: 600;
  }

  .text {
    color: var(--_muted);
  }

  .expand {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-inline-size: max(24px, 2em);
    min-block-size: var(--_step-height);
    margin: 0;
    padding: 0 0.375em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: transparent;
    color: var(--_link);
    font: inherit;
    line-height: 1;
    cursor: pointer;
  }

  .expand:hover {
    background: var(--_surface);
  }

  /* The "..." item exists only for a collapsed path in a narrow container. */
  .item--toggle {
    display: none;
  }

  @container (max-width: 30em) {
    .list--collapsible:not(.list--expanded) .item--middle {
      display: none;
    }
    .list--collapsible:not(.list--expanded) .item--toggle {
      display: inline-flex;
    }
  }

  .skeleton--line {
    block-size: var(--_step-height);
    inline-size: min(100%, 28em);
  }

  @media (forced-colors: active) {
    .expand {
      border-color: ButtonText;
      color: ButtonText;
    }
  }
`;
