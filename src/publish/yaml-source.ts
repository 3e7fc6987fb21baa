/**
 * YAML (and JSON, which YAML 1.2 reads too) with line numbers: the site config and Markdown front
 * matter are parsed as a `yaml` Document, so every message can name the line of the field it is about,
 * and a syntax error names its line and column.
 */
import { LineCounter, isNode, parseDocument } from 'yaml';
import type { Diagnostics } from './diagnostics.js';

export interface YamlSource {
  /** The plain JavaScript value (objects, arrays, strings, numbers; dates stay strings). */
  value: unknown;
  /** The 1-based line of the value at `path` in the whole file, if it is there. */
  lineOf(path: readonly (string | number)[]): number | undefined;
}

/**
 * Parses `text`; `firstLine` is the file line the text starts on (front matter starts on line 2).
 * Syntax errors go to `diagnostics` with their line and the result is undefined.
 */
export function parseYaml(text: string, file: string, diagnostics: Diagnostics, firstLine = 1): YamlSource | undefined {
  const lineCounter = new LineCounter();
  // `uniqueKeys` turns a key written twice into an error rather than a silent override; YAML 1.2's core
  // schema keeps `2023-11-22T12:00:00+01:00` a string (no YAML 1.1 timestamps) so dates stay as written.
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, schema: 'core', version: '1.2' });
  const line = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  if (document.errors.length > 0) {
    for (const error of document.errors) {
      const { line: errorLine, col } = lineCounter.linePos(error.pos[0]);
      diagnostics.error(file, `YAML: ${error.message.split('\n')[0] ?? error.message}`, { line: errorLine + firstLine - 1, column: col });
    }
    return undefined;
  }
  return {
    value: document.toJS({ maxAliasCount: 100 }) as unknown,
    lineOf(path) {
      const node: unknown = path.length === 0 ? document.contents : document.getIn(path, true);
      if (isNode(node) && node.range) return line(node.range[0]);
      // A key whose value is null has no value node; point at the parent instead.
      return path.length > 0 ? this.lineOf(path.slice(0, -1)) : undefined;
    },
  };
}
