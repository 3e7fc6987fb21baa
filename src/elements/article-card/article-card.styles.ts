import { css } from 'lit';

/**
 * Teasers and headlines have fixed row heights (titles and summaries are clamped), so the placeholder
 * shown before data arrives has exactly the final size and nothing shifts when the news appears.
 * The image sits above the text in narrow containers and beside it from 36em, through a container
 * query on the card's own width (a grid column never reaches 36em, so grid cards always stack).
 */
export const styles = css`
  :host {
    --_media-width: var(--mlo-card-media-width, 11em);
    --_title-size: var(--mlo-card-title-font-size, 1.125em);
    --_title-line: 1.3;
  }

  .card {
    position: relative;
    margin: 0;
    color: var(--_text);
  }
  .card:focus {
    outline: none;
  }
  .card:focus-visible {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: 2px;
  }

  /* Teaser: a one-column grid (image above text) that becomes two columns in wide containers. */
  .card--teaser {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.75em var(--_gap);
    align-items: start;
  }
  .card__media {
    aspect-ratio: 16 / 9;
    overflow: hidden;
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .card__media img {
    display: block;
    width: 100%;
    height: 100%;
    object-fit: cover;
  }
  .card__text {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.375em;
    min-width: 0;
  }
  @container (min-width: 36em) {
    .card--teaser:not(.card--text) {
      grid-template-columns: var(--_media-width) minmax(0, 1fr);
    }
  }
  /* A link post's "-> host" after the date. */
  .card__external {
    margin-inline-start: 0.75em;
    color: var(--_link);
  }

  /* Fixed heights: two title lines, one date line, three summary lines, one row of tags. */
  .card__title {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    overflow: hidden;
    block-size: calc(2em * var(--_title-line));
    margin: 0;
    font-family: var(--_heading-font-family);
    font-size: var(--_title-size);
    font-weight: 700;
    line-height: var(--_title-line);
    color: var(--_text);
  }
  .card--headline .card__title {
    font-size: 1em;
  }
  .card__link {
    color: var(--_link);
    text-decoration: none;
  }
  /* The title link covers the whole card (one link, never nested ones). */
  .card__link::after {
    content: '';
    position: absolute;
    inset: 0;
    border-radius: var(--_radius);
  }
  .card__link:hover,
  .card:hover .card__link {
    text-decoration: underline;
    text-decoration-thickness: 1px;
  }
  .card__link:focus-visible {
    outline: none;
  }
  .card__link:focus-visible::after {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: 2px;
  }
  .card__meta {
    block-size: 1.5em;
    margin: 0;
    overflow: hidden;
    font-size: 0.875em;
    line-height: 1.5;
    white-space: nowrap;
    text-overflow: ellipsis;
    color: var(--_muted);
  }
  .card__summary {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 3;
    overflow: hidden;
    block-size: 4.5em;
    margin: 0;
    line-height: 1.5;
  }
  .card--teaser .card__tags {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375em;
    overflow: hidden;
    block-size: 1.625em;
  }
  .card__tags {
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: 0.8125em;
  }
  .card__tag {
    display: inline-block;
    max-inline-size: 100%;
    overflow: hidden;
    padding: 0.125em 0.625em;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_surface);
    color: var(--_muted);
    line-height: 1.25;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  .card--headline {
    display: grid;
    gap: 0.25em;
  }

  /* Placeholder bars inside the same fixed boxes. */
  .card--skeleton .card__title,
  .card--skeleton .card__summary {
    display: block;
  }
  .skeleton--fill {
    inline-size: 100%;
    block-size: 100%;
  }
  /* One bar per line of text, each a little shorter than its line; the last one shorter still. */
  .skeleton--text {
    display: block;
    block-size: 0.9em;
    margin-block: 0.25em;
  }
  .skeleton--text:last-child {
    inline-size: 65%;
  }
  .skeleton--title {
    inline-size: 85%;
    block-size: 1.5em;
  }
  .card--full .skeleton--title {
    block-size: 1.75em;
    margin-block-end: 0.5em;
  }
  .skeleton--date {
    display: inline-block;
    inline-size: 7em;
    block-size: 1em;
    vertical-align: middle;
  }
  /*
   * A full article's placeholder takes the reader's first screen (dist/mlo-widgets.css reserves the same):
   * whatever follows it on the page is below the fold until the article arrives, so the article's real
   * height, longer than its first lines, moves nothing the reader sees.
   */
  .placeholder--full {
    min-block-size: var(--mlo-article-placeholder-height, 100svh);
  }
  /* The full article's header, the same in its placeholder (the rest of its styles come with its code: ./full-article.styles.ts). */
  .article__header {
    display: flex;
    flex-direction: column;
    gap: 0.25em;
    margin-block-end: 1em;
  }
  .article__header .card__date {
    order: -1;
    color: var(--_muted);
    font-size: 0.9375em;
  }
  @media (forced-colors: active) {
    .card__media {
      border: 1px solid CanvasText;
    }
    .card__link:focus-visible::after,
    .card:focus-visible {
      outline-color: Highlight;
    }
    .card__tag {
      border-color: CanvasText;
    }
  }
`;
