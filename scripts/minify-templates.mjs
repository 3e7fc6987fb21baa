// The minification of Lit's template literals in our TypeScript, before it is compiled: one owner for
// the shipped build (vite.config.ts) and the benchmarks' bundles (bench/speed-harness.mjs), so both
// measure the same code.
import ts from 'typescript';

/**
 * Minifies the text of a `css` template: comments dropped, whitespace collapsed, and no space around
 * `{ } ; , :` or `>`. Quoted strings are kept as written; `${…}` interpolations too (they hold no CSS
 * text here, only other `css` results). `+`, `-` and `/` keep their spaces (`calc()`, `content: '/' / ''`).
 * @param {string} text
 * @returns {string}
 */
export function minifyCssText(text) {
  return dropCssComments(text)
    .split(CSS_TOKENS)
    .map((part, index) =>
      index % 2 === 1
        ? part
        : part
            .replace(/\s+/g, ' ')
            .replace(/\s*([{};,>])\s*/g, '$1')
            .replace(/:\s+/g, ':')
            .replace(/;}/g, '}'),
    )
    .join('')
    .trim();
}

/** What CSS minification keeps as written: quoted strings and `${…}` interpolations. */
const CSS_TOKENS = /('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|\$\{[^}]*\})/;

/**
 * The text of a `css` template without its comments. Comments and strings are found in one pass, so an
 * apostrophe in a comment ("the item's background") does not open a string, and a `/*` in a string stays.
 * @param {string} text
 * @returns {string}
 */
function dropCssComments(text) {
  return text.replace(/\/\*[\s\S]*?\*\/|'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g, (token) => (token.startsWith('/*') ? ' ' : token));
}

/**
 * Collapses the markup of every html`…` template: a run of whitespace that holds a line break becomes
 * one space, which HTML renders the same (none of our templates holds a <pre> or a <textarea>). Found by
 * TypeScript's parser, because templates nest inside each other's `${…}`.
 * @param {string} code
 * @param {string} fileName
 * @returns {string}
 */
function collapseHtmlTemplates(code, fileName) {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true);
  /** @type {Array<{ start: number; end: number; text: string }>} */
  const edits = [];
  /** @type {(node: ts.Node, open: number, close: number) => void} */
  const collapse = (node, open, close) => {
    const start = node.getStart(source) + open;
    const end = node.getEnd() - close;
    const text = code.slice(start, end);
    const collapsed = text.replace(/\s*\n\s*/g, ' ');
    if (collapsed !== text) edits.push({ start, end, text: collapsed });
  };
  /** @type {(node: ts.Node) => void} */
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && node.tag.text === 'html') {
      const template = node.template;
      if (ts.isNoSubstitutionTemplateLiteral(template)) collapse(template, 1, 1);
      else {
        collapse(template.head, 1, 2);
        for (const span of template.templateSpans) collapse(span.literal, 1, ts.isTemplateTail(span.literal) ? 1 : 2);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  let result = code;
  for (const edit of edits.sort((a, b) => b.start - a.start)) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return result;
}

/**
 * Our TypeScript module with its css`…` and html`…` templates minified; the same text when it has none.
 * @param {string} code
 * @param {string} fileName
 * @returns {string}
 */
export function minifyTemplates(code, fileName) {
  let result = code;
  if (result.includes('css`')) result = result.replace(/\bcss`([^`]*)`/g, (_match, body) => `css\`${minifyCssText(body)}\``);
  if (result.includes('html`')) result = collapseHtmlTemplates(result, fileName);
  return result;
}
