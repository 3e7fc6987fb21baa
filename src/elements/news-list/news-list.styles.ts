import { css } from 'lit';

/**
 * The list owns the chrome around each card (separators, grid cells); the card owns what is inside.
 * The placeholder uses the same `.items` / `.item` / `.more` boxes, so its height is the final height.
 * Grid columns follow the element's own width through container queries on the host.
 */
export const styles = css`
  /* Held while its cards render in slices (src/internal/render-slices.ts): the page's reservation shows instead. */
  :host(:state(pending)) > * {
    display: none;
  }
  .items {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .item {
    min-width: 0;
    margin: 0;
  }
  /* A card paints the page colour behind it on its own; in the list the item's background shows instead. */
  .item > mlo-article-card {
    background-color: transparent;
  }

  .items--list > .item,
  .items--headlines > .item {
    padding-block: 1em;
    border-block-end: 1px solid var(--mlo-list-separator-color, var(--_border));
  }
  .items--list > .item:first-child,
  .items--headlines > .item:first-child {
    padding-block-start: 0;
  }
  .items--headlines > .item {
    padding-block: 0.625em;
  }

  .items--grid {
    gap: var(--mlo-grid-gap, 1em);
  }
  .items--grid > .item {
    padding: 0.75em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    box-shadow: var(--_shadow);
  }
  @container (min-width: 32em) {
    .items--grid {
      grid-template-columns: repeat(2, minmax(0, 1fr));
    }
  }
  @container (min-width: 50em) {
    .items--grid {
      grid-template-columns: repeat(3, minmax(0, 1fr));
    }
  }
  @container (min-width: 68em) {
    .items--grid {
      grid-template-columns: repeat(auto-fill, minmax(16em, 1fr));
    }
  }

  .more {
    display: flex;
    justify-content: center;
    margin-block-start: 1em;
  }
  .skeleton--button {
    inline-size: 8em;
    block-size: 2.5em;
  }
  .load-more-error {
    margin-block-start: 1em;
  }
  .button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.7;
  }

  @media (forced-colors: active) {
    .items--grid > .item {
      border-color: CanvasText;
    }
  }
`;
