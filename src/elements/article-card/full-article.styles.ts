import { css } from 'lit';

/**
 * The full article's own styles, loaded with its code (./full-article.ts) on the first full article:
 * a page of teasers and headlines never downloads them. Adopted into the card's shadow root after the
 * card's own styles (./article-card.styles.ts), whose custom properties (`--_text`, `--_muted` …) they use.
 *
 * As on the source page: date above the title, then the body, its photos, the byline, downloads, tags.
 */
export const fullArticleStyles = css`
  .card--full {
    display: block;
    max-inline-size: var(--mlo-article-max-width, 48em);
  }
  .article__title {
    margin: 0;
    font-family: var(--_heading-font-family);
    font-size: var(--mlo-article-title-font-size, 1.75em);
    font-weight: 700;
    line-height: 1.25;
    color: var(--_text);
  }
  .article__banner {
    display: block;
    inline-size: 100%;
    margin-block-end: 1em;
    border-radius: var(--_radius);
  }
  .content > :first-child {
    margin-block-start: 0;
  }
  .content p,
  .content ul,
  .content ol,
  .content dl,
  .content blockquote,
  .content figure,
  .content table,
  .content pre {
    margin-block: 0 1em;
  }
  .content ul,
  .content ol {
    padding-inline-start: 1.5em;
  }
  .content h1,
  .content h2,
  .content h3,
  .content h4,
  .content h5,
  .content h6 {
    margin-block: 1.25em 0.5em;
    font-family: var(--_heading-font-family);
    font-size: 1.125em;
    line-height: 1.3;
  }
  /* A link whose address was unsafe lost its href: it is text now, and must not look like a link. */
  .content a:not([href]) {
    color: inherit;
    text-decoration: none;
  }
  .content blockquote {
    margin-inline: 0;
    padding-inline-start: 1em;
    border-inline-start: 0.25em solid var(--_border);
    color: var(--_muted);
  }
  .content figure,
  .photo {
    margin-inline: 0;
  }
  .content img,
  .photo img {
    display: block;
    max-inline-size: 100%;
    block-size: auto;
    border-radius: var(--_radius);
  }
  .content figcaption,
  .photo__caption {
    margin-block-start: 0.5em;
    font-size: 0.875em;
    color: var(--_muted);
  }
  .photo {
    margin-block: 0 1em;
  }
  /* Wide tables and code scroll inside the article instead of widening the page. */
  .content table,
  .content pre {
    display: block;
    max-inline-size: 100%;
    overflow-x: auto;
  }
  .content table {
    border-collapse: collapse;
  }
  .content th,
  .content td {
    padding: 0.375em 0.625em;
    border: 1px solid var(--_border);
    text-align: start;
    vertical-align: top;
  }
  .content pre {
    white-space: pre;
    overflow-wrap: normal;
  }
  .byline {
    margin-block: 1.5em 1em;
    font-style: italic;
    color: var(--_muted);
  }
  .downloads {
    margin-block: 1em;
  }
  .downloads__title {
    margin-block: 0 0.5em;
    font-family: var(--_heading-font-family);
    font-size: 1em;
  }
  .downloads__list {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .downloads__list a {
    display: inline-block;
    min-block-size: 24px;
    padding-block: 0.125em;
  }
  .download__details {
    color: var(--_muted);
  }
  .card--full .card__tags {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375em;
    margin-block-start: 1em;
  }

`;
