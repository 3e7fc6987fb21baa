import { css } from 'lit';

export const styles = css`
  :host {
    --_column-width: var(--mlo-office-contact-column-width, 16em);
    --_unit-background: var(--mlo-office-contact-unit-background, transparent);
    --_unit-padding: var(--mlo-office-contact-unit-padding, 0);
  }

  .offices {
    display: grid;
    gap: calc(var(--_gap) * 1.5);
  }

  /* Stacked by default; side by side once the container is wide enough for two columns. */
  .office {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_gap);
  }

  @container (min-width: 34em) {
    .office {
      grid-template-columns: repeat(auto-fit, minmax(min(100%, var(--_column-width)), 1fr));
    }
  }

  .unit {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 0.5em;
    min-width: 0;
    padding: var(--_unit-padding);
    background: var(--_unit-background);
    border-radius: var(--_radius);
  }

  .unit > * {
    max-width: 100%;
  }

  .unit__heading {
    margin: 0;
    color: var(--_text);
    font-family: var(--_heading-font-family);
    font-size: var(--mlo-office-contact-heading-size, 1.125em);
    font-weight: 700;
    line-height: 1.3;
  }

  .address {
    margin: 0;
    font-style: normal;
  }

  /*
   * Each line takes its direction from its own text ("11000 Belgrade" stays in that order on a
   * right-to-left page) but keeps the page's alignment; plaintext would otherwise align by the
   * text's direction, and Chromium resolves match-parent to start, so the side is set per direction.
   */
  .address__line {
    display: block;
    unicode-bidi: plaintext;
    text-align: left;
  }

  :host(:dir(rtl)) .address__line {
    text-align: right;
  }

  .contacts {
    margin: 0;
  }

  .contacts__row {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.5em;
  }

  .contacts dt {
    color: var(--_muted);
  }

  .contacts dd {
    margin: 0;
    min-width: 0;
  }

  .contacts__link,
  .map-link {
    display: inline-block;
    min-block-size: max(24px, 1.5em);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 1em;
  }

  .copy-status {
    margin: 0;
    color: var(--_muted);
    font-size: 0.875em;
  }

  .skeleton--heading {
    inline-size: min(100%, 14em);
    block-size: 1.5em;
  }

  .skeleton--address {
    inline-size: min(100%, 12em);
    block-size: 6em;
  }
`;
