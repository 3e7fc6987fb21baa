/**
 * Small render helpers shared by the elements: headings whose level follows the host page's outline,
 * and message templates whose `{placeholders}` are filled with text or links.
 */
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { integerInRange } from './attributes.js';
import type { TextDirection } from './direction.js';

/** A requested heading level, 1–6; anything else gives `fallback`. */
export function validHeadingLevel(level: number | undefined, fallback: number): number {
  return integerInRange(level, 1, 6, fallback);
}

/**
 * An `<h1>`–`<h6>`. Lit binds values, not tag names, so each level is its own template;
 * `lang` is the language of `content` when it differs from the element's (feed text), and `dir` its
 * writing direction (`contentDirection`).
 */
export function renderHeading(level: number, part: string, className: string, content: unknown, lang?: string, dir?: TextDirection): TemplateResult {
  const l = lang || undefined;
  switch (level) {
    case 1:
      return html`<h1 class=${className} part=${part} lang=${ifDefined(l)} dir=${ifDefined(dir)}>${content}</h1>`;
    case 2:
      return html`<h2 class=${className} part=${part} lang=${ifDefined(l)} dir=${ifDefined(dir)}>${content}</h2>`;
    case 4:
      return html`<h4 class=${className} part=${part} lang=${ifDefined(l)} dir=${ifDefined(dir)}>${content}</h4>`;
    case 5:
      return html`<h5 class=${className} part=${part} lang=${ifDefined(l)} dir=${ifDefined(dir)}>${content}</h5>`;
    case 6:
      return html`<h6 class=${className} part=${part} lang=${ifDefined(l)} dir=${ifDefined(dir)}>${content}</h6>`;
    default:
      return html`<h3 class=${className} part=${part} lang=${ifDefined(l)} dir=${ifDefined(dir)}>${content}</h3>`;
  }
}

/**
 * Splits a message template such as "Story by {byline} (originally posted on {source})" and puts
 * each value (text or a template) in place of its placeholder. The template is split before any value
 * goes in, so braces inside feed text stay text.
 */
export function fillTemplate(template: string, values: Readonly<Record<string, unknown>>): unknown[] {
  return template.split(/(\{\w+\})/).map((piece) => {
    const name = /^\{(\w+)\}$/.exec(piece)?.[1];
    return name !== undefined && name in values ? values[name] : piece;
  });
}
