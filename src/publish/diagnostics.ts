// Node's types for src/publish/ only: tsconfig.build.json compiles all of src/ with the DOM types, and
// the publishing code (never imported by the elements) is the one part that runs in Node.
/// <reference types="node" />
/**
 * What the publishing commands report about their input: warnings (the build goes on) and errors (the
 * build fails with exit code 1), each naming the file, the field and, where the input has lines, the line.
 */

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  severity: Severity;
  /** The input file or URL, as the user named it (relative to the working directory when it is a file). */
  file: string;
  /** The field: a front-matter key, an XML element, or a JSON path (`$.items[3].id`). */
  field?: string;
  /** 1-based line in `file`, when the input has lines and the reader knows it. */
  line?: number;
  column?: number;
  message: string;
}

/** Exit codes of `mlo-feed`, for CI: documented in docs/publishing.md. */
export const EXIT_OK = 0;
/** The content is wrong: an input or output file breaks a rule (the messages say which). */
export const EXIT_CONTENT = 1;
/** The command is wrong: unknown command or option, missing or broken site config, unreadable path. */
export const EXIT_USAGE = 2;
/** A bug in mlo-feed itself (EX_SOFTWARE of sysexits.h): the message asks for a report. */
export const EXIT_INTERNAL = 70;

/** A usage or configuration problem: the command stops and exits with EXIT_USAGE. */
export class UsageError extends Error {
  override name = 'UsageError';
  constructor(
    message: string,
    readonly diagnostics: Diagnostic[] = [],
  ) {
    super(message);
  }
}

/** Collects diagnostics as a command runs. */
export class Diagnostics {
  readonly list: Diagnostic[] = [];

  error(file: string, message: string, where: { field?: string; line?: number; column?: number } = {}): void {
    this.list.push({ severity: 'error', file, message, ...defined(where) });
  }

  warn(file: string, message: string, where: { field?: string; line?: number; column?: number } = {}): void {
    this.list.push({ severity: 'warning', file, message, ...defined(where) });
  }

  get errors(): Diagnostic[] {
    return this.list.filter((entry) => entry.severity === 'error');
  }

  get warnings(): Diagnostic[] {
    return this.list.filter((entry) => entry.severity === 'warning');
  }
}

function defined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}

/** `file:line:column: error: field: message`, the form editors and CI logs link to. */
export function formatDiagnostic(entry: Diagnostic): string {
  const place = [entry.file, entry.line, entry.line === undefined ? undefined : entry.column].filter((part) => part !== undefined).join(':');
  return `${place}: ${entry.severity}: ${entry.field === undefined ? '' : `${entry.field}: `}${entry.message}`;
}

/** The 1-based line and column of a character offset in a text. */
export function lineAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) {
    line += 1;
    lineStart = index + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
