import { css } from 'lit';

export const styles = css`
  .search {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.5em;
    margin: 0;
  }
  .label {
    font-weight: 600;
  }
  .controls {
    display: flex;
    flex-direction: column;
    gap: 0.75em;
    min-width: 0;
  }
  .input,
  .select {
    min-height: 2.75em;
    margin: 0;
    padding-block: 0.5em;
    padding-inline: 0.75em;
    /* The edge that shows where to type: 3:1 against the background (WCAG 1.4.11), unlike decorative borders. */
    border: 1px solid var(--_control-border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
    font: inherit;
    line-height: 1.25;
  }
  .input {
    width: 100%;
    min-width: 0;
  }
  .input::placeholder {
    color: var(--_muted);
    opacity: 1;
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1em;
    min-width: 0;
  }
  .filter {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
    min-width: 0;
    max-width: 100%;
  }
  .filter__label {
    flex: none;
    font-size: 0.875em;
    color: var(--_muted);
  }
  /* A long topic must not widen the element: the drop-down shrinks and its text is cut. */
  .select {
    flex: 0 1 auto;
    min-width: 0;
    max-width: 100%;
    min-height: 2.5em;
    padding-block: 0.25em;
  }
  @container (min-width: 40em) {
    .controls {
      flex-direction: row;
      align-items: center;
    }
    .input {
      flex: 1 1 16em;
    }
    .filters {
      flex: 0 1 auto;
      flex-wrap: nowrap;
    }
  }

  .status,
  .progress {
    margin-block: 0.5em 0;
    margin-inline: 0;
    font-size: 0.875em;
    color: var(--_muted);
  }
  /* Never display: none, or screen readers would miss the first announcement. */
  .status:empty {
    margin: 0;
  }

  .listbox {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    margin-block: 0.5em 0;
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    overflow: hidden;
  }
  .listbox[hidden] {
    display: none;
  }
  .option {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.125em;
    min-height: 24px;
    padding-block: 0.75em;
    padding-inline: 0.75em 1em;
    border-block-end: 1px solid var(--_border);
    border-inline-start: 0.25em solid transparent;
    color: var(--_text);
    text-decoration: none;
    cursor: pointer;
  }
  /* A result still loading: about as tall as one with a title, a date and two lines of excerpt, so the list keeps its height. */
  .option--pending {
    min-height: 6em;
    cursor: default;
    background: linear-gradient(var(--_surface), var(--_surface)) 0.75em 1em / 60% 0.9em no-repeat;
  }
  .option:last-child {
    border-block-end: 0;
  }
  .option:hover,
  .option[aria-selected='true'] {
    background: var(--_surface);
    border-inline-start-color: var(--_accent);
  }
  .option[aria-selected='true'] {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: calc(-1 * var(--_focus-width));
  }
  .option__title {
    font-family: var(--_heading-font-family);
    font-weight: 600;
    color: var(--_link);
  }
  a.option:hover .option__title {
    text-decoration: underline;
  }
  .option__date {
    font-size: 0.875em;
    color: var(--_muted);
  }
  .option__excerpt {
    font-size: 0.875em;
  }
  /* The text colour, not the link's: the link colour on the highlight fails contrast in the dark theme. */
  mark {
    padding-inline: 0.0625em;
    border-radius: 0.125em;
    background: var(--_mark);
    color: var(--_text);
  }

  .fallback {
    display: grid;
    gap: 0.5em;
    margin-block: var(--_gap) 0;
  }
  .fallback__intro {
    margin: 0;
  }
  .fallback__row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .fallback__row .input {
    flex: 1 1 12em;
    width: auto;
  }

  @media (forced-colors: active) {
    .input,
    .select,
    .listbox {
      border: 1px solid CanvasText;
    }
    .option[aria-selected='true'] {
      outline: var(--_focus-width) solid Highlight;
    }
    mark {
      background: Mark;
      color: MarkText;
    }
  }
`;
